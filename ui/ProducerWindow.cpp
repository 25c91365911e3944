// The producer's window.
//
// Index
// [SECTION] Keys
// [SECTION] Current segment and the clock
// [SECTION] Controls and recording
// [SECTION] Rundown
// [SECTION] Approved queue
// [SECTION] Message to the guests
// [SECTION] Confirmations
#include "ui/ProducerWindow.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include <fmt/format.h>

#include "studio/Masking.h"
#include "ui/Input.h"
#include "ui/Layout.h"
#include "ui/Screenshot.h"
#include "ui/Style.h"
#include "ui/Translations.h"

namespace ds::ui {

namespace {

constexpr auto kBounce = std::chrono::milliseconds(1000);

void labelValue(const char* label, const std::string& value, ImU32 colour = colours::Text) {
    ImGui::PushStyleColor(ImGuiCol_Text, colours::Dim);
    ImGui::TextUnformatted(label);
    ImGui::PopStyleColor();
    ImGui::SameLine();
    style::colouredText(colour, value.c_str());
}

const char* kindLabel(const std::string& kind) {
    static thread_local std::string s;
    s = std::string(label(vocab::segmentKinds(), kind));
    return s.c_str();
}

}  // namespace

// [SECTION] Keys

int ProducerWindow::selectedIndex(const Frame& f) const {
    const auto& ap = f.snap.approved;
    for (int i = 0; i < static_cast<int>(ap.size()); ++i) {
        if (f.snap.questions[ap[i]].id == selected_) return i;
    }
    return -1;
}

void ProducerWindow::takeNext(const Frame& f) {
    if (!f.snap.session) return;
    if (lastTake_ != TimePoint{} && f.now - lastTake_ < kBounce) return;
    lastTake_ = f.now;
    if (f.snap.session->status == "planned") {
        f.emit(cmd::StartSession{f.sessionId()});
    } else if (f.snap.session->status == "live") {
        f.emit(cmd::TakeNext{f.sessionId()});
    }
}

void ProducerWindow::goBack(const Frame& f) {
    if (!f.snap.live()) return;
    if (lastTake_ != TimePoint{} && f.now - lastTake_ < kBounce) return;
    lastTake_ = f.now;
    f.emit(cmd::GoBack{f.sessionId()});
}

void ProducerWindow::record(const Frame& f) {
    if (!f.snap.session) return;
    if (f.recording.state == RecordingState::Recording) {
        openStopPopup_ = true;
    } else {
        f.emit(cmd::StartRecording{f.sessionId()});
    }
}

void ProducerWindow::moveSelected(const Frame& f, int delta) {
    const int i = selectedIndex(f);
    if (i < 0) return;
    const int to = i + delta;
    if (to < 0 || to >= static_cast<int>(f.snap.approved.size())) return;
    f.emit(cmd::MoveQuestion{selected_, to + 1});
}

void ProducerWindow::handleKeys(const Frame& f) {
    if (style::modalOpen() || !f.snap.session) return;
    const bool live = f.snap.live();
    if (style::shortcut(key::F8)) takeNext(f);
    if (style::shortcut(key::F8, ModShift)) goBack(f);
    if (live && style::shortcut(key::F7)) f.emit(cmd::ToggleHold{f.sessionId()});
    if (live && style::shortcut(key::E, ModCtrl)) openEndPopup_ = true;
    if (live && style::shortcut(key::F6) && selected_ != 0 && selectedIndex(f) >= 0) {
        f.emit(cmd::PutOnAir{selected_});
    }
    if (style::shortcut(key::F6, ModShift)) {
        if (const Question* q = f.snap.onAirQuestion()) f.emit(cmd::MarkAnswered{q->id});
    }
    if (style::shortcut(key::F9)) {
        f.emit(cmd::AddMarker{f.sessionId(), fmtTx(Tx::MarkerManual, f.snap.clock.time(f.now))});
    }
    if (style::shortcut(key::F10)) record(f);
    if (style::shortcut(key::F10, ModShift)) arm(f);
}

void ProducerWindow::arm(const Frame& f) {
    if (!f.snap.session) return;
    // Armed, the same key lets go (nothing is being written, so nothing to confirm).
    if (f.recording.state == RecordingState::Armed)
        f.emit(cmd::StopRecording{f.sessionId()});
    else if (f.recording.state != RecordingState::Recording)
        f.emit(cmd::ArmRecording{f.sessionId()});
}

void ProducerWindow::draw(const Frame& f) {
    // Keep the selection on a question that is still in the queue; else the next one.
    if (selectedIndex(f) < 0)
        selected_ = f.snap.approved.empty() ? 0 : f.snap.questions[f.snap.approved.front()].id;
    handleKeys(f);

    layout::place(WindowId::Producer, f.fonts, f.app.layoutPreset);
    const std::string title = style::withId(tr(Tx::ProducerTitle), kId);
    if (ImGui::Begin(title.c_str(), nullptr, ImGuiWindowFlags_NoCollapse)) {
        capture::window();
        if (!f.snap.session) {
            ImGui::TextWrapped("%s", tr(Tx::NoSessionOpen));
        } else {
            // Queue keys that only make sense where the producer is looking.
            if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) &&
                !ImGui::GetIO().WantTextInput && !style::modalOpen()) {
                const int i = selectedIndex(f);
                const int n = static_cast<int>(f.snap.approved.size());
                if (style::shortcut(key::Up, 0, true) && i > 0) {
                    selected_ = f.snap.questions[f.snap.approved[i - 1]].id;
                }
                if (style::shortcut(key::Down, 0, true) && i >= 0 && i + 1 < n) {
                    selected_ = f.snap.questions[f.snap.approved[i + 1]].id;
                }
                if (style::shortcut(key::Home) && n > 0)
                    selected_ = f.snap.questions[f.snap.approved.front()].id;
                if (style::shortcut(key::End) && n > 0)
                    selected_ = f.snap.questions[f.snap.approved.back()].id;
                if (style::shortcut(key::Up, ModCtrl)) moveSelected(f, -1);
                if (style::shortcut(key::Down, ModCtrl)) moveSelected(f, +1);
            }
            drawSegment(f);
            drawControls(f);
            drawRundown(f);
            drawQueue(f);
            drawMessage(f);
        }
    }
    ImGui::End();
    drawConfirmations(f);
}

