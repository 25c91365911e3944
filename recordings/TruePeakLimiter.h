#pragma once
// TruePeakLimiter: a look-ahead limiter that keeps the true peak (inter-sample peaks included,
// 4x oversampled as BS.1770 measures them) at or under a ceiling, for loudness normalisation.
// Clipping would distort every peak above the ceiling; this turns the gain down smoothly just
// before a peak and back up afterwards, one gain for all channels so the stereo image stays.
//
// How: the true peak is detected in blocks of 32 frames (TruePeakMeter). Each frame's required
// gain r = min(1, ceiling / peak of its block and the next, since the detector's filter reports
// an inter-sample peak a few frames late). The applied gain is the moving average, over the
// look-ahead window W, of the minimum of r over the next W frames, with an exponential release.
// Every frame inside the window of frame n sees r[n], so the average never exceeds r[n]: the
// ceiling holds, and the gain moves as a straight ramp over W frames instead of a step. The
// audio is delayed by the window (latency()); flush() lets the last frames out.
//
// Not thread-safe: one thread feeds it.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <vector>

namespace ds::audio {
class TruePeakMeter;
}

namespace ds::recordings {

class TruePeakLimiter {
  public:
    TruePeakLimiter(unsigned channels, int sampleRate, double ceilingDbtp, double lookaheadMs = 5.0,
                    double releaseMs = 200.0);
    ~TruePeakLimiter();
    TruePeakLimiter(const TruePeakLimiter&) = delete;
    TruePeakLimiter& operator=(const TruePeakLimiter&) = delete;

    // Limits interleaved frames; appends the frames that are ready (delayed) to `out`.
    void process(const float* in, std::size_t frames, std::vector<float>& out);
    // Appends the frames still held back. Call once at the end; output frames == input frames.
    void flush(std::vector<float>& out);

    // The largest gain reduction applied so far, in dB (0 when the limiter never acted).
    double maxReductionDb() const;
    // Frames of audio where the gain was below 1.
    std::uint64_t framesLimited() const { return framesLimited_; }

  private:
    static constexpr std::size_t kBlock = 32;

    void detectBlock(const float* frames, std::size_t count, std::vector<float>& out);
    void releaseBlock(const float* frames, std::size_t count, float peak, std::vector<float>& out);
    void pushFrame(const float* frame, float required, std::vector<float>& out);

    unsigned channels_;
    float ceiling_;  // linear
    std::size_t window_;
    double release_;  // per-frame release coefficient
    std::unique_ptr<audio::TruePeakMeter> detector_;

    std::vector<float> pending_;  // frames waiting for a whole detection block
    std::size_t pendingFrames_ = 0;
    std::vector<float> held_;  // the previous block, waiting for the next block's peak
    std::size_t heldFrames_ = 0;
    float heldPeak_ = 0.0f;
    bool haveHeld_ = false;

    // The gain computer over the stream of frames (W-1 silent frames first, see process()).
    std::uint64_t stream_ = 0;  // frames entered so far
    std::deque<std::pair<std::uint64_t, float>> minimum_;
    std::vector<float> delay_;     // window frames of audio, ring
    std::vector<double> average_;  // the last W smoothed minima, ring
    double sum_ = 0.0;
    double smoothed_ = 1.0;
    float minGain_ = 1.0f;
    std::uint64_t framesLimited_ = 0;
    std::uint64_t realIn_ = 0, realOut_ = 0;
    std::uint64_t leading_ = 0;  // silent frames still to drop from the output
};

}  // namespace ds::recordings
