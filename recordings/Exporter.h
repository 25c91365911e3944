#pragma once
// Exporter: runs one ExportPlan on the calling thread (ExportJob puts it on a worker).
//
//   measure    the range's loudness (libebur128 + true peak), when a loudness target is set
//   encode     read, fade, gain, limit (a true-peak limiter held a codec-sized margin under
//              the ceiling), encode into OUTPUT.part
//   verify     decode OUTPUT.part and measure it: the "after" figures are the file's own. If
//              the file is more than 0.2 LU off the target (the limiter and lossy codecs take
//              some loudness off) or its true peak is over the ceiling (codecs ring over the
//              limiter), encode again with the gain and the limiter's ceiling corrected by what
//              the file measured; at most three encodes
//   commit     rename OUTPUT.part to OUTPUT
//
// Sources are only ever opened for reading. Any failure or cancel removes OUTPUT.part; an
// existing OUTPUT is left as it was.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "recordings/ExportControl.h"
#include "recordings/ExportPlan.h"
#include "recordings/ProgrammeReader.h"

namespace ds::recordings {

class Exporter {
  public:
    Exporter(ExportPlan plan, ExportControl& control);

    // Throws UserError (ExportCancelled when cancelled) with nothing left behind.
    ExportResult run();

    // Checks what can be checked before any work: sources readable, range inside the audio,
    // output name and folder. Throws UserError. run() calls it too.
    void check();

  private:
    std::string leadInTitle() const;
    template <typename Sink>
    void pass(double from, double to, Sink&& sink);
    void applyFades(float* frames, std::size_t count, std::int64_t offset) const;
    void normaliseAndEncode(const LoudnessFigures& before, ExportResult& r);
    void encode(double gainDb, double ceilingDbtp, bool normalise, double from, double to);
    LoudnessFigures verify(double from, double to);

    ExportPlan plan_;
    ExportControl& control_;
    std::unique_ptr<ProgrammeReader> reader_;
    std::int64_t start_ = 0;
    std::int64_t frames_ = 0;
    std::int64_t fadeIn_ = 0, fadeOut_ = 0;
    std::vector<Chapter> chapters_;
    std::vector<float> buffer_;
    std::vector<float> limited_;
    std::filesystem::path part_;
    double limiterReductionDb_ = 0.0;
    int outputRate_ = 0;
    int outputChannels_ = 0;
};

}  // namespace ds::recordings
