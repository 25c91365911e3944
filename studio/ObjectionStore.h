#pragma once
// The objection register (UU KIP Pasal 35-37): filing with a ground from Pasal 35(1) a-g, the
// superior's answer within 30 working days (Pasal 36(2)), and the dispute before the
// Information Commission (Pasal 37). While an objection or a dispute is open the request's
// status is "objection" or "dispute"; when it closes the status returns to the decision (or to
// the undecided state). Each step is one transaction with its journal row on the request.
#include <optional>
#include <string>
#include <vector>

#include "studio/InfoRequest.h"
#include "studio/Objection.h"
#include "studio/Station.h"
#include "studio/WorkingCalendar.h"

namespace ds {

class Database;

class ObjectionStore {
  public:
    static constexpr int kFilingWorkingDays = 30;   // Pasal 36(1): after the grounds arise
    static constexpr int kAnswerWorkingDays = 30;   // Pasal 36(2): the superior's answer
    static constexpr int kDisputeWorkingDays = 14;  // Pasal 37(2): after the answer

    ObjectionStore(Database& db, Station station, WorkingCalendar calendar)
        : db_(db), station_(std::move(station)), calendar_(std::move(calendar)) {}

    // Files an objection. The ground must fit the request: P35a a refusal under Pasal 17;
    // P35c an unanswered request past its due date; P35d-f a decided request; P35g an answer
    // (or none) later than the due date. `objector` defaults to the requester.
    Objection file(std::int64_t requestId, const std::string& ground, const std::string& reason,
                   const std::string& objector, const std::string& superior,
                   std::optional<TimePoint> filedAt, const std::string& actor);
    // The superior's answer to the request's open objection.
    Objection answer(std::int64_t requestId, const std::string& outcome, const std::string& text,
                     const std::string& answeredBy, std::optional<TimePoint> at,
                     const std::string& actor);
    // A dispute before the Information Commission on the request's latest objection: after the
    // superior's answer, or when the superior let the 30 working days pass without one.
    Objection dispute(std::int64_t requestId, const std::string& body, const std::string& note,
                      std::optional<TimePoint> filedAt, const std::string& actor);
    Objection disputeOutcome(std::int64_t requestId, const std::string& outcome,
                             const std::string& note, std::optional<TimePoint> at,
                             const std::string& actor);

    std::vector<Objection> forRequest(std::int64_t requestId);
    // Every objection still waiting for the superior's answer.
    std::vector<Objection> open();

    // The last day to object (Pasal 36(1)): 30 working days after the written notice, or after
    // the due date for a request never answered.
    Day filingDeadline(const InfoRequest& r) const;
    // The last day to bring the dispute (Pasal 37(2)): 14 working days after the answer.
    std::optional<Day> disputeDeadline(const Objection& o) const;
    bool isOverdue(const Objection& o, TimePoint asOf) const;

  private:
    Objection get(std::int64_t id);
    Objection latest(std::int64_t requestId, const std::string& registrationNumber);
    void setStatus(std::int64_t requestId, const std::string& status);

    Database& db_;
    Station station_;
    WorkingCalendar calendar_;
};

}  // namespace ds
