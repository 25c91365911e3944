#include "publication/CoverageStore.h"

#include <fmt/format.h>

#include "publication/OfficerStore.h"
#include "publication/PublicationLog.h"
#include "publication/StepLog.h"
#include "publication/TextCheck.h"
#include "studio/Database.h"
#include "studio/Errors.h"
#include "studio/Journal.h"
#include "studio/SessionStore.h"
#include "studio/Statement.h"
#include "studio/Transaction.h"

namespace ds::publication {

namespace {

constexpr int kCoverageStep = static_cast<int>(CoverageStep::Coverage);

std::string subject(std::int64_t id) {
    return fmt::format("coverage:{}", id);
}

TimePoint timeOf(const std::string& t) {
    return parseUtc(t).value_or(TimePoint{});
}

std::string holderOf(const std::vector<StepRecord>& steps, int step) {
    std::string h;
    for (const auto& s : steps)
        if (s.step == step && !s.holder.empty()) h = s.holder;
    return h;
}

}  // namespace

Coverage CoverageStore::add(const CoverageRequest& rq, const std::string& kadisLogin,
                            const std::string& actor, std::optional<TimePoint> atOpt) {
    OfficerStore officers(db_, station_.id);
    OfficeOfficer staff = officers.require(OfficeRole::Staff, actor);
    OfficeOfficer kadis = officers.pick(OfficeRole::Kadis, kadisLogin, "--kadis");
    TimePoint at = atOpt.value_or(now());
    TimePoint received = rq.receivedAt.value_or(at);
    if (received > at)
        throw UserError("--received: the request cannot come in after it was registered (--at)");
    if (at > now() + std::chrono::minutes(1))
        throw UserError(fmt::format("--at: {} is in the future", formatUtc(at)));
    std::string title, place, letter, requester;
    TimePoint event{};
    std::optional<std::int64_t> sessionId;
    if (rq.source == CoverageSource::Session) {
        if (!rq.sessionId) throw UserError("--session: give the session to cover");
        Session s = SessionStore(db_).get(*rq.sessionId);
        if (forSession(s.id))
            throw UserError(fmt::format("session {} is already registered for coverage", s.id));
        sessionId = s.id;
        title = rq.title.empty() ? fmt::format("{}: {}", s.programmeTitle, s.topic)
                                 : requireLine(rq.title, "--title", 300);
        place = rq.place.empty() ? s.partnerMedia : requireLine(rq.place, "--place", 300);
        event = s.scheduledStart;
        requester = station_.name;
    } else {
        title = requireLine(rq.title, "--title", 300);
        place = requireLine(rq.place, "--place", 300);
        if (!rq.eventStart) throw UserError("--event: give the day and time of the activity");
        event = *rq.eventStart;
        if (rq.source == CoverageSource::Letter) {
            letter = requireLine(rq.letterNumber, "--letter", 120);
            requester = requireLine(rq.requester, "--from", 300);
        } else {
            requester = optionalLine(rq.requester, "--from", 300);
            if (requester.empty()) requester = "Agenda kepala daerah";
        }
    }
    ds::Transaction tx(db_);
    db_.prepare(
           "INSERT INTO coverages (station_id, session_id, source, letter_number, requester, "
           "title, place, event_start, needs_spt, step, created_at, created_by) VALUES (?, ?, "
           "?, ?, ?, ?, ?, ?, ?, 2, ?, ?)")
        .bindAll(station_.id, sessionId, std::string(sourceCode(rq.source)), letter, requester,
                 title, place, formatUtc(event), rq.needsSpt ? 1 : 0, formatUtc(at), actor)
        .run();
    std::int64_t id = db_.lastInsertId();
    StepLog steps(db_);
    StepRecord reg = steps.open(Sop::Coverage, id, 1, OfficeRole::Staff, staff.login,
                                staff.displayName(), received);
    steps.close(reg, at, StepOutcome::Passed, actor, "", std::nullopt);
    steps.open(Sop::Coverage, id, 2, OfficeRole::Kadis, kadis.login, kadis.displayName(), at);
    Coverage c = read(id);
    ds::Journal::append(db_, {actor, "coverage.register", subject(id), nullptr, c.toJson(now())});
    tx.commit();
    return c;
}

Coverage CoverageStore::advance(std::int64_t id, const CoverageAction& in,
                                const std::string& actor) {
    Coverage before = read(id);
    if (before.done) throw UserError(fmt::format("coverage {} is archived", id));
    StepLog steps(db_);
    auto cur = steps.current(Sop::Coverage, id);
    if (!cur) throw UserError(fmt::format("coverage {} has no open step", id));
    if (cur->holder != actor)
        throw UserError(fmt::format(
            "coverage {} is with {} ({}, step {}): only they may act on it now, not '{}'", id,
            cur->holderName, roleCode(cur->role), cur->step, actor));
    TimePoint at = in.at.value_or(now());
    std::string note = checkText(in.note, "--note", 2000);
    OfficerStore officers(db_, station_.id);
    const int step = cur->step;
    auto sameAs = [&](OfficeRole role, int earlier) {
        std::string login = holderOf(before.steps, earlier);
        return officers.require(role, login.empty() ? actor : login);
    };
    std::optional<OfficeOfficer> next;
    int nextStep = step + 1;
    std::vector<int> skipped;
    if (step != 4 && !in.team.empty())
        throw UserError("--team: the team is named when the Kasi schedules (step 4)");
    if (step != 8 && !in.sptNumber.empty())
        throw UserError("--spt-number: the SPT is drafted at step 8");
    if ((step < 12 || step > 14) && !in.url.empty())
        throw UserError("--url: the links are recorded at the publication steps (12 to 14)");

    ds::Transaction tx(db_);
    switch (step) {
        case 2:
            next = officers.pick(OfficeRole::Kabid, in.to, "--to");
            break;
        case 3:
            next = officers.pick(OfficeRole::Kasi, in.to, "--to");
            break;
        case 4: {
            if (before.sessionId) {
                if (!in.team.empty())
                    throw UserError(
                        "--team: the team of a Dialog Interaktif session is its Sprin's "
                        "officers (change them with `session set --officer`)");
                if (before.team.empty())
                    throw UserError(fmt::format("session {} has no officers in its Sprin yet",
                                                *before.sessionId));
            } else {
                if (in.team.empty())
                    throw UserError("--team: name the coverage team (\"name|rank|nip|task\")");
                db_.prepare("DELETE FROM coverage_team WHERE coverage_id = ?").bindAll(id).run();
                for (const auto& m : in.team) {
                    db_.prepare(
                           "INSERT INTO coverage_team (coverage_id, name, rank, nip, task) "
                           "VALUES (?, ?, ?, ?, ?)")
                        .bindAll(id, requireLine(m.name, "--team", 200),
                                 optionalLine(m.rank, "--team", 100),
                                 optionalLine(m.nip, "--team", 40),
                                 optionalLine(m.task, "--team", 200))
                        .run();
                }
            }
            next = officers.require(OfficeRole::Kasi, actor);
            break;
        }
        case 5:
            next = sameAs(OfficeRole::Kabid, 3);
            break;
        case 6:
            if (before.needsSpt) {
                next = officers.require(OfficeRole::Kabid, actor);
            } else {
                skipped = {7, 8, 9};
                nextStep = kCoverageStep;
                next = officers.pick(OfficeRole::Staff, in.to.empty() ? before.createdBy : in.to,
                                     "--to");
            }
            break;
        case 7:
            next = officers.pick(OfficeRole::Staff, in.to, "--to");
            break;
        case 8: {
            std::string number = before.sessionId ? before.sptNumber
                                                  : requireLine(in.sptNumber, "--spt-number", 120);
            if (number.empty())
                throw UserError(
                    fmt::format("session {} has no Sprin number: set it with "
                                "`session set --sprin`",
                                *before.sessionId));
            if (!before.sessionId)
                db_.prepare("UPDATE coverages SET spt_number = ? WHERE id = ?")
                    .bindAll(number, id)
                    .run();
            next = sameAs(OfficeRole::Kadis, 2);
            break;
        }
        case 9:
            next =
                officers.pick(OfficeRole::Staff, in.to.empty() ? before.createdBy : in.to, "--to");
            break;
        case 10:
        case 11:
            next = officers.require(OfficeRole::Staff, actor);
            break;
        case 12:
        case 13:
        case 14: {
            std::string url = requireLine(in.url, "--url", 2000);
            if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0)
                throw UserError(fmt::format("--url: '{}' is not an http(s) address", url));
            Channel ch = step == 12   ? Channel::Website
                         : step == 13 ? Channel::Social
                                      : Channel::MassMedia;
            PublicationEntry e;
            e.coverageId = id;
            e.channel = ch;
            e.key = fmt::format("coverage:{}:{}", id, channelCode(ch));
            e.byHand = true;
            e.url = url;
            e.actor = actor;
            e.startedAt = at;
            e.publishedAt = at;
            PublicationLog(db_).record(e);
            next = officers.require(OfficeRole::Staff, actor);
            break;
        }
        case 15:
            nextStep = 0;
            break;
        default:
            throw UserError(fmt::format("coverage {} is at an unknown step {}", id, step));
    }
    steps.close(*cur, at, StepOutcome::Passed, actor, note, std::nullopt);
    for (int s : skipped)
        steps.skip(Sop::Coverage, id, s, sopStep(Sop::Coverage, s).role, at, actor,
                   "tidak memerlukan SPT (peliputan di pulau Bengkalis)");
    if (nextStep > 0)
        steps.open(Sop::Coverage, id, nextStep, next->role, next->login, next->displayName(), at);
    db_.prepare("UPDATE coverages SET step = ?, done = ? WHERE id = ?")
        .bindAll(nextStep > 0 ? nextStep : 15, nextStep > 0 ? 0 : 1, id)
        .run();
    Coverage after = read(id);
    ds::Journal::append(db_, {actor,
                              "coverage.step",
                              subject(id),
                              {{"step", step}},
                              {{"step", nextStep > 0 ? nlohmann::json(nextStep) : nullptr},
                               {"holder", next ? next->login : ""},
                               {"note", note},
                               {"url", in.url}}});
    tx.commit();
    return after;
}