// [SECTION] Current segment and the clock

void ProducerWindow::drawSegment(const Frame& f) {
    const Session& s = *f.snap.session;
    const RundownFigures& fig = *f.figures;
    const LocalClock& clk = f.snap.clock;
    // Tall enough for both columns: the countdown with its labels on the left, up to seven
    // figures on the right (elapsed, two over/unders, expected end, hard out, overrun, next).
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float left = f.fonts.small->FontSize * 2 + f.fonts.heading->FontSize +
                       f.fonts.big->FontSize + spacing * 4;
    const float right = ImGui::GetTextLineHeightWithSpacing() * 7;
    const float height = std::max(left, right) + ImGui::GetStyle().WindowPadding.y * 2;
    ImGui::BeginChild("segment", ImVec2(0, height), true, ImGuiWindowFlags_NoScrollbar);
    if (s.status == "planned") {
        ImGui::PushFont(f.fonts.heading);
        ImGui::TextUnformatted(tr(Tx::SessionNotStarted));
        ImGui::PopFont();
        const Duration until = s.scheduledStart - f.now;
        style::clockText(f.fonts.big, style::clock(until > Duration{0} ? until : Duration{0}),
                         until > Duration{0} ? colours::Text : colours::Amber);
        labelValue(tr(Tx::ScheduledStart), clk.time(s.scheduledStart, false) + " " + clk.abbrev);
    } else if (fig.current < 0) {
        ImGui::PushFont(f.fonts.heading);
        ImGui::TextUnformatted(tr(Tx::SessionOver));
        ImGui::PopFont();
        if (s.endedAt) labelValue(tr(Tx::EndedAt), clk.time(*s.endedAt) + " " + clk.abbrev);
        labelValue(tr(Tx::CumulativeOverUnder), style::signedClock(fig.cumulativeOverUnder));
        labelValue(tr(Tx::SessionLength), style::clock(fig.sessionElapsed));
    } else {
        const Segment& seg = s.segments[fig.current];
        const SegmentFigures& sf = fig.segments[fig.current];
        if (ImGui::BeginTable("segcols", 2, ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn("a", ImGuiTableColumnFlags_WidthStretch, 0.52f);
            ImGui::TableSetupColumn("b", ImGuiTableColumnFlags_WidthStretch, 0.48f);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const std::string where =
                fmtTx(Tx::SegmentOf, fig.current + 1, s.segments.size(), kindLabel(seg.kind));
            ImGui::PushFont(f.fonts.small);
            style::colouredText(colours::Dim, where.c_str());
            ImGui::PopFont();
            if (fig.held) {
                ImGui::SameLine();
                style::badge(tr(Tx::HeldBadge), colours::Amber, IM_COL32(0, 0, 0, 255));
            }
            ImGui::PushFont(f.fonts.heading);
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(seg.title.c_str());
            ImGui::PopTextWrapPos();
            ImGui::PopFont();
            const ImU32 urgent = style::urgency(fig.segmentUrgency);
            style::clockText(f.fonts.big, style::clock(fig.leftInSegment), urgent);
            RegionSink::mark("countdown");
            ImGui::PushFont(f.fonts.small);
            style::colouredText(
                fig.leftInSegment < Duration{0} ? colours::Red : colours::Dim,
                tr(fig.leftInSegment < Duration{0} ? Tx::OverTime : Tx::TimeLeftInSegment));
            ImGui::PopFont();

            ImGui::TableNextColumn();
            labelValue(tr(Tx::Elapsed),
                       style::clock(fig.elapsedInSegment) + " / " + style::clock(sf.planned));
            labelValue(tr(Tx::SegmentOverUnder), style::signedClock(sf.overUnder),
                       sf.overUnder > Duration{0} ? colours::Amber : colours::Text);
            const Duration cum = fig.cumulativeOverUnder;
            labelValue(tr(Tx::CumulativeOverUnder), style::signedClock(cum),
                       cum > std::chrono::seconds(30) ? colours::Amber : colours::Text);
            labelValue(tr(Tx::ExpectedEnd), clk.time(fig.expectedEnd));
            if (fig.hardOut && fig.overHardOut) {
                const ImU32 c = style::urgency(fig.hardOutUrgency);
                const std::string v = clk.time(*fig.hardOut, false) + "  (" +
                                      style::signedClock(*fig.overHardOut) + ")";
                labelValue(tr(Tx::HardOut), v, c);
                if (fig.hardOutUrgency == Urgency::Over) {
                    style::colouredText(
                        colours::Red,
                        fmtTx(Tx::WillOverrun, style::clock(*fig.overHardOut)).c_str());
                }
            }
            if (fig.next >= 0) {
                const Segment& nx = s.segments[fig.next];
                labelValue(tr(Tx::NextSegment), nx.title + "  (" + style::clock(nx.planned) + ")",
                           colours::Accent);
            } else {
                labelValue(tr(Tx::NextSegment), tr(Tx::LastSegment), colours::Amber);
            }
            ImGui::EndTable();
        }
    }
    ImGui::EndChild();
}

// [SECTION] Controls and recording

void ProducerWindow::drawControls(const Frame& f) {
    const Session& s = *f.snap.session;
    const bool live = s.status == "live";
    const bool held = f.figures && f.figures->held;
    const bool bounce = lastTake_ != TimePoint{} && f.now - lastTake_ < kBounce;
    if (s.status == "planned") {
        if (style::actionButton(tr(Tx::StartSession), "F8", !bounce, colours::Ok)) takeNext(f);
    } else {
        const bool canBack = live && f.figures && f.figures->current > 0;
        if (style::actionButton(tr(Tx::GoBack), "Shift+F8", canBack && !bounce)) goBack(f);
        ImGui::SameLine();
        if (style::actionButton(tr(held ? Tx::Resume : Tx::Hold), "F7", live,
                                held ? colours::Amber : 0)) {
            f.emit(cmd::ToggleHold{f.sessionId()});
        }
        ImGui::SameLine();
        const bool canNext = live && f.figures && f.figures->next >= 0;
        if (style::actionButton(tr(Tx::TakeNext), "F8", canNext && !bounce, colours::Ok))
            takeNext(f);
        ImGui::SameLine();
        if (style::actionButton(tr(Tx::EndSession), "Ctrl+E", live, colours::Red)) {
            openEndPopup_ = true;
        }
    }
    drawRecording(f);
}

void ProducerWindow::drawRecording(const Frame& f) {
    const RecordingStatus& r = f.recording;
    ImGui::PushFont(f.fonts.small);
    style::colouredText(colours::Dim, tr(Tx::RecordingSection));
    ImGui::PopFont();
    ImGui::SameLine();
    const bool recording = r.state == RecordingState::Recording;
    const bool available = r.state != RecordingState::Unavailable;
    if (style::actionButton(tr(r.state == RecordingState::Armed ? Tx::Disarm : Tx::Arm),
                            "Shift+F10", available && !recording)) {
        arm(f);
    }
    ImGui::SameLine();
    if (recording) {
        if (style::actionButton(tr(Tx::StopRecording), "F10", true, colours::Red)) record(f);
    } else {
        if (style::actionButton(tr(Tx::Record), "F10", available, colours::OnAir)) record(f);
    }
    ImGui::SameLine();
    if (style::actionButton(tr(Tx::Marker), "F9", recording)) {
        f.emit(cmd::AddMarker{f.sessionId(), fmtTx(Tx::MarkerManual, f.snap.clock.time(f.now))});
    }
    if (recording) {
        ImGui::SameLine();
        style::colouredText(colours::Dim, fmtTx(Tx::MarkersSet, r.markers).c_str());
    }
    if (!available) {
        ImGui::SameLine();
        style::colouredText(colours::Dim, tr(Tx::RecordingUnavailable));
    }
    drawDevicePicker(f);
}

void ProducerWindow::drawDevicePicker(const Frame& f) {
    const std::string& current = f.snap.station.audioDevice;
    const std::string preview =
        fmt::format("{}: {}", tr(Tx::Device), current.empty() ? tr(Tx::DeviceDefault) : current);
    const float want = ImGui::GetFontSize() * 16;
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < want) ImGui::NewLine();
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, want * 1.5f));
    // The device of a running recording does not change under it.
    ImGui::BeginDisabled(f.recording.live());
    if (ImGui::BeginCombo("###device", preview.c_str())) {
        if (ImGui::IsWindowAppearing()) f.emit(cmd::ScanDevices{});
        if (ImGui::Selectable(tr(Tx::DeviceDefault), current.empty()))
            f.emit(cmd::SetAudioDevice{""});
        for (const std::string& name : f.app.devices) {
            if (ImGui::Selectable(name.c_str(), name == current)) f.emit(cmd::SetAudioDevice{name});
        }
        if (f.app.scanningDevices) {
            style::colouredText(colours::Dim, tr(Tx::DeviceScanning));
        } else if (!f.app.deviceScanError.empty()) {
            style::colouredText(colours::Red, f.app.deviceScanError.c_str());
        } else if (f.app.devices.empty()) {
            style::colouredText(colours::Dim, tr(Tx::DeviceNone));
        }
        ImGui::Separator();
        const ImGuiStyle& st = ImGui::GetStyle();
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x -
                                ImGui::CalcTextSize(tr(Tx::DeviceUse)).x - st.FramePadding.x * 2 -
                                st.ItemSpacing.x);
        const bool entered =
            ImGui::InputTextWithHint("##device_other", tr(Tx::DeviceOther), &deviceInput_,
                                     ImGuiInputTextFlags_EnterReturnsTrue);
        ImGui::SameLine();
        if ((ImGui::Button(tr(Tx::DeviceUse)) || entered) && !deviceInput_.empty()) {
            f.emit(cmd::SetAudioDevice{deviceInput_});
            ImGui::CloseCurrentPopup();
        }
        if (ImGui::Button(tr(Tx::DeviceRescan))) f.emit(cmd::ScanDevices{});
        ImGui::EndCombo();
    }
    ImGui::EndDisabled();
}

