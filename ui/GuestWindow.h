#pragma once
// The guests' (narasumber) screen: a separate OS window for a second monitor, full screen on
// request, in large high-contrast type: the question on air and the next approved ones with
// the caller's first name and area only, the time left in the segment, and a one-line message
// from the producer.
//
// What may appear there is decided in one place, GuestWindow::model(): only the question on air
// and approved questions, and of each only its number, the caller's first name (Masking.h
// firstName), the area and the text, with phone numbers inside the text hidden. The window draws
// the model and nothing else; tests check the model and the drawn text. What of a question may
// be shown is the personal-data policy's (PersonalDataPolicy::guestQuestion).
#include <optional>
#include <string>
#include <vector>

#include "studio/PersonalDataPolicy.h"
#include "ui/Frame.h"

namespace ds::ui {

struct GuestModel {
    // Built by the personal-data policy: it holds nothing the guests may not see.
    using Item = GuestQuestion;
    bool live = false;
    std::string state;  // "planned", "live", "ended" ...: what to say when not live
    std::optional<Item> current;
    std::vector<Item> next;  // the producer's order
    std::string segmentTitle;
    std::string timeLeft;  // "4:32", "-0:12"; empty when no segment runs
    Urgency urgency = Urgency::Ok;
    bool held = false;
    std::string message;
    std::string clock;  // station time "10:41"
};

class GuestWindow {
  public:
    static constexpr int kMaxNext = 3;

    static GuestModel model(const Snapshot& snap, const RundownFigures* figures, TimePoint now,
                            const std::string& message, int maxNext = kMaxNext);
    // The policy's cleaning of free text with the marks in the window's language.
    static std::string hidePhoneNumbers(const std::string& text);
    static HiddenMarks marks();

    // Fills the current ImGui context's whole viewport (the guest OS window).
    void draw(const Frame& f);
};

}  // namespace ds::ui
