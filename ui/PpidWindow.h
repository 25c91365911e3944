#pragma once
// The PPID officer's window: the session's information requests with registration numbers,
// status, legal ground, due dates and overdue warnings; deciding them (grant fully or partly,
// refuse with a ground from the list and a reason, escalate to the leadership, extend); the
// SOP 000 Pasal 11 statistics, live; export (background jobs) and sign-off (RecordKeeping).
//
// Keys: with the window focused, Up/Down select a request; Ctrl+Enter saves the decision form.
// The form checks what the record will check (a refusal needs a ground and a reason; P17a and
// P17h a sub-ground; P17j the law; Pasal 17 grounds the consequence test; a partial grant what
// was withheld and why) and says so in words before anything is sent.
#include <cstdint>
#include <string>

#include "ui/Frame.h"

namespace ds::ui {

class PpidWindow {
  public:
    static constexpr const char* kId = "ppid";

    // Opens the signature dialog (the "sign" button; tests).
    void openSignDialog() { openSign_ = true; }

    struct DecisionForm {
        int decision = 0;  // 0 granted_full, 1 granted_partial, 2 refused
        int ground = 0;    // index into vocab::refusalGrounds()
        int subground = 1;
        std::string law;
        std::string consequenceTest;
        std::string exemptionPeriod;
        std::string reason;
        std::string materialGiven;
        std::string medium;
        std::string redactedParts;
        std::string redactionReason;
        std::string extendReason;
        std::string escalateReason;
        std::string leaderName;
        int leaderDecision = 0;  // 0 release, 1 withhold
        std::string leaderNote;
    };

    void draw(const Frame& f);

    std::int64_t selectedRequest() const { return selected_; }
    DecisionForm& form() { return form_; }
    const std::string& error() const { return error_; }

    // The decision the form describes, or the problem in words (empty when it can be sent).
    static std::string check(const DecisionForm& form, Decision& out);

  private:
    void drawRequests(const Frame& f);
    void drawDetails(const Frame& f, const RequestRow& row);
    void drawDecisionForm(const Frame& f, const InfoRequest& r);
    void drawStatistics(const Frame& f);
    void drawSignConfirm(const Frame& f);
    void saveDecision(const Frame& f, const InfoRequest& r);

    std::int64_t selected_ = 0;
    std::int64_t formFor_ = 0;
    DecisionForm form_;
    std::string error_;
    bool openSign_ = false;
    std::string signerName_;  // kept for the next session's signature
    std::string signerNrp_;
    int signFocus_ = -1;  // the signature field to give the keyboard next frame
};

}  // namespace ds::ui
