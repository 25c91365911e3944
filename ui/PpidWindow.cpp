// The PPID officer's window.
//
// Index
// [SECTION] Requests
// [SECTION] Details and decisions
// [SECTION] Pasal 11 statistics, export and sign-off
#include "ui/PpidWindow.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <fmt/format.h>

#include "studio/TextRules.h"
#include "ui/Input.h"
#include "ui/Layout.h"
#include "ui/Style.h"
#include "ui/Translations.h"

namespace ds::ui {

namespace {

std::string str(std::string_view v) {
    return std::string(v);
}

ImU32 statusColour(const RequestRow& row) {
    const std::string& s = row.request.status;
    if (row.overdue) return colours::Red;
    if (s == "granted_full" || s == "granted_partial") return colours::Ok;
    if (s == "refused") return colours::Amber;
    if (s == "escalated_to_leadership") return colours::Accent;
    return colours::Text;
}

std::string dueText(const RequestRow& row) {
    const InfoRequest& r = row.request;
    std::string s = formatDay(r.dueDate);
    if (r.decided()) return s;
    if (row.overdue) return s + "  " + fmtTx(Tx::Overdue, -row.workingDaysLeft);
    return s + "  " + fmtTx(Tx::DaysLeft, row.workingDaysLeft);
}

void multiline(const char* id, const char* hint, std::string* value, float lines = 2.0f) {
    const float h = ImGui::GetTextLineHeight() * lines + ImGui::GetStyle().FramePadding.y * 2;
    ImGui::InputTextMultiline(id, value, ImVec2(-FLT_MIN, h));
    if (value->empty()) {
        const ImVec2 min = ImGui::GetItemRectMin();
        const ImVec2 pad = ImGui::GetStyle().FramePadding;
        ImGui::GetWindowDrawList()->AddText(ImVec2(min.x + pad.x, min.y + pad.y), colours::Faint,
                                            hint);
    }
}

}  // namespace

std::string PpidWindow::check(const DecisionForm& form, Decision& d) {
    static const char* kDecisions[] = {"granted_full", "granted_partial", "refused"};
    d = Decision{};
    d.decision = kDecisions[std::clamp(form.decision, 0, 2)];
    d.materialGiven = trim(form.materialGiven);
    d.medium = trim(form.medium);
    if (form.decision == 1) {
        d.redactedParts = trim(form.redactedParts);
        d.redactionReason = trim(form.redactionReason);
        if (d.redactedParts.empty() || d.redactionReason.empty()) return tr(Tx::NeedRedaction);
    }
    if (form.decision == 2) {
        const auto grounds = vocab::refusalGrounds();
        d.ground = str(grounds[std::clamp<std::size_t>(form.ground, 0, grounds.size() - 1)].code);
        if (vocab::groundNeedsSubground(d.ground)) d.subground = form.subground;
        d.law = trim(form.law);
        d.consequenceTest = trim(form.consequenceTest);
        d.exemptionPeriod = trim(form.exemptionPeriod);
        d.reason = trim(form.reason);
        if (vocab::groundNeedsSubground(d.ground) && (form.subground < 1 || form.subground > 5)) {
            return tr(Tx::NeedSubground);
        }
        if (vocab::groundNeedsLaw(d.ground) && d.law.empty()) return tr(Tx::NeedLaw);
        if (vocab::groundIsExemption(d.ground) && d.consequenceTest.empty()) {
            return tr(Tx::NeedConsequence);
        }
        if (d.reason.empty()) return tr(Tx::NeedReason);
    }
    return {};
}

void PpidWindow::draw(const Frame& f) {
    layout::place(WindowId::Ppid, f.fonts, f.app.layoutPreset);
    const std::string title = style::withId(tr(Tx::PpidTitle), kId);
    if (ImGui::Begin(title.c_str(), nullptr, ImGuiWindowFlags_NoCollapse)) {
        capture::window();
        if (!f.snap.session) {
            ImGui::TextWrapped("%s", tr(Tx::NoSessionOpen));
        } else if (ImGui::BeginTabBar("ppidtabs")) {
            const std::string reqTab = style::withId(
                fmtTx(Tx::RequestsTab, f.snap.requests.size(), f.snap.report.overdue).c_str(),
                "req");
            if (ImGui::BeginTabItem(reqTab.c_str())) {
                drawRequests(f);
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem(style::withId(tr(Tx::StatisticsTab), "stats").c_str())) {
                drawStatistics(f);
                ImGui::EndTabItem();
            }
            ImGui::EndTabBar();
        }
    }
    ImGui::End();
    drawSignConfirm(f);
}

// [SECTION] Requests

void PpidWindow::drawRequests(const Frame& f) {
    const Snapshot& snap = f.snap;
    const int n = static_cast<int>(snap.requests.size());
    int index = -1;
    for (int i = 0; i < n; ++i) {
        if (snap.requests[i].request.id == selected_) index = i;
    }
    if (index < 0 && n > 0) index = 0;
    if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) &&
        !ImGui::GetIO().WantTextInput && !style::modalOpen()) {
        if (style::shortcut(key::Up, 0, true) && index > 0) --index;
        if (style::shortcut(key::Down, 0, true) && index + 1 < n) ++index;
    }
    selected_ = index >= 0 ? snap.requests[index].request.id : 0;
    if (n == 0) {
        style::colouredText(colours::Dim, tr(Tx::NoRequests));
        return;
    }

    const float rows = std::min<float>(static_cast<float>(n) + 1.3f, 7.0f);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_BordersInnerV;
    if (ImGui::BeginTable("requests", 6, flags,
                          ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * rows + 6))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(tr(Tx::ColRegNumber), 0,
                                ImGui::CalcTextSize("0000/PPID-BKL/XI/2026").x);
        ImGui::TableSetupColumn(tr(Tx::ColReceived), 0, ImGui::CalcTextSize("00:00").x);
        ImGui::TableSetupColumn(tr(Tx::ColRequester), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(tr(Tx::ColStatus), 0,
                                ImGui::CalcTextSize("Diberikan seluruhnya").x);
        ImGui::TableSetupColumn(tr(Tx::ColGround), 0, ImGui::CalcTextSize("P17a-2").x);
        ImGui::TableSetupColumn(tr(Tx::ColDue), 0,
                                ImGui::CalcTextSize("2026-12-10  TERLAMBAT 10 hari").x);
        ImGui::TableHeadersRow();
        for (int i = 0; i < n; ++i) {
            const RequestRow& row = snap.requests[i];
            const InfoRequest& r = row.request;
            ImGui::TableNextRow();
            if (row.overdue)
                ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, IM_COL32(110, 20, 20, 160));
            ImGui::TableNextColumn();
            ImGui::PushID(static_cast<int>(r.id));
            if (ImGui::Selectable(r.registrationNumber.c_str(), r.id == selected_,
                                  ImGuiSelectableFlags_SpanAllColumns)) {
                selected_ = r.id;
            }
            ImGui::PopID();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(snap.clock.time(r.receivedAt, false).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.requester.name.c_str());
            ImGui::TableNextColumn();
            style::colouredText(statusColour(row),
                                str(label(vocab::requestStatuses(), r.status)).c_str());
            ImGui::TableNextColumn();
            std::string ground = r.decision.ground;
            if (r.decision.subground) ground += "-" + std::to_string(*r.decision.subground);
            ImGui::TextUnformatted(ground.c_str());
            ImGui::TableNextColumn();
            style::colouredText(row.overdue ? colours::Red : colours::Text, dueText(row).c_str());
        }
        ImGui::EndTable();
    }
    if (const RequestRow* row = snap.request(selected_)) {
        ImGui::BeginChild("reqdetails", ImVec2(0, 0), true);
        drawDetails(f, *row);
        ImGui::EndChild();
    }
}

