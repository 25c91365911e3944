#include "ui/GuestWindow.h"

#include <imgui.h>

#include <algorithm>

#include <fmt/format.h>

#include "ui/Screenshot.h"
#include "ui/Style.h"
#include "ui/Translations.h"

namespace ds::ui {

namespace {

GuestModel::Item item(const Question& q) {
    return PersonalDataPolicy::guestQuestion(q, GuestWindow::marks());
}

// At most `lines` wrapped lines of `text` at `width`, with an ellipsis when cut.
std::string clampLines(ImFont* font, float size, const std::string& text, float width, int lines) {
    const float scale = size / font->FontSize;
    const char* s = text.c_str();
    const char* end = s + text.size();
    for (int i = 0; i < lines && s < end; ++i) {
        const char* wrap = font->CalcWordWrapPositionA(scale, s, end, width);
        if (wrap == s) wrap = s + 1;
        if (i == lines - 1 && wrap < end) {
            // Leave room for the ellipsis on the last line.
            const char* cut =
                font->CalcWordWrapPositionA(scale, s, end, width - font->FontSize * scale);
            return text.substr(0, cut - text.c_str()) + "\xE2\x80\xA6";
        }
        s = wrap;
        while (s < end && (*s == ' ' || *s == '\n'))
            ++s;
    }
    return text;
}

}  // namespace

HiddenMarks GuestWindow::marks() {
    return {tr(Tx::HiddenNumber), tr(Tx::HiddenEmail), tr(Tx::HiddenName)};
}

std::string GuestWindow::hidePhoneNumbers(const std::string& text) {
    return PersonalDataPolicy::cleanText(text, {}, marks());
}

GuestModel GuestWindow::model(const Snapshot& snap, const RundownFigures* figures, TimePoint now,
                              const std::string& message, int maxNext) {
    GuestModel m;
    m.message = message;
    m.clock = snap.clock.time(now, false);
    if (!snap.session) return m;
    m.state = snap.session->status;
    m.live = snap.live();
    if (!m.live) return m;
    // Only the question on air and approved questions; nothing else in the snapshot is read.
    if (const Question* q = snap.onAirQuestion(); q && q->status == "on_air") m.current = item(*q);
    for (int i : snap.approved) {
        const Question& q = snap.questions[i];
        if (q.status != "approved") continue;
        if (static_cast<int>(m.next.size()) >= maxNext) break;
        m.next.push_back(item(q));
    }
    if (figures && figures->current >= 0) {
        m.segmentTitle = snap.session->segments[figures->current].title;
        m.timeLeft = style::clock(figures->leftInSegment);
        m.urgency = figures->segmentUrgency;
        m.held = figures->held;
    }
    return m;
}

void GuestWindow::draw(const Frame& f) {
    const GuestModel m = model(f.snap, f.figures, f.now, f.app.guestMessage);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(0, 0, 0, 255));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding,
                        ImVec2(vp->Size.y * 0.03f, vp->Size.y * 0.025f));
    ImGui::Begin("###guest", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse);
    capture::window();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    // The fonts are rasterised for 1080 lines; scale to this window.
    const float s = std::clamp(vp->Size.y / 1080.0f, 0.3f, 3.0f);
    ImGui::SetWindowFontScale(s);
    const FontSet& fonts = f.fonts;
    const float width = ImGui::GetContentRegionAvail().x;
    ImDrawList* dl = ImGui::GetWindowDrawList();

    const auto label = [&](const char* text, ImU32 colour) {
        ImGui::PushFont(fonts.small);
        ImGui::SetWindowFontScale(s);
        style::colouredText(colour, text);
        ImGui::PopFont();
        ImGui::SetWindowFontScale(s);
    };
    const auto withFont = [&](ImFont* font, auto&& fn) {
        ImGui::PushFont(font);
        ImGui::SetWindowFontScale(s);
        fn();
        ImGui::PopFont();
        ImGui::SetWindowFontScale(s);
    };

    // Top: the segment and the time left in it, large.
    const float topY = ImGui::GetCursorPosY();
    if (!m.timeLeft.empty()) {
        const ImVec2 size = style::clockTextSize(fonts.big, m.timeLeft, s);
        ImGui::SetCursorPos(ImVec2(ImGui::GetWindowWidth() - size.x - vp->Size.y * 0.03f, topY));
        style::clockText(fonts.big, m.timeLeft, style::urgency(m.urgency), s);
        RegionSink::mark("guest_time");
        ImGui::SetCursorPosY(topY);
    }
    const float leftW =
        width - (m.timeLeft.empty() ? 0 : style::clockTextSize(fonts.big, "00:00", s).x + 20);
    label(m.held ? tr(Tx::GuestHeld) : tr(Tx::GuestTimeLeft),
          m.held ? colours::Amber : colours::Dim);
    withFont(fonts.heading, [&] {
        ImGui::PushTextWrapPos(leftW);
        ImGui::TextUnformatted(m.segmentTitle.c_str());
        ImGui::PopTextWrapPos();
    });
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), topY + fonts.big->FontSize * s));
    const ImVec2 sep = ImGui::GetCursorScreenPos();
    dl->AddLine(sep, ImVec2(sep.x + width, sep.y), IM_COL32(90, 90, 90, 255), 2.0f * s);
    ImGui::Dummy(ImVec2(0, 12 * s));

    const float messageH = m.message.empty() ? 0 : fonts.heading->FontSize * s * 1.6f;
    if (!m.live) {
        withFont(fonts.heading, [&] {
            style::colouredText(colours::Dim, tr(m.state == "planned" ? Tx::GuestNotStarted
                                                 : m.state.empty()    ? Tx::GuestNoSession
                                                                      : Tx::GuestEnded));
        });
    } else {
        // The question on air.
        label(tr(Tx::GuestNow), IM_COL32(255, 214, 0, 255));
        if (m.current) {
            withFont(fonts.heading, [&] {
                const std::string who = m.current->area.empty()
                                            ? m.current->firstName
                                            : m.current->firstName + " \xC2\xB7 " + m.current->area;
                style::colouredText(IM_COL32(110, 210, 255, 255), who.c_str());
            });
            withFont(fonts.regular, [&] {
                ImGui::PushTextWrapPos(0.0f);
                ImGui::TextUnformatted(m.current->text.c_str());
                RegionSink::mark("guest_question");
                ImGui::PopTextWrapPos();
            });
        } else {
            withFont(fonts.regular,
                     [&] { style::colouredText(colours::Dim, tr(Tx::GuestNoneOnAir)); });
        }
        ImGui::Dummy(ImVec2(0, 16 * s));
        // The next approved questions, in the producer's order.
        if (!m.next.empty()) {
            label(tr(Tx::GuestNext), colours::Dim);
            const float limitY = ImGui::GetWindowHeight() - messageH - vp->Size.y * 0.04f;
            for (const GuestModel::Item& it : m.next) {
                if (ImGui::GetCursorPosY() + fonts.small->FontSize * s * 3 > limitY) break;
                withFont(fonts.bold, [&] {
                    const std::string who =
                        fmt::format("{}  {}{}", it.number, it.firstName,
                                    it.area.empty() ? "" : " \xC2\xB7 " + it.area);
                    style::colouredText(IM_COL32(200, 200, 200, 255), who.c_str());
                });
                withFont(fonts.small, [&] {
                    const std::string text =
                        clampLines(fonts.small, fonts.small->FontSize * s, it.text, width, 2);
                    ImGui::PushTextWrapPos(0.0f);
                    style::colouredText(IM_COL32(170, 170, 170, 255), text.c_str());
                    ImGui::PopTextWrapPos();
                });
            }
        }
    }

    // Bottom: the producer's one-line message.
    if (!m.message.empty()) {
        const ImVec2 p0(vp->Pos.x, vp->Pos.y + vp->Size.y - messageH);
        dl->AddRectFilled(p0, ImVec2(vp->Pos.x + vp->Size.x, vp->Pos.y + vp->Size.y),
                          IM_COL32(255, 214, 0, 255));
        ImGui::SetCursorScreenPos(ImVec2(p0.x + vp->Size.y * 0.03f, p0.y + messageH * 0.18f));
        withFont(fonts.heading, [&] {
            const std::string text = clampLines(fonts.heading, fonts.heading->FontSize * s,
                                                m.message, vp->Size.x - vp->Size.y * 0.06f, 1);
            style::colouredText(IM_COL32(0, 0, 0, 255), text.c_str());
        });
    }
    ImGui::End();
}

}  // namespace ds::ui
