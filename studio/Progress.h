#pragma once
// Progress of long work (report rendering, retention) and its cancellation.
//
// The command line shows progress on stderr once work has run for a moment, and Ctrl-C
// (SIGINT) cancels: check() then throws CancelledError, and the caller's PartFile removes its
// half-written FILE.part so no partial file ever appears under the final name. The control
// room runs the same work on a worker thread: it passes a sink for the figures and calls
// cancel() from the UI thread.
#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "studio/Errors.h"

namespace ds {

// The work was cancelled (SIGINT or cancel()); nothing was written. Exit 1.
class CancelledError : public UserError {
  public:
    using UserError::UserError;
};

class Progress {
  public:
    // phase, fraction done (0..1)
    using Sink = std::function<void(std::string_view phase, double fraction)>;

    // A progress report for `task` on stderr. With `catchSigint`, SIGINT cancels the work for
    // as long as this object lives (the previous handler is restored afterwards).
    explicit Progress(std::string task, bool catchSigint = true);
    // A progress report delivered to `sink` instead of stderr (the control room's worker).
    Progress(std::string task, Sink sink);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    // Any thread: the worker calls these.
    void phase(std::string_view name);
    // Reports `done` of `total` in the current phase; throws CancelledError when cancelled.
    void update(std::size_t done, std::size_t total);
    // Throws CancelledError when cancelled.
    void check() const;
    void finish();

    // Any thread (the UI thread, or a signal handler through the SIGINT hook).
    void cancel() { cancelled_.store(true, std::memory_order_release); }
    bool cancelled() const;

    // A Progress that never prints and never catches signals (tests, small jobs).
    static Progress& silent();

  private:
    void emit(double fraction, bool force);

    std::string task_;
    std::string phase_;
    Sink sink_;
    bool toStderr_ = false;
    bool tty_ = false;
    bool sigint_ = false;
    bool printed_ = false;
    std::atomic<bool> cancelled_{false};
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point lastPrint_{};
};

}  // namespace ds
