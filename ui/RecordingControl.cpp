#include "ui/RecordingControl.h"

#include <cmath>
#include <mutex>

#include "studio/Errors.h"
#include "studio/RecordingStore.h"

namespace ds::ui {

const char* recordingStateCode(RecordingState s) {
    switch (s) {
        case RecordingState::Unavailable:
            return "unavailable";
        case RecordingState::Idle:
            return "idle";
        case RecordingState::Armed:
            return "armed";
        case RecordingState::Recording:
            return "recording";
        case RecordingState::Failed:
            return "failed";
    }
    return "unknown";
}

// --- NoRecording ---

RecordingStatus NoRecording::status() const {
    RecordingStatus s;
    s.state = RecordingState::Unavailable;
    s.message = "audio";  // the window shows the translated "recording module not installed"
    return s;
}

void NoRecording::arm(Database&, const RecordingTarget&) {
    throw UserError("the recording module is not installed in this build");
}
void NoRecording::start(Database&, const RecordingTarget&) {
    throw UserError("the recording module is not installed in this build");
}
void NoRecording::stop(Database&, const std::string&) {
    throw UserError("the recording module is not installed in this build");
}

// --- SimulatedRecording ---

struct SimulatedRecording::State {
    mutable std::mutex mutex;
    RecordingState state = RecordingState::Idle;
    std::string alarm;
    std::chrono::steady_clock::time_point armedAt{};
    std::chrono::steady_clock::time_point startedAt{};
    TimePoint startedAtWall{};  // the record's clock, for the markers placed since
    std::int64_t sessionId = 0;
    int markers = 0;
};

SimulatedRecording::SimulatedRecording(const std::string& mode)
    : state_(std::make_unique<State>()) {
    if (mode.empty() || mode == "ok") return;
    if (mode != "recording") state_->alarm = mode;
    state_->state = RecordingState::Recording;
    state_->armedAt = state_->startedAt = std::chrono::steady_clock::now();
}

SimulatedRecording::~SimulatedRecording() = default;

RecordingStatus SimulatedRecording::status() const {
    std::lock_guard lock(state_->mutex);
    RecordingStatus s;
    s.state = state_->state;
    s.simulated = true;
    s.device = "simulasi";
    s.sampleRate = 48000;
    s.markers = state_->markers;
    if (!s.live()) return s;
    const auto now = std::chrono::steady_clock::now();
    const double t = std::chrono::duration<double>(now - state_->armedAt).count();
    // Speech-like movement: a slow swell and a faster syllable rhythm, never clipping.
    const double base = -20.0 + 5.0 * std::sin(t * 0.7) + 4.0 * std::sin(t * 5.3);
    for (int c = 0; c < 2; ++c) {
        ChannelMeter m;
        m.peakDbfs = base + (c ? -1.5 : 0.0);
        m.peakHoldDbfs = -12.0 + (c ? -1.0 : 0.0);
        m.rmsDbfs = m.peakDbfs - 9.0;
        s.channels.push_back(m);
    }
    s.momentaryLufs = base - 4.0;
    s.shortTermLufs = -23.5 + std::sin(t * 0.2);
    s.integratedLufs = -23.1;
    s.diskFreeBytes = 120ull << 30;
    if (state_->state == RecordingState::Recording) {
        s.elapsed = std::chrono::duration_cast<Duration>(now - state_->startedAt);
        s.file = "simulasi/programme.wav";
        if (!state_->alarm.empty()) {
            s.alarms.push_back({state_->alarm, "simulasi", s.elapsed});
            for (auto& ch : s.channels)
                ch = ChannelMeter{};
            s.momentaryLufs = s.shortTermLufs = kSilenceDb;
        }
    }
    return s;
}

void SimulatedRecording::arm(Database&, const RecordingTarget& target) {
    std::lock_guard lock(state_->mutex);
    if (state_->state == RecordingState::Recording) return;
    state_->state = RecordingState::Armed;
    state_->armedAt = std::chrono::steady_clock::now();
    state_->sessionId = target.sessionId;
}

void SimulatedRecording::start(Database&, const RecordingTarget& target) {
    std::lock_guard lock(state_->mutex);
    if (state_->state == RecordingState::Recording) {
        throw UserError("already recording");
    }
    const auto now = std::chrono::steady_clock::now();
    if (state_->state != RecordingState::Armed) state_->armedAt = now;
    state_->state = RecordingState::Recording;
    state_->startedAt = now;
    state_->startedAtWall = ds::now();
    state_->sessionId = target.sessionId;
    state_->markers = 0;
}

void SimulatedRecording::stop(Database&, const std::string&) {
    std::lock_guard lock(state_->mutex);
    if (state_->state != RecordingState::Recording && state_->state != RecordingState::Armed) {
        throw UserError("not recording");
    }
    state_->state = RecordingState::Idle;
}

void SimulatedRecording::tick(Database& db) {
    std::int64_t sessionId = 0;
    TimePoint since{};
    {
        std::lock_guard lock(state_->mutex);
        if (state_->state != RecordingState::Recording) return;
        sessionId = state_->sessionId;
        since = state_->startedAtWall;
    }
    int count = 0;
    for (const Marker& m : RecordingStore(db).markers(sessionId))
        count += m.at >= since ? 1 : 0;
    std::lock_guard lock(state_->mutex);
    state_->markers = count;
}

}  // namespace ds::ui
