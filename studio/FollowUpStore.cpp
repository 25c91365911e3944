#include "studio/FollowUpStore.h"

#include <fmt/format.h>

#include "studio/Database.h"
#include "studio/Errors.h"
#include "studio/Journal.h"
#include "studio/RequestStore.h"
#include "studio/Statement.h"
#include "studio/TextRules.h"
#include "studio/Transaction.h"

namespace ds {

namespace {

constexpr const char* kSelect =
    "SELECT id, request_id, unit_kind, unit_name, sent_at, due_date, note, sent_by, answered_at, "
    "answer, answered_by FROM follow_ups ";

FollowUp read(Statement& st) {
    FollowUp f;
    f.id = st.getInt(0);
    f.requestId = st.getInt(1);
    f.unitKind = st.getText(2);
    f.unitName = st.getText(3);
    f.sentAt = parseUtc(st.getText(4)).value_or(TimePoint{});
    f.dueDate = parseDay(st.getText(5)).value_or(Day{});
    f.note = st.getText(6);
    f.sentBy = st.getText(7);
    if (auto a = st.getOptText(8)) f.answeredAt = parseUtc(*a);
    f.answer = st.getOptText(9).value_or("");
    f.answeredBy = st.getOptText(10).value_or("");
    return f;
}

std::string unitNames(const Station& s) {
    std::string out;
    for (const Unit& u : s.units)
        out += (out.empty() ? "" : "; ") + u.name;
    return out.empty() ? "(none: add them with `station set --unit \"kind|name\"`)" : out;
}

}  // namespace

FollowUp FollowUpStore::get(std::int64_t id) {
    Statement st = db_.prepare(std::string(kSelect) + "WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) throw NotFoundError(fmt::format("no follow-up with id {}", id));
    return read(st);
}

FollowUp FollowUpStore::send(std::int64_t requestId, const std::string& unitName,
                             std::optional<Day> due, std::optional<int> within,
                             const std::string& note, const std::string& actor) {
    requireText(note, "note", kMaxNoteBytes, false);
    const Unit* unit = nullptr;
    for (const Unit& u : station_.units) {
        if (u.name == trim(unitName)) unit = &u;
    }
    if (!unit) {
        throw UserError(fmt::format("--unit: '{}' is not one of the station's units: {}", unitName,
                                    unitNames(station_)));
    }
    if (due && within) throw UserError("give either --due or --within, not both");
    if (within && (*within < 1 || *within > 60)) {
        throw UserError("--within: a unit gets 1 to 60 working days");
    }
    RequestStore requests(db_, station_, calendar_);
    Transaction tx(db_);
    InfoRequest r = requests.get(requestId);
    if (r.decided()) {
        throw UserError(
            fmt::format("request {} is already decided ({}); a follow-up serves a "
                        "decision still to be made",
                        r.registrationNumber, r.decision.decision));
    }
    for (const FollowUp& f : forRequest(requestId)) {
        if (!f.answered() && f.unitName == unit->name) {
            throw UserError(fmt::format("request {} is already with {} (due {})",
                                        r.registrationNumber, unit->name, formatDay(f.dueDate)));
        }
    }
    TimePoint t = now();
    Day today = localDay(t, station_.timeZone);
    Day dueDay = due ? *due : within ? calendar_.addWorkingDays(today, *within) : r.dueDate;
    if (dueDay < today) {
        throw UserError(fmt::format("--due {} is already past", formatDay(dueDay)));
    }
    db_.prepare(
           "INSERT INTO follow_ups (request_id, unit_kind, unit_name, sent_at, due_date, note, "
           "sent_by) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bindAll(requestId, unit->kind, unit->name, formatUtc(t), formatDay(dueDay), trim(note),
                 actor)
        .run();
    FollowUp f = get(db_.lastInsertId());
    Journal::append(db_, {actor, "request.follow_up", fmt::format("request:{}", requestId), nullptr,
                          f.toJson()});
    tx.commit();
    return f;
}

FollowUp FollowUpStore::reply(std::int64_t requestId, const std::string& unitName,
                              const std::string& answer, std::optional<TimePoint> at,
                              const std::string& actor) {
    requireText(answer, "answer", kMaxNoteBytes, false);
    Transaction tx(db_);
    RequestStore requests(db_, station_, calendar_);
    InfoRequest r = requests.get(requestId);
    std::optional<FollowUp> open;
    for (const FollowUp& f : forRequest(requestId)) {
        if (!f.answered() && (unitName.empty() || f.unitName == trim(unitName))) open = f;
    }
    if (!open) {
        throw UserError(fmt::format("request {} has no open follow-up{}", r.registrationNumber,
                                    unitName.empty() ? "" : " with " + unitName));
    }
    TimePoint t = at.value_or(now());
    if (t < open->sentAt || t > now() + std::chrono::minutes(5)) {
        throw UserError("--at: the reply must fall between the follow-up and now");
    }
    FollowUp before = *open;
    db_.prepare("UPDATE follow_ups SET answered_at = ?, answer = ?, answered_by = ? WHERE id = ?")
        .bindAll(formatUtc(t), trim(answer), actor, open->id)
        .run();
    FollowUp after = get(open->id);
    Journal::append(db_, {actor, "request.follow_up_reply", fmt::format("request:{}", requestId),
                          before.toJson(), after.toJson()});
    tx.commit();
    return after;
}

std::vector<FollowUp> FollowUpStore::forRequest(std::int64_t requestId) {
    Statement st = db_.prepare(std::string(kSelect) + "WHERE request_id = ? ORDER BY id");
    st.bind(1, requestId);
    std::vector<FollowUp> out;
    while (st.step())
        out.push_back(read(st));
    return out;
}

std::vector<FollowUp> FollowUpStore::open() {
    Statement st =
        db_.prepare(std::string(kSelect) + "WHERE answered_at IS NULL ORDER BY due_date, id");
    std::vector<FollowUp> out;
    while (st.step())
        out.push_back(read(st));
    return out;
}

bool FollowUpStore::isOverdue(const FollowUp& f, TimePoint asOf) const {
    return !f.answered() && localDay(asOf, station_.timeZone) > f.dueDate;
}

}  // namespace ds
