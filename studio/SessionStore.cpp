#include "studio/SessionStore.h"

#include "studio/SignedSummary.h"
#include "studio/Station.h"

#include <fmt/format.h>

#include "studio/Database.h"
#include "studio/Errors.h"
#include "studio/Journal.h"
#include "studio/ProgrammeStore.h"
#include "studio/RecordingStore.h"
#include "studio/RundownFile.h"
#include "studio/Statement.h"
#include "studio/TextRules.h"
#include "studio/Transaction.h"
#include "studio/Vocabulary.h"

namespace ds {

namespace {

std::optional<TimePoint> optTime(const std::optional<std::string>& s) {
    if (!s) return std::nullopt;
    return parseUtc(*s);
}

std::optional<std::string> optText(const std::optional<TimePoint>& t) {
    if (!t) return std::nullopt;
    return formatUtc(*t);
}

std::string subject(std::int64_t id) {
    return fmt::format("session:{}", id);
}

int currentIndex(const Session& s) {
    for (std::size_t i = 0; i < s.segments.size(); ++i) {
        if (s.segments[i].actualStart && !s.segments[i].actualEnd) return static_cast<int>(i);
    }
    return -1;
}

void requireLive(const Session& s, const char* action) {
    if (s.status != "live") {
        throw UserError(
            fmt::format("session {} is {}, not live: cannot {}", s.id, s.status, action));
    }
}

// Closes a running hold so held time is counted before the segment changes.
void releaseHold(Segment& seg, TimePoint at) {
    if (seg.holdSince) {
        seg.held += std::chrono::duration_cast<Duration>(at - *seg.holdSince);
        seg.holdSince.reset();
    }
}

}  // namespace

void SessionStore::requireNotSigned(const Session& s) {
    if (s.status == "signed") {
        throw UserError(fmt::format(
            "session {} is signed and frozen; corrections are made as amendments", s.id));
    }
}

void SessionStore::validate(const Session& s) {
    requireText(s.topic, "topic", kMaxNameBytes, true);
    requireText(s.sprinNumber, "sprin_number", kMaxNameBytes, false);
    if (s.plannedLength < std::chrono::minutes(1) || s.plannedLength > std::chrono::hours(10)) {
        throw UserError("field 'length': a session lasts 1 minute to 10 hours");
    }
    for (const Officer& o : s.officers) {
        vocab::require(vocab::officerRoles(), o.role, "officer role");
        requireText(o.name, "officer name", kMaxNameBytes, true);
        requireText(o.rank, "officer rank", kMaxNameBytes, false);
        requireText(o.nrp, "officer NRP/NIP", kMaxNameBytes, false);
    }
    for (const Guest& g : s.guests) {
        requireText(g.name, "guest name", kMaxNameBytes, true);
        requireText(g.rank, "guest rank", kMaxNameBytes, false);
        requireText(g.position, "guest position", kMaxNameBytes, false);
    }
}

Session SessionStore::readSession(std::int64_t id, bool withParts) {
    Statement st = db_.prepare(
        "SELECT s.id, s.programme_id, p.station_id, p.title, p.partner_media, s.topic, "
        "s.scheduled_start, s.planned_length_s, s.sprin_number, s.sprin_date, s.status, "
        "s.check_personnel, s.check_materials, s.check_schedule, s.check_guest_input, "
        "s.started_at, s.ended_at FROM sessions s JOIN programmes p ON p.id = s.programme_id "
        "WHERE s.id = ?");
    st.bind(1, id);
    if (!st.step()) throw NotFoundError(fmt::format("no session with id {}", id));
    Session s;
    s.id = st.getInt(0);
    s.programmeId = st.getInt(1);
    s.stationId = st.getInt(2);
    s.programmeTitle = st.getText(3);
    s.partnerMedia = st.getText(4);
    s.topic = st.getText(5);
    s.scheduledStart = parseUtc(st.getText(6)).value_or(TimePoint{});
    s.plannedLength = std::chrono::seconds(st.getInt(7));
    s.sprinNumber = st.getText(8);
    if (auto d = st.getOptText(9)) s.sprinDate = parseDay(*d);
    s.status = st.getText(10);
    for (int i = 0; i < 4; ++i)
        s.checklist[i] = st.getInt(11 + i) != 0;
    s.startedAt = optTime(st.getOptText(15));
    s.endedAt = optTime(st.getOptText(16));
    if (!withParts) return s;

    Statement of = db_.prepare(
        "SELECT role, name, rank, nrp FROM session_officers WHERE session_id = ? ORDER BY id");
    of.bind(1, id);
    while (of.step())
        s.officers.push_back({of.getText(0), of.getText(1), of.getText(2), of.getText(3)});
    Statement gu = db_.prepare(
        "SELECT name, rank, position FROM session_guests WHERE session_id = ? ORDER BY id");
    gu.bind(1, id);
    while (gu.step())
        s.guests.push_back({gu.getText(0), gu.getText(1), gu.getText(2)});
    Statement sg = db_.prepare(
        "SELECT id, ord, kind, title, planned_s, notes, fixed_start, hard_out, actual_start, "
        "actual_end, held_ms, hold_since FROM segments WHERE session_id = ? ORDER BY ord");
    sg.bind(1, id);
    while (sg.step()) {
        Segment seg;
        seg.id = sg.getInt(0);
        seg.ord = static_cast<int>(sg.getInt(1));
        seg.kind = sg.getText(2);
        seg.title = sg.getText(3);
        seg.planned = std::chrono::seconds(sg.getInt(4));
        seg.notes = sg.getText(5);
        seg.fixedStart = optTime(sg.getOptText(6));
        seg.hardOut = optTime(sg.getOptText(7));
        seg.actualStart = optTime(sg.getOptText(8));
        seg.actualEnd = optTime(sg.getOptText(9));
        seg.held = Duration(sg.getInt(10));
        seg.holdSince = optTime(sg.getOptText(11));
        s.segments.push_back(std::move(seg));
    }
    return s;
}

Session SessionStore::get(std::int64_t id) {
    return readSession(id, true);
}

std::vector<Session> SessionStore::list(const SessionListFilter& f) {
    std::string sql = "SELECT id FROM sessions WHERE 1 = 1";
    if (f.status) sql += " AND status = ?1";
    if (f.from) sql += " AND scheduled_start >= ?2";
    if (f.to) sql += " AND scheduled_start < ?3";
    sql += " ORDER BY scheduled_start DESC, id DESC LIMIT ?4";
    Statement st = db_.prepare(sql);
    if (f.status) st.bind(1, *f.status);
    if (f.from) st.bind(2, formatUtc(*f.from));
    if (f.to) st.bind(3, formatUtc(*f.to));
    st.bind(4, f.limit);
    std::vector<std::int64_t> ids;
    while (st.step())
        ids.push_back(st.getInt(0));
    std::vector<Session> out;
    for (std::int64_t id : ids)
        out.push_back(readSession(id, false));
    return out;
}

void SessionStore::writeParts(const Session& s) {
    db_.prepare("DELETE FROM session_officers WHERE session_id = ?").bind(1, s.id).run();
    for (const Officer& o : s.officers) {
        db_.prepare(
               "INSERT INTO session_officers (session_id, role, name, rank, nrp) "
               "VALUES (?, ?, ?, ?, ?)")
            .bindAll(s.id, o.role, o.name, o.rank, o.nrp)
            .run();
    }
    db_.prepare("DELETE FROM session_guests WHERE session_id = ?").bind(1, s.id).run();
    for (const Guest& g : s.guests) {
        db_.prepare(
               "INSERT INTO session_guests (session_id, name, rank, position) VALUES (?, ?, ?, ?)")
            .bindAll(s.id, g.name, g.rank, g.position)
            .run();
    }
}

void SessionStore::writeSegments(std::int64_t sessionId, const std::vector<Segment>& segments) {
    db_.prepare("DELETE FROM segments WHERE session_id = ?").bind(1, sessionId).run();
    int ord = 0;
    for (const Segment& seg : segments) {
        db_.prepare(
               "INSERT INTO segments (session_id, ord, kind, title, planned_s, notes, fixed_start, "
               "hard_out) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            .bindAll(sessionId, ord++, seg.kind, seg.title,
                     static_cast<std::int64_t>(seg.planned.count() / 1000), seg.notes,
                     optText(seg.fixedStart), optText(seg.hardOut))
            .run();
    }
}

void SessionStore::saveSegment(const Segment& seg) {
    db_.prepare(
           "UPDATE segments SET actual_start = ?, actual_end = ?, held_ms = ?, hold_since = ? "
           "WHERE id = ?")
        .bindAll(optText(seg.actualStart), optText(seg.actualEnd),
                 static_cast<std::int64_t>(seg.held.count()), optText(seg.holdSince), seg.id)
        .run();
}

Session SessionStore::create(const Session& s, const std::string& actor) {
    validate(s);
    Transaction tx(db_);
    Programme programme = ProgrammeStore(db_).get(s.programmeId);
    db_.prepare(
           "INSERT INTO sessions (programme_id, topic, scheduled_start, planned_length_s, "
           "sprin_number, sprin_date, check_personnel, check_materials, check_schedule, "
           "check_guest_input, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bindAll(s.programmeId, s.topic, formatUtc(s.scheduledStart),
                 static_cast<std::int64_t>(s.plannedLength.count() / 1000), s.sprinNumber,
                 s.sprinDate ? std::optional<std::string>(formatDay(*s.sprinDate)) : std::nullopt,
                 int(s.checklist[0]), int(s.checklist[1]), int(s.checklist[2]), int(s.checklist[3]),
                 formatUtc(now()))
        .run();
    Session stored = s;
    stored.id = db_.lastInsertId();
    writeParts(stored);
    if (!programme.rundownTemplate.empty()) {
        writeSegments(stored.id, RundownFile::parseJsonTemplate(
                                     programme.rundownTemplate,
                                     fmt::format("programme {} rundown template", programme.id)));
    }
    Session after = get(stored.id);
    Journal::append(db_, {actor, "session.create", subject(after.id), nullptr, after.toJson()});
    tx.commit();
    return after;
}

Session SessionStore::update(const Session& changed, const std::string& actor) {
    validate(changed);
    Transaction tx(db_);
    Session before = get(changed.id);
    requireNotSigned(before);
    if (before.status != "planned" && (changed.scheduledStart != before.scheduledStart ||
                                       changed.plannedLength != before.plannedLength)) {
        throw UserError(
            fmt::format("session {} is {}: its scheduled start and length can no longer change",
                        changed.id, before.status));
    }
    db_.prepare(
           "UPDATE sessions SET topic = ?, scheduled_start = ?, planned_length_s = ?, "
           "sprin_number = ?, sprin_date = ?, check_personnel = ?, check_materials = ?, "
           "check_schedule = ?, check_guest_input = ? WHERE id = ?")
        .bindAll(changed.topic, formatUtc(changed.scheduledStart),
                 static_cast<std::int64_t>(changed.plannedLength.count() / 1000),
                 changed.sprinNumber,
                 changed.sprinDate ? std::optional<std::string>(formatDay(*changed.sprinDate))
                                   : std::nullopt,
                 int(changed.checklist[0]), int(changed.checklist[1]), int(changed.checklist[2]),
                 int(changed.checklist[3]), changed.id)
        .run();
    writeParts(changed);
    Session after = get(changed.id);
    Journal::append(db_,
                    {actor, "session.update", subject(after.id), before.toJson(), after.toJson()});
    tx.commit();
    return after;
}

Session SessionStore::setRundown(std::int64_t id, std::vector<Segment> segments,
                                 const std::string& actor) {
    Transaction tx(db_);
    Session before = get(id);
    if (before.status != "planned") {
        throw UserError(fmt::format(
            "session {} is {}: the rundown can only be replaced before the session starts", id,
            before.status));
    }
    writeSegments(id, segments);
    Session after = get(id);
    Journal::append(db_, {actor, "rundown.set", subject(id), before.toJson()["segments"],
                          after.toJson()["segments"]});
    tx.commit();
    return after;
}

Session SessionStore::start(std::int64_t id, bool force, const std::string& actor) {
    Transaction tx(db_);
    Session s = get(id);
    if (s.status != "planned") {
        throw UserError(
            fmt::format("session {} is {}; only a planned session can start", id, s.status));
    }
    if (s.segments.empty()) {
        throw UserError(fmt::format(
            "session {} has no rundown; set one first with `rundown set {} FILE`", id, id));
    }
    std::string missing;
    for (std::size_t i = 0; i < s.checklist.size(); ++i) {
        if (!s.checklist[i])
            missing += std::string(missing.empty() ? "" : ", ") + kChecklistCodes[i];
    }
    if (!missing.empty() && !force) {
        throw UserError(fmt::format(
            "session {}: the preparation checklist (SOP 000 Pasal 5) is incomplete: {}; tick it "
            "with `session set {} --check ITEM` or start anyway with --force",
            id, missing, id));
    }
    TimePoint t = now();
    Session before = s;
    s.status = "live";
    s.startedAt = t;
    s.segments[0].actualStart = t;
    db_.prepare("UPDATE sessions SET status = 'live', started_at = ? WHERE id = ?")
        .bindAll(formatUtc(t), id)
        .run();
    saveSegment(s.segments[0]);
    RecordingStore(db_).addMarker(id, "segment", s.segments[0].title, t, s.segments[0].id,
                                  std::nullopt, actor);
    nlohmann::json after = {
        {"status", "live"}, {"started_at", formatUtc(t)}, {"segment", s.segments[0].title}};
    if (!missing.empty()) after["checklist_incomplete"] = missing;
    Journal::append(db_, {actor, "session.start", subject(id), {{"status", before.status}}, after});
    tx.commit();
    return s;
}

Session SessionStore::next(std::int64_t id, const std::string& actor) {
    Transaction tx(db_);
    Session s = get(id);
    requireLive(s, "take the next segment");
    int c = currentIndex(s);
    if (c < 0) throw UserError(fmt::format("session {} has no running segment", id));
    if (c + 1 >= static_cast<int>(s.segments.size())) {
        throw UserError(
            fmt::format("'{}' is the last segment; end the session with `session end {}`",
                        s.segments[c].title, id));
    }
    TimePoint t = now();
    Segment& cur = s.segments[c];
    releaseHold(cur, t);
    cur.actualEnd = t;
    s.segments[c + 1].actualStart = t;
    saveSegment(cur);
    saveSegment(s.segments[c + 1]);
    RecordingStore(db_).addMarker(id, "segment", s.segments[c + 1].title, t, s.segments[c + 1].id,
                                  std::nullopt, actor);
    Journal::append(db_,
                    {actor,
                     "rundown.next",
                     subject(id),
                     {{"segment", cur.title}, {"ord", c}},
                     {{"segment", s.segments[c + 1].title}, {"ord", c + 1}, {"at", formatUtc(t)}}});
    tx.commit();
    return s;
}

Session SessionStore::back(std::int64_t id, const std::string& actor) {
    Transaction tx(db_);
    Session s = get(id);
    requireLive(s, "go back");
    int c = currentIndex(s);
    if (c <= 0) throw UserError(fmt::format("session {} is at its first segment", id));
    // Undo the last take: the previous segment was never really left.
    Segment& cur = s.segments[c];
    Segment& prev = s.segments[c - 1];
    cur.actualStart.reset();
    cur.held = Duration(0);
    cur.holdSince.reset();
    prev.actualEnd.reset();
    saveSegment(cur);
    saveSegment(prev);
    // The undone take's marker goes too: the segment did not start then after all.
    db_.prepare(
           "DELETE FROM markers WHERE id = (SELECT MAX(id) FROM markers WHERE session_id = ? AND "
           "kind = 'segment' AND segment_id = ?)")
        .bindAll(id, cur.id)
        .run();
    Journal::append(db_, {actor,
                          "rundown.back",
                          subject(id),
                          {{"segment", cur.title}, {"ord", c}},
                          {{"segment", prev.title}, {"ord", c - 1}}});
    tx.commit();
    return s;
}

Session SessionStore::hold(std::int64_t id, const std::string& actor) {
    Transaction tx(db_);
    Session s = get(id);
    requireLive(s, "hold");
    int c = currentIndex(s);
    if (c < 0) throw UserError(fmt::format("session {} has no running segment", id));
    Segment& cur = s.segments[c];
    TimePoint t = now();
    bool holding = !cur.holdSince;
    if (holding) {
        cur.holdSince = t;
    } else {
        releaseHold(cur, t);
    }
    saveSegment(cur);
    Journal::append(
        db_, {actor,
              holding ? "rundown.hold" : "rundown.resume",
              subject(id),
              {{"segment", cur.title}},
              {{"segment", cur.title}, {"held_ms", cur.held.count()}, {"at", formatUtc(t)}}});
    tx.commit();
    return s;
}

Session SessionStore::end(std::int64_t id, const std::string& actor) {
    Transaction tx(db_);
    Session s = get(id);
    requireLive(s, "end");
    TimePoint t = now();
    int c = currentIndex(s);
    if (c >= 0) {
        releaseHold(s.segments[c], t);
        s.segments[c].actualEnd = t;
        saveSegment(s.segments[c]);
    }
    s.status = "ended";
    s.endedAt = t;
    db_.prepare("UPDATE sessions SET status = 'ended', ended_at = ? WHERE id = ?")
        .bindAll(formatUtc(t), id)
        .run();
    Journal::append(db_, {actor,
                          "session.end",
                          subject(id),
                          {{"status", "live"}},
                          {{"status", "ended"}, {"ended_at", formatUtc(t)}}});
    tx.commit();
    return s;
}

Signature SessionStore::sign(std::int64_t id, Signature sig, const Station& station,
                             const WorkingCalendar& calendar, const std::string& actor) {
    Transaction tx(db_);
    Signature done = signWith(id, std::move(sig), signedSummary(db_, station, calendar, id),
                              station.timeZone, actor);
    tx.commit();
    return done;
}

Signature SessionStore::signWith(std::int64_t id, Signature sig, const nlohmann::json& summary,
                                 const std::string& tz, const std::string& actor) {
    requireText(sig.name, "name", kMaxNameBytes, true);
    requireText(sig.position, "position", kMaxNameBytes, false);
    requireText(sig.place, "place", kMaxNameBytes, false);
    sig.name = trim(sig.name);
    sig.nrp = Signature::normaliseNrp(sig.nrp);
    Transaction tx(db_);
    Session s = get(id);
    if (s.status != "ended") {
        throw UserError(fmt::format(
            "session {} is {}: only an ended session's record is signed{}", id, s.status,
            s.status == "signed" ? " (it already is; corrections are amendments)" : ""));
    }
    TimePoint t = now();
    Day first = localDay(s.scheduledStart, tz);
    if (s.startedAt) first = std::min(first, localDay(*s.startedAt, tz));
    if (sig.signedOn < first || sig.signedOn > localDay(t, tz)) {
        throw UserError(
            fmt::format("--date {}: the signature's date falls between the session ({}) "
                        "and today",
                        formatDay(sig.signedOn), formatDay(first)));
    }
    sig.signedAt = t;
    sig.actor = actor;
    db_.prepare("UPDATE sessions SET status = 'signed' WHERE id = ?").bind(1, id).run();
    nlohmann::json after = sig.toJson();
    after.erase("journal_id");
    after.erase("journal_hash");
    after["status"] = "signed";
    after["record"] = summary;
    Journal::append(db_, {actor, "session.sign", subject(id), {{"status", s.status}}, after});
    Statement head = db_.prepare("SELECT id, hash FROM journal ORDER BY id DESC LIMIT 1");
    head.step();
    sig.journalId = head.getInt(0);
    sig.journalHash = head.getText(1);
    head.reset();
    db_.prepare(
           "INSERT INTO session_signatures (session_id, name, nrp, position, place, signed_on, "
           "signed_at, actor, journal_id, journal_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bindAll(id, sig.name, sig.nrp, trim(sig.position), trim(sig.place),
                 formatDay(sig.signedOn), formatUtc(sig.signedAt), actor, sig.journalId,
                 sig.journalHash)
        .run();
    tx.commit();
    return sig;
}

std::optional<Signature> SessionStore::signature(std::int64_t id) {
    Statement st = db_.prepare(
        "SELECT name, nrp, position, place, signed_on, signed_at, actor, journal_id, journal_hash "
        "FROM session_signatures WHERE session_id = ?");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    Signature sig;
    sig.name = st.getText(0);
    sig.nrp = st.getText(1);
    sig.position = st.getText(2);
    sig.place = st.getText(3);
    sig.signedOn = parseDay(st.getText(4)).value_or(Day{});
    sig.signedAt = parseUtc(st.getText(5)).value_or(TimePoint{});
    sig.actor = st.getText(6);
    sig.journalId = st.getInt(7);
    sig.journalHash = st.getText(8);
    return sig;
}

RundownFigures SessionStore::clock(const Session& s, TimePoint at) {
    std::vector<SegmentTiming> timings;
    timings.reserve(s.segments.size());
    for (const Segment& seg : s.segments) {
        timings.push_back({seg.planned, seg.fixedStart, seg.hardOut, seg.actualStart, seg.actualEnd,
                           seg.held, seg.holdSince});
    }
    return RundownClock::compute(timings, at, s.scheduledStart, s.plannedEnd());
}

}  // namespace ds
