// The screener's window.
//
// Index
// [SECTION] Keys and selection
// [SECTION] Intake form
// [SECTION] Caller history
// [SECTION] Queue and details
// [SECTION] Reason and merge boxes
#include "ui/ScreenerWindow.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <set>

#include <fmt/format.h>

#include "studio/Masking.h"
#include "studio/TextRules.h"
#include "ui/Input.h"
#include "ui/Layout.h"
#include "ui/Style.h"
#include "ui/Translations.h"

namespace ds::ui {

namespace {

const Term& channelAt(int i) {
    return vocab::channels()[static_cast<std::size_t>(i)];
}

// Spoken calls and studio visitors are unwritten; everything typed or posted is written.
bool writtenByDefault(const Term& channel) {
    return channel.code != "phone" && channel.code != "studio";
}

std::set<std::string> words(const std::string& text) {
    std::set<std::string> out;
    std::string w;
    for (char c : text + " ") {
        if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
            w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else {
            if (w.size() >= 4) out.insert(w);
            w.clear();
        }
    }
    return out;
}

const char* statusLabel(const std::string& code) {
    static thread_local std::string s;
    s = std::string(label(vocab::questionStatuses(), code));
    return s.c_str();
}

}  // namespace

// [SECTION] Keys and selection

const Question* ScreenerWindow::selected(const Frame& f) const {
    for (int i : f.snap.incoming) {
        if (f.snap.questions[i].id == selected_) return &f.snap.questions[i];
    }
    return nullptr;
}

void ScreenerWindow::setChannel(int index) {
    form_.channel = index;
    form_.written = writtenByDefault(channelAt(index));
}

void ScreenerWindow::ask(const Frame& f, Ask what) {
    const Question* q = selected(f);
    if (!q) return;
    ask_ = what;
    openAsk_ = true;
    askQuestion_ = q->id;
    reason_.clear();
    mergeNumber_.clear();
    askError_.clear();
    if (what == Ask::Merge) candidates_ = similar(f.snap, *q, 6);
}

void ScreenerWindow::handleKeys(const Frame& f) {
    if (style::modalOpen()) return;
    const int n = static_cast<int>(vocab::channels().size());
    for (int i = 0; i < n && i < 9; ++i) {
        if (style::shortcut(key::N1 + i, ModCtrl)) setChannel(i);
    }
    if (style::shortcut(key::T, ModCtrl)) form_.written = !form_.written;
    if (style::shortcut(key::I, ModCtrl)) form_.infoRequest = !form_.infoRequest;
    if (style::shortcut(key::N, ModCtrl)) {
        const int channel = form_.channel;
        form_ = Form{};
        setChannel(channel);
        formError_.clear();
        focusField_ = 0;
    }

    // Selection in the incoming queue follows the list as questions leave it.
    const auto& in = f.snap.incoming;
    int index = -1;
    for (int i = 0; i < static_cast<int>(in.size()); ++i) {
        // A question just saved is selected as soon as the snapshot holds it.
        if (pendingSelect_ && f.snap.questions[in[i]].id == pendingSelect_) {
            selected_ = pendingSelect_;
            pendingSelect_ = 0;
        }
    }
    for (int i = 0; i < static_cast<int>(in.size()); ++i) {
        if (f.snap.questions[in[i]].id == selected_) index = i;
    }
    if (style::shortcut(key::Up, ModAlt, true) && index > 0) --index;
    if (style::shortcut(key::Down, ModAlt, true) && index + 1 < static_cast<int>(in.size()))
        ++index;
    if (index < 0 && !in.empty()) index = 0;
    selected_ = index >= 0 ? f.snap.questions[in[index]].id : 0;

    const Question* q = selected(f);
    if (!q) return;
    if (style::shortcut(key::S, ModAlt) && q->status == "new") {
        f.emit(cmd::ScreenQuestion{q->id, ""});
    }
    if (style::shortcut(key::A, ModAlt)) f.emit(cmd::ApproveQuestion{q->id});
    if (style::shortcut(key::R, ModAlt)) ask(f, Ask::Reject);
    if (style::shortcut(key::D, ModAlt)) ask(f, Ask::Defer);
    if (style::shortcut(key::G, ModAlt)) ask(f, Ask::Merge);
}

void ScreenerWindow::onOutcome(const Outcome& o) {
    if (o.ticket == 0 || o.ticket != pendingTicket_) return;
    pendingTicket_ = 0;
    if (o.ok) {
        const int channel = form_.channel;
        form_ = Form{};
        setChannel(channel);
        formError_.clear();
        lastSaved_ = o.message;
        focusField_ = 0;
        // What was just typed is what the screener looks at next (Alt+A approves it).
        pendingSelect_ = o.subjectId;
    } else {
        formError_ = o.message;
        focusField_ = 3;
    }
}

void ScreenerWindow::draw(const Frame& f) {
    handleKeys(f);
    layout::place(WindowId::Screener, f.fonts, f.app.layoutPreset);
    const std::string title = style::withId(tr(Tx::ScreenerTitle), kId);
    if (ImGui::Begin(title.c_str(), nullptr, ImGuiWindowFlags_NoCollapse)) {
        capture::window();
        drawForm(f);
        drawHistory(f);
        drawQueue(f);
    }
    ImGui::End();
    drawAsk(f);
}

// [SECTION] Intake form

void ScreenerWindow::submit(const Frame& f) {
    if (pendingTicket_ != 0) return;  // the last one is still being saved
    if (!f.snap.session) {
        formError_ = tr(Tx::NoSessionOpen);
        return;
    }
    if (trim(form_.text).empty()) {
        formError_ = tr(Tx::TextRequired);
        focusField_ = 3;
        return;
    }
    cmd::AddQuestion add;
    Question& q = add.question;
    q.sessionId = f.snap.session->id;
    q.channel = std::string(channelAt(form_.channel).code);
    q.callerName = trim(form_.name);
    q.origin = trim(form_.origin);
    q.contact = trim(form_.contact);
    q.text = trim(form_.text);
    q.written = form_.written;
    q.infoRequest = form_.infoRequest;
    q.purpose = form_.infoRequest ? trim(form_.purpose) : std::string();
    add.formTicket = pendingTicket_ = nextTicket_++;
    formError_.clear();
    f.emit(std::move(add));
}

void ScreenerWindow::drawForm(const Frame& f) {
    ImGui::PushFont(f.fonts.bold);
    ImGui::TextUnformatted(tr(Tx::IntakeTitle));
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::PushFont(f.fonts.small);
    style::colouredText(colours::Dim, tr(Tx::IntakeKeys));
    ImGui::PopFont();

    // Channel: one button per channel, Ctrl+digit.
    const auto channels = vocab::channels();
    for (std::size_t i = 0; i < channels.size(); ++i) {
        if (i > 0) ImGui::SameLine(0, 4);
        const bool on = static_cast<int>(i) == form_.channel;
        const std::string text = fmt::format("{} {}###ch{}", i + 1, label(channels[i]), i);
        if (on) ImGui::PushStyleColor(ImGuiCol_Button, colours::Selected);
        if (ImGui::Button(text.c_str())) setChannel(static_cast<int>(i));
        if (on) ImGui::PopStyleColor();
    }

    bool enter = false;
    const auto field = [&](int index, const char* id, const char* hint, std::string* value,
                           float width) {
        if (focusField_ == index) {
            ImGui::SetKeyboardFocusHere();
            focusField_ = -1;
        }
        ImGui::SetNextItemWidth(width);
        ImGui::InputTextWithHint(id, hint, value);
        if (style::enterPressedAfter()) enter = true;
    };
    const float avail = ImGui::GetContentRegionAvail().x;
    const float sp = ImGui::GetStyle().ItemSpacing.x;
    field(0, "##name", tr(Tx::FieldName), &form_.name, avail * 0.3f);
    ImGui::SameLine();
    field(1, "##origin", tr(Tx::FieldOrigin), &form_.origin, avail * 0.35f - sp);
    ImGui::SameLine();
    field(2, "##contact", tr(Tx::FieldContact), &form_.contact, avail * 0.35f - sp);

    if (focusField_ == 3) {
        ImGui::SetKeyboardFocusHere();
        focusField_ = -1;
    }
    const float textH = ImGui::GetTextLineHeight() * 2.6f + ImGui::GetStyle().FramePadding.y * 2;
    ImGui::InputTextMultiline("##text", &form_.text, ImVec2(avail, textH),
                              ImGuiInputTextFlags_CtrlEnterForNewLine);
    if (style::enterPressedAfter()) enter = true;
    if (form_.text.empty()) {
        // InputTextMultiline has no hint in 1.86: draw it over the empty box.
        const ImVec2 min = ImGui::GetItemRectMin();
        const ImVec2 pad = ImGui::GetStyle().FramePadding;
        ImGui::GetWindowDrawList()->AddText(ImVec2(min.x + pad.x, min.y + pad.y), colours::Faint,
                                            tr(Tx::FieldText));
    }

    ImGui::Checkbox(fmt::format("{}  [Ctrl+T]###written", tr(Tx::Written)).c_str(), &form_.written);
    ImGui::SameLine();
    ImGui::Checkbox(fmt::format("{}  [Ctrl+I]###info", tr(Tx::InfoRequest)).c_str(),
                    &form_.infoRequest);
    if (form_.infoRequest) {
        ImGui::SameLine();
        field(4, "##purpose", tr(Tx::FieldPurpose), &form_.purpose,
              std::max(120.0f, ImGui::GetContentRegionAvail().x -
                                   ImGui::CalcTextSize(tr(Tx::SaveQuestion)).x - 90));
    }
    ImGui::SameLine();
    if (style::actionButton(tr(Tx::SaveQuestion), "Enter", pendingTicket_ == 0, colours::Ok)) {
        enter = true;
    }
    if (enter) submit(f);
    if (!formError_.empty()) {
        style::colouredText(colours::Red, formError_.c_str());
    } else if (!lastSaved_.empty()) {
        style::colouredText(colours::Ok, lastSaved_.c_str());
    }

    // Ask the worker for this caller's history while the number is typed.
    const std::string contact = trim(form_.contact);
    const Question* q = selected(f);
    const std::string wanted = contact.size() >= 5 ? contact : (q ? q->contact : std::string());
    if (wanted != lookedUp_) {
        lookedUp_ = wanted;
        f.emit(cmd::LookupContact{wanted});
    }
}

// [SECTION] Caller history

void ScreenerWindow::drawHistory(const Frame& f) {
    const Snapshot& snap = f.snap;
    if (snap.contactQuery.empty() || snap.contactQuery != lookedUp_) return;
    // The question being looked at is not its own history.
    std::vector<const Question*> earlier;
    for (const Question& q : snap.contactHistory) {
        if (q.id != selected_) earlier.push_back(&q);
    }
    if (earlier.empty()) return;
    ImGui::PushFont(f.fonts.small);
    style::colouredText(colours::Accent,
                        fmtTx(Tx::CallerHistory, snap.contactQuery, earlier.size()).c_str());
    for (std::size_t i = 0; i < earlier.size() && i < 3; ++i) {
        const Question* q = earlier[i];
        const std::string line = fmt::format(
            "  {} {} · {} {} · {}: {}", snap.clock.date(q->receivedAt), tr(Tx::SessionShort),
            q->sessionId, fmtTx(Tx::QuestionNumber, q->number), statusLabel(q->status), q->text);
        ImGui::TextUnformatted(line.c_str());
    }
    ImGui::PopFont();
}

// [SECTION] Queue and details

void ScreenerWindow::drawQueue(const Frame& f) {
    const Snapshot& snap = f.snap;
    ImGui::Separator();
    ImGui::PushFont(f.fonts.bold);
    ImGui::TextUnformatted(fmtTx(Tx::IncomingQueue, snap.incoming.size()).c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::PushFont(f.fonts.small);
    style::colouredText(colours::Dim, tr(Tx::QueueKeys));
    ImGui::PopFont();

    const Question* sel = selected(f);
    const float avail = ImGui::GetContentRegionAvail().x;
    const float listW = sel ? avail * 0.56f : avail;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_BordersInnerV;
    if (ImGui::BeginTable("incoming", 4, flags, ImVec2(listW, 0))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(tr(Tx::ColNumber), 0, ImGui::CalcTextSize("0000").x);
        ImGui::TableSetupColumn(tr(Tx::ColTime), 0, ImGui::CalcTextSize("00:00").x);
        ImGui::TableSetupColumn(tr(Tx::ColCaller), 0,
                                ImGui::CalcTextSize("WhatsApp Siti Rahmawati").x);
        ImGui::TableSetupColumn(tr(Tx::ColQuestion), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableHeadersRow();
        int selIndex = -1;
        for (int i = 0; i < static_cast<int>(snap.incoming.size()); ++i) {
            if (snap.questions[snap.incoming[i]].id == selected_) selIndex = i;
        }
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(snap.incoming.size()));
        if (selIndex >= 0) clipper.ForceDisplayRangeByIndices(selIndex, selIndex + 1);
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const Question& q = snap.questions[snap.incoming[i]];
                ImGui::TableNextRow();
                if (!q.flags.empty()) {
                    ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, IM_COL32(90, 40, 10, 150));
                }
                ImGui::TableNextColumn();
                ImGui::PushID(static_cast<int>(q.id));
                if (ImGui::Selectable(std::to_string(q.number).c_str(), q.id == selected_,
                                      ImGuiSelectableFlags_SpanAllColumns)) {
                    selected_ = q.id;
                }
                ImGui::PopID();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(snap.clock.time(q.receivedAt, false).c_str());
                ImGui::TableNextColumn();
                const std::string who =
                    std::string(label(vocab::channels(), q.channel)) + " " + q.callerName;
                ImGui::TextUnformatted(who.c_str());
                ImGui::TableNextColumn();
                if (!q.flags.empty()) {
                    style::colouredText(colours::Flag,
                                        ("\xE2\x9A\xA0 " + q.flags.front().category).c_str());
                    ImGui::SameLine();
                }
                if (q.status == "screened") {
                    style::colouredText(colours::Ok, "\xE2\x9C\x93");  // ✓ screened
                    ImGui::SameLine();
                }
                ImGui::TextUnformatted(q.text.c_str());
            }
        }
        ImGui::EndTable();
    }
    if (sel) {
        ImGui::SameLine();
        ImGui::BeginChild("details", ImVec2(0, 0), true);
        drawDetails(f, *sel);
        ImGui::EndChild();
    }
}