// [SECTION] Rundown

void ProducerWindow::drawRundown(const Frame& f) {
    const Session& s = *f.snap.session;
    const RundownFigures& fig = *f.figures;
    const LocalClock& clk = f.snap.clock;
    const float avail = ImGui::GetContentRegionAvail().y;
    const float height = std::max(ImGui::GetTextLineHeightWithSpacing() * 5, avail * 0.42f);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("rundown", 8, flags, ImVec2(0, height))) return;
    const float digits = ImGui::CalcTextSize("00:00:00").x;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("#", 0, ImGui::CalcTextSize("000").x);
    ImGui::TableSetupColumn(tr(Tx::ColKind), 0, ImGui::CalcTextSize("Tanya jawab").x);
    ImGui::TableSetupColumn(tr(Tx::ColSegment), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr(Tx::ColPlanned), 0, ImGui::CalcTextSize("00:00").x + 8);
    ImGui::TableSetupColumn(tr(Tx::ColActual), 0, ImGui::CalcTextSize("00:00").x + 8);
    ImGui::TableSetupColumn("+/-", 0, ImGui::CalcTextSize("+00:00").x + 8);
    ImGui::TableSetupColumn(tr(Tx::ColStart), 0, digits * 0.7f);
    ImGui::TableSetupColumn(tr(Tx::ColEnd), 0, digits * 0.7f);
    ImGui::TableHeadersRow();

    const int n = static_cast<int>(s.segments.size());
    const bool scroll = fig.current != lastCurrent_;
    ImGuiListClipper clipper;
    clipper.Begin(n);
    if (scroll && fig.current >= 0)
        clipper.ForceDisplayRangeByIndices(fig.current, fig.current + 1);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Segment& seg = s.segments[i];
            const SegmentFigures& sf = fig.segments[i];
            ImGui::TableNextRow();
            const bool current = i == fig.current;
            const bool done = sf.state == SegmentState::Done;
            if (current) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, colours::Current);
            ImGui::PushStyleColor(ImGuiCol_Text, done ? colours::Dim : colours::Text);
            ImGui::TableNextColumn();
            ImGui::Text("%s%d", current ? "\xE2\x96\xB6" : "", i + 1);  // ▶ marks the current one
            if (current && scroll) ImGui::SetScrollHereY(0.3f);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(kindLabel(seg.kind));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(seg.title.c_str());
            if (!seg.notes.empty() && ImGui::IsItemHovered())
                ImGui::SetTooltip("%s", seg.notes.c_str());
            if (seg.hardOut) {
                ImGui::SameLine();
                style::colouredText(colours::Amber,
                                    fmtTx(Tx::HardOutShort, clk.time(*seg.hardOut, false)).c_str());
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(style::clock(sf.planned).c_str());
            ImGui::TableNextColumn();
            if (sf.state != SegmentState::Pending)
                ImGui::TextUnformatted(style::clock(sf.actual).c_str());
            ImGui::TableNextColumn();
            if (sf.state != SegmentState::Pending) {
                const ImU32 c =
                    sf.overUnder > std::chrono::seconds(0) ? colours::Amber : colours::Ok;
                style::colouredText(c, style::signedClock(sf.overUnder).c_str());
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(clk.time(sf.expectedStart, false).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(clk.time(sf.expectedEnd, false).c_str());
            ImGui::PopStyleColor();
        }
    }
    lastCurrent_ = fig.current;
    ImGui::EndTable();
}

