#pragma once
// What the seats' pages receive, built from the record: the guests' view (no personal data:
// only the short name and area a guest may read out) and the screeners' view (the live
// session's incoming list with contacts, and the waiting inbox).
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "studio/Time.h"

namespace ds {
class Database;
}

namespace ds::service {

class StudioView {
  public:
    explicit StudioView(Database& db) : db_(db) {}

    nlohmann::json guest(TimePoint at);
    nlohmann::json screener(TimePoint at);
    // The caller's earlier questions (same phone number or e-mail), for a screener.
    nlohmann::json earlier(std::int64_t questionId);

    // The producer's one-line message to the guests.
    std::string guestMessage();
    void setGuestMessage(const std::string& text, const std::string& actor);

  private:
    nlohmann::json sessionPart(std::optional<std::int64_t> sessionId, TimePoint at);
    Database& db_;
};

}  // namespace ds::service
