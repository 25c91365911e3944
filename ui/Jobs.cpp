#include "ui/Jobs.h"

#include <exception>

namespace ds::ui {

// --- UiQueue ---

void UiQueue::post(std::function<void()> fn) {
    std::function<void()> wake;
    {
        std::lock_guard lock(mutex_);
        items_.push_back(std::move(fn));
        wake = wake_;
    }
    if (wake) wake();
}

int UiQueue::drain() {
    std::vector<std::function<void()>> items;
    {
        std::lock_guard lock(mutex_);
        items.swap(items_);
    }
    for (auto& fn : items)
        fn();
    return static_cast<int>(items.size());
}

void UiQueue::setWake(std::function<void()> wake) {
    std::lock_guard lock(mutex_);
    wake_ = std::move(wake);
}

// --- JobProgress ---

void JobProgress::set(float fraction, std::string stage) {
    fraction_.store(fraction < 0 ? 0 : fraction > 1 ? 1 : fraction, std::memory_order_release);
    if (!stage.empty()) {
        std::lock_guard lock(stageMutex_);
        stage_ = std::move(stage);
    }
}

std::string JobProgress::stage() const {
    std::lock_guard lock(stageMutex_);
    return stage_;
}

// --- JobRunner ---

JobRunner::JobRunner(UiQueue& ui) : ui_(ui), thread_([this](std::stop_token stop) { run(stop); }) {}

JobRunner::~JobRunner() {
    {
        std::lock_guard lock(mutex_);
        if (running_) running_->progress->cancel();
        queue_.clear();
    }
    // The jthread then asks the loop to stop and joins it.
}

int JobRunner::submit(std::string title, Work work) {
    auto job = std::make_shared<Job>();
    {
        std::lock_guard lock(mutex_);
        job->info.id = nextId_++;
        job->info.title = std::move(title);
        job->work = std::move(work);
        queue_.push_back(job);
        all_.push_back(job);
    }
    cv_.notify_one();
    return job->info.id;
}

void JobRunner::cancel(int id) {
    std::lock_guard lock(mutex_);
    for (auto it = queue_.begin(); it != queue_.end(); ++it) {
        if ((*it)->info.id == id) {
            (*it)->info.state = JobInfo::State::Cancelled;
            queue_.erase(it);
            return;
        }
    }
    if (running_ && running_->info.id == id) running_->progress->cancel();
}

std::vector<JobInfo> JobRunner::jobs() const {
    std::lock_guard lock(mutex_);
    std::vector<JobInfo> out;
    for (const auto& job : all_) {
        JobInfo info = job->info;
        if (info.state == JobInfo::State::Running) {
            info.fraction = job->progress->fraction();
            info.stage = job->progress->stage();
        }
        out.push_back(std::move(info));
    }
    return out;
}

bool JobRunner::busy() const {
    std::lock_guard lock(mutex_);
    return running_ || !queue_.empty();
}

void JobRunner::run(std::stop_token stop) {
    for (;;) {
        std::shared_ptr<Job> job;
        {
            std::unique_lock lock(mutex_);
            cv_.wait(lock, stop, [this] { return !queue_.empty(); });
            if (stop.stop_requested()) return;
            job = queue_.front();
            queue_.pop_front();
            job->info.state = JobInfo::State::Running;
            running_ = job;
        }
        JobInfo::State state = JobInfo::State::Done;
        std::string result;
        try {
            result = job->work(*job->progress);
            if (job->progress->cancelled()) state = JobInfo::State::Cancelled;
        } catch (const std::exception& e) {
            state = job->progress->cancelled() ? JobInfo::State::Cancelled : JobInfo::State::Failed;
            result = e.what();
        }
        {
            std::lock_guard lock(mutex_);
            job->info.state = state;
            job->info.result = result;
            job->info.fraction = state == JobInfo::State::Done ? 1.0f : job->progress->fraction();
            running_.reset();
        }
        ui_.post([] {});  // wake the frame loop so the finished job shows at once
    }
}

}  // namespace ds::ui
