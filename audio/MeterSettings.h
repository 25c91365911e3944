#pragma once
// MeterSettings: how the LevelMeter integrates; defaults follow common broadcast practice.

namespace ds::audio {

struct MeterSettings {
    double windowSeconds = 0.1;    // one snapshot per window of audio
    double rmsSeconds = 0.3;       // RMS integration time (a sliding run of windows)
    double peakHoldSeconds = 2.0;  // how long the peak-hold value stays up
    float clipLevel = 0.999f;      // |sample| at or above this counts as clipped (-0.009 dBFS)
    unsigned clipRunLength = 3;    // this many clipped samples in a row are a clip event
    bool loudness = true;          // EBU R128 momentary/short-term/integrated/LRA
};

}  // namespace ds::audio
