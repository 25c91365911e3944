#include "audio/TruePeakMeter.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace ds::audio {

TruePeakMeter::TruePeakMeter(unsigned channels, int sampleRate)
    : channels_(channels),
      factor_(sampleRate < 96000    ? 4
              : sampleRate < 192000 ? 2
                                    : 1),
      peak_(channels, 0.0f),
      maxPeak_(channels, 0.0f) {
    // A Hann-windowed sinc of factor*kTapsPerPhase+1 taps centred on its middle tap: phase 0
    // lands on the original samples (sinc of whole numbers is zero), phases 1..factor-1 on the
    // points between them. Each phase is normalised to unity gain at DC.
    const int taps = factor_ * kTapsPerPhase + 1;
    const double centre = (taps - 1) / 2.0;
    std::vector<double> h(taps);
    for (int n = 0; n < taps; ++n) {
        const double x = (n - centre) / factor_;
        const double sinc =
            x == 0.0 ? 1.0 : std::sin(std::numbers::pi * x) / (std::numbers::pi * x);
        const double window = 0.5 * (1.0 - std::cos(2.0 * std::numbers::pi * n / (taps - 1)));
        h[n] = sinc * window;
    }
    for (int p = 1; p < factor_; ++p) {
        std::array<float, kTapsPerPhase> phase{};
        double sum = 0.0;
        for (int j = 0; j < kTapsPerPhase; ++j)
            sum += h[p + factor_ * j];
        // Tap p + factor*j multiplies the sample j steps back; store oldest first.
        for (int j = 0; j < kTapsPerPhase; ++j)
            phase[kTapsPerPhase - 1 - j] = static_cast<float>(h[p + factor_ * j] / sum);
        coefficients_.push_back(phase);
    }
    history_.assign(channels, std::vector<float>(kTapsPerPhase - 1 + kChunk + kLane, 0.0f));
    output_.assign(kChunk + kLane, 0.0f);
}

void TruePeakMeter::add(const float* interleaved, std::size_t frames) {
    while (frames > 0) {
        const std::size_t n = std::min(frames, kChunk);
        for (unsigned c = 0; c < channels_; ++c) {
            float* buffer = history_[c].data() + kTapsPerPhase - 1;
            for (std::size_t i = 0; i < n; ++i)
                buffer[i] = interleaved[i * channels_ + c];
            filterChannel(c, n);
        }
        interleaved += n * channels_;
        frames -= n;
    }
}

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define DS_TARGET_CLONES __attribute__((target_clones("arch=x86-64-v3", "default")))
#else
#define DS_TARGET_CLONES
#endif

DS_TARGET_CLONES
void TruePeakMeter::filterChannel(unsigned channel, std::size_t frames) {
    std::vector<float>& history = history_[channel];
    const float* __restrict x = history.data();  // x[m + k], k = 0..taps-1, ends at sample m
    const std::size_t padded = (frames + kLane - 1) / kLane * kLane;
    // Samples past `frames` are stale; the outputs they feed are ignored below.
    float peak = peak_[channel];
    for (std::size_t i = 0; i < frames; ++i)
        peak = std::max(peak, std::fabs(x[kTapsPerPhase - 1 + i]));
    for (const auto& phase : coefficients_) {
        float* __restrict y = output_.data();
        std::fill(y, y + padded, 0.0f);
        for (int k = 0; k < kTapsPerPhase; ++k) {
            const float coefficient = phase[k];
            const float* __restrict xk = x + k;
            // Whole lanes of a fixed length: GCC vectorises these at -O2.
            for (std::size_t m = 0; m < padded; m += kLane) {
                for (std::size_t l = 0; l < kLane; ++l)
                    y[m + l] += coefficient * xk[m + l];
            }
        }
        for (std::size_t m = 0; m < frames; ++m)
            peak = std::max(peak, std::fabs(y[m]));
    }
    peak_[channel] = peak;
    maxPeak_[channel] = std::max(maxPeak_[channel], peak);
    // Keep the newest taps-1 samples as history for the next chunk.
    std::copy(history.begin() + frames, history.begin() + frames + kTapsPerPhase - 1,
              history.begin());
}

float TruePeakMeter::takePeak(unsigned channel) {
    const float p = peak_[channel];
    peak_[channel] = 0.0f;
    return p;
}

}  // namespace ds::audio
