#pragma once
// What the journal keeps of a session record as signed: the Pasal 11 counts and each request's
// registration number, status, ground and due date, so the signed journal row itself proves what
// had been decided by then. SessionStore::sign builds it inside the signing transaction, so
// the summary is the state signed; tests and reports read it here.
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
