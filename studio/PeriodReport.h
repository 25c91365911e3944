#pragma once
// The periodic report of the information service for any period across sessions (UU 14/2008
// Pasal 12; Perki 1/2021 Pasal 56 for the annual report): the number of requests, the time to
// fulfil each (decision time, median and 90th percentile in calendar and working days), how
// many were granted fully or partly, refused by ground, objections and disputes with their
// outcomes, follow-ups to units, per month and per session, and the officer's notes on
// obstacles and follow-up plans. A public report: counts and registration numbers only, never
// personal data.
//
// Requests belong to the period by the local date of receipt; objections and follow-ups by the
// local date they were filed or sent. Pending and overdue are judged as of `asOf`. "Time to
// fulfil" is receipt to decision (the written notice, UU KIP Pasal 22(7)); "on time" means
// decided on or before the due date, an extension included.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "studio/ComplaintStats.h"
#include "studio/DateRange.h"
#include "studio/Station.h"
#include "studio/Time.h"
#include "studio/WorkingCalendar.h"

namespace ds {

class Database;
class Progress;

struct PeriodCounts {
    int received = 0;
    int grantedFull = 0;
    int grantedPartial = 0;
    int refused = 0;
    int notHeld = 0;  // refused as not held or not yet documented
    int pending = 0;  // undecided as of asOf
    int extended = 0;
    int escalated = 0;
    int overdue = 0;
    int decided = 0;
    int decidedOnTime = 0;
    int decidedLate = 0;
    std::map<std::string, int> byGround;  // every refusal ground, zeros included
};

struct Fulfilment {
    std::string registrationNumber;
    std::optional<std::int64_t> sessionId;
    TimePoint receivedAt{};
    TimePoint decidedAt{};
    std::string decision;
    double days = 0.0;    // calendar days, fractional
    int workingDays = 0;  // working days in (receipt day, decision day]
    bool onTime = true;
};

struct TimeStats {
    int decided = 0;
    std::optional<double> medianDays, p90Days, medianWorkingDays, p90WorkingDays;
};

struct PeriodMonth {
    int year = 0;
    int month = 0;
    PeriodCounts counts;
    std::optional<double> medianWorkingDays;
};

struct PeriodSession {
    std::optional<std::int64_t> id;  // nullopt: requests outside any session
    std::optional<Day> day;
    std::string topic;
    std::string partnerMedia;
    std::string status;
    PeriodCounts counts;
};

struct ObjectionCounts {
    int filed = 0;
    int open = 0;
    int answeredOnTime = 0;
    int answeredLate = 0;
    int disputes = 0;
    int disputesOpen = 0;
    std::map<std::string, int> byGround;         // P35a .. P35g
    std::map<std::string, int> outcomes;         // vocab::objectionOutcomes()
    std::map<std::string, int> disputeOutcomes;  // vocab::disputeOutcomes()
};

struct FollowUpCounts {
    int sent = 0;
    int answered = 0;
    int answeredOnTime = 0;
    int overdue = 0;
    std::map<std::string, int> byUnit;
};

struct PeriodReport {
    Station station;
    DateRange range;
    TimePoint asOf{};
    TimePoint generatedAt{};
    PeriodCounts totals;
    std::map<std::string, int> byChannel;
    int written = 0;
    int unwritten = 0;
    TimeStats time;
    std::vector<Fulfilment> fulfilments;  // decided requests, in registration order
    std::vector<PeriodMonth> months;
    std::vector<PeriodSession> sessions;
    ObjectionCounts objections;
    FollowUpCounts followUps;
    // Complaints from the air received in the period (SOP 003, SOP 004), with early detection.
    ComplaintStats complaints;
    std::string obstacles;  // hambatan
    std::string plans;      // rencana tindak lanjut
    // The PPID officer printed under the signature line (signed by hand); empty: left blank.
    std::string signerName;
    std::string signerNrp;  // normalised NRP (8 digits) or NIP (18 digits)

    static PeriodReport build(Database& db, const Station& station, const WorkingCalendar& calendar,
                              const DateRange& range, TimePoint asOf, Progress& progress);
    nlohmann::json toJson() const;
    // Rows "section,key,value", UTF-8 with a byte-order mark, like the session report's CSV.
    std::string toCsv() const;
};

}  // namespace ds
