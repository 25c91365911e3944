#include "audio/AlarmMonitor.h"

#include <cstdio>
#include <string>

namespace ds::audio {

namespace {

using Clock = std::chrono::steady_clock;

double secondsBetween(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double>(b - a).count();
}

std::string format(const char* fmt, double a, double b = 0.0) {
    char buffer[160];
    std::snprintf(buffer, sizeof buffer, fmt, a, b);
    return buffer;
}

}  // namespace

AlarmMonitor::AlarmMonitor(AlarmSettings settings) : settings_(settings) {}

std::vector<AlarmEvent> AlarmMonitor::update(const AlarmInputs& in, Clock::time_point now) {
    std::vector<AlarmEvent> out;
    const MeterSnapshot& m = in.meters;

    if (m.sequence > 0) {
        const double rms = m.maxRmsDbfs();
        levelCondition(
            AlarmKind::DeadAir, rms < settings_.deadAirThresholdDbfs, settings_.deadAirSeconds, m,
            now, format("programme below %.1f dBFS RMS", settings_.deadAirThresholdDbfs), out);
        levelCondition(AlarmKind::NoSignal, m.digitalSilence, settings_.noSignalSeconds, m, now,
                       "digital silence: the source delivers exact zeros (not connected?)", out);
        std::uint64_t clipRuns = 0;
        for (unsigned c = 0; c < m.channels; ++c)
            clipRuns += m.channel[c].clipRuns;
        const bool clipped = !first_ && clipRuns > lastClipRuns_;
        eventCondition(AlarmKind::Clipping, clipped, m, now,
                       format("%.0f clip runs so far", double(clipRuns)), out);
        lastClipRuns_ = clipRuns;
        lastPosition_ = m.framePosition;
    }

    const bool dropped = in.framesDropped > lastDropped_;
    eventCondition(AlarmKind::RingOverrun, dropped, m, now,
                   format("%.0f frames dropped so far", double(in.framesDropped)), out);
    lastDropped_ = in.framesDropped;

    const bool overflowed = in.inputOverflows > lastOverflows_;
    eventCondition(AlarmKind::InputOverflow, overflowed, m, now,
                   format("%.0f input overflows so far", double(in.inputOverflows)), out);
    lastOverflows_ = in.inputOverflows;

    if (in.diskKnown) {
        const double needed = double(in.diskBytesNeeded) * settings_.diskMargin;
        const bool low =
            in.diskFreeBytes < settings_.diskFloorBytes || double(in.diskFreeBytes) < needed;
        stateCondition(AlarmKind::LowDisk, low, m, now,
                       format("%.0f MB free, %.0f MB needed", double(in.diskFreeBytes) / 1e6,
                              std::max(needed, double(settings_.diskFloorBytes)) / 1e6),
                       out);
    }
    first_ = false;
    return out;
}

std::vector<AlarmEvent> AlarmMonitor::finish(Clock::time_point now) {
    std::vector<AlarmEvent> out;
    for (std::size_t k = 0; k < kKinds; ++k) {
        State& s = states_[k];
        if (s.active) {
            out.push_back(end(static_cast<AlarmKind>(k), s.sinceFrame, now,
                              secondsBetween(s.since, now), "recording ended"));
        }
        s = State{};
    }
    return out;
}

void AlarmMonitor::levelCondition(AlarmKind kind, bool holds, double limitSeconds,
                                  const MeterSnapshot& m, Clock::time_point now, std::string detail,
                                  std::vector<AlarmEvent>& out) {
    State& s = state(kind);
    if (holds) {
        if (!s.pending && !s.active) {
            s.pending = true;
            // It holds since the end of the previous window, where it did not.
            s.sinceFrame = lastPosition_;
            s.since = now;
        }
        const double lasted =
            m.sampleRate > 0 ? double(m.framePosition - s.sinceFrame) / m.sampleRate : 0.0;
        if (!s.active && lasted > limitSeconds) {
            s.active = true;
            s.pending = false;
            AlarmEvent e;
            e.kind = kind;
            e.started = true;
            e.at = now;
            e.framePosition = s.sinceFrame;
            e.durationSeconds = lasted;
            e.detail = std::move(detail);
            out.push_back(std::move(e));
        }
        return;
    }
    if (s.active) {
        const double lasted =
            m.sampleRate > 0 ? double(m.framePosition - s.sinceFrame) / m.sampleRate : 0.0;
        out.push_back(end(kind, m.framePosition, now, lasted, "condition cleared"));
    }
    s = State{};
}

void AlarmMonitor::eventCondition(AlarmKind kind, bool happened, const MeterSnapshot& m,
                                  Clock::time_point now, std::string detail,
                                  std::vector<AlarmEvent>& out) {
    State& s = state(kind);
    if (happened) {
        s.lastEvent = now;
        if (!s.active) {
            s.active = true;
            s.since = now;
            s.sinceFrame = m.framePosition;
            AlarmEvent e;
            e.kind = kind;
            e.started = true;
            e.at = now;
            e.framePosition = m.framePosition;
            e.detail = std::move(detail);
            out.push_back(std::move(e));
        }
        return;
    }
    if (s.active && secondsBetween(s.lastEvent, now) > settings_.eventHoldSeconds) {
        out.push_back(
            end(kind, m.framePosition, now, secondsBetween(s.since, now), std::move(detail)));
        s = State{};
    }
}

void AlarmMonitor::stateCondition(AlarmKind kind, bool holds, const MeterSnapshot& m,
                                  Clock::time_point now, std::string detail,
                                  std::vector<AlarmEvent>& out) {
    State& s = state(kind);
    if (holds && !s.active) {
        s.active = true;
        s.since = now;
        s.sinceFrame = m.framePosition;
        AlarmEvent e;
        e.kind = kind;
        e.started = true;
        e.at = now;
        e.framePosition = m.framePosition;
        e.detail = std::move(detail);
        out.push_back(std::move(e));
    } else if (!holds && s.active) {
        out.push_back(
            end(kind, m.framePosition, now, secondsBetween(s.since, now), std::move(detail)));
        s = State{};
    }
}

AlarmEvent AlarmMonitor::end(AlarmKind kind, std::uint64_t frame, Clock::time_point now,
                             double seconds, std::string detail) {
    AlarmEvent e;
    e.kind = kind;
    e.started = false;
    e.at = now;
    e.framePosition = frame;
    e.durationSeconds = seconds;
    e.detail = std::move(detail);
    return e;
}

}  // namespace ds::audio
