#include "studio/RundownClock.h"

#include <algorithm>

namespace ds {

namespace {

SegmentState stateOf(const SegmentTiming& s) {
    // An end without a start cannot come from the producer's buttons; it is ignored.
    if (!s.actualStart) return SegmentState::Pending;
    return s.actualEnd ? SegmentState::Done : SegmentState::Current;
}

// Time the segment has been held up to `until`, the open hold included.
Duration heldUntil(const SegmentTiming& s, TimePoint until) {
    Duration held = s.heldTotal;
    if (s.holdSince && *s.holdSince < until) held += until - *s.holdSince;
    return held;
}

// Running time of a started segment up to `until`, holds left out; never negative.
Duration runningTime(const SegmentTiming& s, TimePoint until) {
    return std::max(Duration{0}, until - *s.actualStart - heldUntil(s, until));
}

Urgency segmentUrgency(Duration left, const UrgencyThresholds& t) {
    if (left < Duration{0}) return Urgency::Over;
    if (left <= t.segmentWarning) return Urgency::Warning;
    return Urgency::Ok;
}

Urgency hardOutUrgency(Duration over, const UrgencyThresholds& t) {
    if (over > Duration{0}) return Urgency::Over;
    if (over > -t.hardOutWarning) return Urgency::Warning;
    return Urgency::Ok;
}

}  // namespace

RundownFigures RundownClock::compute(const std::vector<SegmentTiming>& segments, TimePoint now,
                                     TimePoint scheduledStart,
                                     std::optional<TimePoint> sessionHardOut,
                                     const UrgencyThresholds& thresholds) {
    RundownFigures out;
    out.segments.resize(segments.size());

    // Started segments first: their figures are facts, not forecasts.
    std::optional<TimePoint> firstStart, lastEnd;
    bool anyOpen = false;  // a segment is current or pending
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const SegmentTiming& s = segments[i];
        SegmentFigures& f = out.segments[i];
        f.state = stateOf(s);
        f.planned = s.planned;
        if (f.state == SegmentState::Pending) {
            anyOpen = true;
            continue;
        }
        f.expectedStart = *s.actualStart;
        firstStart = firstStart ? std::min(*firstStart, *s.actualStart) : *s.actualStart;
        if (f.state == SegmentState::Done) {
            f.actual = runningTime(s, *s.actualEnd);
            f.overUnder = f.actual - s.planned;
            f.expectedEnd = *s.actualEnd;
            lastEnd = lastEnd ? std::max(*lastEnd, *s.actualEnd) : *s.actualEnd;
        } else {
            anyOpen = true;
            f.actual = runningTime(s, now);
            f.overUnder = std::max(Duration{0}, f.actual - s.planned);
            // The planned running time still to go, from now; once it is over, it may end
            // any moment. While held the remainder stands still, so this end slips with now.
            f.expectedEnd = now + std::max(Duration{0}, s.planned - f.actual);
            if (out.current < 0) {
                out.current = static_cast<int>(i);
                out.held = s.holdSince.has_value();
                out.elapsedInSegment = f.actual;
                out.leftInSegment = s.planned - f.actual;
                out.segmentUrgency = segmentUrgency(out.leftInSegment, thresholds);
            }
        }
        out.cumulativeOverUnder += f.overUnder;
    }

    // What has not started runs after what is running, in rundown order, and no earlier than
    // now: before the session it counts from the scheduled start (or now, if that has passed).
    TimePoint cursor = firstStart ? now : std::max(now, scheduledStart);
    for (const SegmentFigures& f : out.segments) {
        if (f.state == SegmentState::Current) cursor = std::max(cursor, f.expectedEnd);
    }
    for (std::size_t i = 0; i < segments.size(); ++i) {
        SegmentFigures& f = out.segments[i];
        if (f.state != SegmentState::Pending) continue;
        if (out.next < 0) out.next = static_cast<int>(i);
        // A fixed start (the news at 09:30) holds the segment back and leaves a gap before it.
        f.expectedStart = std::max(cursor, segments[i].fixedStart.value_or(cursor));
        f.expectedEnd = f.expectedStart + segments[i].planned;
        cursor = f.expectedEnd;
    }

    if (anyOpen || !lastEnd) {
        out.expectedEnd = cursor;
    } else {
        out.expectedEnd = *lastEnd;  // all done: the session ended when its last segment did
    }
    if (firstStart) out.sessionElapsed = (anyOpen ? now : *lastEnd) - *firstStart;

    // The binding hard out is the one with least slack; on a tie the session's, then the
    // earliest segment's, so the UI names the same one from frame to frame.
    std::optional<Duration> leastSlack;
    const auto consider = [&](TimePoint hardOut, TimePoint expectedEnd) {
        const Duration slack = hardOut - expectedEnd;
        if (!leastSlack || slack < *leastSlack) {
            leastSlack = slack;
            out.hardOut = hardOut;
        }
    };
    if (sessionHardOut) consider(*sessionHardOut, out.expectedEnd);
    for (std::size_t i = 0; i < segments.size(); ++i) {
        if (segments[i].hardOut && out.segments[i].state != SegmentState::Done) {
            consider(*segments[i].hardOut, out.segments[i].expectedEnd);
        }
    }
    if (leastSlack) {
        out.overHardOut = -*leastSlack;
        out.hardOutUrgency = hardOutUrgency(*out.overHardOut, thresholds);
    }
    return out;
}

}  // namespace ds
