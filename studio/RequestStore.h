#pragma once
// The information-request register: registration at receipt with a sequential number, the
// 10-working-day deadline, extension (+7 working days, once, with a written reason), escalation
// to the leadership for exempted information and its decision, and the PPID officer's decision
// with its legal ground. Every step is one transaction with its journal row.
#include <optional>
#include <string>
#include <vector>

#include "studio/InfoRequest.h"
#include "studio/Station.h"
#include "studio/WorkingCalendar.h"

namespace ds {

class Database;

struct RequestListFilter {
    std::optional<std::int64_t> sessionId;
    std::optional<std::string> status;
    bool overdueOnly = false;
    std::optional<int> dueWithinDays;  // undecided and due within this many working days
};

class RequestStore {
  public:
    static constexpr int kWorkingDaysToAnswer = 10;  // UU KIP Pasal 22(7)
    static constexpr int kExtensionWorkingDays = 7;  // UU KIP Pasal 22(8)

    RequestStore(Database& db, Station station, WorkingCalendar calendar)
        : db_(db), station_(std::move(station)), calendar_(std::move(calendar)) {}

    // Registers a request entered directly (letter, e-mail, walk-in). receivedAt defaults to now.
    InfoRequest open(const InfoRequest& r, const std::string& actor);
    // Registers the request a listener's question makes; the requester's name, contact, channel,
    // time of receipt and text come from the question. `extra` adds address, occupation, etc.
    InfoRequest openFromQuestion(std::int64_t questionId, const Requester& extra,
                                 const std::string& purpose, const std::string& actor);

    InfoRequest decide(std::int64_t id, const Decision& d, const std::string& actor);
    // Checks a decision and fills its implied fields (holding for not_held/not_documented, no
    // sub-ground where none applies). Throws UserError naming the missing option. Amendments
    // check a corrected decision with it too.
    static void normalizeDecision(Decision& d);
    // The dates that follow a decision (UU KIP Pasal 22(7)): the written notice and the handover
    // of the information. In a signed session an empty date may be filled in, but a date already
    // recorded is corrected only by an amendment.
    InfoRequest setNoticeDate(std::int64_t id, Day day, const std::string& actor);
    InfoRequest setHandoverDate(std::int64_t id, Day day, const std::string& actor);
    InfoRequest extend(std::int64_t id, const std::string& reason, const std::string& actor);
    InfoRequest escalate(std::int64_t id, const std::string& reason, const std::string& actor);
    // Records the leadership's decision on an escalated request: "release" or "withhold".
    InfoRequest leadership(std::int64_t id, const std::string& decidedBy,
                           const std::string& decision, std::optional<TimePoint> decidedAt,
                           const std::string& note, const std::string& actor);

    InfoRequest get(std::int64_t id);
    // The request a listener's question made, if it made one.
    std::optional<InfoRequest> forQuestion(std::int64_t questionId);
    // By numeric id or by registration number.
    InfoRequest find(const std::string& idOrNumber);
    // The same, or UserError unless the request belongs to the session.
    InfoRequest findInSession(const std::string& idOrNumber, std::int64_t sessionId);
    std::vector<InfoRequest> list(const RequestListFilter& filter, TimePoint asOf);

    // Undecided and past its due date on the station's local calendar day of `asOf`.
    bool isOverdue(const InfoRequest& r, TimePoint asOf) const;
    // The status a request returns to when an objection or dispute closes: its decision, or the
    // state of its undecided lifecycle.
    static std::string baseStatus(const InfoRequest& r);
    // True when the request belongs to a signed session.
    bool frozen(const InfoRequest& r);
    const WorkingCalendar& calendar() const { return calendar_; }
    const Station& station() const { return station_; }

  private:
    InfoRequest insert(InfoRequest r, const std::string& actor);
    InfoRequest requireOpen(std::int64_t id, const char* action);
    InfoRequest setDecisionDate(std::int64_t id, const char* column, Day day,
                                const std::string& actor);
    void journal(const InfoRequest& before, const InfoRequest& after, const std::string& action,
                 const std::string& actor);

    Database& db_;
    Station station_;
    WorkingCalendar calendar_;
};

}  // namespace ds
