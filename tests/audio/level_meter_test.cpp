// Meters on known signals: sine, silence, full-scale square, peak hold, and the loudness cases
// of EBU Tech 3341 (1 kHz stereo sine at -23 dBFS reads -23.0 +/- 0.1 LUFS) and Tech 3342
// (LRA). Fed through CaptureProcessor and the ring first, as the recorder does.

#include <ebur128.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <numbers>
#include <thread>
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

TEST(LevelMeter, LiveMomentaryAndShortTermMatchLibebur128WindowByWindow) {
    // While recording live, momentary and short-term loudness come from the energies of the
    // 100 ms windows, not from libebur128's own (costly) sums: window by window, at a live
    // pace (the figures are updated at most every 50 ms), through a level step up and down,
    // they must read what libebur128 reads for the same audio.
    LevelMeter m(2, 48000);
    ebur128_state* ref = ebur128_init(2, 48000, EBUR128_MODE_M | EBUR128_MODE_S);
    ASSERT_NE(ref, nullptr);
    std::vector<float> window(4800 * 2);
    std::uint64_t n = 0;
    int compared = 0;
    for (int w = 0; w < 45; ++w) {
        // 1 s at -20 dBFS, 1.5 s at -35, then -14 dBFS with a 300 Hz tone on the right.
        const double a = w < 10 ? 0.1 : w < 25 ? 0.0178 : 0.2;
        for (int i = 0; i < 4800; ++i, ++n) {
            window[2 * i] = sine(a, 1000, n);
            window[2 * i + 1] = w < 25 ? sine(a, 1000, n) : sine(a, 300, n);
        }
        m.add(window.data(), 4800);
        ebur128_add_frames_float(ref, window.data(), 4800);
        double mom = 0, st = 0;
        ebur128_loudness_momentary(ref, &mom);
        ebur128_loudness_shortterm(ref, &st);
        const MeterSnapshot s = m.snapshot();
        ASSERT_EQ(s.framePosition, n);
        if (std::isfinite(mom) && std::isfinite(st)) {
            EXPECT_NEAR(s.momentaryLufs, mom, 0.01) << "window " << w;
            EXPECT_NEAR(s.shortTermLufs, st, 0.01) << "window " << w;
            ++compared;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(55));
    }
    ebur128_destroy(&ref);
    EXPECT_EQ(compared, 45);
}
