#include "studio/RequestStore.h"

#include <charconv>

#include <fmt/format.h>

#include "studio/ContactRules.h"
#include "studio/Database.h"
#include "studio/Deadlines.h"
#include "studio/Errors.h"
#include "studio/Journal.h"
#include "studio/PersonalSeal.h"
#include "studio/QuestionStore.h"
#include "studio/RegistrationNumber.h"
#include "studio/SessionStore.h"
#include "studio/Statement.h"
#include "studio/TextRules.h"
#include "studio/Timeliness.h"
#include "studio/Transaction.h"
#include "studio/Vocabulary.h"

namespace ds {

namespace {

constexpr const char* kSelect =
    "SELECT id, station_id, session_id, question_id, reg_number, received_at, written, channel, "
    "requester_name, requester_address, requester_occupation, requester_phone, requester_email, "
    "requester_nik, power_of_attorney, details, purpose, obtain_method, delivery_method, status, "
    "due_date, original_due_date, extended, extension_reason, extended_at, escalated, "
    "escalated_at, escalated_by, escalation_reason, leadership_decided_by, leadership_decided_at, "
    "leadership_decision, leadership_note, holding, other_body, decision, refusal_ground, "
    "refusal_subground, refusal_law, consequence_test, exemption_period, reason, material_given, "
    "redacted_parts, redaction_reason, medium, cost, notice_date, handover_date, decided_at, "
    "decided_by, logged_by, personal_key FROM info_requests ";

std::optional<TimePoint> optTime(const std::optional<std::string>& s) {
    return s ? parseUtc(*s) : std::nullopt;
}
std::optional<Day> optDay(const std::optional<std::string>& s) {
    return s ? parseDay(*s) : std::nullopt;
}
std::optional<std::string> nonEmpty(const std::string& s) {
    return s.empty() ? std::nullopt : std::optional<std::string>(s);
}
std::optional<std::string> dayText(const std::optional<Day>& d) {
    return d ? std::optional<std::string>(formatDay(*d)) : std::nullopt;
}

InfoRequest read(Statement& st) {
    InfoRequest r;
    int c = 0;
    r.id = st.getInt(c++);
    r.stationId = st.getInt(c++);
    r.sessionId = st.getOptInt(c++);
    r.questionId = st.getOptInt(c++);
    r.registrationNumber = st.getText(c++);
    r.receivedAt = parseUtc(st.getText(c++)).value_or(TimePoint{});
    r.written = st.getInt(c++) != 0;
    r.channel = st.getText(c++);
    r.requester.name = st.getText(c++);
    r.requester.address = st.getText(c++);
    r.requester.occupation = st.getText(c++);
    r.requester.phone = st.getText(c++);
    r.requester.email = st.getText(c++);
    r.requester.nik = st.getText(c++);
    r.requester.powerOfAttorney = st.getText(c++);
    r.details = st.getText(c++);
    r.purpose = st.getText(c++);
    r.obtainMethod = st.getText(c++);
    r.deliveryMethod = st.getText(c++);
    r.status = st.getText(c++);
    r.dueDate = parseDay(st.getText(c++)).value_or(Day{});
    r.originalDueDate = parseDay(st.getText(c++)).value_or(Day{});
    r.extended = st.getInt(c++) != 0;
    r.extensionReason = st.getOptText(c++).value_or("");
    r.extendedAt = optTime(st.getOptText(c++));
    r.escalated = st.getInt(c++) != 0;
    r.escalatedAt = optTime(st.getOptText(c++));
    r.escalatedBy = st.getOptText(c++).value_or("");
    r.escalationReason = st.getOptText(c++).value_or("");
    r.leadershipDecidedBy = st.getOptText(c++).value_or("");
    r.leadershipDecidedAt = optTime(st.getOptText(c++));
    r.leadershipDecision = st.getOptText(c++).value_or("");
    r.leadershipNote = st.getOptText(c++).value_or("");
    Decision& d = r.decision;
    d.holding = st.getOptText(c++).value_or("");
    d.otherBody = st.getOptText(c++).value_or("");
    d.decision = st.getOptText(c++).value_or("");
    d.ground = st.getOptText(c++).value_or("");
    if (auto sg = st.getOptInt(c++)) d.subground = static_cast<int>(*sg);
    d.law = st.getOptText(c++).value_or("");
    d.consequenceTest = st.getOptText(c++).value_or("");
    d.exemptionPeriod = st.getOptText(c++).value_or("");
    d.reason = st.getOptText(c++).value_or("");
    d.materialGiven = st.getOptText(c++).value_or("");
    d.redactedParts = st.getOptText(c++).value_or("");
    d.redactionReason = st.getOptText(c++).value_or("");
    d.medium = st.getOptText(c++).value_or("");
    d.cost = st.getOptText(c++).value_or("");
    d.noticeDate = optDay(st.getOptText(c++));
    d.handoverDate = optDay(st.getOptText(c++));
    r.decidedAt = optTime(st.getOptText(c++));
    r.decidedBy = st.getOptText(c++).value_or("");
    r.loggedBy = st.getText(c++);
    r.personalKey = st.getText(c++);
    return r;
}

void validateRequester(const Requester& q) {
    requireText(q.name, "requester name", kMaxNameBytes, false);
    requireText(q.address, "requester address", kMaxNoteBytes, false);
    requireText(q.occupation, "requester occupation", kMaxNameBytes, false);
    requireText(q.phone, "requester phone", kMaxNameBytes, false);
    requireText(q.email, "requester e-mail", kMaxNameBytes, false);
    requireText(q.nik, "requester NIK", kMaxNameBytes, false);
    requireText(q.powerOfAttorney, "power of attorney", kMaxNoteBytes, false);
    requirePhone(trim(q.phone), "phone");
    requireEmail(trim(q.email), "email");
    if (!q.nik.empty()) {
        bool digits = q.nik.size() == 16 && std::all_of(q.nik.begin(), q.nik.end(), [](char c) {
                          return c >= '0' && c <= '9';
                      });
        if (!digits) throw UserError(fmt::format("field 'nik': '{}' is not a 16-digit NIK", q.nik));
    }
}

}  // namespace

InfoRequest RequestStore::insert(InfoRequest r, const std::string& actor) {
    // Registration at receipt: the number's year and month are those of the receipt in the
    // station's time zone, and the sequence is allocated inside this transaction.
    date::year_month_day ymd{localDay(r.receivedAt, station_.timeZone)};
    int year = static_cast<int>(ymd.year());
    int month = static_cast<int>(static_cast<unsigned>(ymd.month()));
    Statement seq = db_.prepare(
        "INSERT INTO registration_counters (station_id, year, last_seq) VALUES (?, ?, 1) "
        "ON CONFLICT (station_id, year) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq");
    seq.bindAll(station_.id, year);
    seq.step();
    int sequence = static_cast<int>(seq.getInt(0));
    seq.reset();  // RETURNING made its change on the first step; release the statement
    r.stationId = station_.id;
    r.registrationNumber = RegistrationNumber{sequence, station_.code, month, year}.toString();
    r.dueDate = calendar_.dueDate(r.receivedAt, station_.timeZone, kWorkingDaysToAnswer);
    r.originalDueDate = r.dueDate;
    r.loggedBy = actor;
    db_.prepare(
           "INSERT INTO info_requests (station_id, session_id, question_id, reg_number, reg_year, "
           "reg_seq, received_at, written, channel, requester_name, requester_address, "
           "requester_occupation, requester_phone, requester_email, requester_nik, "
           "power_of_attorney, details, purpose, obtain_method, delivery_method, status, due_date, "
           "original_due_date, logged_by, created_at, personal_key) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, "
           "?, ?, ?)")
        .bindAll(r.stationId, r.sessionId, r.questionId, r.registrationNumber, year, sequence,
                 formatUtc(r.receivedAt), int(r.written), r.channel, r.requester.name,
                 r.requester.address, r.requester.occupation, r.requester.phone, r.requester.email,
                 r.requester.nik, r.requester.powerOfAttorney, r.details, r.purpose, r.obtainMethod,
                 r.deliveryMethod, formatDay(r.dueDate), formatDay(r.originalDueDate), actor,
                 formatUtc(now()), PersonalSeal::newKey())
        .run();
    InfoRequest stored = get(db_.lastInsertId());
    Journal::append(db_, {actor, "request.open", fmt::format("request:{}", stored.id), nullptr,
                          stored.journalJson()});
    return stored;
}

InfoRequest RequestStore::open(const InfoRequest& in, const std::string& actor) {
    InfoRequest r = in;
    vocab::require(vocab::channels(), r.channel, "channel");
    vocab::require(vocab::obtainMethods(), r.obtainMethod, "obtain_method");
    vocab::require(vocab::deliveryMethods(), r.deliveryMethod, "delivery_method");
    validateRequester(r.requester);
    requireText(r.details, "details", kMaxQuestionTextBytes, true);
    requireText(r.purpose, "purpose", kMaxNoteBytes, false);
    if (r.channel == "letter" || r.channel == "email") r.written = true;
    if (r.receivedAt == TimePoint{}) r.receivedAt = now();
    if (r.receivedAt > now() + std::chrono::minutes(5)) {
        throw UserError(fmt::format("field 'received_at': {} is in the future",
                                    formatLocal(r.receivedAt, station_.timeZone)));
    }
    Transaction tx(db_);
    if (r.sessionId) SessionStore::requireNotSigned(SessionStore(db_).get(*r.sessionId));
    InfoRequest stored = insert(r, actor);
    tx.commit();
    return stored;
}

InfoRequest RequestStore::openFromQuestion(std::int64_t questionId, const Requester& extra,
                                           const std::string& purpose, const std::string& actor) {
    validateRequester(extra);
    requireText(purpose, "purpose", kMaxNoteBytes, false);
    Transaction tx(db_);
    Statement exists = db_.prepare("SELECT reg_number FROM info_requests WHERE question_id = ?");
    exists.bind(1, questionId);
    if (exists.step()) {
        throw UserError(fmt::format("question {} is already registered as request {}", questionId,
                                    exists.getText(0)));
    }
    Question q = QuestionStore(db_).get(questionId);
    SessionStore::requireNotSigned(SessionStore(db_).get(q.sessionId));
    InfoRequest r;
    r.sessionId = q.sessionId;
    r.questionId = q.id;
    r.receivedAt = q.receivedAt;
    r.written = q.written;
    r.channel = q.channel;
    r.requester = extra;
    if (r.requester.name.empty()) r.requester.name = q.callerName;
    bool isEmail = q.contact.find('@') != std::string::npos;
    if (r.requester.phone.empty() && !isEmail) r.requester.phone = q.contact;
    if (r.requester.email.empty() && isEmail) r.requester.email = q.contact;
    r.details = q.text;
    r.purpose = purpose.empty() ? q.purpose : purpose;
    if (!q.infoRequest) {
        db_.prepare("UPDATE questions SET info_request = 1 WHERE id = ?").bind(1, q.id).run();
    }
    InfoRequest stored = insert(r, actor);
    tx.commit();
    return stored;
}

InfoRequest RequestStore::requireOpen(std::int64_t id, const char* action) {
    // A signed session freezes what was recorded by then, but the law's clock runs on: a request
    // still undecided at signing is extended, escalated and decided afterwards, and those steps
    // appear in the record's history (SessionRecord). Only new registrations are refused.
    InfoRequest r = get(id);
    if (r.decided()) {
        throw UserError(fmt::format("request {} is already decided ({}); it cannot {}",
                                    r.registrationNumber, r.status, action));
    }
    return r;
}

void RequestStore::journal(const InfoRequest& before, const InfoRequest& after,
                           const std::string& action, const std::string& actor) {
    Journal::append(db_, {actor, action, fmt::format("request:{}", after.id), before.journalJson(),
                          after.journalJson()});
}

void RequestStore::normalizeDecision(Decision& d) {
    if (d.decision != "granted_full" && d.decision != "granted_partial" &&
        d.decision != "refused") {
        throw UserError(fmt::format(
            "field 'decision': '{}' is not one of granted_full, granted_partial, refused",
            d.decision));
    }
    for (auto [value, field] : {std::pair{&d.otherBody, "other_body"},
                                {&d.law, "law"},
                                {&d.consequenceTest, "consequence_test"},
                                {&d.exemptionPeriod, "exemption_period"},
                                {&d.reason, "reason"},
                                {&d.materialGiven, "material_given"},
                                {&d.redactedParts, "redacted_parts"},
                                {&d.redactionReason, "redaction_reason"},
                                {&d.medium, "medium"},
                                {&d.cost, "cost"}}) {
        requireText(*value, field, kMaxNoteBytes, false);
        *value = trim(*value);
    }
    if (d.holding.empty()) d.holding = "held";
    vocab::require(vocab::holdings(), d.holding, "holding");
    if (d.decision == "refused") {
        if (d.ground.empty()) {
            throw UserError(fmt::format("a refusal needs a legal ground (--ground): one of {}",
                                        vocab::codes(vocab::refusalGrounds())));
        }
        vocab::require(vocab::refusalGrounds(), d.ground, "ground");
        if (vocab::groundNeedsSubground(d.ground) &&
            (!d.subground || *d.subground < 1 || *d.subground > 5)) {
            throw UserError(
                fmt::format("ground {} needs a sub-ground from 1 to 5 (--subground)", d.ground));
        }
        if (!vocab::groundNeedsSubground(d.ground)) d.subground.reset();
        if (vocab::groundNeedsLaw(d.ground) && d.law.empty()) {
            throw UserError("ground P17j needs the law and article that forbid disclosure (--law)");
        }
        if (vocab::groundIsExemption(d.ground) && d.consequenceTest.empty()) {
            throw UserError(fmt::format(
                "ground {} refuses exempted information: state the consequence test of Pasal 19 "
                "(--consequence-test)",
                d.ground));
        }
        if (d.reason.empty()) throw UserError("a refusal needs a reason (--reason)");
        if (d.ground == "not_held" && d.holding == "held") d.holding = "other_body";
        if (d.ground == "not_documented") d.holding = "not_documented";
    } else {
        if (!d.ground.empty()) {
            throw UserError(
                fmt::format("a legal ground ({}) is only given for a refusal", d.ground));
        }
        d.subground.reset();
        if (d.decision == "granted_partial" &&
            (d.redactedParts.empty() || d.redactionReason.empty())) {
            throw UserError(
                "a partial grant states what was withheld (--redacted) and why "
                "(--redaction-reason)");
        }
    }
}

InfoRequest RequestStore::decide(std::int64_t id, const Decision& in, const std::string& actor) {
    Decision d = in;
    Transaction tx(db_);
    // A request already decided says so first, whatever else is wrong with the new decision.
    InfoRequest before = requireOpen(id, "be decided again");
    normalizeDecision(d);
    if (before.escalated && before.leadershipDecidedBy.empty()) {
        throw UserError(fmt::format(
            "request {} awaits the leadership's decision (SOP 000 Pasal 12(2)); record it first "
            "with `request leadership`",
            before.registrationNumber));
    }
    // SOP 000 Pasal 12(2): exempted information is given only when the leadership releases it.
    if (before.leadershipDecision == "withhold" && d.decision != "refused") {
        throw UserError(fmt::format(
            "request {}: the leadership ({}) decided to withhold the information; it can only be "
            "refused",
            before.registrationNumber, before.leadershipDecidedBy));
    }
    TimePoint t = now();
    if (!d.noticeDate) d.noticeDate = localDay(t, station_.timeZone);
    db_.prepare(
           "UPDATE info_requests SET status = CASE WHEN status IN ('objection', 'dispute') "
           "THEN status ELSE ? END, decision = ?, holding = ?, other_body = ?, "
           "refusal_ground = ?, refusal_subground = ?, refusal_law = ?, consequence_test = ?, "
           "exemption_period = ?, reason = ?, material_given = ?, redacted_parts = ?, "
           "redaction_reason = ?, medium = ?, cost = ?, notice_date = ?, handover_date = ?, "
           "decided_at = ?, decided_by = ? WHERE id = ?")
        .bindAll(d.decision, d.decision, d.holding, nonEmpty(d.otherBody), nonEmpty(d.ground),
                 d.subground, nonEmpty(d.law), nonEmpty(d.consequenceTest),
                 nonEmpty(d.exemptionPeriod), nonEmpty(d.reason), nonEmpty(d.materialGiven),
                 nonEmpty(d.redactedParts), nonEmpty(d.redactionReason), nonEmpty(d.medium),
                 nonEmpty(d.cost), dayText(d.noticeDate), dayText(d.handoverDate), formatUtc(t),
                 actor, id)
        .run();
    InfoRequest after = get(id);
    journal(before, after, "request.decide", actor);
    tx.commit();
    return after;
}

InfoRequest RequestStore::extend(std::int64_t id, const std::string& reason,
                                 const std::string& actor) {
    requireText(reason, "reason", kMaxNoteBytes, true);
    Transaction tx(db_);
    InfoRequest before = requireOpen(id, "be extended");
    if (before.extended) {
        throw UserError(
            fmt::format("request {} was already extended once (UU KIP Pasal 22(8) "
                        "allows one extension)",
                        before.registrationNumber));
    }
    Day due = calendar_.addWorkingDays(before.originalDueDate, kExtensionWorkingDays);
    db_.prepare(
           "UPDATE info_requests SET extended = 1, extension_reason = ?, extended_at = ?, "
           "extended_by = ?, due_date = ?, status = CASE WHEN status = 'pending' THEN 'extended' "
           "ELSE status END WHERE id = ?")
        .bindAll(trim(reason), formatUtc(now()), actor, formatDay(due), id)
        .run();
    InfoRequest after = get(id);
    journal(before, after, "request.extend", actor);
    tx.commit();
    return after;
}

InfoRequest RequestStore::escalate(std::int64_t id, const std::string& reason,
                                   const std::string& actor) {
    requireText(reason, "reason", kMaxNoteBytes, true);
    Transaction tx(db_);
    InfoRequest before = requireOpen(id, "be escalated");
    if (before.escalated) {
        throw UserError(fmt::format("request {} is already escalated to the leadership",
                                    before.registrationNumber));
    }
    db_.prepare(
           "UPDATE info_requests SET escalated = 1, escalated_at = ?, escalated_by = ?, "
           "escalation_reason = ?, status = CASE WHEN status IN ('objection', 'dispute') THEN "
           "status ELSE 'escalated_to_leadership' END WHERE id = ?")
        .bindAll(formatUtc(now()), actor, trim(reason), id)
        .run();
    InfoRequest after = get(id);
    journal(before, after, "request.escalate", actor);
    tx.commit();
    return after;
}

InfoRequest RequestStore::leadership(std::int64_t id, const std::string& decidedBy,
                                     const std::string& decision,
                                     std::optional<TimePoint> decidedAt, const std::string& note,
                                     const std::string& actor) {
    requireText(decidedBy, "decided_by", kMaxNameBytes, true);
    requireText(note, "note", kMaxNoteBytes, false);
    if (decision != "release" && decision != "withhold") {
        throw UserError(fmt::format("field 'decision': '{}' is not release or withhold", decision));
    }
    TimePoint at = decidedAt.value_or(now());
    Transaction tx(db_);
    InfoRequest before = requireOpen(id, "take a leadership decision");
    if (!before.escalated) {
        throw UserError(
            fmt::format("request {} was not escalated to the leadership; escalate it "
                        "first with `request escalate`",
                        before.registrationNumber));
    }
    if (!before.leadershipDecidedBy.empty()) {
        throw UserError(fmt::format("the leadership already decided on request {} ({}, {})",
                                    before.registrationNumber, before.leadershipDecidedBy,
                                    before.leadershipDecision));
    }
    if (at < before.receivedAt || at > now() + std::chrono::minutes(5)) {
        throw UserError("field 'at': the leadership's decision must fall between receipt and now");
    }
    // Back to the PPID officer, who now decides; the extension status is kept if there was one.
    db_.prepare(
           "UPDATE info_requests SET leadership_decided_by = ?, leadership_decided_at = ?, "
           "leadership_decision = ?, leadership_note = ?, "
           "status = CASE WHEN status IN ('objection', 'dispute') THEN status "
           "WHEN extended = 1 THEN 'extended' ELSE 'pending' END WHERE id = ?")
        .bindAll(trim(decidedBy), formatUtc(at), decision, nonEmpty(trim(note)), id)
        .run();
    InfoRequest after = get(id);
    journal(before, after, "request.leadership", actor);
    tx.commit();
    return after;
}

std::string RequestStore::baseStatus(const InfoRequest& r) {
    if (r.decided()) return r.decision.decision;
    if (r.escalated && r.leadershipDecidedBy.empty()) return "escalated_to_leadership";
    return r.extended ? "extended" : "pending";
}

bool RequestStore::frozen(const InfoRequest& r) {
    if (!r.sessionId) return false;
    return SessionStore(db_).get(*r.sessionId).status == "signed";
}

InfoRequest RequestStore::setDecisionDate(std::int64_t id, const char* column, Day day,
                                          const std::string& actor) {
    const bool handover = std::string_view(column) == "handover_date";
    const char* what = handover ? "handover" : "written-notice";
    Transaction tx(db_);
    InfoRequest before = get(id);
    if (!before.decided()) {
        throw UserError(fmt::format("request {} is not decided yet: the {} date follows a decision",
                                    before.registrationNumber, what));
    }
    const std::optional<Day>& current =
        handover ? before.decision.handoverDate : before.decision.noticeDate;
    if (current && *current != day && frozen(before)) {
        throw UserError(fmt::format(
            "request {} belongs to a signed session and its {} date is already {}; correct it "
            "with `dialogstudio session amend {} --request {} --set {}=YYYY-MM-DD --reason ...`",
            before.registrationNumber, what, formatDay(*current), *before.sessionId,
            before.registrationNumber, column));
    }
    Day received = localDay(before.receivedAt, station_.timeZone);
    Day today = localDay(now(), station_.timeZone);
    if (day < received || day > today) {
        throw UserError(fmt::format("the {} date {} must fall between receipt ({}) and today ({})",
                                    what, formatDay(day), formatDay(received), formatDay(today)));
    }
    if (handover) {
        if (before.decision.decision == "refused") {
            throw UserError(fmt::format("request {} was refused: there is nothing to hand over",
                                        before.registrationNumber));
        }
        if (before.decision.noticeDate && day < *before.decision.noticeDate) {
            throw UserError(fmt::format("the handover date {} is before the written notice ({})",
                                        formatDay(day), formatDay(*before.decision.noticeDate)));
        }
    } else if (before.decision.handoverDate && day > *before.decision.handoverDate) {
        throw UserError(fmt::format("the written-notice date {} is after the handover ({})",
                                    formatDay(day), formatDay(*before.decision.handoverDate)));
    }
    db_.prepare(fmt::format("UPDATE info_requests SET {} = ? WHERE id = ?", column))
        .bindAll(formatDay(day), id)
        .run();
    InfoRequest after = get(id);
    journal(before, after, handover ? "request.handover" : "request.notice", actor);
    tx.commit();
    return after;
}

InfoRequest RequestStore::setNoticeDate(std::int64_t id, Day day, const std::string& actor) {
    return setDecisionDate(id, "notice_date", day, actor);
}

InfoRequest RequestStore::setHandoverDate(std::int64_t id, Day day, const std::string& actor) {
    return setDecisionDate(id, "handover_date", day, actor);
}

InfoRequest RequestStore::get(std::int64_t id) {
    Statement st = db_.prepare(std::string(kSelect) + "WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) throw NotFoundError(fmt::format("no information request with id {}", id));
    return read(st);
}

std::optional<InfoRequest> RequestStore::forQuestion(std::int64_t questionId) {
    Statement st = db_.prepare(std::string(kSelect) + "WHERE question_id = ?");
    st.bind(1, questionId);
    if (!st.step()) return std::nullopt;
    return read(st);
}

InfoRequest RequestStore::findInSession(const std::string& key, std::int64_t sessionId) {
    InfoRequest r = find(key);
    if (r.sessionId != sessionId) {
        throw UserError(fmt::format("request {} does not belong to session {}",
                                    r.registrationNumber, sessionId));
    }
    return r;
}

InfoRequest RequestStore::find(const std::string& key) {
    std::int64_t id = 0;
    auto [p, ec] = std::from_chars(key.data(), key.data() + key.size(), id);
    if (ec == std::errc() && p == key.data() + key.size()) return get(id);
    Statement st = db_.prepare(std::string(kSelect) + "WHERE reg_number = ?");
    st.bind(1, key);
    if (!st.step()) {
        throw NotFoundError(fmt::format("no information request with number '{}'", key));
    }
    return read(st);
}

bool RequestStore::isOverdue(const InfoRequest& r, TimePoint asOf) const {
    const std::optional<Day> decided =
        r.decidedAt ? std::optional<Day>(localDay(*r.decidedAt, station_.timeZone)) : std::nullopt;
    return timeliness(r.dueDate, decided, localDay(asOf, station_.timeZone)) == Timeliness::Overdue;
}

std::vector<InfoRequest> RequestStore::list(const RequestListFilter& f, TimePoint asOf) {
    if (f.status) vocab::require(vocab::requestStatuses(), *f.status, "status");
    if (f.dueWithinDays && (*f.dueWithinDays < 0 || *f.dueWithinDays > Deadlines::kMaxLookAhead)) {
        throw UserError(fmt::format("--due-within: {} is not 0 to {} working days",
                                    *f.dueWithinDays, Deadlines::kMaxLookAhead));
    }
    if (f.sessionId) SessionStore(db_).get(*f.sessionId);  // unknown session: NotFoundError
    // "+station_id" keeps SQLite off the (station, year, sequence) index, which would read the
    // whole register for one session; the session index finds its few rows.
    std::string sql = std::string(kSelect) + "WHERE +station_id = ?1";
    if (f.sessionId) sql += " AND session_id = ?2";
    if (f.status) sql += " AND status = ?3";
    sql += " ORDER BY reg_year, reg_seq";
    Statement st = db_.prepare(sql);
    st.bind(1, station_.id);
    if (f.sessionId) st.bind(2, *f.sessionId);
    if (f.status) st.bind(3, *f.status);
    std::vector<InfoRequest> out;
    Day today = localDay(asOf, station_.timeZone);
    while (st.step()) {
        InfoRequest r = read(st);
        if (f.overdueOnly && !isOverdue(r, asOf)) continue;
        if (f.dueWithinDays) {
            if (r.decided() || r.dueDate > calendar_.addWorkingDays(today, *f.dueWithinDays))
                continue;
        }
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace ds
