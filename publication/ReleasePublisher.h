#pragma once
// Puts a release out on its channels once the Kabag has approved it (SOP 001 step 5).
// WordPress: the featured photo and the audio clip are uploaded as media, then one post with
// its featured_media; a retry never makes a second post (the slug is fixed and recorded before
// the first request, and a post already there under it is adopted). The website post closes
// step 5. Social media and mass media are recorded as published by hand with their link and
// time. Every step is journalled.
#include <optional>
#include <string>

#include "publication/PublicationLog.h"
#include "publication/Release.h"
#include "studio/Station.h"

namespace ds {
class Database;
}

namespace ds::publication {

struct PublishOutcome {
    PublicationEntry entry;
    bool alreadyPublished = false;  // a retry found the earlier post
    bool adopted = false;           // the post was on the site; the earlier attempt died
};

class ReleasePublisher {
  public:
    ReleasePublisher(ds::Database& db, Station station) : db_(db), station_(std::move(station)) {}

    PublishOutcome toWordPress(std::int64_t releaseId, const std::string& actor);
    PublishOutcome byHand(std::int64_t releaseId, Channel channel, const std::string& url,
                          std::optional<TimePoint> at, const std::string& actor);
    // The slug of the release's website post: fixed per station and release.
    static std::string slugFor(const Station& station, std::int64_t releaseId);

  private:
    ds::Database& db_;
    Station station_;
};

}  // namespace ds::publication
