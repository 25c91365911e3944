#include "service/EventHub.h"

#include <algorithm>

namespace ds::service {

std::shared_ptr<EventHub::Stream> EventHub::open(std::int64_t seatId, SeatRole role) {
    auto s = std::make_shared<Stream>();
    s->seatId = seatId;
    s->role = role;
    std::lock_guard lock(mutex_);
    s->closed = closing_;
    std::erase_if(streams_, [](const std::weak_ptr<Stream>& w) { return w.expired(); });
    streams_.push_back(s);
    return s;
}

void EventHub::close(const std::shared_ptr<Stream>& stream) {
    std::lock_guard lock(mutex_);
    stream->closed = true;
    std::erase_if(streams_, [&](const std::weak_ptr<Stream>& w) {
        auto p = w.lock();
        return !p || p == stream;
    });
}

EventHub::Wait EventHub::next(Stream& stream, std::chrono::milliseconds timeout,
                              std::string& data) {
    std::unique_lock lock(mutex_);
    const bool woke = changed_.wait_for(
        lock, timeout, [&] { return stream.closed || (version_ > stream.sent && version_ > 0); });
    if (stream.closed) return Wait::Closed;
    if (!woke) return Wait::Timeout;
    stream.sent = version_;
    data = stream.role == SeatRole::Screener ? screener_ : guest_;
    return Wait::Update;
}

void EventHub::publish(std::string guestView, std::string screenerView) {
    {
        std::lock_guard lock(mutex_);
        guest_ = std::move(guestView);
        screener_ = std::move(screenerView);
        ++version_;
    }
    changed_.notify_all();
}

void EventHub::closeSeat(std::int64_t seatId) {
    {
        std::lock_guard lock(mutex_);
        for (auto& w : streams_)
            if (auto s = w.lock(); s && s->seatId == seatId) s->closed = true;
    }
    changed_.notify_all();
}

void EventHub::closeAll() {
    {
        std::lock_guard lock(mutex_);
        closing_ = true;
        for (auto& w : streams_)
            if (auto s = w.lock()) s->closed = true;
    }
    changed_.notify_all();
}

std::size_t EventHub::openStreams() {
    std::lock_guard lock(mutex_);
    return static_cast<std::size_t>(std::count_if(streams_.begin(), streams_.end(),
                                                  [](const auto& w) { return !w.expired(); }));
}

}  // namespace ds::service
