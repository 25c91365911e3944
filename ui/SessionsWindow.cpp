#include "ui/SessionsWindow.h"

#include <imgui.h>

#include <fmt/format.h>

#include "ui/Input.h"
#include "ui/Layout.h"
#include "ui/Style.h"
#include "ui/Translations.h"

namespace ds::ui {

void SessionsWindow::draw(const Frame& f) {
    const bool none = !f.snap.session && f.snap.generation > 0;
    if (!open_ && !none) return;
    layout::place(WindowId::Sessions, f.fonts, f.app.layoutPreset);
    if (focus_) {
        ImGui::SetNextWindowFocus();
        focus_ = false;
    }
    bool keepOpen = true;
    const std::string title = style::withId(tr(Tx::SessionsTitle), kId);
    if (ImGui::Begin(title.c_str(), none ? nullptr : &keepOpen, ImGuiWindowFlags_NoCollapse)) {
        capture::window();
        const auto& list = f.snap.sessions;
        int index = -1;
        for (int i = 0; i < static_cast<int>(list.size()); ++i) {
            if (list[i].id == selected_) index = i;
        }
        if (index < 0 && !list.empty()) index = 0;
        const bool focused = ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows);
        if (focused && !style::modalOpen()) {
            if (style::shortcut(key::Up, 0, true) && index > 0) --index;
            if (style::shortcut(key::Down, 0, true) && index + 1 < static_cast<int>(list.size()))
                ++index;
        }
        selected_ = index >= 0 ? list[index].id : 0;
        ImGui::TextWrapped("%s", tr(none ? Tx::ChooseSessionFirst : Tx::ChooseSession));
        if (style::actionButton(tr(Tx::CreateDemo), nullptr, true, colours::Accent)) {
            f.emit(cmd::CreateDemoSession{});
            open_ = false;
        }
        const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                      ImGuiTableFlags_SizingFixedFit |
                                      ImGuiTableFlags_BordersInnerV;
        if (ImGui::BeginTable("sessionlist", 4, flags, ImVec2(0, 0))) {
            ImGui::TableSetupScrollFreeze(0, 1);
            ImGui::TableSetupColumn("#", 0, ImGui::CalcTextSize("0000").x);
            ImGui::TableSetupColumn(tr(Tx::ColScheduled), 0,
                                    ImGui::CalcTextSize("2026-11-26 09:00 WITA").x);
            ImGui::TableSetupColumn(tr(Tx::ColStatus), 0, ImGui::CalcTextSize("Ditandatangani").x);
            ImGui::TableSetupColumn(tr(Tx::ColTopic), ImGuiTableColumnFlags_WidthStretch);
            ImGui::TableHeadersRow();
            for (const SessionSummary& s : list) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushID(static_cast<int>(s.id));
                bool current = f.snap.session && f.snap.session->id == s.id;
                if (ImGui::Selectable(std::to_string(s.id).c_str(), s.id == selected_,
                                      ImGuiSelectableFlags_SpanAllColumns |
                                          ImGuiSelectableFlags_AllowDoubleClick)) {
                    selected_ = s.id;
                    if (ImGui::IsMouseDoubleClicked(0)) {
                        f.emit(cmd::OpenSession{s.id});
                        open_ = false;
                    }
                }
                ImGui::PopID();
                ImGui::TableNextColumn();
                const std::string when = f.snap.clock.date(s.scheduledStart) + " " +
                                         f.snap.clock.time(s.scheduledStart, false) + " " +
                                         f.snap.clock.abbrev;
                ImGui::TextUnformatted(when.c_str());
                ImGui::TableNextColumn();
                const Tx st = s.status == "live"      ? Tx::StatusLive
                              : s.status == "planned" ? Tx::StatusPlanned
                              : s.status == "ended"   ? Tx::StatusEnded
                                                      : Tx::StatusSigned;
                style::colouredText(s.status == "live" ? colours::Red : colours::Text, tr(st));
                ImGui::TableNextColumn();
                const std::string topic =
                    (current ? "\xE2\x96\xB6 " : "") + s.programmeTitle + " — " + s.topic;
                ImGui::TextUnformatted(topic.c_str());
            }
            ImGui::EndTable();
        }
        if (focused && !style::modalOpen() && selected_ != 0 &&
            (style::shortcut(key::Enter) || style::shortcut(key::KpEnter))) {
            f.emit(cmd::OpenSession{selected_});
            open_ = false;
        }
        if (focused && style::shortcut(key::Escape)) open_ = false;
    }
    ImGui::End();
    if (!keepOpen) open_ = false;
}

}  // namespace ds::ui
