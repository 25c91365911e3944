#pragma once
// Corrections of the record as amendments (issue 4). A signed session is frozen for the normal
// commands; what was recorded wrongly is corrected here instead, field by field, with a written
// reason: a request's registration and decision fields, a question's text and caller, the
// session's topic, assignment order, officers and guests. Each amendment is one transaction:
// the change, its amendment rows and one journal row with the subject before and after, so the
// hash chain still verifies and the history shows who corrected what, when and why.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "studio/Amendment.h"
#include "studio/Station.h"
#include "studio/WorkingCalendar.h"

namespace ds {

class Database;

class AmendmentStore {
  public:
    // FIELD=VALUE pairs, in the order given.
    using Changes = std::vector<std::pair<std::string, std::string>>;

    AmendmentStore(Database& db, Station station, WorkingCalendar calendar)
        : db_(db), station_(std::move(station)), calendar_(std::move(calendar)) {}

    // Request fields: details, purpose, channel, written, obtain_method, delivery_method,
    // requester.{name,address,occupation,phone,email,nik,power_of_attorney}, and for a decided
    // request decision, holding, other_body, ground, subground, law, consequence_test,
    // exemption_period, reason, material_given, redacted_parts, redaction_reason, medium, cost,
    // notice_date, handover_date. The corrected decision must pass the rules of a decision.
    Amendment amendRequest(std::int64_t requestId, const Changes& changes,
                           const std::string& reason, const std::string& actor);
    // Question fields: text, caller_name, origin, contact, topic.
    Amendment amendQuestion(std::int64_t questionId, const Changes& changes,
                            const std::string& reason, const std::string& actor);
    // Session fields: topic, sprin_number, sprin_date, officer.N.{role,name,rank,nrp},
    // guest.N.{name,rank,position} (N counts from 1 in the order listed).
    Amendment amendSession(std::int64_t sessionId, const Changes& changes,
                           const std::string& reason, const std::string& actor);

    std::vector<Amendment> forSession(std::int64_t sessionId);
    std::vector<Amendment> forSubject(const std::string& subject);

    // "FIELD=VALUE" -> pair; throws UserError naming the text.
    static std::pair<std::string, std::string> parseSet(const std::string& text);
    static std::vector<std::string> requestFields();
    static std::vector<std::string> questionFields();

  private:
    Amendment record(std::optional<std::int64_t> sessionId, const std::string& subject,
                     const std::string& label, const std::string& reason,
                     std::vector<AmendmentChange> changes, const std::string& actor);
    std::vector<Amendment> load(const std::string& where, const std::string& key);
    bool sessionSigned(std::optional<std::int64_t> sessionId);

    Database& db_;
    Station station_;
    WorkingCalendar calendar_;
};

}  // namespace ds
