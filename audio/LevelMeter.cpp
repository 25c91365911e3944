#include "audio/LevelMeter.h"

#include <ebur128.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "audio/AudioError.h"
#include "audio/Decibels.h"

namespace ds::audio {

namespace {

double loudnessOrSilence(int error, double value) {
    // libebur128 answers -HUGE_VAL for "too quiet or too short"; keep that as -infinity.
    return error == EBUR128_SUCCESS && std::isfinite(value) ? value : kMinusInfinityDb;
}

}  // namespace

struct LevelMeter::Loudness {
    struct Deleter {
        void operator()(ebur128_state* state) const { ebur128_destroy(&state); }
    };
    std::unique_ptr<ebur128_state, Deleter> state;
};

LevelMeter::LevelMeter(unsigned channels, int sampleRate, MeterSettings settings)
    : channels_(channels),
      sampleRate_(sampleRate),
      settings_(settings),
      windowFrames_(std::max<std::size_t>(1, std::lround(settings.windowSeconds * sampleRate))),
      window_(channels),
      clippedTotal_(channels, 0),
      clipRunsTotal_(channels, 0),
      recentSquares_(channels),
      recentPeaks_(channels),
      rmsWindows_(
          std::max<std::size_t>(1, std::lround(settings.rmsSeconds / settings.windowSeconds))),
      holdWindows_(
          std::max<std::size_t>(1, std::lround(settings.peakHoldSeconds / settings.windowSeconds))),
      truePeak_(channels, sampleRate),
      momentary_(kMinusInfinityDb),
      shortTerm_(kMinusInfinityDb),
      integrated_(kMinusInfinityDb),
      kept_(kKeptWindows) {
    if (channels == 0 || channels > CaptureCounters::kMaxChannels)
        throw AudioError("level meter: unsupported channel count " + std::to_string(channels));
    if (settings_.loudness) {
        const int mode = EBUR128_MODE_M | EBUR128_MODE_S | EBUR128_MODE_I | EBUR128_MODE_LRA |
                         EBUR128_MODE_HISTOGRAM;
        loudness_ = std::make_unique<Loudness>();
        loudness_->state.reset(
            ebur128_init(channels, static_cast<unsigned long>(sampleRate), mode));
        if (!loudness_->state) throw AudioError("level meter: libebur128 could not be initialised");
        // A mono programme is heard on both loudspeakers: count it twice, as BS.1770 does for
        // a dual-mono signal, so mono and stereo recordings of the same voice read alike.
        if (channels == 1) ebur128_set_channel(loudness_->state.get(), 0, EBUR128_DUAL_MONO);
        const std::size_t rate = static_cast<std::size_t>(sampleRate);
        if ((rate * 4) % (windowFrames_ * 10) == 0 && (rate * 3) % windowFrames_ == 0 &&
            (windowFrames_ * 1000) % rate == 0) {
            momentaryWindows_ = rate * 4 / (windowFrames_ * 10);
            windowEnergy_.assign(rate * 3 / windowFrames_, 0.0);
            windowMs_ = static_cast<unsigned long>(windowFrames_ * 1000 / rate);
        }
    }
    MeterSnapshot empty;
    empty.channels = channels_;
    empty.sampleRate = sampleRate_;
    latest_.publish(empty);
}

LevelMeter::~LevelMeter() = default;

void LevelMeter::add(const float* interleaved, std::size_t frames) {
    while (frames > 0) {
        const std::size_t n = std::min(frames, windowFrames_ - framesInWindow_);
        meterSpan(interleaved, n);
        truePeak_.add(interleaved, n);
        if (loudness_) ebur128_add_frames_float(loudness_->state.get(), interleaved, n);
        framesInWindow_ += n;
        position_ += n;
        interleaved += n * channels_;
        frames -= n;
        if (framesInWindow_ == windowFrames_) publish(false);
    }
}

void LevelMeter::flush() {
    if (framesInWindow_ > 0) {
        publish(true);
        return;
    }
    updateLoudness(true);
    MeterSnapshot s = latest_.get();
    s.momentaryLufs = momentary_;
    s.shortTermLufs = shortTerm_;
    s.integratedLufs = integrated_;
    s.loudnessRangeLu = range_;
    latest_.publish(s);
}

void LevelMeter::updateLoudness(bool exact) {
    if (!loudness_) return;
    ebur128_state* st = loudness_->state.get();
    double v = 0.0;
    int e = EBUR128_SUCCESS;
    if (exact || windowEnergy_.empty()) {
        e = ebur128_loudness_momentary(st, &v);
        momentary_ = loudnessOrSilence(e, v);
        e = ebur128_loudness_shortterm(st, &v);
        shortTerm_ = loudnessOrSilence(e, v);
    } else {
        momentary_ = meanLoudness(momentaryWindows_);
        shortTerm_ = meanLoudness(windowEnergy_.size());
    }
    e = ebur128_loudness_global(st, &v);
    integrated_ = loudnessOrSilence(e, v);
    e = ebur128_loudness_range(st, &v);
    range_ = e == EBUR128_SUCCESS && std::isfinite(v) ? v : 0.0;
    lastLoudness_ = std::chrono::steady_clock::now();
}

double LevelMeter::meanLoudness(std::size_t windows) const {
    const std::size_t n = windowEnergy_.size();
    double sum = 0.0;
    for (std::size_t i = 1; i <= windows; ++i)
        sum += windowEnergy_[(windowNext_ + n - i) % n];
    // BS.1770: loudness = -0.691 + 10 log10(mean K-weighted energy), as libebur128 computes it.
    return sum > 0.0 ? -0.691 + 10.0 * std::log10(sum / double(windows)) : kMinusInfinityDb;
}

void LevelMeter::meterSpan(const float* interleaved, std::size_t frames) {
    const float clipLevel = settings_.clipLevel;
    for (unsigned c = 0; c < channels_; ++c) {
        ChannelWindow& w = window_[c];
        float peak = w.peak;
        double sum = 0.0;
        bool nonZero = false;
        for (std::size_t i = 0; i < frames; ++i) {
            const float x = interleaved[i * channels_ + c];
            const float a = std::fabs(x);
            peak = std::max(peak, a);
            sum += double(x) * x;
            nonZero |= x != 0.0f;
            if (a >= clipLevel) {
                ++w.clipped;
                if (++w.run == settings_.clipRunLength) ++w.clipRuns;
            } else {
                w.run = 0;
            }
        }
        w.peak = peak;
        w.sumSquares += sum;
        windowNonZero_ |= nonZero;
    }
}

void LevelMeter::publish(bool forceLoudness) {
    MeterSnapshot s;
    s.channels = channels_;
    s.sampleRate = sampleRate_;
    s.framePosition = position_;
    s.sequence = ++sequence_;
    s.digitalSilence = !windowNonZero_;

    recentFrames_.push_back(framesInWindow_);
    if (recentFrames_.size() > rmsWindows_) recentFrames_.erase(recentFrames_.begin());
    std::size_t rmsFrames = 0;
    for (std::size_t f : recentFrames_)
        rmsFrames += f;

    for (unsigned c = 0; c < channels_; ++c) {
        ChannelWindow& w = window_[c];
        ChannelLevels& out = s.channel[c];

        auto& squares = recentSquares_[c];
        squares.push_back(w.sumSquares);
        if (squares.size() > rmsWindows_) squares.erase(squares.begin());
        double sum = 0.0;
        for (double v : squares)
            sum += v;

        auto& peaks = recentPeaks_[c];
        peaks.push_back(w.peak);
        if (peaks.size() > holdWindows_) peaks.erase(peaks.begin());

        clippedTotal_[c] += w.clipped;
        clipRunsTotal_[c] += w.clipRuns;

        out.peakDbfs = amplitudeToDb(w.peak);
        out.peakHoldDbfs = amplitudeToDb(*std::max_element(peaks.begin(), peaks.end()));
        out.rmsDbfs = powerToDb(rmsFrames > 0 ? sum / double(rmsFrames) : 0.0);
        out.truePeakDbtp = amplitudeToDb(truePeak_.takePeak(c));
        out.maxTruePeakDbtp = amplitudeToDb(truePeak_.maxPeak(c));
        out.clippedSamples = clippedTotal_[c];
        out.clipRuns = clipRunsTotal_[c];

        const unsigned run = w.run;  // a clip run may continue into the next window
        w = ChannelWindow{};
        w.run = run;
    }

    const bool fullWindow = framesInWindow_ == windowFrames_;
    if (loudness_ && fullWindow && !windowEnergy_.empty()) {
        // Every window's energy, even when the figures below are not updated this time.
        double lufs = 0.0;
        const int e = ebur128_loudness_window(loudness_->state.get(), windowMs_, &lufs);
        windowEnergy_[windowNext_] = e == EBUR128_SUCCESS && std::isfinite(lufs)
                                         ? std::pow(10.0, (lufs + 0.691) / 10.0)
                                         : 0.0;
        windowNext_ = (windowNext_ + 1) % windowEnergy_.size();
    }
    if (forceLoudness ||
        std::chrono::steady_clock::now() - lastLoudness_ >= std::chrono::milliseconds(50))
        updateLoudness(!fullWindow);
    s.momentaryLufs = momentary_;
    s.shortTermLufs = shortTerm_;
    s.integratedLufs = integrated_;
    s.loudnessRangeLu = range_;

    framesInWindow_ = 0;
    windowNonZero_ = false;
    latest_.publish(s);

    std::lock_guard lock(keptMutex_);
    if (keptCount_ == kKeptWindows) {
        keptFirst_ = (keptFirst_ + 1) % kKeptWindows;  // nobody took them: drop the oldest
        --keptCount_;
    }
    kept_[(keptFirst_ + keptCount_) % kKeptWindows] = s;
    ++keptCount_;
}

std::vector<MeterSnapshot> LevelMeter::takeWindows() {
    std::vector<MeterSnapshot> out;
    std::lock_guard lock(keptMutex_);
    out.reserve(keptCount_);
    for (std::size_t i = 0; i < keptCount_; ++i)
        out.push_back(kept_[(keptFirst_ + i) % kKeptWindows]);
    keptFirst_ = 0;
    keptCount_ = 0;
    return out;
}

}  // namespace ds::audio
