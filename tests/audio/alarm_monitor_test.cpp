// AlarmMonitor as pure logic: made-up snapshots and times, checked start and end events.

#include <gtest/gtest.h>

#include "audio/AlarmMonitor.h"

using namespace ds::audio;
using Clock = std::chrono::steady_clock;

namespace {

// Feeds 100 ms windows with the given RMS/peak and returns all events.
struct Feeder {
    AlarmMonitor monitor;
    MeterSnapshot snap;
    Clock::time_point now = Clock::time_point{} + std::chrono::hours(1);
    AlarmInputs extra;

    explicit Feeder(AlarmSettings s = {}) : monitor(s) {
        snap.channels = 2;
        snap.sampleRate = 48000;
    }

    std::vector<AlarmEvent> run(double seconds, double db, bool digitalZero = false,
                                std::uint64_t clipRuns = 0) {
        std::vector<AlarmEvent> all;
        for (int i = 0; i < int(seconds * 10 + 0.5); ++i) {
            snap.framePosition += 4800;
            snap.sequence++;
            for (unsigned c = 0; c < 2; ++c) {
                snap.channel[c].rmsDbfs = db;
                snap.channel[c].peakDbfs = db + 3;
                snap.channel[c].clipRuns = clipRuns;
            }
            snap.digitalSilence = digitalZero;
            now += std::chrono::milliseconds(100);
            AlarmInputs in = extra;
            in.meters = snap;
            auto e = monitor.update(in, now);
            all.insert(all.end(), e.begin(), e.end());
        }
        return all;
    }
};

}  // namespace

TEST(AlarmMonitor, DeadAirAfterEightSecondsBelowMinus50AndEndsWhenSoundReturns) {
    Feeder f;
    EXPECT_TRUE(f.run(5, -20).empty());
    auto e = f.run(8.0, -60);
    EXPECT_TRUE(e.empty()) << "8 s exactly is not more than 8 s";
    e = f.run(0.2, -60);
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].kind, AlarmKind::DeadAir);
    EXPECT_TRUE(e[0].started);
    EXPECT_EQ(e[0].framePosition, 5u * 48000);  // silence began at 5 s
    EXPECT_TRUE(f.monitor.active(AlarmKind::DeadAir));
    e = f.run(1.8, -60);
    EXPECT_TRUE(e.empty());
    e = f.run(0.1, -30);
    ASSERT_EQ(e.size(), 1u);
    EXPECT_FALSE(e[0].started);
    EXPECT_NEAR(e[0].durationSeconds, 10.1, 0.01);  // 5.0 s .. 15.1 s
    EXPECT_FALSE(f.monitor.active(AlarmKind::DeadAir));
}

TEST(AlarmMonitor, ShortPausesAreNotDeadAir) {
    Feeder f;
    for (int i = 0; i < 5; ++i) {
        EXPECT_TRUE(f.run(7, -70).empty());
        EXPECT_TRUE(f.run(1, -25).empty());
    }
}

TEST(AlarmMonitor, ThresholdsComeFromSettings) {
    AlarmSettings s;
    s.deadAirThresholdDbfs = -40;
    s.deadAirSeconds = 3;
    Feeder f(s);
    auto e = f.run(3.5, -45);
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].kind, AlarmKind::DeadAir);
}

TEST(AlarmMonitor, NoSignalIsDigitalSilence) {
    Feeder f;
    auto e = f.run(1.5, -200, true);
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].kind, AlarmKind::NoSignal);
    e = f.run(0.1, -20, false);
    ASSERT_EQ(e.size(), 1u);
    EXPECT_FALSE(e[0].started);
    EXPECT_EQ(e[0].kind, AlarmKind::NoSignal);
    EXPECT_NEAR(e[0].durationSeconds, 1.6, 0.01);
}

TEST(AlarmMonitor, ClippingStartsOnNewClipRunsAndEndsAfterTheHold) {
    Feeder f;
    EXPECT_TRUE(f.run(1, -10, false, 0).empty());
    auto e = f.run(0.1, -1, false, 2);
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].kind, AlarmKind::Clipping);
    EXPECT_TRUE(e[0].started);
    EXPECT_TRUE(f.run(2.9, -10, false, 2).empty());  // no new runs, still within the hold
    e = f.run(0.2, -10, false, 2);
    ASSERT_EQ(e.size(), 1u);
    EXPECT_FALSE(e[0].started);
}

TEST(AlarmMonitor, RingOverrunAndInputOverflowFollowTheCounters) {
    Feeder f;
    f.run(1, -20);
    f.extra.framesDropped = 256;
    auto e = f.run(0.1, -20);
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].kind, AlarmKind::RingOverrun);
    f.extra.inputOverflows = 1;
    e = f.run(0.1, -20);
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].kind, AlarmKind::InputOverflow);
    e = f.run(4, -20);
    ASSERT_EQ(e.size(), 2u);
    EXPECT_FALSE(e[0].started);
    EXPECT_FALSE(e[1].started);
}

TEST(AlarmMonitor, LowDiskBelowTheFloorOrBelowWhatTheSessionNeeds) {
    Feeder f;
    f.extra.diskKnown = true;
    f.extra.diskFreeBytes = 10ull << 30;
    f.extra.diskBytesNeeded = 2ull << 30;
    EXPECT_TRUE(f.run(1, -20).empty());
    f.extra.diskBytesNeeded = 9ull << 30;  // 9 GiB * 1.2 margin > 10 GiB
    auto e = f.run(0.1, -20);
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].kind, AlarmKind::LowDisk);
    EXPECT_TRUE(e[0].started);
    f.extra.diskBytesNeeded = 1ull << 30;
    e = f.run(0.1, -20);
    ASSERT_EQ(e.size(), 1u);
    EXPECT_FALSE(e[0].started);
    f.extra.diskFreeBytes = 512ull << 20;  // under the 1 GiB floor
    f.extra.diskBytesNeeded = 0;
    e = f.run(0.1, -20);
    ASSERT_EQ(e.size(), 1u);
    EXPECT_TRUE(e[0].started);
}

TEST(AlarmMonitor, FinishEndsEverythingActive) {
    Feeder f;
    f.run(10, -80, true);
    EXPECT_TRUE(f.monitor.active(AlarmKind::DeadAir));
    EXPECT_TRUE(f.monitor.active(AlarmKind::NoSignal));
    auto e = f.monitor.finish(f.now);
    EXPECT_EQ(e.size(), 2u);
    for (const auto& x : e)
        EXPECT_FALSE(x.started);
}
