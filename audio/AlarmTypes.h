#pragma once
// The plain data AlarmMonitor works with: its settings (the station's thresholds), what it is
// shown each time, and the start/end events it emits.

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "audio/MeterSnapshot.h"

namespace ds::audio {

enum class AlarmKind {
    DeadAir,        // programme quieter than the threshold for longer than the allowed time
    NoSignal,       // digital silence (every sample exactly zero): the source is not connected
    Clipping,       // clip runs in the last check
    RingOverrun,    // the writer fell behind and the ring dropped frames
    InputOverflow,  // the audio host reported lost input (PortAudio paInputOverflow, JACK xrun)
    LowDisk,        // not enough free space for the rest of the session, or under the floor
};

inline std::string_view alarmName(AlarmKind kind) {
    switch (kind) {
        case AlarmKind::DeadAir:
            return "dead_air";
        case AlarmKind::NoSignal:
            return "no_signal";
        case AlarmKind::Clipping:
            return "clipping";
        case AlarmKind::RingOverrun:
            return "ring_overrun";
        case AlarmKind::InputOverflow:
            return "input_overflow";
        case AlarmKind::LowDisk:
            return "low_disk";
    }
    return "unknown";
}

struct AlarmSettings {
    double deadAirThresholdDbfs = -50.0;  // RMS of the loudest channel below this is "quiet"
    double deadAirSeconds = 8.0;          // quiet for longer than this raises dead air
    double noSignalSeconds = 1.0;         // digital silence for longer than this raises no signal
    // An event alarm (clipping, overrun, overflow) ends after this long without a new event.
    double eventHoldSeconds = 3.0;
    std::uint64_t diskFloorBytes = 1ull << 30;  // under 1 GiB free is always an alarm
    double diskMargin = 1.2;                    // need 20 % more than the rest of the session
};

// What the monitor looks at on each check: once per meter window, every window in order
// (Recorder::poll passes all those published since the last poll).
struct AlarmInputs {
    MeterSnapshot meters;
    std::uint64_t framesDropped = 0;   // CaptureCounters::framesDropped, cumulative
    std::uint64_t inputOverflows = 0;  // CaptureCounters::inputOverflows, cumulative
    bool diskKnown = false;
    std::uint64_t diskFreeBytes = 0;
    std::uint64_t diskBytesNeeded = 0;  // for the rest of the planned session (0 if unplanned)
};

struct AlarmEvent {
    AlarmKind kind = AlarmKind::DeadAir;
    bool started = true;  // true: the alarm starts; false: it ends
    std::chrono::steady_clock::time_point at{};
    std::uint64_t framePosition = 0;  // meter position when the condition began / ended
    double durationSeconds = 0.0;     // end: how long the condition lasted
    std::string detail;               // human-readable numbers (level, counts, bytes)
};

}  // namespace ds::audio