// [SECTION] Details and decisions

void PpidWindow::drawDetails(const Frame& f, const RequestRow& row) {
    const InfoRequest& r = row.request;
    if (formFor_ != r.id) {
        form_ = DecisionForm{};
        error_.clear();
        formFor_ = r.id;
    }
    ImGui::PushFont(f.fonts.bold);
    ImGui::TextUnformatted(r.registrationNumber.c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    style::colouredText(statusColour(row), str(label(vocab::requestStatuses(), r.status)).c_str());
    if (row.overdue) {
        ImGui::SameLine();
        style::badge(fmtTx(Tx::Overdue, -row.workingDaysLeft).c_str(), colours::Red);
    }
    std::string who = r.requester.name;
    for (const std::string* part :
         {&r.requester.occupation, &r.requester.phone, &r.requester.email}) {
        if (!part->empty()) who += " · " + *part;
    }
    style::colouredText(colours::Accent, who.c_str());
    std::string meta =
        fmtTx(Tx::RequestMeta, f.snap.clock.date(r.receivedAt),
              f.snap.clock.time(r.receivedAt, false), str(label(vocab::channels(), r.channel)),
              tr(r.written ? Tx::Written : Tx::Unwritten), formatDay(r.dueDate));
    if (row.questionNumber) meta += " · " + fmtTx(Tx::QuestionNumber, row.questionNumber);
    if (r.extended) meta += " · " + std::string(tr(Tx::Extended));
    ImGui::PushFont(f.fonts.small);
    style::colouredText(colours::Dim, meta.c_str());
    ImGui::PopFont();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(r.details.c_str());
    if (!r.purpose.empty()) ImGui::Text("%s: %s", tr(Tx::FieldPurpose), r.purpose.c_str());
    ImGui::PopTextWrapPos();
    ImGui::Separator();

    if (r.decided()) {
        const Decision& d = r.decision;
        ImGui::Text("%s: %s (%s, %s)", tr(Tx::Decision),
                    str(label(vocab::requestStatuses(), d.decision)).c_str(),
                    f.snap.clock.date(*r.decidedAt).c_str(), r.decidedBy.c_str());
        if (!d.ground.empty()) {
            ImGui::PushTextWrapPos(0.0f);
            ImGui::Text("%s: %s", tr(Tx::Ground),
                        str(label(vocab::refusalGrounds(), d.ground)).c_str());
            ImGui::PopTextWrapPos();
        }
        if (!d.reason.empty()) ImGui::TextWrapped("%s: %s", tr(Tx::Reason), d.reason.c_str());
        if (!d.materialGiven.empty())
            ImGui::TextWrapped("%s: %s", tr(Tx::MaterialGiven), d.materialGiven.c_str());
        return;
    }
    if (r.escalated && r.leadershipDecidedBy.empty()) {
        // SOP 000 Pasal 12(2): exempted information waits for the leadership's policy.
        style::colouredText(colours::Accent, tr(Tx::AwaitingLeadership));
        ImGui::TextWrapped("%s", r.escalationReason.c_str());
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
        ImGui::InputTextWithHint("##leader", tr(Tx::LeaderName), &form_.leaderName);
        ImGui::SameLine();
        ImGui::RadioButton(tr(Tx::LeaderRelease), &form_.leaderDecision, 0);
        ImGui::SameLine();
        ImGui::RadioButton(tr(Tx::LeaderWithhold), &form_.leaderDecision, 1);
        ImGui::SetNextItemWidth(-FLT_MIN);
        ImGui::InputTextWithHint("##leadernote", tr(Tx::Note), &form_.leaderNote);
        if (style::actionButton(tr(Tx::RecordLeadership), nullptr,
                                !trim(form_.leaderName).empty())) {
            f.emit(cmd::RecordLeadership{r.id, trim(form_.leaderName),
                                         form_.leaderDecision == 0 ? "release" : "withhold",
                                         trim(form_.leaderNote)});
        }
        return;
    }
    drawDecisionForm(f, r);
}

void PpidWindow::saveDecision(const Frame& f, const InfoRequest& r) {
    Decision d;
    error_ = check(form_, d);
    if (error_.empty()) f.emit(cmd::DecideRequest{r.id, d});
}

void PpidWindow::drawDecisionForm(const Frame& f, const InfoRequest& r) {
    ImGui::PushFont(f.fonts.bold);
    ImGui::TextUnformatted(tr(Tx::DecideTitle));
    ImGui::PopFont();
    ImGui::RadioButton(tr(Tx::GrantFull), &form_.decision, 0);
    ImGui::SameLine();
    ImGui::RadioButton(tr(Tx::GrantPartial), &form_.decision, 1);
    ImGui::SameLine();
    ImGui::RadioButton(tr(Tx::Refuse), &form_.decision, 2);
    if (form_.decision < 2) {
        ImGui::SetNextItemWidth(-FLT_MIN);
        ImGui::InputTextWithHint("##material", tr(Tx::MaterialGiven), &form_.materialGiven);
        ImGui::SetNextItemWidth(-FLT_MIN);
        ImGui::InputTextWithHint("##medium", tr(Tx::Medium), &form_.medium);
    }
    if (form_.decision == 1) {
        ImGui::SetNextItemWidth(-FLT_MIN);
        ImGui::InputTextWithHint("##redacted", tr(Tx::RedactedParts), &form_.redactedParts);
        ImGui::SetNextItemWidth(-FLT_MIN);
        ImGui::InputTextWithHint("##redreason", tr(Tx::RedactionReason), &form_.redactionReason);
    }
    if (form_.decision == 2) {
        const auto grounds = vocab::refusalGrounds();
        const Term& g = grounds[std::clamp<std::size_t>(form_.ground, 0, grounds.size() - 1)];
        ImGui::SetNextItemWidth(-FLT_MIN);
        const std::string preview = str(g.code) + " — " + str(label(g));
        if (ImGui::BeginCombo("##ground", preview.c_str())) {
            for (std::size_t i = 0; i < grounds.size(); ++i) {
                const std::string item = str(grounds[i].code) + " — " + str(label(grounds[i]));
                if (ImGui::Selectable(item.c_str(), static_cast<int>(i) == form_.ground)) {
                    form_.ground = static_cast<int>(i);
                }
            }
            ImGui::EndCombo();
        }
        if (vocab::groundNeedsSubground(g.code)) {
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
            ImGui::SliderInt(tr(Tx::Subground), &form_.subground, 1, 5);
        }
        if (vocab::groundNeedsLaw(g.code)) {
            ImGui::SetNextItemWidth(-FLT_MIN);
            ImGui::InputTextWithHint("##law", tr(Tx::Law), &form_.law);
        }
        if (vocab::groundIsExemption(g.code)) {
            multiline("##consequence", tr(Tx::ConsequenceTest), &form_.consequenceTest);
            ImGui::SetNextItemWidth(-FLT_MIN);
            ImGui::InputTextWithHint("##period", tr(Tx::ExemptionPeriod), &form_.exemptionPeriod);
        }
        multiline("##reason", tr(Tx::RefusalReason), &form_.reason);
    }
    const bool ctrlEnter = style::shortcut(key::Enter, ModCtrl) &&
                           ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows);
    if (style::actionButton(tr(Tx::SaveDecision), "Ctrl+Enter", true, colours::Ok) || ctrlEnter) {
        saveDecision(f, r);
    }
    if (!error_.empty()) {
        ImGui::SameLine();
        style::colouredText(colours::Red, error_.c_str());
    }

    ImGui::Separator();
    if (!r.extended) {
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
        ImGui::InputTextWithHint("##extend", tr(Tx::ExtendReason), &form_.extendReason);
        ImGui::SameLine();
        if (style::actionButton(tr(Tx::Extend), nullptr, !trim(form_.extendReason).empty())) {
            f.emit(cmd::ExtendRequest{r.id, trim(form_.extendReason)});
        }
    }
    if (!r.escalated) {
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
        ImGui::InputTextWithHint("##escalate", tr(Tx::EscalateReason), &form_.escalateReason);
        ImGui::SameLine();
        if (style::actionButton(tr(Tx::Escalate), nullptr, !trim(form_.escalateReason).empty())) {
            f.emit(cmd::EscalateRequest{r.id, trim(form_.escalateReason)});
        }
    }
}

