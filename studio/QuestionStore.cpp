#include "studio/QuestionStore.h"

#include <algorithm>

#include <fmt/format.h>

#include "studio/Database.h"
#include "studio/Errors.h"
#include "studio/Journal.h"
#include "studio/PersonalDataPolicy.h"
#include "studio/PersonalSeal.h"
#include "studio/RecordingStore.h"
#include "studio/SessionStore.h"
#include "studio/Statement.h"
#include "studio/TextRules.h"
#include "studio/Transaction.h"
#include "studio/Vocabulary.h"

namespace ds {

namespace {

constexpr const char* kSelect =
    "SELECT id, session_id, number, channel, received_at, caller_name, origin, contact, text, "
    "written, topic, status, queue_pos, reason, merged_into, flags, info_request, purpose "
    "FROM questions ";

std::string subject(std::int64_t id) {
    return fmt::format("question:{}", id);
}

nlohmann::json flagsJson(const std::vector<ContentFlag>& flags) {
    nlohmann::json j = nlohmann::json::array();
    for (const ContentFlag& f : flags) {
        j.push_back({{"category", f.category},
                     {"term", f.term},
                     {"offset", f.offset},
                     {"length", f.length}});
    }
    return j;
}

Question read(Statement& st) {
    Question q;
    q.id = st.getInt(0);
    q.sessionId = st.getInt(1);
    q.number = static_cast<int>(st.getInt(2));
    q.channel = st.getText(3);
    q.receivedAt = parseUtc(st.getText(4)).value_or(TimePoint{});
    q.callerName = st.getText(5);
    q.origin = st.getText(6);
    q.contact = st.getText(7);
    q.text = st.getText(8);
    q.written = st.getInt(9) != 0;
    q.topic = st.getText(10);
    q.status = st.getText(11);
    if (auto p = st.getOptInt(12)) q.queuePos = static_cast<int>(*p);
    q.reason = st.getOptText(13).value_or("");
    q.mergedInto = st.getOptInt(14);
    for (const auto& f : nlohmann::json::parse(st.getText(15))) {
        q.flags.push_back({f.at("category"), f.at("term"), f.at("offset"), f.at("length")});
    }
    q.infoRequest = st.getInt(16) != 0;
    q.purpose = st.getText(17);
    return q;
}

}  // namespace

Question QuestionStore::insert(const Question& q, const std::string& actor) {
    Session s = SessionStore(db_).get(q.sessionId);
    SessionStore::requireNotSigned(s);
    Statement num =
        db_.prepare("SELECT COALESCE(MAX(number), 0) + 1 FROM questions WHERE session_id = ?");
    num.bind(1, q.sessionId);
    num.step();
    int number = static_cast<int>(num.getInt(0));
    TimePoint received = q.receivedAt == TimePoint{} ? now() : q.receivedAt;
    const std::string key = PersonalSeal::newKey();
    db_.prepare(
           "INSERT INTO questions (session_id, number, channel, received_at, caller_name, origin, "
           "contact, text, written, topic, status, flags, info_request, purpose, personal_key) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', ?, ?, ?, ?)")
        .bindAll(q.sessionId, number, q.channel, formatUtc(received), q.callerName, q.origin,
                 q.contact, q.text, int(q.written), q.topic, flagsJson(q.flags).dump(),
                 int(q.infoRequest), q.purpose, key)
        .run();
    std::int64_t id = db_.lastInsertId();
    db_.prepare(
           "INSERT INTO question_steps (question_id, status, actor, at) VALUES (?, 'new', ?, ?)")
        .bindAll(id, actor, formatUtc(now()))
        .run();
    Question stored = get(id);
    // The caller's name and contact go into the journal only as seals (PersonalSeal), so the
    // retention rule can erase them for good.
    nlohmann::json journalled = stored.toJson();
    journalled["caller_name"] = PersonalSeal::seal(key, stored.callerName);
    journalled["contact"] = PersonalSeal::seal(key, stored.contact);
    Journal::append(db_, {actor, "question.add", subject(id), nullptr, journalled});
    return stored;
}

Question QuestionStore::get(std::int64_t id) {
    Statement st = db_.prepare(std::string(kSelect) + "WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) throw NotFoundError(fmt::format("no question with id {}", id));
    Question q = read(st);
    Statement steps = db_.prepare(
        "SELECT status, actor, at, COALESCE(note, '') FROM question_steps WHERE question_id = ? "
        "ORDER BY id");
    steps.bind(1, id);
    while (steps.step()) {
        q.steps.push_back({steps.getText(0), steps.getText(1),
                           parseUtc(steps.getText(2)).value_or(TimePoint{}), steps.getText(3)});
    }
    return q;
}

Question QuestionStore::getInSession(std::int64_t id, std::int64_t sessionId) {
    Question q = get(id);
    if (q.sessionId != sessionId) {
        throw UserError(fmt::format("question {} does not belong to session {}", id, sessionId));
    }
    return q;
}

std::vector<Question> QuestionStore::list(std::int64_t sessionId,
                                          std::optional<std::string> status) {
    if (status) vocab::require(vocab::questionStatuses(), *status, "status");
    SessionStore(db_).get(sessionId);  // an unknown session is an error, not an empty list
    std::string sql = std::string(kSelect) + "WHERE session_id = ?1";
    if (status) sql += " AND status = ?2";
    // Approved questions in the producer's order; the rest in the order they came in.
    sql += " ORDER BY CASE WHEN status = 'approved' THEN queue_pos ELSE 1000000000 END, number";
    Statement st = db_.prepare(sql);
    st.bind(1, sessionId);
    if (status) st.bind(2, *status);
    std::vector<Question> out;
    while (st.step())
        out.push_back(read(st));
    return out;
}

std::vector<Question> QuestionStore::byContact(const std::string& contact, std::int64_t excludeId) {
    std::vector<Question> out;
    if (trim(contact).empty()) return out;
    Statement st = db_.prepare(std::string(kSelect) +
                               "WHERE contact = ? AND id <> ? ORDER BY received_at DESC LIMIT 50");
    st.bindAll(trim(contact), excludeId);
    while (st.step())
        out.push_back(read(st));
    return out;
}

void QuestionStore::renumberQueue(std::int64_t sessionId) {
    Statement st = db_.prepare(
        "SELECT id FROM questions WHERE session_id = ? AND status = 'approved' ORDER BY queue_pos, "
        "number");
    st.bind(1, sessionId);
    std::vector<std::int64_t> ids;
    while (st.step())
        ids.push_back(st.getInt(0));
    db_.prepare(
           "UPDATE questions SET queue_pos = NULL WHERE session_id = ? AND status <> 'approved'")
        .bind(1, sessionId)
        .run();
    for (std::size_t i = 0; i < ids.size(); ++i) {
        db_.prepare("UPDATE questions SET queue_pos = ? WHERE id = ?")
            .bindAll(static_cast<std::int64_t>(i + 1), ids[i])
            .run();
    }
}

Question QuestionStore::transition(std::int64_t id, const std::vector<std::string>& from,
                                   const std::string& to, const std::string& note,
                                   const std::string& actor) {
    Question before = get(id);
    Session s = SessionStore(db_).get(before.sessionId);
    SessionStore::requireNotSigned(s);
    if (std::find(from.begin(), from.end(), before.status) == from.end()) {
        std::string allowed;
        for (const std::string& f : from)
            allowed += (allowed.empty() ? "" : " or ") + f;
        throw UserError(fmt::format("question {} is {}; it must be {} to become {}", id,
                                    before.status, allowed, to));
    }
    std::optional<std::int64_t> pos;
    if (to == "approved") {
        Statement st = db_.prepare(
            "SELECT COALESCE(MAX(queue_pos), 0) + 1 FROM questions WHERE session_id = ? AND status "
            "= 'approved'");
        st.bind(1, before.sessionId);
        st.step();
        pos = st.getInt(0);
    }
    db_.prepare(
           "UPDATE questions SET status = ?, queue_pos = ?, reason = COALESCE(?, reason) WHERE id "
           "= ?")
        .bindAll(to, pos, note.empty() ? std::optional<std::string>() : note, id)
        .run();
    db_.prepare(
           "INSERT INTO question_steps (question_id, status, actor, at, note) VALUES (?, ?, ?, ?, "
           "?)")
        .bindAll(id, to, actor, formatUtc(now()),
                 note.empty() ? std::optional<std::string>() : note)
        .run();
    if (before.status == "approved") renumberQueue(before.sessionId);
    Question after = get(id);
    nlohmann::json b = {{"status", before.status}, {"queue_pos", before.toJson()["queue_pos"]}};
    nlohmann::json a = {{"status", after.status}, {"queue_pos", after.toJson()["queue_pos"]}};
    if (!note.empty()) a["note"] = note;
    Journal::append(db_, {actor, "question." + to, subject(id), b, a});
    return after;
}

Question QuestionStore::screen(std::int64_t id, const std::string& note, const std::string& actor) {
    requireText(note, "note", kMaxNoteBytes, false);
    Transaction tx(db_);
    Question q = transition(id, {"new"}, "screened", note, actor);
    tx.commit();
    return q;
}

Question QuestionStore::approve(std::int64_t id, const std::string& actor) {
    Transaction tx(db_);
    Question q = transition(id, {"new", "screened"}, "approved", "", actor);
    tx.commit();
    return q;
}

Question QuestionStore::reject(std::int64_t id, const std::string& reason,
                               const std::string& actor) {
    requireText(reason, "reason", kMaxNoteBytes, true);
    Transaction tx(db_);
    Question q = transition(id, {"new", "screened", "approved", "deferred"}, "rejected",
                            trim(reason), actor);
    tx.commit();
    return q;
}

Question QuestionStore::defer(std::int64_t id, const std::string& reason,
                              const std::string& actor) {
    requireText(reason, "reason", kMaxNoteBytes, true);
    Transaction tx(db_);
    Question q = transition(id, {"new", "screened", "approved"}, "deferred", trim(reason), actor);
    tx.commit();
    return q;
}

Question QuestionStore::merge(std::int64_t id, std::int64_t into, const std::string& actor) {
    Transaction tx(db_);
    Question source = get(id);
    Question target = get(into);
    if (id == into) throw UserError(fmt::format("question {} cannot be merged into itself", id));
    if (source.sessionId != target.sessionId) {
        throw UserError(fmt::format("questions {} and {} belong to different sessions", id, into));
    }
    if (target.status == "rejected" || target.status == "merged") {
        throw UserError(fmt::format("question {} is {}; merge into a question that is still open",
                                    into, target.status));
    }
    Question q = transition(id, {"new", "screened", "approved"}, "merged",
                            fmt::format("merged into question {}", into), actor);
    db_.prepare("UPDATE questions SET merged_into = ? WHERE id = ?").bindAll(into, id).run();
    tx.commit();
    return get(id);
}

Question QuestionStore::onAir(std::int64_t id, const std::string& actor) {
    Transaction tx(db_);
    Question q = get(id);
    Session s = SessionStore(db_).get(q.sessionId);
    if (s.status != "live") {
        throw UserError(
            fmt::format("session {} is {}, not live: no question can go on air", s.id, s.status));
    }
    Statement busy = db_.prepare(
        "SELECT id, number FROM questions WHERE session_id = ? AND status = 'on_air' AND id <> ?");
    busy.bindAll(q.sessionId, id);
    if (busy.step()) {
        throw UserError(fmt::format(
            "question {} (no. {}) is on air; mark it answered before the next one goes on air",
            busy.getInt(0), busy.getInt(1)));
    }
    Question after = transition(id, {"approved"}, "on_air", "", actor);
    RecordingStore(db_).addMarker(after.sessionId, "question",
                                  PersonalDataPolicy::markerLabel(after), now(), std::nullopt,
                                  after.id, actor);
    tx.commit();
    return after;
}

Question QuestionStore::answered(std::int64_t id, const std::string& actor) {
    Transaction tx(db_);
    Question q = transition(id, {"on_air"}, "answered", "", actor);
    tx.commit();
    return q;
}

Question QuestionStore::move(std::int64_t id, int position, const std::string& actor) {
    Transaction tx(db_);
    Question q = get(id);
    SessionStore::requireNotSigned(SessionStore(db_).get(q.sessionId));
    if (q.status != "approved") {
        throw UserError(
            fmt::format("question {} is {}; only approved questions have a place in "
                        "the queue",
                        id, q.status));
    }
    Statement st = db_.prepare(
        "SELECT id FROM questions WHERE session_id = ? AND status = 'approved' AND id <> ? "
        "ORDER BY queue_pos, number");
    st.bindAll(q.sessionId, id);
    std::vector<std::int64_t> ids;
    while (st.step())
        ids.push_back(st.getInt(0));
    int max = static_cast<int>(ids.size()) + 1;
    if (position < 1 || position > max) {
        throw UserError(
            fmt::format("position {} is outside the approved queue (1 to {})", position, max));
    }
    ids.insert(ids.begin() + (position - 1), id);
    for (std::size_t i = 0; i < ids.size(); ++i) {
        db_.prepare("UPDATE questions SET queue_pos = ? WHERE id = ?")
            .bindAll(static_cast<std::int64_t>(i + 1), ids[i])
            .run();
    }
    Journal::append(db_, {actor,
                          "question.move",
                          subject(id),
                          {{"queue_pos", q.queuePos.value_or(0)}},
                          {{"queue_pos", position}}});
    tx.commit();
    return get(id);
}

}  // namespace ds