std::optional<std::int64_t> CoverageStore::forSession(std::int64_t sessionId) {
    auto st = db_.prepare("SELECT id FROM coverages WHERE session_id = ?");
    st.bindAll(sessionId);
    if (!st.step()) return std::nullopt;
    return st.getInt(0);
}

Coverage CoverageStore::get(std::int64_t id) {
    return read(id);
}

Coverage CoverageStore::read(std::int64_t id) {
    auto st = db_.prepare(
        "SELECT id, station_id, session_id, source, letter_number, requester, title, place, "
        "event_start, needs_spt, spt_number, step, done, created_at, created_by FROM coverages "
        "WHERE id = ?");
    st.bindAll(id);
    if (!st.step()) throw NotFoundError(fmt::format("no coverage {}", id));
    Coverage c;
    c.id = st.getInt(0);
    c.stationId = st.getInt(1);
    c.sessionId = st.getOptInt(2);
    c.source = requireSource(st.getText(3));
    c.letterNumber = st.getText(4);
    c.requester = st.getText(5);
    c.title = st.getText(6);
    c.place = st.getText(7);
    c.eventStart = timeOf(st.getText(8));
    c.needsSpt = st.getInt(9) != 0;
    c.sptNumber = st.getText(10);
    c.step = static_cast<int>(st.getInt(11));
    c.done = st.getInt(12) != 0;
    c.createdAt = timeOf(st.getText(13));
    c.createdBy = st.getText(14);
    if (c.sessionId) {
        // The session's own Sprin and officers: the same records, read live.
        Session s = SessionStore(db_).get(*c.sessionId);
        c.sptNumber = s.sprinNumber;
        c.eventStart = s.scheduledStart;
        for (const Officer& o : s.officers)
            c.team.push_back({o.name, o.rank, o.nrp, o.role});
    } else {
        auto t = db_.prepare(
            "SELECT name, rank, nip, task FROM coverage_team WHERE coverage_id = ? ORDER BY id");
        t.bindAll(id);
        while (t.step())
            c.team.push_back({t.getText(0), t.getText(1), t.getText(2), t.getText(3)});
    }
    c.steps = StepLog(db_).list(Sop::Coverage, id);
    return c;
}

std::vector<Coverage> CoverageStore::list(const CoverageFilter& f) {
    auto st = db_.prepare(
        "SELECT c.id FROM coverages c LEFT JOIN sessions s ON s.id = c.session_id WHERE "
        "c.station_id = ? AND (? IS NULL OR COALESCE(s.scheduled_start, c.event_start) >= ?) AND "
        "(? IS NULL OR COALESCE(s.scheduled_start, c.event_start) < ?) ORDER BY "
        "COALESCE(s.scheduled_start, c.event_start), c.id");
    std::optional<std::string> from, to;
    if (f.from) from = formatUtc(*f.from);
    if (f.to) to = formatUtc(*f.to);
    st.bindAll(station_.id, from, from, to, to);
    std::vector<std::int64_t> ids;
    while (st.step())
        ids.push_back(st.getInt(0));
    std::vector<Coverage> out;
    for (auto id : ids)
        out.push_back(read(id));
    return out;
}

}  // namespace ds::publication