// [SECTION] Pasal 11 statistics, export and sign-off

void PpidWindow::drawStatistics(const Frame& f) {
    const ReportFigures& rep = f.snap.report;
    ImGui::PushFont(f.fonts.small);
    style::colouredText(colours::Dim,
                        fmtTx(Tx::StatsAsOf, f.snap.clock.time(f.snap.builtAt)).c_str());
    ImGui::PopFont();
    const auto row = [](const char* name, const std::string& value, ImU32 colour = colours::Text) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(name);
        ImGui::TableNextColumn();
        style::colouredText(colour, value.c_str());
    };
    if (ImGui::BeginTable("pasal11", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn("k", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("v", 0, ImGui::CalcTextSize("00:00:00").x);
        row(tr(Tx::StatReceived), std::to_string(rep.received));
        row(tr(Tx::StatGrantedFull), std::to_string(rep.grantedFull));
        row(tr(Tx::StatGrantedPartial), std::to_string(rep.grantedPartial));
        row(tr(Tx::StatRefused), std::to_string(rep.refused));
        for (const auto& [ground, n] : rep.refusedByGround) {
            if (n == 0) continue;
            row(("    " + ground).c_str(), std::to_string(n));
        }
        row(tr(Tx::StatNotHeld), std::to_string(rep.notHeld));
        row(tr(Tx::StatPending), std::to_string(rep.pending));
        row(tr(Tx::StatExtended), std::to_string(rep.extended));
        row(tr(Tx::StatEscalated), std::to_string(rep.escalated));
        row(tr(Tx::StatOverdue), std::to_string(rep.overdue),
            rep.overdue ? colours::Red : colours::Text);
        row(tr(Tx::StatMedian), rep.medianSecondsToDecision
                                    ? style::clock(std::chrono::seconds(
                                          static_cast<long long>(*rep.medianSecondsToDecision)))
                                    : std::string("-"));
        row(tr(Tx::StatQuestions), std::to_string(rep.questionsReceived));
        row(tr(Tx::StatFlagged), std::to_string(rep.questionsFlagged));
        ImGui::EndTable();
    }
    std::string channels;
    for (const auto& [code, n] : rep.byChannel) {
        if (n == 0) continue;
        channels += (channels.empty() ? "" : ", ") + str(label(vocab::channels(), code)) + " " +
                    std::to_string(n);
    }
    ImGui::TextWrapped("%s: %s", tr(Tx::ByChannel), channels.empty() ? "-" : channels.c_str());

    ImGui::Separator();
    ImGui::TextUnformatted(tr(Tx::ExportTitle));
    ImGui::SameLine();
    ImGui::PushFont(f.fonts.small);
    style::colouredText(colours::Dim, f.app.exportDir.c_str());
    ImGui::PopFont();
    // The buttons flow onto the next line when the window is narrow.
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    bool first = true;
    for (const AppState::ExportChoice& choice : f.app.exports) {
        const float w =
            ImGui::CalcTextSize(choice.label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
        if (!first) {
            ImGui::SameLine();
            if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
        }
        first = false;
        if (ImGui::Button(fmt::format("{}###export_{}", choice.label, choice.code).c_str())) {
            f.emit(cmd::ExportSession{f.sessionId(), choice.code});
        }
    }
    const bool canSign = f.snap.session->status == "ended";
    if (style::actionButton(tr(Tx::SignRecord), nullptr, canSign, colours::Accent))
        openSign_ = true;
    ImGui::SameLine();
    style::colouredText(colours::Dim, tr(f.snap.session->status == "signed"  ? Tx::AlreadySigned
                                         : f.snap.session->status != "ended" ? Tx::SignAfterEnd
                                                                             : Tx::SignHint));
}

void PpidWindow::drawSignConfirm(const Frame& f) {
    if (openSign_) {
        ImGui::OpenPopup("###confirm_sign");
        openSign_ = false;
    }
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(style::withId(tr(Tx::SignRecord), "confirm_sign").c_str(), nullptr,
                                ImGuiWindowFlags_AlwaysAutoResize)) {
        return;
    }
    capture::window();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
    ImGui::TextUnformatted(tr(Tx::ConfirmSignBody));
    ImGui::PopTextWrapPos();
    // Who signs: the name as on the signature and the NRP (police) or NIP (civil servant).
    if (ImGui::IsWindowAppearing()) signFocus_ = 0;
    if (signFocus_ == 0) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20);
    ImGui::InputTextWithHint("##signer", tr(Tx::SignerName), &signerName_);
    if (signFocus_ == 1) ImGui::SetKeyboardFocusHere();
    signFocus_ = -1;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20);
    ImGui::InputTextWithHint("##nrp", tr(Tx::SignerNrp), &signerNrp_,
                             ImGuiInputTextFlags_CharsDecimal);
    const bool complete =
        !signerName_.empty() && (signerNrp_.size() == 8 || signerNrp_.size() == 18);
    if (!complete) {
        style::colouredText(colours::Dim, tr(Tx::SignerNeeded));
        // Enter on an incomplete signature goes back to what is missing.
        if (!ImGui::IsWindowAppearing() && style::shortcut(key::Enter))
            signFocus_ = signerName_.empty() ? 0 : 1;
    }
    bool accept = style::actionButton(tr(Tx::SignRecord), "Enter", complete, colours::Accent);
    ImGui::SameLine();
    const bool cancel =
        style::actionButton(tr(Tx::Cancel), "Esc", true) || style::shortcut(key::Escape);
    accept = accept || (complete && !ImGui::IsWindowAppearing() && style::shortcut(key::Enter));
    if (accept) {
        f.emit(cmd::SignSession{f.sessionId(), signerName_, signerNrp_});
        ImGui::CloseCurrentPopup();
    } else if (cancel) {
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace ds::ui
