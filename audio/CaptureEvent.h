#pragma once
// CaptureEvent: what the capture engine reports about its source, for the journal.

#include <chrono>
#include <cstdint>
#include <string>

namespace ds::audio {

struct CaptureEvent {
    enum class Kind {
        DeviceLost,      // the device or audio server went away; silence fills from here
        DeviceRestored,  // audio flows again; gapFrames of silence were written for the gap
        RetryFailed,     // an attempt to reopen failed (message says why); at most one per gap
        SourceEnded,     // the file source reached its end
    };
    Kind kind = Kind::DeviceLost;
    std::uint64_t framePosition = 0;  // on the recording's timeline (where the gap starts)
    std::uint64_t gapFrames = 0;      // DeviceRestored: the gap's length in frames
    double gapSeconds = 0.0;          // the same in seconds
    std::chrono::system_clock::time_point wallTime{};
    std::string message;
};

}  // namespace ds::audio
