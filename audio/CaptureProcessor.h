#pragma once
// CaptureProcessor: the body of the real-time audio callback, as a plain function so tests and
// benchmarks drive it without a device.
//
// Real-time rules (DESIGN.md): process() does not allocate, lock, log, do I/O or throw. It
// copies the block into the ring, raises the per-channel peak atomics and counts what did not
// fit. Everything else (meters, loudness, alarms, the file) happens on other threads.
//
// Methods are labelled [rt] (the audio callback thread, the ring's single producer) or [any].

#include <cstdint>

#include "audio/CaptureCounters.h"
#include "audio/SpscRing.h"

namespace ds::audio {

class CaptureProcessor {
  public:
    // The ring and counters must outlive the processor; ring.channels() channels per frame.
    CaptureProcessor(SpscRing& ring, CaptureCounters& counters);

    // [rt] One callback's worth of interleaved frames.
    void process(const float* interleaved, unsigned long frames) noexcept;

    // [rt] The host flagged an input overflow (PortAudio's paInputOverflow): samples were lost
    // before they reached us.
    void noteInputOverflow() noexcept;

    // [any] Reads and resets the peak of one channel (linear, 0..). One reader only.
    float takePeak(unsigned channel) noexcept;

    unsigned channels() const noexcept { return channels_; }  // [any]

  private:
    SpscRing& ring_;
    CaptureCounters& counters_;
    unsigned channels_;
};

}  // namespace ds::audio
