#pragma once
// The producer's window: the live rundown against the clock (current and next segment, the big
// countdown of time left, over/under per segment and cumulative, the back-timed end against the
// hard out), one key each to take the next segment, go back and hold, the recording controls,
// the approved questions in the producer's order (reorder by keys or by dragging; put on air,
// mark answered) and the one-line message to the guests.
//
// Keys (shown on the buttons; F-keys work whichever window has focus):
//   F8 next segment (starts a planned session), Shift+F8 back, F7 hold/resume,
//   Ctrl+E end session (asks), F6 put the selected question on air, Shift+F6 answered,
//   F9 marker, F10 record / stop (stop asks), Shift+F10 arm (meters without a file).
//   With the window focused: Up/Down (Home/End) select in the queue, Ctrl+Up/Ctrl+Down move it.
// Take next and go back ignore a second press within a second: a bounced key must not skip a
// segment.
#include <cstdint>
#include <string>

#include "ui/Frame.h"

namespace ds::ui {

class ProducerWindow {
  public:
    static constexpr const char* kId = "producer";

    void draw(const Frame& f);

    std::int64_t selectedQuestion() const { return selected_; }
    bool confirmingEnd() const { return confirmEnd_; }
    bool confirmingStop() const { return confirmStop_; }

  private:
    void handleKeys(const Frame& f);
    void drawSegment(const Frame& f);
    void drawControls(const Frame& f);
    void drawRecording(const Frame& f);
    void drawDevicePicker(const Frame& f);
    void drawRundown(const Frame& f);
    void drawQueue(const Frame& f);
    void drawMessage(const Frame& f);
    void drawConfirmations(const Frame& f);
    void takeNext(const Frame& f);
    void goBack(const Frame& f);
    void record(const Frame& f);
    void arm(const Frame& f);
    void moveSelected(const Frame& f, int delta);
    int selectedIndex(const Frame& f) const;  // index into snap.approved, -1 if none

    std::int64_t selected_ = 0;
    bool confirmEnd_ = false;
    bool confirmStop_ = false;
    bool openEndPopup_ = false;
    bool openStopPopup_ = false;
    TimePoint lastTake_{};
    int lastCurrent_ = -2;  // scroll the rundown when the current segment changes
    std::string message_;
    bool messageEdited_ = false;
    std::string deviceInput_;  // a device typed by hand (file:PATH, an index)
};

}  // namespace ds::ui
