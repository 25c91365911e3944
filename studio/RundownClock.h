#pragma once
// The live rundown's clock arithmetic: pure code over plain values and an explicit "now", so it
// is unit-tested with a fake clock and drawn by the UI every frame without touching storage.
//
// Terms: a segment is done (actual start and end), current (actual start, no end) or pending.
// Hold pauses the current segment's count (for example while the partner station cuts away):
// held time is not part of the segment's elapsed time, but real time still runs, so the
// back-timed expected end moves later while held.
#include <optional>
#include <vector>

#include "studio/Time.h"

namespace ds {

struct SegmentTiming {
    Duration planned{0};
    std::optional<TimePoint> fixedStart;  // the segment may not start before this (e.g. news at 09:30)
    std::optional<TimePoint> hardOut;     // the segment must end by this
    std::optional<TimePoint> actualStart;
    std::optional<TimePoint> actualEnd;
    Duration heldTotal{0};                // completed holds within this segment
    std::optional<TimePoint> holdSince;   // set while the segment is held now
};

enum class SegmentState { Pending, Current, Done };
enum class Urgency { Ok, Warning, Over };  // UI: normal, amber, red

struct SegmentFigures {
    SegmentState state = SegmentState::Pending;
    Duration planned{0};
    Duration actual{0};     // done: its duration less holds; current: elapsed so far; pending: 0
    Duration overUnder{0};  // done: actual - planned; current: max(0, elapsed - planned); pending: 0
    TimePoint expectedStart{};  // actual start if started, else back-timed
    TimePoint expectedEnd{};    // actual end if done, else back-timed
};

struct RundownFigures {
    int current = -1;            // index of the current segment, -1 if none
    int next = -1;               // index of the next pending segment, -1 if none
    bool held = false;
    Duration elapsedInSegment{0};
    Duration leftInSegment{0};   // planned - elapsed; negative when the segment runs over
    Duration sessionElapsed{0};  // since the first segment's actual start (0 before)
    Duration cumulativeOverUnder{0};  // sum of overUnder over done and current segments
    TimePoint expectedEnd{};          // back-timed end of the last segment
    // The binding hard out: among the session's hard out (against expectedEnd) and the hard outs
    // of segments not yet done (against that segment's expected end), the one with least slack.
    std::optional<TimePoint> hardOut;
    std::optional<Duration> overHardOut;  // expected end - hardOut: > 0 means it will overrun
    Urgency segmentUrgency = Urgency::Ok;
    Urgency hardOutUrgency = Urgency::Ok;
    std::vector<SegmentFigures> segments;
};

struct UrgencyThresholds {
    Duration segmentWarning{std::chrono::seconds(30)};  // amber when this little is left
    Duration hardOutWarning{std::chrono::seconds(60)};  // amber when expected end is this close
};

// How the back-timing reads the rundown (choices the UI and tests rely on):
// - What has not started runs after what is running, in rundown order, each pending segment
//   no earlier than now, the end of the one before it, and its fixedStart. Before any segment
//   starts the first is back-timed from max(now, scheduledStart); between segments, from now.
// - A current segment is expected to end after its planned time less elapsed, from now; once
//   it is over, at now (it may end any moment), so everything after it slips with the clock.
// - When every segment is done, expectedEnd is the last actual end and sessionElapsed stops.
// - Hard outs of done segments no longer bind. On equal slack the session's hard out, then
//   the earliest segment's, is reported. An actualEnd without an actualStart is ignored.
class RundownClock {
public:
    // scheduledStart: when the session is planned to begin (used before it starts).
    // sessionHardOut: the session's own hard out (scheduled start + planned length), if any.
    static RundownFigures compute(const std::vector<SegmentTiming>& segments, TimePoint now,
                                  TimePoint scheduledStart,
                                  std::optional<TimePoint> sessionHardOut,
                                  const UrgencyThresholds& thresholds = {});
};

}  // namespace ds
