// TruePeakMeter against libebur128's true peak (the reference implementation) on signals
// whose peaks fall between samples.

#include <ebur128.h>
#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <numbers>
#include <random>
#include <vector>

#include "audio/Decibels.h"
#include "audio/TruePeakMeter.h"

using namespace ds::audio;

namespace {

double reference(const std::vector<float>& mono, int rate) {
    struct Deleter {
        void operator()(ebur128_state* s) const { ebur128_destroy(&s); }
    };
    std::unique_ptr<ebur128_state, Deleter> st(ebur128_init(1, rate, EBUR128_MODE_TRUE_PEAK));
    ebur128_add_frames_float(st.get(), mono.data(), mono.size());
    double peak = 0;
    ebur128_true_peak(st.get(), 0, &peak);
    return amplitudeToDb(peak);
}

double ours(const std::vector<float>& mono, int rate) {
    TruePeakMeter m(1, rate);
    // Odd block sizes, to cross the chunk boundaries.
    for (std::size_t at = 0; at < mono.size(); at += 1000)
        m.add(mono.data() + at, std::min<std::size_t>(1000, mono.size() - at));
    return amplitudeToDb(m.maxPeak(0));
}

std::vector<float> tone(double hz, double phase, int rate = 48000) {
    std::vector<float> v(rate);
    for (int i = 0; i < rate; ++i)
        v[i] = float(0.5 * std::sin(2 * std::numbers::pi * hz * i / rate + phase));
    return v;
}

}  // namespace

TEST(TruePeakMeter, QuarterRateSineAt45DegreesShowsTheHiddenPeak) {
    // Samples land at +/-0.354 while the waveform reaches 0.5: sample peak -9.03, true -6.02.
    const auto v = tone(12000, std::numbers::pi / 4);
    EXPECT_NEAR(ours(v, 48000), reference(v, 48000), 0.02);
    EXPECT_NEAR(ours(v, 48000), -6.02, 0.15);
}

TEST(TruePeakMeter, AgreesWithLibebur128) {
    for (double hz : {997.0, 5000.0, 10000.0, 15000.0, 19000.0}) {
        const auto v = tone(hz, 0.3);
        EXPECT_NEAR(ours(v, 48000), reference(v, 48000), 0.03) << hz << " Hz";
    }
    const auto v44 = tone(11025, std::numbers::pi / 4, 44100);
    EXPECT_NEAR(ours(v44, 44100), reference(v44, 44100), 0.03);
    std::mt19937 rng(7);
    std::normal_distribution<float> noise(0.0f, 0.2f);
    std::vector<float> n(48000);
    for (float& x : n)
        x = std::clamp(noise(rng), -1.0f, 1.0f);
    EXPECT_NEAR(ours(n, 48000), reference(n, 48000), 0.03);
}

TEST(TruePeakMeter, TakePeakStartsAgain) {
    TruePeakMeter m(2, 48000);
    std::vector<float> loud(2 * 4800), quiet(2 * 4800);
    for (int i = 0; i < 4800; ++i) {
        const float s = float(std::sin(2 * std::numbers::pi * 1000 * i / 48000.0));
        loud[2 * i] = loud[2 * i + 1] = 0.5f * s;
        quiet[2 * i] = quiet[2 * i + 1] = 0.1f * s;
    }
    m.add(loud.data(), 4800);
    EXPECT_NEAR(m.takePeak(0), 0.5f, 1e-3);
    m.add(quiet.data(), 4800);
    m.takePeak(1);
    m.add(quiet.data(), 4800);
    EXPECT_NEAR(m.takePeak(1), 0.1f, 1e-3);
    EXPECT_NEAR(m.maxPeak(0), 0.5f, 1e-3);
}
