#include "recordings/ExportJob.h"

#include "recordings/Exporter.h"

namespace ds::recordings {

ExportJob::ExportJob(ExportPlan plan) : plan_(std::move(plan)) {}

ExportJob::~ExportJob() {
    if (thread_.joinable()) {
        control_.cancel();
        thread_.join();
    }
}

void ExportJob::start() {
    thread_ = std::thread([this] {
        std::optional<ExportResult> result;
        std::exception_ptr error;
        try {
            result = Exporter(plan_, control_).run();
        } catch (...) {
            error = std::current_exception();
        }
        std::lock_guard lock(mutex_);
        result_ = std::move(result);
        error_ = error;
        finished_ = true;
        done_.notify_all();
    });
}

bool ExportJob::finished() const {
    std::lock_guard lock(mutex_);
    return finished_;
}

bool ExportJob::waitFor(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    return done_.wait_for(lock, timeout, [this] { return finished_; });
}

ExportResult ExportJob::result() {
    if (thread_.joinable()) thread_.join();
    std::lock_guard lock(mutex_);
    if (error_) std::rethrow_exception(error_);
    return *result_;
}

}  // namespace ds::recordings
