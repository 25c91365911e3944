// Meters on known signals: sine, silence, full-scale square, peak hold, and the loudness cases
// of EBU Tech 3341 (1 kHz stereo sine at -23 dBFS reads -23.0 +/- 0.1 LUFS) and Tech 3342
// (LRA). Fed through CaptureProcessor and the ring first, as the recorder does.

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

#include "audio/CaptureProcessor.h"
#include "audio/LevelMeter.h"

using namespace ds::audio;

namespace {

// Drives `seconds` of gen(frame, channel) through CaptureProcessor (256-frame callbacks) and a
// ring into the meter.
template <typename Gen>
MeterSnapshot meter(LevelMeter& m, double seconds, Gen gen, std::uint64_t offset = 0) {
    const unsigned ch = m.channels();
    SpscRing ring(8192, ch);
    CaptureCounters counters;
    CaptureProcessor p(ring, counters);
    const auto frames = static_cast<std::uint64_t>(seconds * m.sampleRate());
    std::vector<float> block(256 * ch), out(8192 * ch);
    for (std::uint64_t at = 0; at < frames; at += 256) {
        const std::uint64_t n = std::min<std::uint64_t>(256, frames - at);
        for (std::uint64_t i = 0; i < n; ++i)
            for (unsigned c = 0; c < ch; ++c)
                block[i * ch + c] = gen(offset + at + i, c);
        p.process(block.data(), n);
        const std::size_t got = ring.read(out.data(), 8192);
        m.add(out.data(), got);
    }
    m.flush();  // loudness figures as of the last sample (see LevelMeter.h)
    return m.snapshot();
}

float sine(double amplitude, double hz, std::uint64_t n, int rate = 48000) {
    return float(amplitude * std::sin(2 * std::numbers::pi * hz * double(n) / rate));
}

const double kMinus23 = std::pow(10.0, -23.0 / 20.0);

}  // namespace

TEST(LevelMeter, SineReadsItsPeakRmsAndTruePeak) {
    LevelMeter m(2, 48000);
    const auto s = meter(m, 1.0, [](std::uint64_t n, unsigned) { return sine(0.1, 997, n); });
    for (unsigned c = 0; c < 2; ++c) {
        EXPECT_NEAR(s.channel[c].peakDbfs, -20.0, 0.01);
        EXPECT_NEAR(s.channel[c].rmsDbfs, -23.01, 0.01);
        EXPECT_NEAR(s.channel[c].truePeakDbtp, -20.0, 0.02);
        EXPECT_NEAR(s.channel[c].peakHoldDbfs, -20.0, 0.01);
        EXPECT_EQ(s.channel[c].clipRuns, 0u);
    }
    EXPECT_FALSE(s.digitalSilence);
    EXPECT_EQ(s.framePosition, 48000u);
    EXPECT_EQ(s.sequence, 10u);  // ten 100 ms windows
}

TEST(LevelMeter, SilenceIsMinusInfinityAndDigitalSilence) {
    LevelMeter m(2, 48000);
    const auto s = meter(m, 1.0, [](std::uint64_t, unsigned) { return 0.0f; });
    EXPECT_TRUE(std::isinf(s.channel[0].peakDbfs) && s.channel[0].peakDbfs < 0);
    EXPECT_TRUE(std::isinf(s.channel[1].rmsDbfs));
    EXPECT_TRUE(std::isinf(s.momentaryLufs));
    EXPECT_TRUE(s.digitalSilence);
}

TEST(LevelMeter, EveryWindowIsKeptUntilTakenOldestFirst) {
    LevelMeter m(2, 48000);
    // 0.3 s of tone, then silence: windows 1-3 have sound, 4-10 are digital silence.
    meter(m, 1.0, [](std::uint64_t n, unsigned) { return n < 14400 ? sine(0.5, 1000, n) : 0.0f; });
    const std::vector<MeterSnapshot> windows = m.takeWindows();
    ASSERT_EQ(windows.size(), 10u);
    for (std::size_t i = 0; i < windows.size(); ++i) {
        EXPECT_EQ(windows[i].sequence, i + 1);
        EXPECT_EQ(windows[i].framePosition, (i + 1) * 4800);
        EXPECT_EQ(windows[i].digitalSilence, i >= 3) << "window " << i + 1;
    }
    EXPECT_TRUE(m.takeWindows().empty());
}

