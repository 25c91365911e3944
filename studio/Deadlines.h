#pragma once
// Every running legal deadline of the station in one list, soonest first, for the due-soon and
// overdue views (headless `request due`, and the PPID officer's window in the control room):
// the written notice of each undecided request (UU KIP Pasal 22(7)-(8)), each unit's
// follow-up, and the superior's answer to each open objection (Pasal 36(2)).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "studio/Station.h"
#include "studio/Time.h"
#include "studio/WorkingCalendar.h"

namespace ds {

class Database;

struct Deadline {
    std::string kind;  // notice, follow_up, objection_answer
    std::int64_t requestId = 0;
    std::string registrationNumber;
    std::optional<std::int64_t> sessionId;
    std::string what;  // the unit, or the objection's number
    Day due{};
    int workingDaysLeft = 0;  // after today up to the due day; negative: working days late
    bool overdue = false;

    nlohmann::json toJson() const;
};

class Deadlines {
  public:
    // The furthest look ahead a "due within" list takes, in working days (about a year).
    static constexpr int kMaxLookAhead = 250;

    // Deadlines as of `asOf`: with `withinWorkingDays` only those due within that many working
    // days (overdue ones included); with `overdueOnly` only the overdue ones. Throws UserError
    // for a look ahead outside 0..kMaxLookAhead.
    static std::vector<Deadline> list(Database& db, const Station& station,
                                      const WorkingCalendar& calendar, TimePoint asOf,
                                      std::optional<int> withinWorkingDays, bool overdueOnly);
};

}  // namespace ds
