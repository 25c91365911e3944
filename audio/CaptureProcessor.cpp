#include "audio/CaptureProcessor.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace ds::audio {

CaptureProcessor::CaptureProcessor(SpscRing& ring, CaptureCounters& counters)
    : ring_(ring), counters_(counters), channels_(ring.channels()) {
    if (channels_ == 0 || channels_ > CaptureCounters::kMaxChannels)
        throw std::invalid_argument("CaptureProcessor: unsupported channel count");
}

void CaptureProcessor::process(const float* interleaved, unsigned long frames) noexcept {
    counters_.callbacks.fetch_add(1, std::memory_order_relaxed);
    if (frames == 0 || interleaved == nullptr) return;
    counters_.framesOffered.fetch_add(frames, std::memory_order_relaxed);

    const std::size_t written = ring_.write(interleaved, frames);
    if (written < frames) {
        counters_.framesDropped.fetch_add(frames - written, std::memory_order_relaxed);
        counters_.overrunCallbacks.fetch_add(1, std::memory_order_relaxed);
    }

    // Peaks of the whole block, dropped frames included: the meter should show what came in.
    float blockPeak[CaptureCounters::kMaxChannels] = {};
    const std::size_t samples = static_cast<std::size_t>(frames) * channels_;
    for (std::size_t i = 0; i < samples; i += channels_) {
        for (unsigned c = 0; c < channels_; ++c)
            blockPeak[c] = std::max(blockPeak[c], std::fabs(interleaved[i + c]));
    }
    for (unsigned c = 0; c < channels_; ++c) {
        // A compare-exchange loop raises the stored peak; it only retries if the reader took
        // the value at that very moment, so it is bounded in practice.
        float current = counters_.peak[c].load(std::memory_order_relaxed);
        while (blockPeak[c] > current &&
               !counters_.peak[c].compare_exchange_weak(
                   current, blockPeak[c], std::memory_order_release, std::memory_order_relaxed)) {
        }
    }
}

void CaptureProcessor::noteInputOverflow() noexcept {
    counters_.inputOverflows.fetch_add(1, std::memory_order_relaxed);
}

float CaptureProcessor::takePeak(unsigned channel) noexcept {
    if (channel >= channels_) return 0.0f;
    return counters_.peak[channel].exchange(0.0f, std::memory_order_acq_rel);
}

}  // namespace ds::audio
