#include "recordings/TruePeakLimiter.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "audio/TruePeakMeter.h"

namespace ds::recordings {

TruePeakLimiter::TruePeakLimiter(unsigned channels, int sampleRate, double ceilingDbtp,
                                 double lookaheadMs, double releaseMs)
    : channels_(channels),
      ceiling_(static_cast<float>(std::pow(10.0, ceilingDbtp / 20.0))),
      window_(std::max<std::size_t>(
          2 * kBlock, static_cast<std::size_t>(std::lround(lookaheadMs * sampleRate / 1000.0)))),
      release_(std::exp(-1.0 / std::max(1.0, releaseMs * sampleRate / 1000.0))),
      detector_(std::make_unique<audio::TruePeakMeter>(channels, sampleRate)),
      pending_(kBlock * channels, 0.0f),
      held_(kBlock * channels, 0.0f),
      delay_(window_ * channels, 0.0f),
      average_(window_, 1.0),
      sum_(static_cast<double>(window_)) {
    // W-1 silent frames at unity gain go first, so the first real frame already has a whole
    // window of smoothed minima behind it; their output is dropped (leading_).
    const std::vector<float> silence(channels, 0.0f);
    std::vector<float> none;
    for (std::size_t i = 0; i + 1 < window_; ++i)
        pushFrame(silence.data(), 1.0f, none);
    leading_ = window_ - 1;
}

TruePeakLimiter::~TruePeakLimiter() = default;

void TruePeakLimiter::process(const float* in, std::size_t frames, std::vector<float>& out) {
    realIn_ += frames;
    while (frames > 0) {
        const std::size_t n = std::min(frames, kBlock - pendingFrames_);
        std::copy(in, in + n * channels_, pending_.data() + pendingFrames_ * channels_);
        pendingFrames_ += n;
        in += n * channels_;
        frames -= n;
        if (pendingFrames_ == kBlock) {
            detectBlock(pending_.data(), kBlock, out);
            pendingFrames_ = 0;
        }
    }
}

void TruePeakLimiter::flush(std::vector<float>& out) {
    if (pendingFrames_ > 0) {
        detectBlock(pending_.data(), pendingFrames_, out);
        pendingFrames_ = 0;
    }
    // Silence after the end lets the detector see the last inter-sample peaks and releases
    // the last real block; then silent frames push the delayed audio out.
    const std::vector<float> silence(kBlock * channels_, 0.0f);
    detectBlock(silence.data(), kBlock, out);
    detectBlock(silence.data(), kBlock, out);
    while (realOut_ < realIn_)
        pushFrame(silence.data(), 1.0f, out);
}

void TruePeakLimiter::detectBlock(const float* frames, std::size_t count, std::vector<float>& out) {
    detector_->add(frames, count);
    float peak = 0.0f;
    for (unsigned c = 0; c < channels_; ++c)
        peak = std::max(peak, detector_->takePeak(c));
    if (haveHeld_) releaseBlock(held_.data(), heldFrames_, std::max(heldPeak_, peak), out);
    std::copy(frames, frames + count * channels_, held_.data());
    heldFrames_ = count;
    heldPeak_ = peak;
    haveHeld_ = true;
}

void TruePeakLimiter::releaseBlock(const float* frames, std::size_t count, float peak,
                                   std::vector<float>& out) {
    const float required = peak > ceiling_ ? ceiling_ / peak : 1.0f;
    for (std::size_t i = 0; i < count; ++i)
        pushFrame(frames + i * channels_, required, out);
}

void TruePeakLimiter::pushFrame(const float* frame, float required, std::vector<float>& out) {
    const std::uint64_t j = stream_++;
    while (!minimum_.empty() && minimum_.back().second >= required)
        minimum_.pop_back();
    minimum_.emplace_back(j, required);
    std::copy(frame, frame + channels_, delay_.data() + (j % window_) * channels_);
    if (j + 1 < window_) return;

    // Frame n leaves now: its gain needs the required gains up to n + W - 1 = j.
    const std::uint64_t n = j + 1 - window_;
    while (minimum_.front().first < n)
        minimum_.pop_front();
    smoothed_ = std::min<double>(minimum_.front().second, 1.0 - (1.0 - smoothed_) * release_);
    const std::size_t slot = n % window_;
    sum_ += smoothed_ - average_[slot];
    average_[slot] = smoothed_;
    // Re-add from scratch once a window, so rounding cannot creep up over hours.
    if (slot == window_ - 1) sum_ = std::accumulate(average_.begin(), average_.end(), 0.0);
    const float gain = static_cast<float>(sum_ / static_cast<double>(window_));

    if (leading_ > 0) {
        --leading_;
        return;
    }
    if (realOut_ >= realIn_) return;  // silence after the end
    ++realOut_;
    const float* src = delay_.data() + slot * channels_;
    for (unsigned c = 0; c < channels_; ++c)
        out.push_back(src[c] * gain);
    if (gain < 0.99999f) {
        ++framesLimited_;
        minGain_ = std::min(minGain_, gain);
    }
}

double TruePeakLimiter::maxReductionDb() const {
    return minGain_ < 1.0f ? -20.0 * std::log10(static_cast<double>(minGain_)) : 0.0;
}

}  // namespace ds::recordings
