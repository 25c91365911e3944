#pragma once
// Group commit for the webhooks: each request hands its messages to one writer thread and
// waits; the writer takes everything waiting, delivers it in one transaction (one fsync for
// many questions), and only then answers each request. So a 2xx always means committed, and
// many concurrent webhooks cost one commit instead of one each.
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "service/ChannelMessage.h"
#include "service/Inbox.h"

namespace ds {
class Database;
}

namespace ds::service {

class IntakeQueue {
  public:
    // dbMutex guards db against the service's other users; onCommitted runs after each commit
    // that made a question or a waiting message.
    IntakeQueue(Database& db, std::mutex& dbMutex, std::function<void()> onCommitted);
    ~IntakeQueue();
    IntakeQueue(const IntakeQueue&) = delete;
    IntakeQueue& operator=(const IntakeQueue&) = delete;

    // Throws (through the future) what the commit threw; otherwise one Delivery per message.
    std::future<std::vector<Delivery>> submit(std::vector<ChannelMessage> messages,
                                              std::string actor);

  private:
    struct Job {
        std::vector<ChannelMessage> messages;
        std::string actor;
        std::promise<std::vector<Delivery>> done;
    };
    void run();

    Database& db_;
    std::mutex& dbMutex_;
    std::function<void()> onCommitted_;
    Inbox inbox_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Job> jobs_;
    bool stopping_ = false;
    std::thread worker_;
};

}  // namespace ds::service
