#pragma once
// Coverage requests through SOP 002, each action one transaction with its journal row. Who may
// act at each step comes from the office's officers (the step's post); `at` records a step done
// on paper a little earlier.
#include <optional>
#include <string>
#include <vector>

#include "publication/Coverage.h"
#include "studio/Station.h"

namespace ds {
class Database;
}

namespace ds::publication {

struct CoverageRequest {
    CoverageSource source = CoverageSource::Letter;
    std::optional<std::int64_t> sessionId;
    std::string letterNumber, requester, title, place;
    std::optional<TimePoint> eventStart;
    bool needsSpt = false;
    std::optional<TimePoint> receivedAt;  // when the letter or agenda came in
};

struct CoverageAction {
    std::string to;  // login of the next holder, when several hold the post
    std::string note;
    std::optional<TimePoint> at;
    std::vector<TeamMember> team;  // step 4
    std::string sptNumber;         // step 8
    std::string url;               // steps 12-14: where it was published
};

struct CoverageFilter {
    std::optional<TimePoint> from, to;  // event start
};

class CoverageStore {
  public:
    CoverageStore(ds::Database& db, Station station) : db_(db), station_(std::move(station)) {}

    // Step 1: staff (actor) enter the request in the schedule; the Kadis (`kadis` login when
    // several) gets it for disposition.
    Coverage add(const CoverageRequest& request, const std::string& kadis, const std::string& actor,
                 std::optional<TimePoint> at);
    // The holder of the open step finishes it and hands it on.
    Coverage advance(std::int64_t id, const CoverageAction& action, const std::string& actor);
    Coverage get(std::int64_t id);
    std::optional<std::int64_t> forSession(std::int64_t sessionId);
    std::vector<Coverage> list(const CoverageFilter& filter);

  private:
    Coverage read(std::int64_t id);
    ds::Database& db_;
    Station station_;
};

}  // namespace ds::publication
