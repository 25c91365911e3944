#include "ui/ControlRoomView.h"

#include <imgui.h>

#include "studio/SessionStore.h"

namespace ds::ui {

RundownFigures figuresAt(const Snapshot& snap, TimePoint now) {
    if (!snap.session) return {};
    return SessionStore::clock(*snap.session, now);
}

void ControlRoomView::drawMain(const Frame& f) {
    if (focus_ >= 0) {
        const char* ids[] = {"###producer", "###screener", "###ppid"};
        if (focus_ <= static_cast<int>(WindowId::Ppid)) ImGui::SetWindowFocus(ids[focus_]);
        focus_ = -1;
    }
    menu.draw(f, sessions);
    status.draw(f);
    producer.draw(f);
    screener.draw(f);
    ppid.draw(f);
    sessions.draw(f);
    messages.draw(f);
}

void ControlRoomView::drawGuest(const Frame& f) {
    guest.draw(f);
}

void ControlRoomView::onOutcome(const Outcome& outcome, double now) {
    screener.onOutcome(outcome);
    messages.show(outcome, now);
}

void ControlRoomView::focus(WindowId window) {
    focus_ = static_cast<int>(window);
    if (window == WindowId::Screener) screener.focusForm();
}

}  // namespace ds::ui
