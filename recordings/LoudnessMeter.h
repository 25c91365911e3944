#pragma once
// LoudnessMeter: measures LoudnessFigures over everything added. Integrated loudness and
// loudness range come from libebur128 (histogram mode: constant memory however long the
// programme); true peak from the audio module's TruePeakMeter, which agrees with libebur128's
// within 0.03 dB at several times its speed. Mono is measured as dual mono (as a mono programme
// is heard on two speakers), so a mono file and its stereo copy read the same.
//
// Not thread-safe: one thread adds and reads.
#include <cstddef>
#include <memory>

#include "recordings/LoudnessFigures.h"

namespace ds::recordings {

class LoudnessMeter {
  public:
    // rangeToo: also the loudness range (costs a little more). Throws UserError for channel
    // counts or rates libebur128 refuses.
    LoudnessMeter(unsigned channels, int sampleRate, bool rangeToo = true);
    ~LoudnessMeter();
    LoudnessMeter(const LoudnessMeter&) = delete;
    LoudnessMeter& operator=(const LoudnessMeter&) = delete;

    void add(const float* interleaved, std::size_t frames);
    LoudnessFigures figures() const;
    // Integrated loudness only (cheaper than figures() when the peaks are not needed).
    double integrated() const;

  private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace ds::recordings
