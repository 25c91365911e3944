#include "audio/CaptureEngine.h"

#include <cmath>
#include <cstdio>

#include "audio/AudioError.h"
#include "audio/CaptureHost.h"
#include "audio/CaptureHostProcess.h"
#include "audio/FileSource.h"

namespace ds::audio {

namespace {

using Clock = std::chrono::steady_clock;
using Reply = CaptureHostProcess::Reply;

double seconds(Clock::duration d) {
    return std::chrono::duration<double>(d).count();
}

}  // namespace

CaptureEngine::CaptureEngine(CaptureOptions options) : options_(std::move(options)) {
    if (options_.sampleRate != 48000 && options_.sampleRate != 44100)
        throw AudioError("unsupported sample rate " + std::to_string(options_.sampleRate) +
                         " Hz: choose 48000 or 44100");
    if (options_.channels != 1 && options_.channels != 2)
        throw AudioError("unsupported channel count " + std::to_string(options_.channels) +
                         ": choose 1 (mono) or 2 (stereo)");
    // DESIGN.md: the ring holds at least two seconds.
    const double ringSeconds = std::max(options_.ringSeconds, 2.0);
    block_ = SharedCaptureBlock::create(
        static_cast<std::size_t>(std::ceil(ringSeconds * options_.sampleRate)), options_.channels,
        options_.sampleRate);
}

CaptureEngine::~CaptureEngine() {
    stop();
}

void CaptureEngine::start() {
    if (state_.load() != CaptureState::Stopped) return;
    stopping_.store(false);
    if (options_.isFile())
        startFile();
    else
        startDevice();
}

void CaptureEngine::startFile() {
    processor_ = std::make_unique<CaptureProcessor>(block_->ring(), block_->counters());
    FileSourceOptions f;
    f.path = options_.filePath();
    f.sampleRate = options_.sampleRate;
    f.channels = options_.channels;
    f.speed = options_.fileSpeed;
    f.loop = options_.fileLoop;
    f.blockFrames = options_.framesPerBuffer ? options_.framesPerBuffer : 256;
    file_ = std::make_unique<FileSource>(f, *processor_, block_->ring());
    {
        std::lock_guard lock(mutex_);
        device_ = f.path.string();
        hostApi_ = "file";
        sampleRate_ = options_.sampleRate;
    }
    file_->start();
    setState(CaptureState::Running);
    supervisor_ = std::thread([this] { superviseFile(); });
}

void CaptureEngine::startDevice() {
    host_ = spawnHost();
    const auto deadline = Clock::now() + options_.startTimeout;
    for (;;) {
        const Reply reply = host_->poll(std::chrono::milliseconds(50));
        if (reply.kind == Reply::Kind::Ready) {
            {
                std::lock_guard lock(mutex_);
                device_ = reply.device;
                hostApi_ = reply.hostApi;
                sampleRate_ = reply.sampleRate;
            }
            block_->header().produce.store(1, std::memory_order_release);
            break;
        }
        if (reply.kind == Reply::Kind::Error || reply.kind == Reply::Kind::Lost) {
            dropHost();
            throw AudioError(reply.message);
        }
        if (reply.kind == Reply::Kind::Exited) {
            dropHost();
            throw AudioError("the capture host stopped before the input device opened (" +
                             reply.message + ")");
        }
        if (Clock::now() > deadline) {
            dropHost();
            throw AudioError("the input device did not open within " +
                             std::to_string(options_.startTimeout.count() / 1000) + " s");
        }
    }
    lastProgress_ = Clock::now();
    lastTotal_ = block_->ring().totalWritten();
    setState(CaptureState::Running);
    supervisor_ = std::thread([this] { supervise(); });
}

void CaptureEngine::stop() {
    stopping_.store(true);
    if (supervisor_.joinable()) supervisor_.join();
    if (host_) {
        host_->stop(std::chrono::milliseconds(1500));
        dropHost();
    }
    block_->header().produce.store(0, std::memory_order_release);
    if (file_) file_->stop();
    if (state_.load() != CaptureState::Finished) setState(CaptureState::Stopped);
}

std::unique_ptr<CaptureHostProcess> CaptureEngine::spawnHost() {
    CaptureHostArgs args;
    args.device = options_.device;
    args.sampleRate = options_.sampleRate;
    args.channels = static_cast<int>(options_.channels);
    args.framesPerBuffer = options_.framesPerBuffer;
    args.jackClientName = options_.jackClientName;
    args.jackServerName = options_.jackServerName;
    auto host = std::make_unique<CaptureHostProcess>(
        CaptureHostProcess::locate(options_.captureHostPath), args.toArguments(), block_->fd());
    hostPid_.store(host->pid());
    return host;
}

void CaptureEngine::superviseFile() {
    while (!stopping_.load()) {
        if (file_->finished() && state_.load() == CaptureState::Running) {
            CaptureEvent e;
            e.kind = CaptureEvent::Kind::SourceEnded;
            e.framePosition = block_->ring().totalWritten();
            e.wallTime = std::chrono::system_clock::now();
            e.message = "the file source reached its end";
            post(std::move(e));
            setState(CaptureState::Finished);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

void CaptureEngine::supervise() {
    while (!stopping_.load()) {
        const auto now = Clock::now();
        if (state_.load() == CaptureState::Running) {
            // The host's LOST or ERROR line wakes this at once; the timeout only paces the
            // stall check, for which 50 ms is plenty (and a fifth of the wake-ups of 10 ms).
            const Reply reply = host_->poll(std::chrono::milliseconds(50));
            if (reply.kind == Reply::Kind::Lost || reply.kind == Reply::Kind::Error ||
                reply.kind == Reply::Kind::Exited) {
                onLost(reply.message, Clock::now());
                continue;
            }
            const std::uint64_t total = block_->ring().totalWritten();
            if (total != lastTotal_) {
                lastTotal_ = total;
                lastProgress_ = now;
            } else if (now - lastProgress_ > options_.stallTimeout) {
                char why[96];
                std::snprintf(why, sizeof why, "no audio from the input device for %.1f s",
                              seconds(now - lastProgress_));
                onLost(why, now);
            }
            continue;
        }

        // Reconnecting: keep the timeline true, and try the device again every retryInterval.
        fillSilence(now);
        if (!host_ && now >= nextAttempt_) {
            try {
                host_ = spawnHost();
                attemptStarted_ = now;
            } catch (const std::exception& e) {
                std::lock_guard lock(mutex_);
                lastError_ = e.what();
                nextAttempt_ = now + options_.retryInterval;
            }
        }
        if (!host_) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
            continue;
        }
        const Reply reply = host_->poll(std::chrono::milliseconds(10));
        if (reply.kind == Reply::Kind::Ready) {
            const auto back = Clock::now();
            fillSilence(back);
            // Our last silence is published; the host may write from here on.
            block_->header().produce.store(1, std::memory_order_release);
            lastProgress_ = back;
            lastTotal_ = block_->ring().totalWritten();
            {
                std::lock_guard lock(mutex_);
                device_ = reply.device;
                hostApi_ = reply.hostApi;
                sampleRate_ = reply.sampleRate;
            }
            CaptureEvent e;
            e.kind = CaptureEvent::Kind::DeviceRestored;
            e.framePosition = gapStartFrame_;
            e.gapFrames = gapFilled_;
            e.gapSeconds = double(gapFilled_) / options_.sampleRate;
            e.wallTime = std::chrono::system_clock::now();
            e.message = "audio flows again from '" + reply.device + "'";
            post(std::move(e));
            setState(CaptureState::Running);
        } else if (reply.kind != Reply::Kind::None) {
            const std::string why = reply.message;
            dropHost();  // kills and reaps
            nextAttempt_ = attemptStarted_ + options_.retryInterval;
            {
                std::lock_guard lock(mutex_);
                lastError_ = why;
            }
            if (!retryReported_) {
                retryReported_ = true;
                CaptureEvent e;
                e.kind = CaptureEvent::Kind::RetryFailed;
                e.framePosition = block_->ring().totalWritten();
                e.wallTime = std::chrono::system_clock::now();
                e.message = why;
                post(std::move(e));
            }
        } else if (now - attemptStarted_ > options_.startTimeout) {
            dropHost();
            nextAttempt_ = now;
        }
    }
}

void CaptureEngine::onLost(const std::string& reason, Clock::time_point now) {
    // Take the producer role back: withdraw the flag, then make sure the host is gone.
    block_->header().produce.store(0, std::memory_order_release);
    dropHost();  // SIGKILL and reap: after this nothing else writes into the ring
    gapStartFrame_ = block_->ring().totalWritten();
    gapStart_ = lastProgress_;  // when audio last arrived
    gapFilled_ = 0;
    retryReported_ = false;
    nextAttempt_ = now + options_.retryInterval;
    gaps_.fetch_add(1);
    {
        std::lock_guard lock(mutex_);
        lastError_ = reason;
    }
    CaptureEvent e;
    e.kind = CaptureEvent::Kind::DeviceLost;
    e.framePosition = gapStartFrame_;
    e.wallTime = std::chrono::system_clock::now() -
                 std::chrono::duration_cast<std::chrono::system_clock::duration>(now - gapStart_);
    e.message = reason;
    post(std::move(e));
    setState(CaptureState::Reconnecting);
    fillSilence(now);
}

void CaptureEngine::fillSilence(Clock::time_point now) {
    if (now <= gapStart_) return;
    const auto target = static_cast<std::uint64_t>(seconds(now - gapStart_) * options_.sampleRate);
    if (target <= gapFilled_) return;
    const std::uint64_t wanted = target - gapFilled_;
    const std::size_t written = block_->ring().writeSilence(static_cast<std::size_t>(wanted));
    if (written < wanted) {
        // The writer is behind: the same accounting as an overrun in the callback.
        block_->counters().framesDropped.fetch_add(wanted - written, std::memory_order_relaxed);
        block_->counters().overrunCallbacks.fetch_add(1, std::memory_order_relaxed);
    }
    gapFilled_ = target;
    silenceFrames_.fetch_add(written);
}

CaptureStatus CaptureEngine::status() const {
    CaptureStatus s;
    s.state = state_.load();
    const CaptureCounters& c = block_->counters();
    s.framesCaptured = block_->ring().totalWritten();
    s.silenceFrames = silenceFrames_.load();
    s.gaps = gaps_.load();
    s.framesDropped = c.framesDropped.load(std::memory_order_acquire);
    s.overrunCallbacks = c.overrunCallbacks.load(std::memory_order_acquire);
    s.inputOverflows = c.inputOverflows.load(std::memory_order_acquire);
    s.callbacks = c.callbacks.load(std::memory_order_acquire);
    s.hostProcessId = hostPid_.load();
    std::lock_guard lock(mutex_);
    s.device = device_;
    s.hostApi = hostApi_;
    s.sampleRate = sampleRate_;
    s.lastError = lastError_;
    return s;
}

std::vector<CaptureEvent> CaptureEngine::takeEvents() {
    std::lock_guard lock(mutex_);
    std::vector<CaptureEvent> out;
    out.swap(events_);
    return out;
}

float CaptureEngine::takePeak(unsigned channel) {
    if (channel >= options_.channels) return 0.0f;
    return block_->counters().peak[channel].exchange(0.0f, std::memory_order_acq_rel);
}

void CaptureEngine::dropHost() {
    host_.reset();  // kills and reaps the process if it is still there
    hostPid_.store(0);
}

void CaptureEngine::post(CaptureEvent event) {
    std::lock_guard lock(mutex_);
    events_.push_back(std::move(event));
}

void CaptureEngine::setState(CaptureState state) {
    state_.store(state);
}

}  // namespace ds::audio
