#pragma once
// The per-session statistics of SOP 000 Pasal 11: questions by channel and status, and for
// information requests the counts station scripts rely on (JSON keys are part of the contract):
//   received, granted_full, granted_partial, refused, refused_by_ground (ground -> count),
//   not_held, pending, extended, escalated, overdue, time_to_decision (per request),
//   median_time_to_decision_seconds.
// Definitions: refused counts every refusal, whatever its ground; not_held is the part of it
// refused as not held or not yet documented; pending is every undecided request (including
// extended and escalated ones); extended and escalated count requests that ever were;
// overdue is undecided and past its due date on the station's calendar day of `as_of`.
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "studio/Pasal11Figures.h"
#include "studio/Time.h"

namespace ds {

class Database;
class RequestStore;

class SessionReport {
  public:
    static nlohmann::json build(Database& db, RequestStore& requests, std::int64_t sessionId,
                                TimePoint asOf);
    // The figures themselves, for the control room and the signed summary.
    static Pasal11Figures figures(Database& db, RequestStore& requests, std::int64_t sessionId,
                                  TimePoint asOf);
    // The same figures as rows "section,key,value" (UTF-8 with a byte-order mark so spreadsheet
    // programs show Indonesian text right).
    static std::string toCsv(const nlohmann::json& report);
};

}  // namespace ds
