#include "studio/ObjectionStore.h"

#include <fmt/format.h>

#include "studio/Database.h"
#include "studio/Errors.h"
#include "studio/Journal.h"
#include "studio/PersonalSeal.h"
#include "studio/PpidTerms.h"
#include "studio/RegistrationNumber.h"
#include "studio/RequestStore.h"
#include "studio/Statement.h"
#include "studio/TextRules.h"
#include "studio/Transaction.h"

namespace ds {

namespace {

constexpr const char* kSelect =
    "SELECT id, station_id, request_id, number, filed_at, ground, reason, objector, superior, "
    "due_date, logged_by, outcome, answer, answered_at, answered_by, dispute_filed_at, "
    "dispute_body, dispute_note, dispute_outcome, dispute_decided_at FROM objections ";

std::optional<TimePoint> optTime(const std::optional<std::string>& s) {
    return s ? parseUtc(*s) : std::nullopt;
}

Objection read(Statement& st) {
    Objection o;
    int c = 0;
    o.id = st.getInt(c++);
    o.stationId = st.getInt(c++);
    o.requestId = st.getInt(c++);
    o.number = st.getText(c++);
    o.filedAt = parseUtc(st.getText(c++)).value_or(TimePoint{});
    o.ground = st.getText(c++);
    o.reason = st.getText(c++);
    o.objector = st.getText(c++);
    o.superior = st.getText(c++);
    o.dueDate = parseDay(st.getText(c++)).value_or(Day{});
    o.loggedBy = st.getText(c++);
    o.outcome = st.getOptText(c++).value_or("");
    o.answer = st.getOptText(c++).value_or("");
    o.answeredAt = optTime(st.getOptText(c++));
    o.answeredBy = st.getOptText(c++).value_or("");
    o.disputeFiledAt = optTime(st.getOptText(c++));
    o.disputeBody = st.getOptText(c++).value_or("");
    o.disputeNote = st.getOptText(c++).value_or("");
    o.disputeOutcome = st.getOptText(c++).value_or("");
    o.disputeDecidedAt = optTime(st.getOptText(c++));
    return o;
}

std::string subject(std::int64_t requestId) {
    return fmt::format("request:{}", requestId);
}

void requireWhen(TimePoint t, TimePoint notBefore, const char* field, const char* after) {
    if (t < notBefore || t > now() + std::chrono::minutes(5)) {
        throw UserError(fmt::format("{}: the time must fall between {} and now", field, after));
    }
}

// The objection as the journal keeps it: the objector (usually the requester) sealed under
// the request's key (PersonalSeal), never in clear.
nlohmann::json journalJson(const Objection& o, const InfoRequest& r) {
    nlohmann::json j = o.toJson();
    j["objector"] = PersonalSeal::seal(r.personalKey, o.objector);
    return j;
}

}  // namespace

Objection ObjectionStore::get(std::int64_t id) {
    Statement st = db_.prepare(std::string(kSelect) + "WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) throw NotFoundError(fmt::format("no objection with id {}", id));
    return read(st);
}

std::vector<Objection> ObjectionStore::forRequest(std::int64_t requestId) {
    Statement st = db_.prepare(std::string(kSelect) + "WHERE request_id = ? ORDER BY id");
    st.bind(1, requestId);
    std::vector<Objection> out;
    while (st.step())
        out.push_back(read(st));
    return out;
}

std::vector<Objection> ObjectionStore::open() {
    Statement st = db_.prepare(std::string(kSelect) +
                               "WHERE station_id = ? AND outcome IS NULL ORDER BY due_date, id");
    st.bind(1, station_.id);
    std::vector<Objection> out;
    while (st.step())
        out.push_back(read(st));
    return out;
}

Objection ObjectionStore::latest(std::int64_t requestId, const std::string& number) {
    auto all = forRequest(requestId);
    if (all.empty()) {
        throw UserError(
            fmt::format("request {} has no objection; file one first with "
                        "`request objection`",
                        number));
    }
    return all.back();
}

Day ObjectionStore::filingDeadline(const InfoRequest& r) const {
    if (r.decided()) {
        Day notice = r.decision.noticeDate.value_or(localDay(*r.decidedAt, station_.timeZone));
        return calendar_.addWorkingDays(notice, kFilingWorkingDays);
    }
    return calendar_.addWorkingDays(r.dueDate, kFilingWorkingDays);
}

std::optional<Day> ObjectionStore::disputeDeadline(const Objection& o) const {
    if (!o.answeredAt) return std::nullopt;
    return calendar_.addWorkingDays(localDay(*o.answeredAt, station_.timeZone),
                                    kDisputeWorkingDays);
}

bool ObjectionStore::isOverdue(const Objection& o, TimePoint asOf) const {
    return o.open() && localDay(asOf, station_.timeZone) > o.dueDate;
}

void ObjectionStore::setStatus(std::int64_t requestId, const std::string& status) {
    db_.prepare("UPDATE info_requests SET status = ? WHERE id = ?")
        .bindAll(status, requestId)
        .run();
}

Objection ObjectionStore::file(std::int64_t requestId, const std::string& ground,
                               const std::string& reason, const std::string& objector,
                               const std::string& superior, std::optional<TimePoint> filedAt,
                               const std::string& actor) {
    vocab::require(vocab::objectionGrounds(), ground, "ground");
    requireText(reason, "reason", kMaxNoteBytes, true);
    requireText(objector, "objector", kMaxNameBytes, false);
    requireText(superior, "superior", kMaxNameBytes, false);
    RequestStore requests(db_, station_, calendar_);
    Transaction tx(db_);
    InfoRequest r = requests.get(requestId);
    TimePoint t = filedAt.value_or(now());
    requireWhen(t, r.receivedAt, "--filed-at", "the request's receipt");
    Day filedDay = localDay(t, station_.timeZone);
    for (const Objection& o : forRequest(requestId)) {
        if (o.open() || o.disputeOpen()) {
            throw UserError(fmt::format("request {} already has an open {} ({})",
                                        r.registrationNumber, o.open() ? "objection" : "dispute",
                                        o.number));
        }
    }
    // Pasal 35(1): the ground has to be one that this request can have.
    bool decidedBefore = r.decided() && *r.decidedAt <= t;
    Day answeredDay =
        decidedBefore ? r.decision.noticeDate.value_or(localDay(*r.decidedAt, station_.timeZone))
                      : filedDay;
    std::string problem;
    if (ground == "P35a" && !(decidedBefore && r.decision.decision == "refused" &&
                              vocab::groundIsExemption(r.decision.ground))) {
        problem = "was not refused under Pasal 17";
    } else if (ground == "P35c" && (decidedBefore || filedDay <= r.dueDate)) {
        problem = decidedBefore ? "was answered" : "is not past its due date yet";
    } else if ((ground == "P35d" || ground == "P35e" || ground == "P35f") && !decidedBefore) {
        problem = "is not decided yet";
    } else if (ground == "P35g" && answeredDay <= r.dueDate) {
        problem = decidedBefore ? "was answered within its time" : "is not past its due date yet";
    }
    if (!problem.empty()) {
        throw UserError(fmt::format("ground {} does not fit: request {} {}", ground,
                                    r.registrationNumber, problem));
    }
    date::year_month_day ymd{filedDay};
    int year = static_cast<int>(ymd.year());
    int month = static_cast<int>(static_cast<unsigned>(ymd.month()));
    Statement seq = db_.prepare(
        "SELECT COALESCE(MAX(reg_seq), 0) + 1 FROM objections WHERE station_id = ? AND reg_year = "
        "?");
    seq.bindAll(station_.id, year);
    seq.step();
    int sequence = static_cast<int>(seq.getInt(0));
    std::string number =
        "KEB-" + RegistrationNumber{sequence, station_.code, month, year}.toString();
    std::string who = trim(objector).empty() ? r.requester.name : trim(objector);
    Day due = calendar_.addWorkingDays(filedDay, kAnswerWorkingDays);
    db_.prepare(
           "INSERT INTO objections (station_id, request_id, number, reg_year, reg_seq, filed_at, "
           "ground, reason, objector, superior, due_date, logged_by) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bindAll(station_.id, requestId, number, year, sequence, formatUtc(t), ground, trim(reason),
                 who, trim(superior), formatDay(due), actor)
        .run();
    Objection o = get(db_.lastInsertId());
    setStatus(requestId, "objection");
    Journal::append(db_, {actor,
                          "request.objection",
                          subject(requestId),
                          {{"status", r.status}},
                          journalJson(o, r)});
    tx.commit();
    return o;
}

Objection ObjectionStore::answer(std::int64_t requestId, const std::string& outcome,
                                 const std::string& text, const std::string& answeredBy,
                                 std::optional<TimePoint> at, const std::string& actor) {
    vocab::require(vocab::objectionOutcomes(), outcome, "outcome");
    requireText(text, "answer", kMaxNoteBytes, outcome != "withdrawn");
    requireText(answeredBy, "by", kMaxNameBytes, outcome != "withdrawn");
    RequestStore requests(db_, station_, calendar_);
    Transaction tx(db_);
    InfoRequest r = requests.get(requestId);
    Objection before = latest(requestId, r.registrationNumber);
    if (!before.open()) {
        throw UserError(
            fmt::format("objection {} was already answered ({})", before.number, before.outcome));
    }
    TimePoint t = at.value_or(now());
    requireWhen(t, before.filedAt, "--at", "the objection's filing");
    db_.prepare(
           "UPDATE objections SET outcome = ?, answer = ?, answered_at = ?, answered_by = ? "
           "WHERE id = ?")
        .bindAll(outcome, trim(text), formatUtc(t), trim(answeredBy), before.id)
        .run();
    setStatus(requestId, RequestStore::baseStatus(r));
    Objection after = get(before.id);
    Journal::append(db_, {actor, "request.objection_answer", subject(requestId),
                          journalJson(before, r), journalJson(after, r)});
    tx.commit();
    return after;
}

Objection ObjectionStore::dispute(std::int64_t requestId, const std::string& body,
                                  const std::string& note, std::optional<TimePoint> filedAt,
                                  const std::string& actor) {
    requireText(body, "body", kMaxNameBytes, true);
    requireText(note, "note", kMaxNoteBytes, false);
    RequestStore requests(db_, station_, calendar_);
    Transaction tx(db_);
    InfoRequest r = requests.get(requestId);
    Objection before = latest(requestId, r.registrationNumber);
    if (before.disputed()) {
        throw UserError(fmt::format("objection {} is already in dispute before {}", before.number,
                                    before.disputeBody));
    }
    TimePoint t = filedAt.value_or(now());
    requireWhen(t, before.filedAt, "--filed-at", "the objection's filing");
    if (before.outcome == "withdrawn") {
        throw UserError(
            fmt::format("objection {} was withdrawn: there is nothing to dispute", before.number));
    }
    // Pasal 37: after an unsatisfying answer, or when the superior did not answer in time.
    if (before.open() && localDay(t, station_.timeZone) <= before.dueDate) {
        throw UserError(fmt::format(
            "objection {} awaits the superior's answer until {}; a dispute follows the answer",
            before.number, formatDay(before.dueDate)));
    }
    db_.prepare(
           "UPDATE objections SET dispute_filed_at = ?, dispute_body = ?, dispute_note = ? "
           "WHERE id = ?")
        .bindAll(formatUtc(t), trim(body), trim(note), before.id)
        .run();
    setStatus(requestId, "dispute");
    Objection after = get(before.id);
    Journal::append(db_, {actor, "request.dispute", subject(requestId), journalJson(before, r),
                          journalJson(after, r)});
    tx.commit();
    return after;
}

Objection ObjectionStore::disputeOutcome(std::int64_t requestId, const std::string& outcome,
                                         const std::string& note, std::optional<TimePoint> at,
                                         const std::string& actor) {
    vocab::require(vocab::disputeOutcomes(), outcome, "outcome");
    requireText(note, "note", kMaxNoteBytes, false);
    RequestStore requests(db_, station_, calendar_);
    Transaction tx(db_);
    InfoRequest r = requests.get(requestId);
    Objection before = latest(requestId, r.registrationNumber);
    if (!before.disputeOpen()) {
        throw UserError(fmt::format("request {} has no open dispute", r.registrationNumber));
    }
    TimePoint t = at.value_or(now());
    requireWhen(t, *before.disputeFiledAt, "--at", "the dispute's filing");
    std::string combined = trim(note);
    if (!before.disputeNote.empty()) {
        combined = combined.empty() ? before.disputeNote : before.disputeNote + "\n" + combined;
    }
    db_.prepare(
           "UPDATE objections SET dispute_outcome = ?, dispute_decided_at = ?, dispute_note = ? "
           "WHERE id = ?")
        .bindAll(outcome, formatUtc(t), combined, before.id)
        .run();
    setStatus(requestId, RequestStore::baseStatus(r));
    Objection after = get(before.id);
    Journal::append(db_, {actor, "request.dispute_outcome", subject(requestId),
                          journalJson(before, r), journalJson(after, r)});
    tx.commit();
    return after;
}

}  // namespace ds
