#pragma once
// CaptureCounters: the numbers the real-time callback keeps for everyone else to read.
// Plain atomics in a standard-layout block, so the block can live in memory shared with a
// capture host process. The callback only adds and raises; readers take values with acquire
// loads, and the meter peaks are taken (exchanged with zero) by one reader.

#include <atomic>
#include <cstdint>

namespace ds::audio {

struct CaptureCounters {
    static constexpr unsigned kMaxChannels = 8;
    static_assert(std::atomic<float>::is_always_lock_free);

    std::atomic<std::uint64_t> framesOffered{0};     // every frame the source delivered
    std::atomic<std::uint64_t> framesDropped{0};     // frames that did not fit in the ring
    std::atomic<std::uint64_t> overrunCallbacks{0};  // callbacks in which something was dropped
    std::atomic<std::uint64_t> inputOverflows{0};    // callbacks PortAudio flagged paInputOverflow
    std::atomic<std::uint64_t> callbacks{0};
    std::atomic<float> peak[kMaxChannels] = {};  // max |sample| since the last takePeak()
};

}  // namespace ds::audio