void ScreenerWindow::drawDetails(const Frame& f, const Question& q) {
    const Snapshot& snap = f.snap;
    ImGui::PushFont(f.fonts.bold);
    ImGui::TextUnformatted(fmtTx(Tx::QuestionNumber, q.number).c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    style::colouredText(q.status == "screened" ? colours::Ok : colours::Dim, statusLabel(q.status));
    const std::string who =
        fmt::format("{} · {} · {} · {}", q.callerName.empty() ? "-" : q.callerName,
                    q.origin.empty() ? "-" : q.origin, q.contact.empty() ? "-" : q.contact,
                    label(vocab::channels(), q.channel));
    style::colouredText(colours::Accent, who.c_str());
    const std::string meta =
        fmt::format("{} {} · {}{}", tr(Tx::ReceivedAt), snap.clock.time(q.receivedAt),
                    tr(q.written ? Tx::Written : Tx::Unwritten),
                    q.infoRequest ? std::string(" · ") + tr(Tx::InfoRequest) : "");
    ImGui::PushFont(f.fonts.small);
    style::colouredText(colours::Dim, meta.c_str());
    ImGui::PopFont();
    style::flaggedText(q.text, q.flags);
    for (const ContentFlag& flag : q.flags) {
        const std::string line =
            fmtTx(Tx::FlagLine, flag.category == "sara" ? "SARA" : flag.category, flag.term);
        style::colouredText(colours::Flag, line.c_str());
    }
    if (q.infoRequest && !q.purpose.empty()) {
        ImGui::TextWrapped("%s: %s", tr(Tx::FieldPurpose), q.purpose.c_str());
    }
    ImGui::Spacing();
    if (style::actionButton(tr(Tx::Approve), "Alt+A", true, colours::Ok)) {
        f.emit(cmd::ApproveQuestion{q.id});
    }
    ImGui::SameLine();
    if (style::actionButton(tr(Tx::Screen), "Alt+S", q.status == "new")) {
        f.emit(cmd::ScreenQuestion{q.id, ""});
    }
    if (style::actionButton(tr(Tx::Reject), "Alt+R", true, colours::Red)) ask(f, Ask::Reject);
    ImGui::SameLine();
    if (style::actionButton(tr(Tx::Merge), "Alt+G", true)) ask(f, Ask::Merge);
    ImGui::SameLine();
    if (style::actionButton(tr(Tx::Defer), "Alt+D", true)) ask(f, Ask::Defer);
}

// [SECTION] Reason and merge boxes

std::vector<int> ScreenerWindow::similar(const Snapshot& snap, const Question& q, int limit) {
    const std::set<std::string> mine = words(q.text);
    std::vector<std::pair<int, int>> scored;  // (score, index)
    const auto consider = [&](int i) {
        const Question& o = snap.questions[i];
        if (o.id == q.id) return;
        int score = 0;
        for (const std::string& w : words(o.text))
            score += mine.count(w) ? 1 : 0;
        if (!q.contact.empty() && o.contact == q.contact) score += 3;
        scored.emplace_back(score, i);
    };
    for (int i : snap.incoming)
        consider(i);
    for (int i : snap.approved)
        consider(i);
    if (snap.onAir >= 0) consider(snap.onAir);
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<int> out;
    for (const auto& [score, i] : scored) {
        if (static_cast<int>(out.size()) >= limit) break;
        out.push_back(i);
    }
    return out;
}

void ScreenerWindow::drawAsk(const Frame& f) {
    if (openAsk_) {
        ImGui::OpenPopup("###screener_ask");
        openAsk_ = false;
    }
    const Question* q = f.snap.question(askQuestion_);
    const Tx title = ask_ == Ask::Reject  ? Tx::RejectTitle
                     : ask_ == Ask::Defer ? Tx::DeferTitle
                                          : Tx::MergeTitle;
    const std::string t = style::withId(q ? fmtTx(title, q->number).c_str() : "", "screener_ask");
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(t.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    capture::window();
    if (!q) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
    style::colouredText(colours::Dim, q->text.c_str());
    ImGui::PopTextWrapPos();
    bool enter = false;
    if (ImGui::IsWindowAppearing() || refocusAsk_) ImGui::SetKeyboardFocusHere();
    refocusAsk_ = false;
    if (ask_ == Ask::Merge) {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
        ImGui::InputTextWithHint("##into", tr(Tx::MergeIntoHint), &mergeNumber_,
                                 ImGuiInputTextFlags_CharsDecimal);
        enter = style::enterPressedAfter();
        const Question* into = f.snap.byNumber(std::atoi(mergeNumber_.c_str()));
        if (enter && (!into || into->id == q->id)) {
            askError_ = tr(Tx::MergeNumberInvalid);
            ImGui::SetKeyboardFocusHere(-1);  // back into the box at once
            enter = false;
        }
        style::colouredText(colours::Dim, tr(Tx::MergeCandidates));
        for (int i : candidates_) {
            const Question& c = f.snap.questions[i];
            const std::string line = fmt::format("{}  {}: {}", c.number, c.callerName, c.text);
            if (ImGui::Selectable(line.c_str())) mergeNumber_ = std::to_string(c.number);
        }
    } else {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 30);
        ImGui::InputTextWithHint("##reason", tr(Tx::ReasonHint), &reason_);
        enter = style::enterPressedAfter();
        if (enter && trim(reason_).empty()) {
            // A rejection or deferral without a reason is never sent.
            askError_ = tr(Tx::ReasonRequired);
            ImGui::SetKeyboardFocusHere(-1);
            enter = false;
        }
    }
    if (!askError_.empty()) style::colouredText(colours::Red, askError_.c_str());
    const Tx yes = ask_ == Ask::Reject ? Tx::Reject : ask_ == Ask::Defer ? Tx::Defer : Tx::Merge;
    bool accept =
        style::actionButton(tr(yes), "Enter", true, ask_ == Ask::Reject ? colours::Red : 0);
    ImGui::SameLine();
    const bool cancel =
        style::actionButton(tr(Tx::Cancel), "Esc", true) || style::shortcut(key::Escape);
    accept = accept || enter;
    if (cancel) {
        ask_ = Ask::None;
        ImGui::CloseCurrentPopup();
    } else if (accept) {
        if (ask_ == Ask::Merge) {
            const int number = std::atoi(mergeNumber_.c_str());
            const Question* into = f.snap.byNumber(number);
            if (!into || into->id == q->id) {
                askError_ = tr(Tx::MergeNumberInvalid);
                refocusAsk_ = true;
            } else {
                f.emit(cmd::MergeQuestion{q->id, into->id});
                ask_ = Ask::None;
                ImGui::CloseCurrentPopup();
            }
        } else if (trim(reason_).empty()) {
            // A rejection or deferral without a reason is never sent.
            askError_ = tr(Tx::ReasonRequired);
            refocusAsk_ = true;
        } else {
            if (ask_ == Ask::Reject) f.emit(cmd::RejectQuestion{q->id, trim(reason_)});
            if (ask_ == Ask::Defer) f.emit(cmd::DeferQuestion{q->id, trim(reason_)});
            ask_ = Ask::None;
            ImGui::CloseCurrentPopup();
        }
    }
    ImGui::EndPopup();
}

}  // namespace ds::ui