// [SECTION] Approved queue

void ProducerWindow::drawQueue(const Frame& f) {
    const Snapshot& snap = f.snap;
    ImGui::PushFont(f.fonts.bold);
    ImGui::TextUnformatted(fmtTx(Tx::ApprovedQueue, snap.approved.size()).c_str());
    ImGui::PopFont();

    // What is on air now, pinned above the queue.
    if (const Question* q = snap.onAirQuestion()) {
        style::badge(tr(Tx::OnAirBadge), colours::OnAir);
        ImGui::SameLine();
        const std::string who = fmtTx(Tx::QuestionWho, q->number, q->callerName, q->origin);
        ImGui::TextUnformatted(who.c_str());
        ImGui::SameLine();
        if (style::actionButton(tr(Tx::Answered), "Shift+F6", true, colours::Ok)) {
            f.emit(cmd::MarkAnswered{q->id});
        }
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(q->text.c_str());
        ImGui::PopTextWrapPos();
    }
    const int sel = selectedIndex(f);
    const bool live = snap.live();
    if (style::actionButton(tr(Tx::PutOnAir), "F6", live && sel >= 0 && !snap.onAirQuestion(),
                            colours::OnAir)) {
        f.emit(cmd::PutOnAir{selected_});
    }
    ImGui::SameLine();
    if (style::actionButton(tr(Tx::MoveUp), "Ctrl+\xE2\x86\x91", sel > 0)) moveSelected(f, -1);
    ImGui::SameLine();
    if (style::actionButton(tr(Tx::MoveDown), "Ctrl+\xE2\x86\x93",
                            sel >= 0 && sel + 1 < static_cast<int>(snap.approved.size()))) {
        moveSelected(f, +1);
    }

    const float msgHeight = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
    const float height = std::max(ImGui::GetTextLineHeightWithSpacing() * 3,
                                  ImGui::GetContentRegionAvail().y - msgHeight);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_BordersInnerV;
    if (!ImGui::BeginTable("queue", 4, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(Tx::ColOrder), 0, ImGui::CalcTextSize("000").x);
    ImGui::TableSetupColumn(tr(Tx::ColNumber), 0, ImGui::CalcTextSize("No. 0000").x);
    ImGui::TableSetupColumn(tr(Tx::ColCaller), 0,
                            ImGui::CalcTextSize("Siti Rahmawati, Kec. Gading").x);
    ImGui::TableSetupColumn(tr(Tx::ColQuestion), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(snap.approved.size()));
    if (sel >= 0) clipper.ForceDisplayRangeByIndices(sel, sel + 1);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Question& q = snap.questions[snap.approved[i]];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(static_cast<int>(q.id));
            const std::string pos = std::to_string(i + 1);
            if (ImGui::Selectable(
                    pos.c_str(), q.id == selected_,
                    ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap)) {
                selected_ = q.id;
            }
            // Drag a row onto another to put it in that place.
            if (ImGui::BeginDragDropSource()) {
                ImGui::SetDragDropPayload("ds.question", &q.id, sizeof q.id);
                ImGui::Text("%s", fmtTx(Tx::QuestionNumber, q.number).c_str());
                ImGui::EndDragDropSource();
            }
            if (ImGui::BeginDragDropTarget()) {
                if (const ImGuiPayload* p = ImGui::AcceptDragDropPayload("ds.question")) {
                    std::int64_t id = 0;
                    std::memcpy(&id, p->Data, sizeof id);
                    if (id != q.id) f.emit(cmd::MoveQuestion{id, i + 1});
                    selected_ = id;
                }
                ImGui::EndDragDropTarget();
            }
            ImGui::PopID();
            ImGui::TableNextColumn();
            ImGui::Text("%d", q.number);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(q.origin.empty() ? q.callerName.c_str()
                                                    : (q.callerName + ", " + q.origin).c_str());
            ImGui::TableNextColumn();
            if (!q.flags.empty()) {
                style::colouredText(colours::Flag, "\xE2\x9A\xA0");  // ⚠
                ImGui::SameLine();
            }
            ImGui::TextUnformatted(q.text.c_str());
            if (ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
                ImGui::TextUnformatted(q.text.c_str());
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
        }
    }
    ImGui::EndTable();
}

