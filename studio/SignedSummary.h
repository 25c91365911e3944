#pragma once
// What the journal keeps of a session record as signed: the Pasal 11 counts and each request's
// registration number, status, ground and due date, so the signed journal row itself proves what
// had been decided by then. Public so the control room can sign without going through the CLI;
// in one transaction, so that the summary is the state signed:
//   Transaction tx(db);
//   SessionStore(db).sign(id, signature, signedSummary(db, station, calendar, id), tz, actor);
//   tx.commit();
#include <cstdint>

#include <nlohmann/json.hpp>

namespace ds {

class Database;
class WorkingCalendar;
struct Station;

// Throws NotFoundError for an unknown session. Reads only; the caller signs.
nlohmann::json signedSummary(Database& db, const Station& station, const WorkingCalendar& calendar,
                             std::int64_t sessionId);

}  // namespace ds
