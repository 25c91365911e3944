#pragma once
// Live updates for the seats' pages (Server-Sent Events). Whoever changes the record publishes
// the two views once (the guests' and the screeners'); each open stream waits here and sends
// its role's latest view. Revoking a seat closes that seat's streams at once.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "service/Seat.h"

namespace ds::service {

class EventHub {
  public:
    struct Stream {
        std::int64_t seatId = 0;
        SeatRole role = SeatRole::Guest;
        std::uint64_t sent = 0;  // version last sent
        bool closed = false;
    };

    enum class Wait { Update, Timeout, Closed };

    std::shared_ptr<Stream> open(std::int64_t seatId, SeatRole role);
    void close(const std::shared_ptr<Stream>& stream);
    // Waits until a newer view than the stream last sent exists (Update: data holds it), the
    // timeout passes (send a keep-alive), or the stream is closed.
    Wait next(Stream& stream, std::chrono::milliseconds timeout, std::string& data);

    void publish(std::string guestView, std::string screenerView);
    void closeSeat(std::int64_t seatId);
    void closeAll();
    std::size_t openStreams();

  private:
    std::mutex mutex_;
    std::condition_variable changed_;
    std::uint64_t version_ = 0;
    std::string guest_, screener_;
    std::vector<std::weak_ptr<Stream>> streams_;
    bool closing_ = false;
};

}  // namespace ds::service
