#pragma once
// The screener's window: the intake form, filled without the mouse, and the queue of new
// questions to screen, approve, reject (with a reason), merge into a duplicate or defer for a
// written answer; content flags (SARA, political words) highlighted; the caller's earlier
// questions found by phone number or e-mail.
//
// Keys:
//   Form: Tab/Shift+Tab move between fields (name, area, phone/e-mail, question, purpose);
//   Enter saves the question (it is in the queue at once); Ctrl+1..7 the channel; Ctrl+T
//   written; Ctrl+I information request; Ctrl+N a fresh form.
//   Queue (wherever the focus is): Alt+Up/Alt+Down select; Alt+S screened, Alt+A approve,
//   Alt+R reject (asks the reason), Alt+G merge (asks into which number), Alt+D defer (asks the
//   reason). In a question box Enter confirms and Esc cancels.
#include <cstdint>
#include <string>
#include <vector>

#include "ui/Frame.h"

namespace ds::ui {

class ScreenerWindow {
  public:
    static constexpr const char* kId = "screener";

    struct Form {
        int channel = 0;  // index into vocab::channels()
        std::string name;
        std::string origin;
        std::string contact;
        std::string text;
        bool written = false;
        bool infoRequest = false;
        std::string purpose;
    };

    void draw(const Frame& f);
    // The worker's answer to a command: the form clears when its question was stored, and
    // shows the reason when it was not.
    void onOutcome(const Outcome& outcome);
    // Puts the keyboard in the form's first field (F3, and after each saved question).
    void focusForm() { focusField_ = 0; }

    const Form& form() const { return form_; }
    std::int64_t selectedQuestion() const { return selected_; }
    const std::string& formError() const { return formError_; }

    // Open questions most like `q` (shared words, same contact), best first: merge candidates.
    static std::vector<int> similar(const Snapshot& snap, const Question& q, int limit);

  private:
    enum class Ask { None, Reject, Defer, Merge };

    void handleKeys(const Frame& f);
    void drawForm(const Frame& f);
    void drawHistory(const Frame& f);
    void drawQueue(const Frame& f);
    void drawDetails(const Frame& f, const Question& q);
    void drawAsk(const Frame& f);
    void submit(const Frame& f);
    void setChannel(int index);
    void ask(const Frame& f, Ask what);
    const Question* selected(const Frame& f) const;

    Form form_;
    std::uint64_t nextTicket_ = 1;
    std::uint64_t pendingTicket_ = 0;
    std::string formError_;
    std::string lastSaved_;  // "Pertanyaan 13 masuk antrean"
    int focusField_ = 0;     // >= 0: put the keyboard there this frame
    std::int64_t selected_ = 0;
    std::int64_t pendingSelect_ = 0;  // the question just saved, until the snapshot has it
    std::string lookedUp_;            // the contact last sent in LookupContact

    Ask ask_ = Ask::None;
    bool openAsk_ = false;
    std::int64_t askQuestion_ = 0;
    std::string reason_;
    std::string mergeNumber_;
    std::vector<int> candidates_;
    std::string askError_;
    bool refocusAsk_ = false;
};

}  // namespace ds::ui
