#include "ui/MainMenu.h"

#include <imgui.h>

#include <array>
#include <cmath>

#include <fmt/format.h>

#include "ui/Input.h"
#include "ui/Layout.h"
#include "ui/SessionsWindow.h"
#include "ui/Style.h"
#include "ui/Translations.h"

namespace ds::ui {

namespace {

constexpr std::array kScales{0.75f, 0.85f, 1.0f, 1.15f, 1.3f, 1.5f, 1.75f, 2.0f};

}  // namespace

float nextScale(float scale, int direction) {
    if (direction > 0) {
        for (float s : kScales) {
            if (s > scale + 0.01f) return s;
        }
        return kScales.back();
    }
    for (auto it = kScales.rbegin(); it != kScales.rend(); ++it) {
        if (*it < scale - 0.01f) return *it;
    }
    return kScales.front();
}

void MainMenu::handleKeys(const Frame& f, SessionsWindow& sessions) {
    if (style::modalOpen()) return;
    if (style::shortcut(key::F1)) help_ = !help_;
    if (style::shortcut(key::F2)) f.emit(cmd::FocusWindow{WindowId::Producer});
    if (style::shortcut(key::F3)) f.emit(cmd::FocusWindow{WindowId::Screener});
    if (style::shortcut(key::F4)) f.emit(cmd::FocusWindow{WindowId::Ppid});
    if (style::shortcut(key::F11)) f.emit(cmd::ToggleGuestFullscreen{});
    if (style::shortcut(key::F11, ModShift)) f.emit(cmd::ShowGuestWindow{!f.app.guestVisible});
    if (style::shortcut(key::O, ModCtrl)) sessions.open();
    if (style::shortcut(key::L, ModCtrl)) {
        f.emit(cmd::SetLanguage{language() == Lang::Id ? Lang::En : Lang::Id});
    }
    if (style::shortcut(key::Equal, ModCtrl) || style::shortcut(key::KpAdd, ModCtrl)) {
        f.emit(cmd::SetScale{nextScale(f.app.scale, +1)});
    }
    if (style::shortcut(key::Minus, ModCtrl) || style::shortcut(key::KpSubtract, ModCtrl)) {
        f.emit(cmd::SetScale{nextScale(f.app.scale, -1)});
    }
    if (style::shortcut(key::N0, ModCtrl)) f.emit(cmd::SetScale{1.0f});
    for (int p = 0; p < layout::PresetCount; ++p) {
        if (style::shortcut(key::N1 + p, ModCtrl | ModAlt)) f.emit(cmd::ApplyLayout{p});
    }
    if (style::shortcut(key::Q, ModCtrl)) f.emit(cmd::Quit{});
}

void MainMenu::draw(const Frame& f, SessionsWindow& sessions) {
    handleKeys(f, sessions);
    if (ImGui::BeginMainMenuBar()) {
        capture::window();
        if (ImGui::BeginMenu(style::withId(tr(Tx::MenuSession), "m_session").c_str())) {
            if (ImGui::MenuItem(tr(Tx::MenuOpenSession), "Ctrl+O")) sessions.open();
            if (ImGui::MenuItem(tr(Tx::CreateDemo))) f.emit(cmd::CreateDemoSession{});
            ImGui::Separator();
            if (ImGui::MenuItem(tr(Tx::MenuQuit), "Ctrl+Q")) f.emit(cmd::Quit{});
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu(style::withId(tr(Tx::MenuView), "m_view").c_str())) {
            const Tx presets[] = {Tx::LayoutAll, Tx::LayoutProducer, Tx::LayoutScreener,
                                  Tx::LayoutPpid};
            for (int p = 0; p < layout::PresetCount; ++p) {
                const std::string keys = fmt::format("Ctrl+Alt+{}", p + 1);
                if (ImGui::MenuItem(tr(presets[p]), keys.c_str())) f.emit(cmd::ApplyLayout{p});
            }
            ImGui::Separator();
            if (ImGui::MenuItem(tr(Tx::MenuGuestWindow), "Shift+F11", f.app.guestVisible)) {
                f.emit(cmd::ShowGuestWindow{!f.app.guestVisible});
            }
            if (ImGui::MenuItem(tr(Tx::MenuGuestFullscreen), "F11", f.app.guestFullscreen)) {
                f.emit(cmd::ToggleGuestFullscreen{});
            }
            ImGui::Separator();
            if (ImGui::BeginMenu(tr(Tx::MenuScale))) {
                for (float s : kScales) {
                    const std::string item = fmt::format("{:.0f} %", s * 100);
                    if (ImGui::MenuItem(item.c_str(), nullptr,
                                        std::fabs(s - f.app.scale) < 0.01f)) {
                        f.emit(cmd::SetScale{s});
                    }
                }
                ImGui::EndMenu();
            }
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu(style::withId(tr(Tx::MenuLanguage), "m_lang").c_str())) {
            if (ImGui::MenuItem("Bahasa Indonesia", "Ctrl+L", language() == Lang::Id)) {
                f.emit(cmd::SetLanguage{Lang::Id});
            }
            if (ImGui::MenuItem("English", "Ctrl+L", language() == Lang::En)) {
                f.emit(cmd::SetLanguage{Lang::En});
            }
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu(style::withId(tr(Tx::MenuHelp), "m_help").c_str())) {
            if (ImGui::MenuItem(tr(Tx::MenuKeys), "F1", help_)) help_ = !help_;
            ImGui::EndMenu();
        }
        // Who is acting and where the record is, at the right of the bar.
        const std::string who = fmtTx(Tx::ActingAs, f.snap.actor);
        ImGui::SameLine(ImGui::GetWindowWidth() - ImGui::CalcTextSize(who.c_str()).x - 16);
        style::colouredText(colours::Dim, who.c_str());
        ImGui::EndMainMenuBar();
    }
    drawHelp(f);
}

void MainMenu::drawHelp(const Frame& f) {
    if (!help_) return;
    layout::place(WindowId::Help, f.fonts, f.app.layoutPreset);
    if (ImGui::Begin(style::withId(tr(Tx::MenuKeys), "help").c_str(), &help_)) {
        capture::window();
        static const std::pair<const char*, Tx> kKeys[] = {
            {"F8", Tx::KeyTakeNext},
            {"Shift+F8", Tx::KeyBack},
            {"F7", Tx::KeyHold},
            {"Ctrl+E", Tx::KeyEnd},
            {"F6", Tx::KeyOnAir},
            {"Shift+F6", Tx::KeyAnswered},
            {"Ctrl+\xE2\x86\x91/\xE2\x86\x93", Tx::KeyMove},
            {"F10", Tx::KeyRecord},
            {"Shift+F10", Tx::KeyArm},
            {"F9", Tx::KeyMarker},
            {"F3", Tx::KeyScreener},
            {"Enter", Tx::KeySave},
            {"Ctrl+1..7", Tx::KeyChannel},
            {"Ctrl+T / Ctrl+I", Tx::KeyWrittenInfo},
            {"Alt+\xE2\x86\x91/\xE2\x86\x93", Tx::KeySelectIncoming},
            {"Alt+A / Alt+S", Tx::KeyApproveScreen},
            {"Alt+R / Alt+D / Alt+G", Tx::KeyRejectDeferMerge},
            {"F2 / F4", Tx::KeyFocus},
            {"F11 / Shift+F11", Tx::KeyGuest},
            {"Ctrl+O", Tx::KeySessions},
            {"Ctrl+L", Tx::KeyLanguage},
            {"Ctrl+= / Ctrl+-", Tx::KeyScale},
            {"Ctrl+Q", Tx::KeyQuit},
        };
        if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
            for (const auto& [keys, what] : kKeys) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                style::colouredText(colours::Accent, keys);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(tr(what));
            }
            ImGui::EndTable();
        }
    }
    ImGui::End();
}

