#pragma once
// SharedCaptureBlock: the memory the recorder shares with its capture host process: a header
// (format, the "you may produce" flag, the CaptureCounters) followed by the SpscRing. It is an
// anonymous memfd mapping; the recorder creates it and the capture host maps the inherited
// descriptor. Everything in it that changes is a lock-free atomic, so both processes use it
// exactly as two threads would.
//
// The `produce` flag hands the ring's producer role over. Only one party may write into the
// ring at a time: the capture host while produce == 1, the recorder (filling a gap with
// silence) while the host is dead or has not been given the flag yet. The recorder clears
// the flag and kills and reaps the host before it writes; it sets the flag (release) after its
// last write, and the host's callback checks it (acquire) before each write.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>

#include "audio/CaptureCounters.h"
#include "audio/SpscRing.h"
#include "posix/UniqueFd.h"

namespace ds::audio {

struct SharedCaptureHeader {
    static constexpr std::uint32_t kMagic = 0x41435344;  // "DSCA"
    static constexpr std::uint32_t kVersion = 1;

    std::uint32_t magic = kMagic;
    std::uint32_t version = kVersion;
    std::uint32_t channels = 0;
    std::uint32_t sampleRate = 0;
    std::uint64_t capacityFrames = 0;
    alignas(64) std::atomic<std::uint32_t> produce{0};
    alignas(64) CaptureCounters counters;
};

class SharedCaptureBlock {
  public:
    // A new block for a ring of at least minFrames frames (rounded up to a power of two).
    // Throws AudioError if the memory cannot be had.
    static std::unique_ptr<SharedCaptureBlock> create(std::size_t minFrames, unsigned channels,
                                                      int sampleRate);

    // Maps a block created by another process from its inherited descriptor (takes ownership
    // of the descriptor). Throws AudioError if it is not a capture block.
    static std::unique_ptr<SharedCaptureBlock> attach(int fd);

    ~SharedCaptureBlock();
    SharedCaptureBlock(const SharedCaptureBlock&) = delete;
    SharedCaptureBlock& operator=(const SharedCaptureBlock&) = delete;

    int fd() const { return fd_.get(); }
    SharedCaptureHeader& header() { return *header_; }
    CaptureCounters& counters() { return header_->counters; }
    SpscRing& ring() { return *ring_; }

  private:
    SharedCaptureBlock(posix::UniqueFd fd, void* memory, std::size_t bytes, bool initialise);
    static std::size_t headerBytes();

    posix::UniqueFd fd_;
    void* memory_;
    std::size_t bytes_;
    SharedCaptureHeader* header_;
    std::unique_ptr<SpscRing> ring_;
};

}  // namespace ds::audio