// [SECTION] Message to the guests

void ProducerWindow::drawMessage(const Frame& f) {
    if (!messageEdited_) message_ = f.app.guestMessage;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(Tx::GuestMessage));
    ImGui::SameLine();
    const float clear = ImGui::CalcTextSize(tr(Tx::Clear)).x + ImGui::GetStyle().FramePadding.x * 4;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - clear);
    if (ImGui::InputTextWithHint("##guestmsg", tr(Tx::GuestMessageHint), &message_)) {
        messageEdited_ = true;
    }
    if (style::enterPressedAfter()) {
        f.emit(cmd::SetGuestMessage{message_});
        messageEdited_ = false;
    }
    ImGui::SameLine();
    if (ImGui::Button(tr(Tx::Clear))) {
        message_.clear();
        messageEdited_ = false;
        f.emit(cmd::SetGuestMessage{""});
    }
}

// [SECTION] Confirmations

void ProducerWindow::drawConfirmations(const Frame& f) {
    if (openEndPopup_) {
        ImGui::OpenPopup("###confirm_end");
        openEndPopup_ = false;
    }
    if (openStopPopup_) {
        ImGui::OpenPopup("###confirm_stop");
        openStopPopup_ = false;
    }
    confirmEnd_ = ImGui::IsPopupOpen("###confirm_end");
    confirmStop_ = ImGui::IsPopupOpen("###confirm_stop");
    const auto confirm = [&](const char* id, Tx title, Tx body, Tx yes, Command command) {
        const std::string t = style::withId(tr(title), id + 3);
        ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always,
                                ImVec2(0.5f, 0.5f));
        if (!ImGui::BeginPopupModal(t.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
        capture::window();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
        ImGui::TextUnformatted(tr(body));
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        bool accept = style::actionButton(tr(yes), "Enter", true, colours::Red);
        ImGui::SameLine();
        bool cancel = style::actionButton(tr(Tx::Cancel), "Esc", true);
        accept = accept || (!ImGui::IsWindowAppearing() &&
                            (style::shortcut(key::Enter) || style::shortcut(key::KpEnter)));
        cancel = cancel || style::shortcut(key::Escape);
        if (accept) {
            f.emit(std::move(command));
            ImGui::CloseCurrentPopup();
        } else if (cancel) {
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    };
    confirm("###confirm_end", Tx::ConfirmEndTitle, Tx::ConfirmEndBody, Tx::EndSession,
            cmd::EndSession{f.sessionId()});
    confirm("###confirm_stop", Tx::ConfirmStopTitle, Tx::ConfirmStopBody, Tx::StopRecording,
            cmd::StopRecording{f.sessionId()});
}

}  // namespace ds::ui
