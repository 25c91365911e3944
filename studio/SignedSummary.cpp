#include "studio/SignedSummary.h"

#include "studio/RequestStore.h"
#include "studio/SessionReport.h"
#include "studio/Station.h"
#include "studio/Time.h"
#include "studio/WorkingCalendar.h"

namespace ds {

nlohmann::json signedSummary(Database& db, const Station& station, const WorkingCalendar& calendar,
                             std::int64_t sessionId) {
    RequestStore requests(db, station, calendar);
    nlohmann::json report = SessionReport::build(db, requests, sessionId, now());
    nlohmann::json counts = report["requests"];
    // Per-request timings change as undecided requests age; the signature covers the state.
    counts.erase("time_to_decision");
    nlohmann::json list = nlohmann::json::array();
    RequestListFilter f;
    f.sessionId = sessionId;
    for (const InfoRequest& r : requests.list(f, now())) {
        list.push_back({{"registration_number", r.registrationNumber},
                        {"status", r.status},
                        {"ground", r.decision.ground},
                        {"due_date", formatDay(r.dueDate)}});
    }
    return {{"questions_received", report["questions"]["received"]},
            {"requests", counts},
            {"register", list}};
}

}  // namespace ds
