// The true-peak limiter and the loudness meter on synthetic signals: quiet audio passes
// untouched, loud audio (inter-sample peaks included) comes out under the ceiling with every
// frame, and the EBU Tech 3341 sine reads -23 LUFS.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

#include "recordings/LoudnessMeter.h"
#include "recordings/TruePeakLimiter.h"

using namespace ds::recordings;

namespace {

constexpr int kRate = 48000;

std::vector<float> sine(double freq, double amplitude, double seconds, unsigned channels,
                        double phase = 0.0) {
    const auto frames = static_cast<std::size_t>(seconds * kRate);
    std::vector<float> out(frames * channels);
    for (std::size_t n = 0; n < frames; ++n)
        for (unsigned c = 0; c < channels; ++c)
            out[n * channels + c] = static_cast<float>(
                amplitude * std::sin(2 * std::numbers::pi * freq * n / kRate + phase));
    return out;
}

std::vector<float> limit(TruePeakLimiter& l, const std::vector<float>& in, unsigned channels,
                         std::size_t block = 1000) {
    std::vector<float> out;
    for (std::size_t at = 0; at < in.size(); at += block * channels) {
        const std::size_t n = std::min(block, (in.size() - at) / channels);
        l.process(in.data() + at, n, out);
    }
    l.flush(out);
    return out;
}

double truePeakDb(const std::vector<float>& audio, unsigned channels) {
    LoudnessMeter m(channels, kRate, false);
    m.add(audio.data(), audio.size() / channels);
    return m.figures().truePeakDbtp;
}

}  // namespace

TEST(Limiter, QuietAudioPassesUnchangedAndInOrder) {
    const auto in = sine(440.0, 0.25, 1.0, 2);  // -12 dBFS, far under -1 dBTP
    TruePeakLimiter l(2, kRate, -1.0);
    const auto out = limit(l, in, 2, 333);
    ASSERT_EQ(out.size(), in.size());
    for (std::size_t i = 0; i < in.size(); ++i)
        ASSERT_EQ(out[i], in[i]) << "sample " << i;
    EXPECT_EQ(l.maxReductionDb(), 0.0);
    EXPECT_EQ(l.framesLimited(), 0u);
}

TEST(Limiter, LoudSineComesOutUnderTheCeiling) {
    const auto in = sine(1000.0, 2.0, 2.0, 2);  // +6 dBFS
    TruePeakLimiter l(2, kRate, -1.0);
    const auto out = limit(l, in, 2);
    ASSERT_EQ(out.size(), in.size());
    EXPECT_LE(truePeakDb(out, 2), -1.0 + 0.05);
    EXPECT_NEAR(l.maxReductionDb(), 7.0, 0.3);
    // Limiting, not silencing: the steady part sits just under the ceiling.
    float peak = 0.0f;
    for (std::size_t i = out.size() / 2; i < out.size(); ++i)
        peak = std::max(peak, std::fabs(out[i]));
    EXPECT_GT(20.0 * std::log10(peak), -1.6);
}

TEST(Limiter, InterSamplePeaksAreCaught) {
    // A sine at a quarter of the rate, sampled 45 degrees off its crest: every sample reads
    // 0.707 of the true peak, so a sample-peak limiter would let +3 dB through.
    const auto in = sine(kRate / 4.0, 1.2, 1.0, 1, std::numbers::pi / 4);
    float samplePeak = 0.0f;
    for (float v : in)
        samplePeak = std::max(samplePeak, std::fabs(v));
    ASSERT_LT(20.0 * std::log10(samplePeak), -1.0);  // the samples alone are under the ceiling
    ASSERT_GT(truePeakDb(in, 1), 1.0);
    TruePeakLimiter l(1, kRate, -1.0);
    const auto out = limit(l, in, 1);
    EXPECT_LE(truePeakDb(out, 1), -1.0 + 0.1);
}

TEST(Limiter, ShortBurstIsCaughtBeforeItArrives) {
    // Silence, a 2 ms burst at +4 dBFS, silence: look-ahead must lower the gain in time.
    std::vector<float> in(kRate * 2, 0.0f);
    for (int n = 0; n < 96; ++n)
        in[2 * (kRate / 2 + n)] = in[2 * (kRate / 2 + n) + 1] =
            static_cast<float>(1.6 * std::sin(2 * std::numbers::pi * 1000.0 * n / kRate));
    TruePeakLimiter l(2, kRate, -1.0);
    const auto out = limit(l, in, 2, 64);
    ASSERT_EQ(out.size(), in.size());
    EXPECT_LE(truePeakDb(out, 2), -1.0 + 0.05);
    // Away from the burst the audio is untouched (silence stays silence, no pumping noise).
    for (std::size_t i = 0; i < static_cast<std::size_t>(kRate / 4) * 2; ++i)
        ASSERT_EQ(out[i], 0.0f);
}

TEST(LoudnessMeter, EbuSineReadsMinus23Lufs) {
    // EBU Tech 3341 case 1: 1 kHz stereo sine at -23 dBFS reads -23.0 LUFS.
    const double amplitude = std::pow(10.0, -23.0 / 20.0);
    const auto stereo = sine(1000.0, amplitude, 20.0, 2);
    LoudnessMeter m(2, kRate);
    m.add(stereo.data(), stereo.size() / 2);
    EXPECT_NEAR(m.figures().integratedLufs, -23.0, 0.1);
    EXPECT_NEAR(m.figures().truePeakDbtp, -23.0, 0.1);
    // Mono is measured as dual mono, as a mono programme is heard on two speakers.
    const auto mono = sine(1000.0, amplitude, 20.0, 1);
    LoudnessMeter mm(1, kRate);
    mm.add(mono.data(), mono.size());
    EXPECT_NEAR(mm.figures().integratedLufs, -23.0, 0.1);
}

TEST(LoudnessMeter, SilenceHasNoIntegratedLoudness) {
    std::vector<float> silence(kRate * 4, 0.0f);
    LoudnessMeter m(2, kRate);
    m.add(silence.data(), silence.size() / 2);
    EXPECT_FALSE(m.figures().hasIntegrated());
    EXPECT_TRUE(m.figures().toJson()["integrated_lufs"].is_null());
}
