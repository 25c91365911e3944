// The producer's clock for a live "Dialog Interaktif" with a fake "now": a 40-minute rundown
// scheduled for 09:00 WIB on 2026-11-25 (02:00 UTC).
#include "studio/RundownClock.h"

#include <gtest/gtest.h>

namespace ds {
namespace {

using namespace std::chrono_literals;

const TimePoint kNine = *parseUtc("2026-11-25T02:00Z");  // 09:00 WIB

// Wall clock "09:mm:ss" WIB of the programme day.
TimePoint at(int hour, int minute, int second = 0) {
    return kNine + std::chrono::hours(hour - 9) + std::chrono::minutes(minute) +
           std::chrono::seconds(second);
}

SegmentTiming planned(Duration d) {
    SegmentTiming s;
    s.planned = d;
    return s;
}

// Opening 2 min, guest's briefing 15 min, listeners' questions 20 min, closing 3 min.
std::vector<SegmentTiming> rundown() {
    return {planned(2min), planned(15min), planned(20min), planned(3min)};
}

void done(SegmentTiming& s, TimePoint start, TimePoint end) {
    s.actualStart = start;
    s.actualEnd = end;
}

RundownFigures compute(const std::vector<SegmentTiming>& segments, TimePoint now,
                       std::optional<TimePoint> sessionHardOut = std::nullopt) {
    return RundownClock::compute(segments, now, kNine, sessionHardOut);
}

TEST(RundownClock, BeforeStartBackTimesFromTheScheduledStart) {
    const RundownFigures f = compute(rundown(), at(8, 50));
    EXPECT_EQ(f.current, -1);
    EXPECT_EQ(f.next, 0);
    EXPECT_FALSE(f.held);
    EXPECT_EQ(f.sessionElapsed, 0ms);
    EXPECT_EQ(f.cumulativeOverUnder, 0ms);
    EXPECT_EQ(f.segmentUrgency, Urgency::Ok);
    ASSERT_EQ(f.segments.size(), 4u);
    EXPECT_EQ(f.segments[0].state, SegmentState::Pending);
    EXPECT_EQ(f.segments[0].expectedStart, at(9, 0));
    EXPECT_EQ(f.segments[1].expectedStart, at(9, 2));
    EXPECT_EQ(f.segments[2].expectedStart, at(9, 17));
    EXPECT_EQ(f.segments[3].expectedStart, at(9, 37));
    EXPECT_EQ(f.segments[3].expectedEnd, at(9, 40));
    EXPECT_EQ(f.expectedEnd, at(9, 40));
}

TEST(RundownClock, LateStartBackTimesFromNow) {
    // 09:05 and the producer has not pressed start: everything moves five minutes.
    const RundownFigures f = compute(rundown(), at(9, 5));
    EXPECT_EQ(f.segments[0].expectedStart, at(9, 5));
    EXPECT_EQ(f.expectedEnd, at(9, 45));
}

TEST(RundownClock, MidSegment) {
    auto s = rundown();
    done(s[0], at(9, 0), at(9, 2, 10));  // opening ran 10 s long
    s[1].actualStart = at(9, 2, 10);
    const RundownFigures f = compute(s, at(9, 10, 10));

    EXPECT_EQ(f.current, 1);
    EXPECT_EQ(f.next, 2);
    EXPECT_EQ(f.elapsedInSegment, 8min);
    EXPECT_EQ(f.leftInSegment, 7min);
    EXPECT_EQ(f.segmentUrgency, Urgency::Ok);
    EXPECT_EQ(f.sessionElapsed, 10min + 10s);
    EXPECT_EQ(f.cumulativeOverUnder, 10s);

    EXPECT_EQ(f.segments[0].state, SegmentState::Done);
    EXPECT_EQ(f.segments[0].actual, 2min + 10s);
    EXPECT_EQ(f.segments[0].overUnder, 10s);
    EXPECT_EQ(f.segments[1].state, SegmentState::Current);
    EXPECT_EQ(f.segments[1].actual, 8min);
    EXPECT_EQ(f.segments[1].overUnder, 0ms);  // not over yet
    EXPECT_EQ(f.segments[1].expectedStart, at(9, 2, 10));
    EXPECT_EQ(f.segments[1].expectedEnd, at(9, 17, 10));
    EXPECT_EQ(f.segments[2].expectedStart, at(9, 17, 10));
    EXPECT_EQ(f.segments[2].actual, 0ms);
    // The 10 s the opening ran over carry through to the end.
    EXPECT_EQ(f.expectedEnd, at(9, 40, 10));
}

TEST(RundownClock, OverRunningSegment) {
    auto s = rundown();
    done(s[0], at(9, 0), at(9, 2));
    s[1].actualStart = at(9, 2);
    const RundownFigures f = compute(s, at(9, 17, 42));  // 15:42 into a 15:00 segment

    EXPECT_EQ(f.elapsedInSegment, 15min + 42s);
    EXPECT_EQ(f.leftInSegment, -42s);
    EXPECT_EQ(formatClock(f.leftInSegment), "-0:42");
    EXPECT_EQ(f.segmentUrgency, Urgency::Over);
    EXPECT_EQ(f.segments[1].overUnder, 42s);
    EXPECT_EQ(f.cumulativeOverUnder, 42s);
    // It may end any moment: what follows starts no earlier than now.
    EXPECT_EQ(f.segments[1].expectedEnd, at(9, 17, 42));
    EXPECT_EQ(f.segments[2].expectedStart, at(9, 17, 42));
    EXPECT_EQ(f.expectedEnd, at(9, 40, 42));
}

TEST(RundownClock, SegmentWarningAtThirtySecondsLeft) {
    auto s = rundown();
    s[0].actualStart = at(9, 0);                                           // 2:00 planned
    EXPECT_EQ(compute(s, at(9, 1, 29)).segmentUrgency, Urgency::Ok);       // 31 s left
    EXPECT_EQ(compute(s, at(9, 1, 30)).segmentUrgency, Urgency::Warning);  // 30 s left
    EXPECT_EQ(compute(s, at(9, 2, 0)).segmentUrgency, Urgency::Warning);   // 0 s left
    EXPECT_EQ(compute(s, at(9, 2, 0) + 1ms).segmentUrgency, Urgency::Over);
    // The threshold is the caller's.
    UrgencyThresholds t;
    t.segmentWarning = 10s;
    EXPECT_EQ(RundownClock::compute(s, at(9, 1, 30), kNine, std::nullopt, t).segmentUrgency,
              Urgency::Ok);
}

TEST(RundownClock, CumulativeOverAndUnderAcrossDoneSegments) {
    auto s = rundown();
    done(s[0], at(9, 0), at(9, 1, 30));       // 30 s short
    done(s[1], at(9, 1, 30), at(9, 17, 30));  // 60 s long
    s[2].actualStart = at(9, 17, 30);
    const RundownFigures f = compute(s, at(9, 20));
    EXPECT_EQ(f.segments[0].overUnder, -30s);
    EXPECT_EQ(f.segments[1].overUnder, 60s);
    EXPECT_EQ(f.cumulativeOverUnder, 30s);
    // 20 min of questions from 09:17:30 and the 3 min closing.
    EXPECT_EQ(f.expectedEnd, at(9, 40, 30));

    // Ending the questions 2 minutes early takes the show under.
    done(s[2], at(9, 17, 30), at(9, 35, 30));
    const RundownFigures g = compute(s, at(9, 35, 40));
    EXPECT_EQ(g.cumulativeOverUnder, -90s);
    EXPECT_EQ(g.current, -1);
    EXPECT_EQ(g.next, 3);
    EXPECT_EQ(g.segments[3].expectedStart, at(9, 35, 40));  // between segments: from now
    EXPECT_EQ(g.expectedEnd, at(9, 38, 40));
    EXPECT_EQ(g.sessionElapsed, 35min + 40s);
}

TEST(RundownClock, HoldFreezesElapsedAndTheEndSlips) {
    auto s = rundown();
    done(s[0], at(9, 0), at(9, 2));
    s[1].actualStart = at(9, 2);
    s[1].holdSince = at(9, 5);  // the partner station cut away for traffic news

    const RundownFigures a = compute(s, at(9, 6));
    const RundownFigures b = compute(s, at(9, 8));
    EXPECT_TRUE(a.held);
    EXPECT_EQ(a.elapsedInSegment, 3min);
    EXPECT_EQ(b.elapsedInSegment, 3min);  // frozen while held
    EXPECT_EQ(b.leftInSegment, 12min);
    EXPECT_EQ(b.segments[1].expectedEnd, at(9, 20));
    EXPECT_EQ(b.expectedEnd - a.expectedEnd, 2min);  // real time runs on
    EXPECT_EQ(b.expectedEnd, at(9, 43));
    EXPECT_EQ(b.sessionElapsed, 8min);  // the session clock does not stop

    // The hold ends at 09:08 after 3 minutes; the count resumes.
    s[1].holdSince.reset();
    s[1].heldTotal = 3min;
    const RundownFigures c = compute(s, at(9, 10));
    EXPECT_FALSE(c.held);
    EXPECT_EQ(c.elapsedInSegment, 5min);
    EXPECT_EQ(c.expectedEnd, at(9, 43));

    // Once done, held time is not part of its duration either.
    done(s[1], at(9, 2), at(9, 20));
    const RundownFigures d = compute(s, at(9, 20));
    EXPECT_EQ(d.segments[1].actual, 15min);
    EXPECT_EQ(d.segments[1].overUnder, 0ms);
}

TEST(RundownClock, FixedStartLeavesAGap) {
    // Questions, then the news at 09:30 sharp, then more questions.
    std::vector<SegmentTiming> s = {planned(10min), planned(5min), planned(10min)};
    s[1].fixedStart = at(9, 30);
    const RundownFigures f = compute(s, at(8, 55));
    EXPECT_EQ(f.segments[0].expectedEnd, at(9, 10));
    EXPECT_EQ(f.segments[1].expectedStart, at(9, 30));  // 20 min gap to fill
    EXPECT_EQ(f.segments[2].expectedStart, at(9, 35));
    EXPECT_EQ(f.expectedEnd, at(9, 45));

    // When the questions run past 09:30, the news starts when they end, not before.
    s[0].actualStart = at(9, 0);
    const RundownFigures g = compute(s, at(9, 33));
    EXPECT_EQ(g.segments[1].expectedStart, at(9, 33));
    EXPECT_EQ(g.expectedEnd, at(9, 48));
}

TEST(RundownClock, SessionHardOut) {
    auto s = rundown();
    s[0].actualStart = at(9, 0);
    // Expected end 09:40; the station's next programme at 09:45 gives 5 min slack.
    RundownFigures f = compute(s, at(9, 1), at(9, 45));
    ASSERT_TRUE(f.hardOut.has_value());
    EXPECT_EQ(*f.hardOut, at(9, 45));
    EXPECT_EQ(f.overHardOut, -5min);
    EXPECT_EQ(f.hardOutUrgency, Urgency::Ok);
    // 40 s of slack: amber. 60 s exactly is not yet amber.
    EXPECT_EQ(compute(s, at(9, 1), at(9, 40, 40)).hardOutUrgency, Urgency::Warning);
    EXPECT_EQ(compute(s, at(9, 1), at(9, 41)).hardOutUrgency, Urgency::Ok);
    // Expected to end 20 s after the hard out: red.
    f = compute(s, at(9, 1), at(9, 39, 40));
    EXPECT_EQ(f.overHardOut, 20s);
    EXPECT_EQ(f.hardOutUrgency, Urgency::Over);
}

TEST(RundownClock, NoHardOutMeansNoFigure) {
    const RundownFigures f = compute(rundown(), at(9, 0));
    EXPECT_FALSE(f.hardOut.has_value());
    EXPECT_FALSE(f.overHardOut.has_value());
    EXPECT_EQ(f.hardOutUrgency, Urgency::Ok);
}

TEST(RundownClock, EarlierSegmentHardOutWithLeastSlackBinds) {
    auto s = rundown();
    // The guest must leave by 09:15 for another engagement; the briefing ends 09:17.
    s[1].hardOut = at(9, 15);
    s[0].actualStart = at(9, 0);
    const RundownFigures f = compute(s, at(9, 1), at(9, 45));
    ASSERT_TRUE(f.hardOut.has_value());
    EXPECT_EQ(*f.hardOut, at(9, 15));
    EXPECT_EQ(f.overHardOut, 2min);
    EXPECT_EQ(f.hardOutUrgency, Urgency::Over);

    // With the guest free until 09:30 the session's 09:45 (5 min slack) binds instead of
    // the segment's (13 min slack).
    s[1].hardOut = at(9, 30);
    const RundownFigures g = compute(s, at(9, 1), at(9, 45));
    EXPECT_EQ(*g.hardOut, at(9, 45));
    EXPECT_EQ(g.overHardOut, -5min);

    // A segment that is done no longer binds, even though it missed its hard out.
    s[1].hardOut = at(9, 15);
    done(s[0], at(9, 0), at(9, 2));
    done(s[1], at(9, 2), at(9, 17));
    s[2].actualStart = at(9, 17);
    const RundownFigures h = compute(s, at(9, 18), at(9, 45));
    EXPECT_EQ(*h.hardOut, at(9, 45));
    EXPECT_EQ(h.overHardOut, -5min);
}

TEST(RundownClock, AllSegmentsDone) {
    auto s = rundown();
    done(s[0], at(9, 0), at(9, 2));
    done(s[1], at(9, 2), at(9, 16));
    done(s[2], at(9, 16), at(9, 37));
    done(s[3], at(9, 37), at(9, 39, 50));
    const RundownFigures f = compute(s, at(9, 55), at(9, 45));
    EXPECT_EQ(f.current, -1);
    EXPECT_EQ(f.next, -1);
    EXPECT_EQ(f.expectedEnd, at(9, 39, 50));   // the last actual end, not now
    EXPECT_EQ(f.sessionElapsed, 39min + 50s);  // stops with the last segment
    EXPECT_EQ(f.cumulativeOverUnder, -10s);
    EXPECT_EQ(f.leftInSegment, 0ms);
    EXPECT_EQ(f.segmentUrgency, Urgency::Ok);
    EXPECT_EQ(f.overHardOut, -(5min + 10s));
    EXPECT_EQ(f.hardOutUrgency, Urgency::Ok);
    for (const SegmentFigures& seg : f.segments)
        EXPECT_EQ(seg.state, SegmentState::Done);
}

TEST(RundownClock, EmptyRundown) {
    const RundownFigures f = compute({}, at(8, 0));
    EXPECT_EQ(f.current, -1);
    EXPECT_EQ(f.next, -1);
    EXPECT_EQ(f.expectedEnd, at(9, 0));
}

}  // namespace
}  // namespace ds
