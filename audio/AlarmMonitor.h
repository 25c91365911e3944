#pragma once
// AlarmMonitor: alarm detection as pure logic. It is shown meter snapshots, counters and disk
// figures together with the time, and answers with alarm start and end events. It owns no
// thread, does no I/O and reads no clock, so tests drive it with made-up times; the caller
// (the recorder) journals the events.
//
// Each alarm starts once and ends once. Dead air and no signal are judged on audio time (the
// snapshots' frame positions), so a writer that catches up in a burst does not fake a silence;
// event alarms (clipping, overrun, overflow) end after eventHoldSeconds without a new event.
//
// Not thread-safe: one thread (the recorder's control thread) calls update().

#include <array>
#include <chrono>
#include <cstdint>
#include <vector>

#include "audio/AlarmTypes.h"

namespace ds::audio {

class AlarmMonitor {
  public:
    explicit AlarmMonitor(AlarmSettings settings = {});

    // Looks at the inputs as of `now`; returns the alarms that started or ended.
    std::vector<AlarmEvent> update(const AlarmInputs& inputs,
                                   std::chrono::steady_clock::time_point now);

    // Ends every active alarm (at the end of a recording).
    std::vector<AlarmEvent> finish(std::chrono::steady_clock::time_point now);

    bool active(AlarmKind kind) const { return state(kind).active; }
    const AlarmSettings& settings() const { return settings_; }

  private:
    static constexpr std::size_t kKinds = 6;
    struct State {
        bool active = false;
        bool pending = false;  // the condition holds but not yet for long enough
        std::uint64_t sinceFrame = 0;
        std::chrono::steady_clock::time_point since{};
        std::chrono::steady_clock::time_point lastEvent{};
    };

    State& state(AlarmKind kind) { return states_[static_cast<std::size_t>(kind)]; }
    const State& state(AlarmKind kind) const { return states_[static_cast<std::size_t>(kind)]; }

    void levelCondition(AlarmKind kind, bool holds, double limitSeconds, const MeterSnapshot& m,
                        std::chrono::steady_clock::time_point now, std::string detail,
                        std::vector<AlarmEvent>& out);
    void eventCondition(AlarmKind kind, bool happened, const MeterSnapshot& m,
                        std::chrono::steady_clock::time_point now, std::string detail,
                        std::vector<AlarmEvent>& out);
    void stateCondition(AlarmKind kind, bool holds, const MeterSnapshot& m,
                        std::chrono::steady_clock::time_point now, std::string detail,
                        std::vector<AlarmEvent>& out);
    AlarmEvent end(AlarmKind kind, std::uint64_t frame, std::chrono::steady_clock::time_point now,
                   double seconds, std::string detail);

    AlarmSettings settings_;
    std::array<State, kKinds> states_{};
    std::uint64_t lastDropped_ = 0;
    std::uint64_t lastOverflows_ = 0;
    std::uint64_t lastClipRuns_ = 0;
    std::uint64_t lastPosition_ = 0;  // end of the previous snapshot's window
    bool first_ = true;
};

}  // namespace ds::audio
