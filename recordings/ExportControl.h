#pragma once
// ExportControl: what the worker running an export shares with whoever watches it (the UI
// thread once per frame, the command line's progress line, a SIGINT handler): the phase, the
// fraction done and a cancel flag. All lock-free atomics, so cancel() may be called from any
// thread (and is async-signal-safe); the worker checks the flag between blocks of audio.
#include <atomic>

namespace ds::recordings {

class ExportControl {
  public:
    // A file that missed the loudness target or the true-peak ceiling is encoded again: Encoding
    // and Verifying then come round once or twice more, the progress going back with them.
    enum class Phase : int { Waiting, Measuring, Encoding, Verifying, Done };

    // [any]
    void cancel() { cancelled_.store(true, std::memory_order_release); }
    bool cancelled() const { return cancelled_.load(std::memory_order_acquire); }
    double progress() const { return progress_.load(std::memory_order_acquire); }
    Phase phase() const { return phase_.load(std::memory_order_acquire); }
    static const char* phaseName(Phase p) {
        switch (p) {
            case Phase::Waiting:
                return "waiting";
            case Phase::Measuring:
                return "measuring loudness";
            case Phase::Encoding:
                return "encoding";
            case Phase::Verifying:
                return "measuring the result";
            case Phase::Done:
                return "done";
        }
        return "";
    }

    // [worker]
    void setPhase(Phase p) { phase_.store(p, std::memory_order_release); }
    void setProgress(double fraction) { progress_.store(fraction, std::memory_order_release); }
    // Throws ExportCancelled once cancel() was called.
    void check() const;

  private:
    std::atomic<bool> cancelled_{false};
    std::atomic<double> progress_{0.0};
    std::atomic<Phase> phase_{Phase::Waiting};
    static_assert(std::atomic<bool>::is_always_lock_free);
};

}  // namespace ds::recordings
