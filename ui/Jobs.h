#pragma once
// Background work for the frame loop, which never waits: exports, encodes and reports run on a
// worker thread with progress and cancel, and everything that comes back to the windows (job
// progress, finished jobs, snapshots, command outcomes) is posted to a UiQueue of closures that
// the frame loop drains once per frame. As in Tracy: threads post closures, the frame runs them.
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace ds::ui {

// Closures for the frame loop. post() from any thread; drain() on the frame loop only.
class UiQueue {
  public:
    // `wake` is called after each post (the frame loop passes glfwPostEmptyEvent).
    explicit UiQueue(std::function<void()> wake = {}) : wake_(std::move(wake)) {}

    void post(std::function<void()> fn);       // [any thread]
    int drain();                               // [frame loop] runs what is queued; returns how many
    void setWake(std::function<void()> wake);  // [frame loop, before other threads start]

  private:
    std::mutex mutex_;
    std::vector<std::function<void()>> items_;
    std::function<void()> wake_;
};

// What a running job sees: report progress, check for cancel.
class JobProgress {
  public:
    void set(float fraction, std::string stage = {});  // [job thread] 0..1
    bool cancelled() const { return cancel_.load(std::memory_order_acquire); }

    float fraction() const { return fraction_.load(std::memory_order_acquire); }  // [any]
    std::string stage() const;                                                    // [any]
    void cancel() { cancel_.store(true, std::memory_order_release); }             // [any]

  private:
    std::atomic<float> fraction_{0.0f};
    std::atomic<bool> cancel_{false};
    mutable std::mutex stageMutex_;
    std::string stage_;
};

// What the frame loop shows of a job.
struct JobInfo {
    int id = 0;
    std::string title;
    float fraction = 0.0f;
    std::string stage;
    enum class State { Queued, Running, Done, Failed, Cancelled } state = State::Queued;
    std::string result;  // the file written, or the error
};

// One worker thread running jobs in order. Results come back through the UiQueue.
class JobRunner {
  public:
    using Work = std::function<std::string(JobProgress&)>;  // returns the result line; throws

    explicit JobRunner(UiQueue& ui);
    ~JobRunner();  // cancels what is running, drops what is queued, joins
    JobRunner(const JobRunner&) = delete;
    JobRunner& operator=(const JobRunner&) = delete;

    int submit(std::string title, Work work);  // [frame loop] returns the job id
    void cancel(int id);                       // [frame loop]
    // [frame loop] Jobs with their latest progress; finished ones stay listed for a while.
    std::vector<JobInfo> jobs() const;
    bool busy() const;  // [frame loop] something is queued or running

  private:
    struct Job {
        JobInfo info;
        Work work;
        std::shared_ptr<JobProgress> progress = std::make_shared<JobProgress>();
    };
    void run(std::stop_token stop);

    UiQueue& ui_;
    mutable std::mutex mutex_;
    std::condition_variable_any cv_;
    std::deque<std::shared_ptr<Job>> queue_;
    std::vector<std::shared_ptr<Job>> all_;
    std::shared_ptr<Job> running_;
    int nextId_ = 1;
    std::jthread thread_;  // last: stopped and joined before the rest goes
};

}  // namespace ds::ui
