#pragma once
// SpscRing: a lock-free single-producer / single-consumer ring of interleaved float frames.
//
// [SECTION] Why it looks like this
// - The producer is the real-time audio callback (or the capture host process, through shared
//   memory); the consumer is the disk writer thread. Neither may wait for the other.
// - Capacity is a power of two, so an index maps to a slot with a mask instead of a division.
// - The indices are 64-bit counters that only grow (they never wrap in practice: 2^64 frames at
//   48 kHz is millions of years), so "full" and "empty" need no extra flag.
// - The producer publishes its index with a release store after copying the samples; the
//   consumer reads it with an acquire load before copying them out, and the other way round.
//   That pairing is the whole synchronisation.
// - The memory can be owned by the ring, or be a block the caller provides (a shared memory
//   mapping that a capture host process writes into): std::atomic<uint64_t> is lock-free, so it
//   works across processes.
//
// Methods are labelled [writer] (producer thread only), [reader] (consumer thread only) or
// [any] (any thread).

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <stdexcept>

namespace ds::audio {

class SpscRing {
  public:
    static_assert(std::atomic<std::uint64_t>::is_always_lock_free,
                  "the ring needs lock-free 64-bit atomics (also across processes)");

    // The indices, each on its own cache line so the two threads do not fight over one line.
    struct Indices {
        alignas(64) std::atomic<std::uint64_t> written{0};
        alignas(64) std::atomic<std::uint64_t> read{0};
    };

    // The smallest power of two >= frames.
    static std::size_t roundUpCapacity(std::size_t frames) {
        std::size_t capacity = 1;
        while (capacity < frames)
            capacity <<= 1;
        return capacity;
    }

    // Bytes a caller-provided block needs for this capacity (already a power of two).
    static std::size_t bytesFor(std::size_t capacityFrames, unsigned channels) {
        return sizeof(Indices) + capacityFrames * channels * sizeof(float);
    }

    // An owning ring of at least minFrames frames (rounded up to a power of two).
    SpscRing(std::size_t minFrames, unsigned channels)
        : capacity_(roundUpCapacity(std::max<std::size_t>(minFrames, 1))), channels_(channels) {
        const std::size_t bytes = bytesFor(capacity_, channels_);
        owned_.reset(static_cast<std::byte*>(::operator new (bytes, std::align_val_t{64})));
        std::memset(owned_.get(), 0, bytes);
        bind(owned_.get(), true);
    }

    // A ring over `memory` (64-byte aligned, bytesFor(capacityFrames, channels) long), e.g. a
    // shared mapping. `initialise` zeroes the indices: only the creator of the block does that.
    SpscRing(void* memory, std::size_t capacityFrames, unsigned channels, bool initialise)
        : capacity_(capacityFrames), channels_(channels) {
        if (capacity_ == 0 || (capacity_ & (capacity_ - 1)) != 0)
            throw std::invalid_argument("SpscRing capacity must be a power of two");
        bind(static_cast<std::byte*>(memory), initialise);
    }

    SpscRing(const SpscRing&) = delete;
    SpscRing& operator=(const SpscRing&) = delete;

    std::size_t capacity() const noexcept { return capacity_; }  // [any]
    unsigned channels() const noexcept { return channels_; }     // [any]

    // [writer] Copies up to `frames` frames; returns how many fitted (the caller counts the rest
    // as an overrun). Never blocks, never allocates.
    std::size_t write(const float* interleaved, std::size_t frames) noexcept {
        const std::uint64_t w = indices_->written.load(std::memory_order_relaxed);
        const std::uint64_t r = indices_->read.load(std::memory_order_acquire);
        const std::size_t n =
            std::min<std::size_t>(frames, capacity_ - static_cast<std::size_t>(w - r));
        if (n == 0) return 0;
        const std::size_t start = static_cast<std::size_t>(w) & mask();
        const std::size_t first = std::min(n, capacity_ - start);
        std::memcpy(slot(start), interleaved, first * frameBytes());
        if (n > first)
            std::memcpy(slot(0), interleaved + first * channels_, (n - first) * frameBytes());
        indices_->written.store(w + n, std::memory_order_release);
        return n;
    }

    // [writer] Writes up to `frames` frames of digital silence; returns how many fitted.
    std::size_t writeSilence(std::size_t frames) noexcept {
        const std::uint64_t w = indices_->written.load(std::memory_order_relaxed);
        const std::uint64_t r = indices_->read.load(std::memory_order_acquire);
        const std::size_t n =
            std::min<std::size_t>(frames, capacity_ - static_cast<std::size_t>(w - r));
        if (n == 0) return 0;
        const std::size_t start = static_cast<std::size_t>(w) & mask();
        const std::size_t first = std::min(n, capacity_ - start);
        std::memset(slot(start), 0, first * frameBytes());
        if (n > first) std::memset(slot(0), 0, (n - first) * frameBytes());
        indices_->written.store(w + n, std::memory_order_release);
        return n;
    }

    // [writer] Frames that would fit right now.
    std::size_t writeSpace() const noexcept {
        const std::uint64_t w = indices_->written.load(std::memory_order_relaxed);
        const std::uint64_t r = indices_->read.load(std::memory_order_acquire);
        return capacity_ - static_cast<std::size_t>(w - r);
    }

    // [reader] Copies up to `maxFrames` frames out; returns how many.
    std::size_t read(float* interleaved, std::size_t maxFrames) noexcept {
        const std::uint64_t r = indices_->read.load(std::memory_order_relaxed);
        const std::uint64_t w = indices_->written.load(std::memory_order_acquire);
        const std::size_t n = std::min<std::size_t>(maxFrames, static_cast<std::size_t>(w - r));
        if (n == 0) return 0;
        const std::size_t start = static_cast<std::size_t>(r) & mask();
        const std::size_t first = std::min(n, capacity_ - start);
        std::memcpy(interleaved, slot(start), first * frameBytes());
        if (n > first)
            std::memcpy(interleaved + first * channels_, slot(0), (n - first) * frameBytes());
        indices_->read.store(r + n, std::memory_order_release);
        return n;
    }

    // [reader] Frames waiting to be read.
    std::size_t readAvailable() const noexcept {
        const std::uint64_t r = indices_->read.load(std::memory_order_relaxed);
        const std::uint64_t w = indices_->written.load(std::memory_order_acquire);
        return static_cast<std::size_t>(w - r);
    }

    // [any] Frames ever written / read: positions on the recording's timeline.
    std::uint64_t totalWritten() const noexcept {
        return indices_->written.load(std::memory_order_acquire);
    }
    std::uint64_t totalRead() const noexcept {
        return indices_->read.load(std::memory_order_acquire);
    }

  private:
    struct AlignedDelete {
        void operator()(std::byte* p) const { ::operator delete (p, std::align_val_t{64}); }
    };

    void bind(std::byte* memory, bool initialise) {
        if (initialise) {
            indices_ = new (memory) Indices();
        } else {
            indices_ = std::launder(reinterpret_cast<Indices*>(memory));
        }
        samples_ = reinterpret_cast<float*>(memory + sizeof(Indices));
    }

    std::size_t mask() const noexcept { return capacity_ - 1; }
    std::size_t frameBytes() const noexcept { return channels_ * sizeof(float); }
    float* slot(std::size_t frame) noexcept { return samples_ + frame * channels_; }

    std::size_t capacity_;
    unsigned channels_;
    std::unique_ptr<std::byte, AlignedDelete> owned_;
    Indices* indices_ = nullptr;
    float* samples_ = nullptr;
};

}  // namespace ds::audio
