#pragma once
// Releases through the correction chain of SOP 001. Every action is one transaction with its
// journal row: drafting from an ended session (the Kasubbag's order, step 1, and the staff's
// draft, step 2, begin), editing by whoever holds the release (a new version each time, none
// ever overwritten), passing it on (staff -> Kasubbag -> Kabag -> Kasubbag), sending it back one
// step with notes, and recording its publication. Who may act comes from the office's officers;
// `at` lets an officer record a hand-over made on paper a little earlier (never before the step
// began, never in the future).
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "publication/Release.h"
#include "studio/Station.h"

namespace ds {
class Database;
}

namespace ds::publication {

struct NewPhoto {
    std::string path;
    std::string caption;
};

class ReleaseStore {
  public:
    ReleaseStore(ds::Database& db, Station station) : db_(db), station_(std::move(station)) {}

    // The Kasubbag (actor) orders the release of an ended session; `staffLogin` (empty: the
    // only staff officer) drafts it. Step 1 runs from the session's end to `at`.
    Release draft(std::int64_t sessionId, const std::string& staffLogin, const std::string& actor,
                  std::optional<TimePoint> at);
    Release get(std::int64_t id);
    std::optional<std::int64_t> forSession(std::int64_t sessionId);
    std::vector<Release> list();

    // A new version with `content` and the photos added (appended to content.photos).
    Release edit(std::int64_t id, ReleaseContent content, const std::vector<NewPhoto>& photos,
                 const std::string& note, const std::string& actor);
    // Registers a file made for the release (clip, audiogram, document); no new version.
    ReleaseFile addFile(std::int64_t id, FileKind kind, const std::string& path,
                        const std::string& caption, const std::string& actor);
    // Hands the release on to the next step; `toLogin` chooses the Kabag when several hold it.
    Release pass(std::int64_t id, const std::string& toLogin, const std::string& note,
                 const std::string& actor, std::optional<TimePoint> at);
    // Sends it back one step (from the Kasubbag to the staff, from the Kabag to the Kasubbag).
    Release sendBack(std::int64_t id, const std::string& note, const std::string& actor,
                     std::optional<TimePoint> at);
    // Step 5 done: the website post is up at `url` (closes the step, the release is published).
    Release markPublished(std::int64_t id, TimePoint at, const std::string& actor);
    std::vector<ReleaseVersion> versions(std::int64_t id);

  private:
    Release read(std::int64_t id);
    StepRecord requireHolder(const Release& r, const std::string& actor);
    TimePoint when(std::optional<TimePoint> at) const;
    void saveState(const Release& r);

    ds::Database& db_;
    Station station_;
};

}  // namespace ds::publication
