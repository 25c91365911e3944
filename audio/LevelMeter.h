#pragma once
// LevelMeter: the meters, off the real-time thread. The disk writer feeds it every block it
// writes (so the meters show exactly what is in the file), and at the end of each window it
// publishes a MeterSnapshot into a latest-value slot that any thread may read.
//
// Per channel: sample peak and RMS in dBFS with peak hold, true peak in dBTP (TruePeakMeter),
// clip counts. Programme loudness per EBU R128 with libebur128: momentary, short-term,
// integrated and loudness range (histogram mode, so a long session costs no more per update
// than a short one).
//
// Besides the latest snapshot, the meter keeps every window published since the last
// takeWindows() (up to kKeptWindows), so the alarms can judge each 100 ms window in order:
// a writer that drains the ring in bursts (a busy machine) publishes several windows between
// two polls, and judging only the latest made an alarm start and end windows away from the
// audio it describes.
//
// Asking libebur128 for the short-term loudness sums its whole 3 s window each time, which
// costs more than metering the audio itself. In real time that is once per 100 ms window and
// cheap; when audio arrives faster than real time (a file source at full speed, a writer
// catching up) the loudness figures are recomputed at most every 50 ms of wall-clock time,
// and always by flush().

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "audio/LatestValue.h"
#include "audio/MeterSettings.h"
#include "audio/MeterSnapshot.h"
#include "audio/TruePeakMeter.h"

namespace ds::audio {

class LevelMeter {
  public:
    LevelMeter(unsigned channels, int sampleRate, MeterSettings settings = {});
    ~LevelMeter();
    LevelMeter(const LevelMeter&) = delete;
    LevelMeter& operator=(const LevelMeter&) = delete;

    // [writer] Meters interleaved frames; publishes a snapshot at each window end.
    void add(const float* interleaved, std::size_t frames);

    // [writer] Publishes the partial window now, with loudness computed afresh (at the end of a
    // recording, or before reading final values).
    void flush();

    // [any] The latest published snapshot.
    MeterSnapshot snapshot() const { return latest_.get(); }

    // [any, one reader] Every window published since the last call, oldest first. Should the
    // reader stay away for more than kKeptWindows windows, the oldest are gone.
    std::vector<MeterSnapshot> takeWindows();

    static constexpr std::size_t kKeptWindows = 256;  // 25.6 s of 100 ms windows

    unsigned channels() const { return channels_; }
    int sampleRate() const { return sampleRate_; }

  private:
    struct Loudness;  // the libebur128 state (its type cannot be forward-declared)
    struct ChannelWindow {
        float peak = 0.0f;
        double sumSquares = 0.0;
        std::uint64_t clipped = 0;
        std::uint64_t clipRuns = 0;
        unsigned run = 0;  // clipped samples in a row so far (carries across windows)
    };

    void meterSpan(const float* interleaved, std::size_t frames);
    void publish(bool forceLoudness);
    // `exact`: momentary and short-term straight from libebur128 (a partial last window);
    // otherwise from the windows' energies below.
    void updateLoudness(bool exact);
    double meanLoudness(std::size_t windows) const;

    unsigned channels_;
    int sampleRate_;
    MeterSettings settings_;
    std::size_t windowFrames_;
    std::size_t framesInWindow_ = 0;
    std::uint64_t position_ = 0;
    std::uint64_t sequence_ = 0;
    bool windowNonZero_ = false;

    std::vector<ChannelWindow> window_;
    std::vector<std::uint64_t> clippedTotal_;
    std::vector<std::uint64_t> clipRunsTotal_;
    // Recent windows, newest last, for the RMS integration and the peak hold.
    std::vector<std::vector<double>> recentSquares_;
    std::vector<std::size_t> recentFrames_;
    std::vector<std::vector<float>> recentPeaks_;
    std::size_t rmsWindows_;
    std::size_t holdWindows_;

    TruePeakMeter truePeak_;
    std::unique_ptr<Loudness> loudness_;
    // The loudness figures as last computed, and when (see publish()).
    double momentary_, shortTerm_, integrated_, range_ = 0.0;
    std::chrono::steady_clock::time_point lastLoudness_{};
    // The K-weighted energy of each of the last 3 s of windows (a ring, next write at
    // windowNext_). Momentary (400 ms) and short-term (3 s) loudness are their means: asking
    // libebur128 for them sums 3.4 s of samples on every update, which was most of the
    // recorder's CPU time while recording live. 0 windows: the windows do not tile 400 ms and
    // 3 s (an odd window length), and libebur128 is asked instead.
    std::vector<double> windowEnergy_;
    std::size_t windowNext_ = 0;
    std::size_t momentaryWindows_ = 0;
    unsigned long windowMs_ = 0;
    LatestValue<MeterSnapshot> latest_;
    // The windows not yet taken: a ring allocated once, so publishing never allocates.
    std::mutex keptMutex_;
    std::vector<MeterSnapshot> kept_;
    std::size_t keptFirst_ = 0;
    std::size_t keptCount_ = 0;
};

}  // namespace ds::audio