TEST(LevelMeter, AReaderThatStaysAwayFindsTheNewestWindows) {
    MeterSettings quick;  // 10 ms windows and no loudness, so 300 windows meter quickly
    quick.windowSeconds = 0.01;
    quick.loudness = false;
    LevelMeter m(2, 48000, quick);
    meter(m, 3.0, [](std::uint64_t, unsigned) { return 0.0f; });
    const std::vector<MeterSnapshot> late = m.takeWindows();
    ASSERT_EQ(late.size(), LevelMeter::kKeptWindows);
    EXPECT_EQ(late.back().sequence, 300u);
    EXPECT_EQ(late.front().sequence, 300u - LevelMeter::kKeptWindows + 1);
    EXPECT_EQ(late.front().framePosition, (300u - LevelMeter::kKeptWindows + 1) * 480);
}

TEST(LevelMeter, FullScaleSquareIsZeroDbAndClips) {
    LevelMeter m(1, 48000);
    const auto s =
        meter(m, 1.0, [](std::uint64_t n, unsigned) { return (n / 24) % 2 ? 1.0f : -1.0f; });
    EXPECT_NEAR(s.channel[0].peakDbfs, 0.0, 1e-6);
    EXPECT_NEAR(s.channel[0].rmsDbfs, 0.0, 1e-6);
    EXPECT_EQ(s.channel[0].clippedSamples, 48000u);
    EXPECT_EQ(s.channel[0].clipRuns, 1u);  // one unbroken run of clipped samples
    // A square wave overshoots between samples.
    EXPECT_GT(s.channel[0].truePeakDbtp, 0.5);
}

TEST(LevelMeter, PeakHoldFallsAfterTheHoldTime) {
    LevelMeter m(1, 48000);
    meter(m, 0.5, [](std::uint64_t n, unsigned) { return sine(0.5, 1000, n); });
    auto s = meter(m, 1.0, [](std::uint64_t n, unsigned) { return sine(0.05, 1000, n); });
    EXPECT_NEAR(s.channel[0].peakHoldDbfs, -6.02, 0.01);  // still held
    EXPECT_NEAR(s.channel[0].peakDbfs, -26.02, 0.01);
    s = meter(m, 2.0, [](std::uint64_t n, unsigned) { return sine(0.05, 1000, n); });
    EXPECT_NEAR(s.channel[0].peakHoldDbfs, -26.02, 0.01);  // released
}

TEST(LevelMeter, EbuTech3341Case1StereoSineAtMinus23ReadsMinus23Lufs) {
    LevelMeter m(2, 48000);
    const auto s =
        meter(m, 20.0, [](std::uint64_t n, unsigned) { return sine(kMinus23, 1000, n); });
    EXPECT_NEAR(s.integratedLufs, -23.0, 0.1);
    EXPECT_NEAR(s.momentaryLufs, -23.0, 0.1);
    EXPECT_NEAR(s.shortTermLufs, -23.0, 0.1);
}

TEST(LevelMeter, EbuTech3341Case1At44100) {
    LevelMeter m(2, 44100);
    const auto s =
        meter(m, 20.0, [](std::uint64_t n, unsigned) { return sine(kMinus23, 1000, n, 44100); });
    EXPECT_NEAR(s.integratedLufs, -23.0, 0.1);
}

TEST(LevelMeter, EbuTech3341Case2StereoSineAtMinus33ReadsMinus33Lufs) {
    LevelMeter m(2, 48000);
    const double a = std::pow(10.0, -33.0 / 20.0);
    const auto s = meter(m, 20.0, [a](std::uint64_t n, unsigned) { return sine(a, 1000, n); });
    EXPECT_NEAR(s.integratedLufs, -33.0, 0.1);
}

TEST(LevelMeter, MonoIsCountedAsDualMono) {
    // The same voice recorded mono reads like its stereo recording.
    LevelMeter m(1, 48000);
    const auto s =
        meter(m, 20.0, [](std::uint64_t n, unsigned) { return sine(kMinus23, 1000, n); });
    EXPECT_NEAR(s.integratedLufs, -23.0, 0.1);
}

TEST(LevelMeter, EbuTech3342Case1LoudnessRange) {
    // 20 s of 1 kHz at -20 dBFS then 20 s at -30 dBFS: LRA = 10 +/- 1 LU.
    LevelMeter m(2, 48000);
    const double loud = std::pow(10.0, -20.0 / 20.0), quiet = std::pow(10.0, -30.0 / 20.0);
    meter(m, 20.0, [loud](std::uint64_t n, unsigned) { return sine(loud, 1000, n); });
    const auto s = meter(
        m, 20.0, [quiet](std::uint64_t n, unsigned) { return sine(quiet, 1000, n); }, 960000);
    EXPECT_NEAR(s.loudnessRangeLu, 10.0, 1.0);
}
