#include "ui/StatusWindow.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "ui/Layout.h"
#include "ui/Screenshot.h"
#include "ui/Style.h"
#include "ui/Translations.h"

namespace ds::ui {

namespace {

Tx alarmText(const std::string& kind) {
    if (kind == "dead_air") return Tx::AlarmDeadAir;
    if (kind == "no_signal") return Tx::AlarmNoSignal;
    if (kind == "clipping") return Tx::AlarmClipping;
    if (kind == "ring_overrun") return Tx::AlarmOverrun;
    if (kind == "input_overflow") return Tx::AlarmOverflow;
    if (kind == "low_disk") return Tx::AlarmLowDisk;
    if (kind == "device_lost") return Tx::AlarmDeviceLost;
    return Tx::AlarmOther;
}

void smallLabel(const FontSet& fonts, const char* text) {
    ImGui::PushFont(fonts.small);
    style::colouredText(colours::Dim, text);
    ImGui::PopFont();
}

std::string lufs(double v) {
    return std::isfinite(v) ? fmt::format("{:.1f}", v) : std::string("--");
}

}  // namespace

std::string StatusWindow::recordingLabel(const RecordingStatus& r) {
    std::string s;
    switch (r.state) {
        case RecordingState::Recording:
            s = fmtTx(Tx::RecBox, style::clock(r.elapsed));
            break;
        case RecordingState::Armed:
            s = tr(Tx::ArmedBox);
            break;
        case RecordingState::Idle:
            s = tr(Tx::NotRecordingBox);
            break;
        case RecordingState::Unavailable:
            s = tr(Tx::UnavailableBox);
            break;
        case RecordingState::Failed:
            s = tr(Tx::FailedBox);
            break;
    }
    if (r.simulated) s += std::string(" · ") + tr(Tx::Simulated);
    return s;
}

std::vector<std::string> StatusWindow::alarmLines(const RecordingStatus& r) {
    std::vector<std::string> out;
    for (const RecordingAlarm& a : r.alarms) {
        std::string line = fmtTx(alarmText(a.kind), style::clock(a.active));
        if (!a.detail.empty()) line += " — " + a.detail;
        out.push_back(std::move(line));
    }
    if (r.state == RecordingState::Failed && !r.message.empty()) {
        out.push_back(fmtTx(Tx::AlarmFailed, r.message));
    }
    return out;
}

void StatusWindow::draw(const Frame& f) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float height = layout::statusStripHeight(f.fonts);
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, layout::statusStripTop()));
    ImGui::SetNextWindowSize(ImVec2(vp->Size.x, height));
    const ImGuiWindowFlags flags =
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
        ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoFocusOnAppearing;
    ImGui::PushStyleColor(ImGuiCol_WindowBg, colours::Panel);
    ImGui::Begin("###status", nullptr, flags);
    capture::window();
    ImGui::PopStyleColor();
    const Snapshot& snap = f.snap;
    const RecordingStatus& rec = f.recording;
    const ImGuiTableFlags tf = ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit;
    if (ImGui::BeginTable("strip", 5, tf)) {
        const float clockW = style::clockTextSize(f.fonts.clock, "00:00:00").x;
        ImGui::PushFont(f.fonts.heading);
        const float recW = ImGui::CalcTextSize("\xE2\x97\x8F REC 0:00:00").x +
                           ImGui::GetStyle().FramePadding.x * 4;
        ImGui::PopFont();
        ImGui::TableSetupColumn("info", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("clock", 0, clockW + ImGui::CalcTextSize(" WITA").x);
        ImGui::TableSetupColumn("onair", 0, clockW);
        ImGui::TableSetupColumn("rec", 0, std::max(recW, clockW * 1.2f));
        ImGui::TableSetupColumn("meters", 0, f.fonts.small->FontSize * 18);
        ImGui::TableNextRow();

        // Station and session.
        ImGui::TableNextColumn();
        ImGui::PushFont(f.fonts.bold);
        ImGui::TextUnformatted(snap.station.name.c_str());
        ImGui::PopFont();
        if (snap.session) {
            const Session& s = *snap.session;
            ImGui::SameLine();
            const char* st = s.status == "live"      ? tr(Tx::StatusLive)
                             : s.status == "planned" ? tr(Tx::StatusPlanned)
                             : s.status == "ended"   ? tr(Tx::StatusEnded)
                                                     : tr(Tx::StatusSigned);
            style::badge(st, s.status == "live" ? colours::OnAir : colours::PanelHi);
            ImGui::PushFont(f.fonts.small);
            ImGui::PushStyleColor(ImGuiCol_Text, colours::Dim);
            const std::string line = s.programmeTitle + " — " + s.topic;
            ImGui::TextUnformatted(line.c_str());
            const std::string when =
                fmtTx(Tx::SessionWhen, s.id, snap.clock.date(s.scheduledStart),
                      snap.clock.time(s.scheduledStart, false), snap.clock.abbrev, s.partnerMedia);
            ImGui::TextUnformatted(when.c_str());
            ImGui::PopStyleColor();
            ImGui::PopFont();
        } else {
            smallLabel(f.fonts, tr(Tx::NoSessionOpen));
        }

        // Station clock in the station's time zone.
        ImGui::TableNextColumn();
        smallLabel(f.fonts, fmtTx(Tx::StationClock, snap.clock.abbrev).c_str());
        style::clockText(f.fonts.clock, snap.clock.time(f.now), colours::Text);
        RegionSink::mark("clock");

        // On-air timer.
        ImGui::TableNextColumn();
        const bool live = snap.live();
        smallLabel(f.fonts,
                   tr(live && f.figures && f.figures->held ? Tx::OnAirHeld : Tx::OnAirTimer));
        const Duration onAir = f.figures ? f.figures->sessionElapsed : Duration{0};
        const ImU32 onAirColour = !live                            ? colours::Dim
                                  : (f.figures && f.figures->held) ? colours::Amber
                                                                   : colours::Red;
        style::clockText(f.fonts.clock, style::clock(onAir), onAirColour);
        RegionSink::mark("onair");

        // Recording box.
        ImGui::TableNextColumn();
        {
            // "SIMULASI" goes on its own small line: in the big type it would push the time
            // out of the box.
            RecordingStatus plain = rec;
            plain.simulated = false;
            const std::string label = recordingLabel(plain);
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const float w = ImGui::GetContentRegionAvail().x;
            const float h =
                height - (ImGui::GetStyle().WindowPadding.y + ImGui::GetStyle().CellPadding.y) * 2;
            ImU32 bg = colours::PanelHi, fg = colours::Dim;
            const bool blink = std::fmod(ImGui::GetTime(), 1.0) < 0.5;
            if (rec.state == RecordingState::Recording) bg = colours::OnAir, fg = colours::Text;
            if (rec.state == RecordingState::Armed)
                bg = IM_COL32(90, 64, 0, 255), fg = colours::Amber;
            if (rec.state == RecordingState::Idle)
                bg = IM_COL32(50, 54, 60, 255), fg = colours::Text;
            if (rec.state == RecordingState::Failed)
                bg = blink ? colours::Red : IM_COL32(90, 0, 0, 255), fg = colours::Text;
            ImDrawList* dl = ImGui::GetWindowDrawList();
            dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), bg, 4.0f);
            ImGui::PushFont(rec.state == RecordingState::Recording ? f.fonts.heading
                                                                   : f.fonts.bold);
            const ImVec2 ts = ImGui::CalcTextSize(label.c_str(), nullptr, false, w - 8);
            const char* simulated = tr(Tx::Simulated);
            const float simH = rec.simulated ? f.fonts.small->FontSize : 0.0f;
            ImGui::SetCursorScreenPos(
                ImVec2(p.x + std::max(4.0f, (w - ts.x) * 0.5f), p.y + (h - ts.y - simH) * 0.5f));
            ImGui::PushStyleColor(ImGuiCol_Text, fg);
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w - 8);
            ImGui::TextUnformatted(label.c_str());
            ImGui::PopTextWrapPos();
            ImGui::PopFont();
            if (rec.simulated) {
                ImGui::PushFont(f.fonts.small);
                const float sw = ImGui::CalcTextSize(simulated).x;
                ImGui::SetCursorScreenPos(ImVec2(p.x + std::max(4.0f, (w - sw) * 0.5f),
                                                 ImGui::GetCursorScreenPos().y - 2.0f));
                ImGui::TextUnformatted(simulated);
                ImGui::PopFont();
            }
            ImGui::PopStyleColor();
            ImGui::SetCursorScreenPos(p);
            ImGui::Dummy(ImVec2(w, h));
            RegionSink::mark("rec");
        }

        // Meters and loudness.
        ImGui::TableNextColumn();
        {
            const float w = ImGui::GetContentRegionAvail().x;
            ImGui::PushFont(f.fonts.small);
            const float barH = f.fonts.small->FontSize * 0.9f;
            // The label, the bar and the figure, with the spacing between them.
            const float barW = w - ImGui::CalcTextSize("L-00.0 dBFS").x -
                               ImGui::GetStyle().ItemSpacing.x * 3;
            if (rec.channels.empty()) {
                // Recording without meters here (a recorder this room did not start): say so.
                const bool elsewhere =
                    rec.state == RecordingState::Recording && !rec.message.empty();
                ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
                style::colouredText(elsewhere ? colours::Amber : colours::Faint,
                                    elsewhere ? rec.message.c_str() : tr(Tx::NoMeters));
                ImGui::PopTextWrapPos();
            }
            for (std::size_t c = 0; c < rec.channels.size() && c < 2; ++c) {
                const ChannelMeter& m = rec.channels[c];
                style::meterBar(c == 0 ? "L" : "R", m.peakDbfs, m.peakHoldDbfs, m.rmsDbfs, barW,
                                barH);
            }
            const std::string loud = fmt::format("M {}  S {}  I {} LUFS", lufs(rec.momentaryLufs),
                                                 lufs(rec.shortTermLufs), lufs(rec.integratedLufs));
            style::colouredText(rec.live() ? colours::Text : colours::Faint, loud.c_str());
            ImGui::PopFont();
        }
        ImGui::EndTable();
    }
    const std::vector<std::string> alarms = alarmLines(rec);
    for (const std::string& line : alarms)
        style::logOnly("\xE2\x9A\xA0 " + line);  // ⚠, for captures
    ImGui::End();

    // Over everything: a tally frame while recording, and alarms nobody can overlook. The
    // frame is four solid bars inside the window's edge: a stroked rectangle would be
    // anti-aliased to a dim outermost pixel row, and a line on the edge is half off screen.
    ImDrawList* fg = ImGui::GetForegroundDrawList();
    const auto frame = [&](ImU32 colour, float thickness) {
        const ImVec2 a = vp->Pos;
        const ImVec2 b(vp->Pos.x + vp->Size.x, vp->Pos.y + vp->Size.y);
        fg->AddRectFilled(a, ImVec2(b.x, a.y + thickness), colour);
        fg->AddRectFilled(ImVec2(a.x, b.y - thickness), b, colour);
        fg->AddRectFilled(a, ImVec2(a.x + thickness, b.y), colour);
        fg->AddRectFilled(ImVec2(b.x - thickness, a.y), b, colour);
    };
    if (rec.state == RecordingState::Recording) frame(colours::OnAir, 6.0f);
    if (!alarms.empty()) {
        // A deep, pure red (white type on it stays readable) flashing against a dark red, over
        // the menu bar: right above the clocks where the producer looks, and hiding nothing
        // needed on air (the menus' work is all on keys).
        const bool on = std::fmod(ImGui::GetTime(), 1.0) < 0.6;
        const ImU32 bg = on ? IM_COL32(225, 20, 20, 255) : IM_COL32(120, 0, 0, 255);
        frame(bg, 10.0f);
        ImFont* font = f.fonts.heading;
        std::string text;
        for (const std::string& line : alarms)
            text += (text.empty() ? "\xE2\x9A\xA0 " : "   \xE2\x9A\xA0 ") + line;  // ⚠
        const float top = vp->Pos.y;
        const float bannerH = std::max(layout::menuBarHeight(), font->FontSize * 1.32f);
        const ImVec2 p0(vp->Pos.x, top);
        const ImVec2 p1(vp->Pos.x + vp->Size.x, top + bannerH);
        fg->AddRectFilled(p0, p1, bg);
        RegionSink::markRect("alarm_banner", p0.x, p0.y, p1.x, p1.y);
        fg->PushClipRect(p0, p1);
        fg->AddText(font, font->FontSize,
                    ImVec2(p0.x + 14.0f, top + (bannerH - font->FontSize) * 0.5f),
                    IM_COL32(255, 255, 255, 255), text.c_str());
        fg->PopClipRect();
    }
}

}  // namespace ds::ui
