#pragma once
// DiskWriter: the disk writer thread of one recording. Every period (40 ms by default) it
// drains the ring into the RecordingWriter (which feeds the meters) and rewrites the file
// header when it is due. A disk error does not stop the thread: it records the error for the
// recorder to report, and keeps draining the ring (the frames are counted as lost) so the
// capture side carries on and the error is the one thing to fix.
//
// Each public method says which thread may call it: [control] is the thread that owns the
// recording (starts and stops it), [any] is any thread.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

#include "audio/RecordingWriter.h"
#include "audio/SpscRing.h"

namespace ds::audio {

struct DiskWriterOptions {
    // Live audio arrives at its own pace: waking 25 times a second keeps the meters fresh for
    // ten status lines a second at a quarter of the wake-ups (and CPU) of a 10 ms period. A
    // producer faster than real time (the file source at full speed) is drained without
    // sleeping.
    std::chrono::milliseconds period{40};
    std::size_t blockFrames = 4096;  // frames per write call
    // Write at most this many frames (0: no limit); the rest is drained and dropped, so a
    // recording asked for N seconds is exactly N seconds long whenever the owner stops it.
    std::uint64_t maxFrames = 0;
};

class DiskWriter {
  public:
    DiskWriter(SpscRing& ring, RecordingWriter& writer, DiskWriterOptions options = {});
    ~DiskWriter();  // stops (draining) if still running
    DiskWriter(const DiskWriter&) = delete;
    DiskWriter& operator=(const DiskWriter&) = delete;

    // [control] Starts the thread. The DiskWriter is the ring's only reader from now on.
    void start();

    // [control] Writes what is left in the ring, rewrites the header and joins the thread.
    // Does not close the file: the owner closes the RecordingWriter (with its markers).
    void stop();

    // [any] Frames taken from the ring so far (written or, after an error, lost).
    std::uint64_t framesDrained() const { return drained_.load(std::memory_order_acquire); }
    // [any] Frames lost because the disk refused them.
    std::uint64_t framesLost() const { return lost_.load(std::memory_order_acquire); }
    // [any] The first disk error, or empty.
    std::string error() const;
    bool failed() const { return failed_.load(std::memory_order_acquire); }  // [any]

  private:
    void run(std::stop_token stop);
    // Returns the frames taken from the ring.
    std::size_t drainOnce();

    SpscRing& ring_;
    RecordingWriter& writer_;
    DiskWriterOptions options_;
    std::vector<float> buffer_;
    std::jthread thread_;
    std::atomic<bool> failed_{false};
    std::atomic<std::uint64_t> drained_{0};
    std::atomic<std::uint64_t> lost_{0};
    mutable std::mutex errorMutex_;
    std::string error_;
};

}  // namespace ds::audio
