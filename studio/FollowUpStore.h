#pragma once
// Follow-ups of information requests to the station's units, each with its own due date in
// working days, and the units' replies. Each step is one transaction with its journal row on
// the request ("request.follow_up", "request.follow_up_reply").
#include <optional>
#include <string>
#include <vector>

#include "studio/FollowUp.h"
#include "studio/Station.h"
#include "studio/WorkingCalendar.h"

namespace ds {

class Database;

class FollowUpStore {
  public:
    FollowUpStore(Database& db, Station station, WorkingCalendar calendar)
        : db_(db), station_(std::move(station)), calendar_(std::move(calendar)) {}

    // Sends request `requestId` to the unit named `unitName` (one of the station's units).
    // The unit's due date is `due`, or `withinWorkingDays` after today, or by default the
    // request's own due date (SOP 000 Pasal 6(5): the unit supplies within the request's ten
    // working days). Refused for a decided request and for a unit that already has it open.
    FollowUp send(std::int64_t requestId, const std::string& unitName, std::optional<Day> due,
                  std::optional<int> withinWorkingDays, const std::string& note,
                  const std::string& actor);
    // Records the unit's reply to its open follow-up of the request.
    FollowUp reply(std::int64_t requestId, const std::string& unitName, const std::string& answer,
                   std::optional<TimePoint> at, const std::string& actor);

    std::vector<FollowUp> forRequest(std::int64_t requestId);
    // Every follow-up without a reply, oldest due first.
    std::vector<FollowUp> open();
    // Unanswered and past its due date on the station's calendar day of asOf.
    bool isOverdue(const FollowUp& f, TimePoint asOf) const;

  private:
    FollowUp get(std::int64_t id);

    Database& db_;
    Station station_;
    WorkingCalendar calendar_;
};

}  // namespace ds
