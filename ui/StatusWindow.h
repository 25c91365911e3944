#pragma once
// The strip across the top of the control room, the same for every role: station and session,
// the station clock (station time zone), the on-air timer, the recording state in a box that
// cannot be mistaken (red REC with its time, or what is wrong), the meters with loudness, and a
// flashing red frame with a banner over the menu bar for alarms (dead air, no signal, clipping,
// overruns, disk).
#include "ui/Frame.h"

namespace ds::ui {

class StatusWindow {
  public:
    static constexpr const char* kId = "status";
    void draw(const Frame& f);

    // The recording box's text for the state (tests read it).
    static std::string recordingLabel(const RecordingStatus& r);
    // One banner line per active alarm, most serious first.
    static std::vector<std::string> alarmLines(const RecordingStatus& r);
};

}  // namespace ds::ui