// --- MessageBar ---

void MessageBar::show(const Outcome& o, double now) {
    if (o.message.empty()) return;
    text_ = o.message;
    error_ = !o.ok;
    shownAt_ = now;
}

void MessageBar::draw(const Frame& f) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float h = layout::messageBarHeight();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x, vp->WorkPos.y + vp->WorkSize.y - h));
    ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, h));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, colours::Panel);
    ImGui::Begin("###messages", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                     ImGuiWindowFlags_NoFocusOnAppearing);
    capture::window();
    ImGui::PopStyleColor();
    const double age = ImGui::GetTime() - shownAt_;
    // Confirmations fade after 8 s; errors stay 30 s (someone must read them).
    if (!text_.empty() && age < (error_ ? 30.0 : 8.0)) {
        if (error_) {
            style::badge(tr(Tx::Refused), colours::Red);
            ImGui::SameLine();
        }
        ImGui::AlignTextToFramePadding();
        style::colouredText(error_ ? colours::Red : colours::Ok, text_.c_str());
    } else if (f.app.workerBusy) {
        ImGui::AlignTextToFramePadding();
        style::colouredText(colours::Dim, tr(Tx::Saving));
    } else if (!f.snap.error.empty()) {
        ImGui::AlignTextToFramePadding();
        style::colouredText(colours::Red, f.snap.error.c_str());
    }
    // Background jobs: title, progress, cancel.
    for (const JobInfo& job : f.app.jobs) {
        ImGui::SameLine(0, 24);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(job.title.c_str());
        ImGui::SameLine();
        ImGui::PushID(job.id);
        if (job.state == JobInfo::State::Running || job.state == JobInfo::State::Queued) {
            ImGui::ProgressBar(job.fraction, ImVec2(ImGui::GetFontSize() * 6, 0));
            ImGui::SameLine();
            if (ImGui::SmallButton(tr(Tx::Cancel))) f.emit(cmd::CancelJob{job.id});
        } else {
            const Tx t = job.state == JobInfo::State::Done     ? Tx::JobDone
                         : job.state == JobInfo::State::Failed ? Tx::JobFailed
                                                               : Tx::JobCancelled;
            style::colouredText(job.state == JobInfo::State::Done ? colours::Ok : colours::Red,
                                fmtTx(t, job.result).c_str());
        }
        ImGui::PopID();
    }
    // Right: how fast the room is, so a slow disk or a slow frame is visible.
    const std::string perf = fmtTx(Tx::Perf, f.snap.buildTime.count(), f.app.frameMs);
    ImGui::SameLine(ImGui::GetWindowWidth() - ImGui::CalcTextSize(perf.c_str()).x - 16);
    ImGui::AlignTextToFramePadding();
    ImGui::PushFont(f.fonts.small);
    style::colouredText(colours::Faint, perf.c_str());
    ImGui::PopFont();
    ImGui::End();
}

}  // namespace ds::ui
