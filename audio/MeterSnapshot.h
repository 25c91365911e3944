#pragma once
// MeterSnapshot: the latest meter values, plain data, copied out to the UI and to scripts.
// Levels are in dB (dBFS, dBTP, LUFS, LU); silence or "not enough audio yet" is -infinity.

#include <array>
#include <cstdint>

#include "audio/CaptureCounters.h"
#include "audio/Decibels.h"

namespace ds::audio {

struct ChannelLevels {
    double peakDbfs = kMinusInfinityDb;         // sample peak over the last window
    double peakHoldDbfs = kMinusInfinityDb;     // highest window peak over the hold time
    double rmsDbfs = kMinusInfinityDb;          // RMS over the RMS window (sine at 0 dBFS = -3.01)
    double truePeakDbtp = kMinusInfinityDb;     // true peak over the last window
    double maxTruePeakDbtp = kMinusInfinityDb;  // true peak since the start
    std::uint64_t clippedSamples = 0;  // samples at or above the clip level since the start
    std::uint64_t clipRuns = 0;        // runs of >= clipRunLength clipped samples since the start
};

struct MeterSnapshot {
    unsigned channels = 0;
    int sampleRate = 0;
    std::uint64_t framePosition = 0;  // frames metered so far (end of the last window)
    std::uint64_t sequence = 0;       // counts published snapshots; 0 = nothing yet
    std::array<ChannelLevels, CaptureCounters::kMaxChannels> channel{};

    double momentaryLufs = kMinusInfinityDb;   // 400 ms
    double shortTermLufs = kMinusInfinityDb;   // 3 s
    double integratedLufs = kMinusInfinityDb;  // gated, since the start
    double loudnessRangeLu = 0.0;              // LRA since the start

    // Every sample of every channel in the last window was exactly 0.0: a live analogue input
    // never does that, an unconnected JACK port or a muted digital feed does.
    bool digitalSilence = true;

    double seconds() const { return sampleRate > 0 ? double(framePosition) / sampleRate : 0.0; }

    // The loudest channel's value, for alarms that look at the programme as a whole.
    double maxRmsDbfs() const;
};

inline double MeterSnapshot::maxRmsDbfs() const {
    double v = kMinusInfinityDb;
    for (unsigned c = 0; c < channels; ++c)
        v = channel[c].rmsDbfs > v ? channel[c].rmsDbfs : v;
    return v;
}

}  // namespace ds::audio
