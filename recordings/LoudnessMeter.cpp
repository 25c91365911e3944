#include "recordings/LoudnessMeter.h"

#include <ebur128.h>

#include <algorithm>
#include <vector>

#include "audio/TruePeakMeter.h"
#include "studio/Errors.h"

namespace ds::recordings {

namespace {

struct Ebur128Destroy {
    void operator()(ebur128_state* s) const { ebur128_destroy(&s); }
};

double toDb(double linear) {
    return linear > 0.0 ? 20.0 * std::log10(linear) : -std::numeric_limits<double>::infinity();
}

}  // namespace

struct LoudnessMeter::State {
    std::unique_ptr<ebur128_state, Ebur128Destroy> ebur;
    audio::TruePeakMeter truePeak;
    std::vector<float> samplePeak;
    unsigned channels;
    bool range;

    State(unsigned c, int rate, bool r)
        : truePeak(c, rate), samplePeak(c, 0.0f), channels(c), range(r) {}
};

LoudnessMeter::LoudnessMeter(unsigned channels, int sampleRate, bool rangeToo)
    : state_(std::make_unique<State>(channels, sampleRate, rangeToo)) {
    const int mode = EBUR128_MODE_I | EBUR128_MODE_HISTOGRAM | (rangeToo ? EBUR128_MODE_LRA : 0);
    state_->ebur.reset(ebur128_init(channels, static_cast<unsigned long>(sampleRate), mode));
    if (!state_->ebur)
        throw UserError("cannot measure loudness of " + std::to_string(channels) + " channels at " +
                        std::to_string(sampleRate) + " Hz");
    if (channels == 1) ebur128_set_channel(state_->ebur.get(), 0, EBUR128_DUAL_MONO);
}

LoudnessMeter::~LoudnessMeter() = default;

void LoudnessMeter::add(const float* interleaved, std::size_t frames) {
    if (frames == 0) return;
    ebur128_add_frames_float(state_->ebur.get(), interleaved, frames);
    state_->truePeak.add(interleaved, frames);
    const unsigned n = state_->channels;
    for (unsigned c = 0; c < n; ++c) {
        float peak = state_->samplePeak[c];
        for (std::size_t i = 0; i < frames; ++i)
            peak = std::max(peak, std::fabs(interleaved[i * n + c]));
        state_->samplePeak[c] = peak;
    }
}

double LoudnessMeter::integrated() const {
    double lufs = -HUGE_VAL;
    if (ebur128_loudness_global(state_->ebur.get(), &lufs) != EBUR128_SUCCESS)
        return -std::numeric_limits<double>::infinity();
    return std::isfinite(lufs) ? lufs : -std::numeric_limits<double>::infinity();
}

LoudnessFigures LoudnessMeter::figures() const {
    LoudnessFigures f;
    f.integratedLufs = integrated();
    double lra = 0.0;
    if (state_->range && ebur128_loudness_range(state_->ebur.get(), &lra) == EBUR128_SUCCESS &&
        std::isfinite(lra))
        f.rangeLu = lra;
    float tp = 0.0f, sp = 0.0f;
    for (unsigned c = 0; c < state_->channels; ++c) {
        tp = std::max(tp, state_->truePeak.maxPeak(c));
        sp = std::max(sp, state_->samplePeak[c]);
    }
    f.truePeakDbtp = toDb(tp);
    f.samplePeakDbfs = toDb(sp);
    return f;
}

}  // namespace ds::recordings
