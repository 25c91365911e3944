#pragma once
// CaptureEngine: turns a device (or a file) into frames in a ring, and keeps doing so when the
// device goes away.
//
// [SECTION] Sources
// - A device runs in the capture host process (CaptureHost.h explains why); its real-time
//   callback writes into the ring of a SharedCaptureBlock that this process reads.
// - `file:PATH` runs a FileSource thread in this process, through the same CaptureProcessor
//   and the same shared ring.
//
// [SECTION] Device loss and the gap
// A supervisor thread watches the host: a LOST or ERROR line, the process ending, or no audio
// for stallTimeout (2 s) means the device is lost. The engine then kills and reaps the host,
// reports DeviceLost, and from that moment writes digital silence into the ring itself, in
// step with the clock, so the recording's timeline stays true: a gap of 7 s in the room is
// 7 s of silence in the file, and every later marker keeps its position. Every retryInterval
// (1 s) it starts a new host; when one reports READY it tops the silence up to that moment,
// hands the ring back (the `produce` flag) and reports DeviceRestored with the gap's start and
// length. The file is one continuous recording; the journal has the gap.
//
// Each public method says which thread may call it: [control] is the owner that starts and
// stops the engine; [writer] the disk writer thread (the ring's reader); [any] any thread.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "audio/CaptureEvent.h"
#include "audio/CaptureOptions.h"
#include "audio/CaptureProcessor.h"
#include "audio/SharedCaptureBlock.h"
#include "audio/SpscRing.h"

namespace ds::audio {

class CaptureHostProcess;
class FileSource;

enum class CaptureState { Stopped, Running, Reconnecting, Finished };

struct CaptureStatus {
    CaptureState state = CaptureState::Stopped;
    std::string device;   // the device's name as opened, or the file path
    std::string hostApi;  // "JACK Audio Connection Kit", "ALSA", "file"
    double sampleRate = 0.0;
    std::uint64_t framesCaptured = 0;  // on the timeline so far, gap silence included
    std::uint64_t silenceFrames = 0;   // written by the engine to fill gaps
    std::uint64_t gaps = 0;
    std::uint64_t framesDropped = 0;  // ring overruns
    std::uint64_t overrunCallbacks = 0;
    std::uint64_t inputOverflows = 0;
    std::uint64_t callbacks = 0;
    std::string lastError;  // the latest reason the device was lost or could not reopen
    int hostProcessId = 0;  // the capture host process now running (0: none, or a file source)
};

class CaptureEngine {
  public:
    // Checks the options (rate, channels, ring size); throws AudioError. Opens nothing yet.
    explicit CaptureEngine(CaptureOptions options);
    ~CaptureEngine();  // stop()
    CaptureEngine(const CaptureEngine&) = delete;
    CaptureEngine& operator=(const CaptureEngine&) = delete;

    // [control] Opens the device or file and starts capturing; returns once audio flows.
    // Throws AudioError (unknown device, unsupported rate or channels, missing file, ...).
    void start();

    // [control] Stops capturing. The ring keeps what was captured for the writer to drain.
    void stop();

    // [writer] The ring to drain (read side only).
    SpscRing& ring() { return block_->ring(); }

    // [any] Frames on the timeline so far: where a marker placed now belongs.
    std::uint64_t position() const { return block_->ring().totalWritten(); }

    // [any] Counters and state.
    CaptureStatus status() const;

    // [any] Events since the last call, oldest first.
    std::vector<CaptureEvent> takeEvents();

    // [any, one reader] Peak of a channel since the last call, straight from the callback.
    float takePeak(unsigned channel);

    const CaptureOptions& options() const { return options_; }

  private:
    void startDevice();
    void startFile();
    void supervise();
    void superviseFile();
    void onLost(const std::string& reason, std::chrono::steady_clock::time_point now);
    void fillSilence(std::chrono::steady_clock::time_point now);
    std::unique_ptr<CaptureHostProcess> spawnHost();
    void dropHost();
    void post(CaptureEvent event);
    void setState(CaptureState state);

    CaptureOptions options_;
    std::unique_ptr<SharedCaptureBlock> block_;
    std::unique_ptr<CaptureProcessor> processor_;  // file source only (devices: in the host)
    std::unique_ptr<FileSource> file_;
    std::unique_ptr<CaptureHostProcess> host_;
    std::thread supervisor_;
    std::atomic<bool> stopping_{false};
    std::atomic<CaptureState> state_{CaptureState::Stopped};
    std::atomic<std::uint64_t> silenceFrames_{0};
    std::atomic<std::uint64_t> gaps_{0};

    // Gap bookkeeping (supervisor thread only).
    std::chrono::steady_clock::time_point lastProgress_{};
    std::uint64_t lastTotal_ = 0;
    std::chrono::steady_clock::time_point gapStart_{};
    std::uint64_t gapStartFrame_ = 0;
    std::uint64_t gapFilled_ = 0;
    std::chrono::steady_clock::time_point nextAttempt_{};
    std::chrono::steady_clock::time_point attemptStarted_{};
    bool retryReported_ = false;

    mutable std::mutex mutex_;  // guards the fields below
    std::vector<CaptureEvent> events_;
    std::string device_;
    std::string hostApi_;
    double sampleRate_ = 0.0;
    std::string lastError_;
    std::atomic<int> hostPid_{0};
};

}  // namespace ds::audio
