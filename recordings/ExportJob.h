#pragma once
// ExportJob: one export on its own worker thread, for the control room (which must never wait
// on encoding) and for the command line (whose main thread prints progress and turns SIGINT
// into cancel()). The owner starts it, polls progress()/phase() as often as it likes, may
// cancel() from any thread, and collects result() once finished() (which rethrows the error,
// ExportCancelled after a cancel).
//
// Threads: [owner] is the thread that made the job; [any] is any thread.
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

#include "recordings/ExportControl.h"
#include "recordings/ExportPlan.h"

namespace ds::recordings {

class ExportJob {
  public:
    explicit ExportJob(ExportPlan plan);
    ~ExportJob();  // cancels and joins a job still running
    ExportJob(const ExportJob&) = delete;
    ExportJob& operator=(const ExportJob&) = delete;

    void start();                                                    // [owner]
    void cancel() { control_.cancel(); }                             // [any]
    double progress() const { return control_.progress(); }          // [any]
    ExportControl::Phase phase() const { return control_.phase(); }  // [any]
    bool finished() const;                                           // [any]
    // Waits up to `timeout` for the job to finish; true when it has.  [owner]
    bool waitFor(std::chrono::milliseconds timeout);
    // Joins, then returns the result or rethrows the job's error.  [owner]
    ExportResult result();

  private:
    ExportPlan plan_;
    ExportControl control_;
    std::thread thread_;
    mutable std::mutex mutex_;
    std::condition_variable done_;
    bool finished_ = false;
    std::optional<ExportResult> result_;
    std::exception_ptr error_;
};

}  // namespace ds::recordings
