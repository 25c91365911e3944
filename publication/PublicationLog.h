#pragma once
// Where each release went out (publication_log): one row per channel, keyed so that a retry
// finds the row of the first attempt instead of making a second post. An automatic post
// (WordPress) is written as "started" with its slug before the request and "published" with
// its URL after; channels served by hand (social media, mass media) are recorded with the link
// and time the officer gives.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "studio/Time.h"

namespace ds {
class Database;
}

namespace ds::publication {

enum class Channel { Website, Social, MassMedia };
std::string_view channelCode(Channel c);
// Throws UserError naming the accepted codes.
Channel requireChannel(const std::string& code);

struct PublicationEntry {
    std::int64_t id = 0;
    std::optional<std::int64_t> releaseId;
    std::optional<std::int64_t> coverageId;
    Channel channel = Channel::Website;
    std::string key;
    bool published = false;
    bool byHand = false;
    std::string url;
    std::string remoteId;  // the WordPress post id; the slug while started
    std::string actor;
    TimePoint startedAt{};
    std::optional<TimePoint> publishedAt;
    nlohmann::json toJson() const;
};

class PublicationLog {
  public:
    explicit PublicationLog(ds::Database& db) : db_(db) {}

    // The row of `key`, if any.
    std::optional<PublicationEntry> find(const std::string& key);
    // Inserts a "started" row (inside the caller's transaction).
    PublicationEntry start(const PublicationEntry& e);
    // Marks the row published with its URL (inside the caller's transaction).
    PublicationEntry finish(std::int64_t id, const std::string& url, const std::string& remoteId,
                            TimePoint at);
    // One published row at once, for channels served by hand.
    PublicationEntry record(const PublicationEntry& e);
    std::vector<PublicationEntry> forRelease(std::int64_t releaseId);
    std::vector<PublicationEntry> forCoverage(std::int64_t coverageId);

  private:
    std::vector<PublicationEntry> query(const char* where, std::int64_t id);
    ds::Database& db_;
};

}  // namespace ds::publication
