#include "service/IntakeQueue.h"

#include "studio/Database.h"
#include "studio/Transaction.h"

namespace ds::service {

namespace {
// Enough to reach thousands of questions a second with one fsync each batch, small enough that
// the first request in a batch does not wait long for the last.
constexpr std::size_t kMaxBatchMessages = 512;
}  // namespace

IntakeQueue::IntakeQueue(Database& db, std::mutex& dbMutex, std::function<void()> onCommitted)
    : db_(db), dbMutex_(dbMutex), onCommitted_(std::move(onCommitted)), inbox_(db) {
    worker_ = std::thread([this] { run(); });
}

IntakeQueue::~IntakeQueue() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    worker_.join();
}

std::future<std::vector<Delivery>> IntakeQueue::submit(std::vector<ChannelMessage> messages,
                                                       std::string actor) {
    Job job{std::move(messages), std::move(actor), {}};
    auto future = job.done.get_future();
    {
        std::lock_guard lock(mutex_);
        if (stopping_) throw std::runtime_error("the service is stopping");
        jobs_.push_back(std::move(job));
    }
    wake_.notify_one();
    return future;
}

void IntakeQueue::run() {
    for (;;) {
        std::vector<Job> batch;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
            if (jobs_.empty()) return;  // stopping, and every job answered
            std::size_t messages = 0;
            while (!jobs_.empty() && (batch.empty() || messages < kMaxBatchMessages)) {
                messages += jobs_.front().messages.size();
                batch.push_back(std::move(jobs_.front()));
                jobs_.pop_front();
            }
        }
        std::vector<std::vector<Delivery>> results(batch.size());
        bool changed = false;
        try {
            std::lock_guard dbLock(dbMutex_);
            Transaction tx(db_);
            for (std::size_t i = 0; i < batch.size(); ++i) {
                results[i] = inbox_.deliver(batch[i].messages, batch[i].actor);
                for (const Delivery& d : results[i])
                    changed |= d.outcome == DeliveryOutcome::Question ||
                               d.outcome == DeliveryOutcome::Waiting;
            }
            tx.commit();
        } catch (...) {
            for (Job& job : batch)
                job.done.set_exception(std::current_exception());
            continue;
        }
        // Answered only now: the commit is on disk.
        for (std::size_t i = 0; i < batch.size(); ++i)
            batch[i].done.set_value(std::move(results[i]));
        if (changed && onCommitted_) onCommitted_();
    }
}

}  // namespace ds::service
