// `session create|list|show|set|start|next|back|hold|end` and `rundown set|show`.
#include <fmt/format.h>

#include "studio/DatabaseBackup.h"
#include "studio/Errors.h"
#include "studio/ProgrammeStore.h"
#include "studio/RundownFile.h"
#include "studio/SessionStore.h"
#include "studio/StudioCommands.h"

namespace ds {

namespace {

const char* urgencyName(Urgency u) {
    switch (u) {
        case Urgency::Ok:
            return "ok";
        case Urgency::Warning:
            return "warning";
        case Urgency::Over:
            return "over";
    }
    return "ok";
}

std::string signedClock(Duration d) {
    return d.count() > 0 ? "+" + formatClock(d) : formatClock(d);
}

nlohmann::json figuresJson(const RundownFigures& f) {
    nlohmann::json segs = nlohmann::json::array();
    for (const SegmentFigures& s : f.segments) {
        const char* state = s.state == SegmentState::Done      ? "done"
                            : s.state == SegmentState::Current ? "current"
                                                               : "pending";
        segs.push_back({{"state", state},
                        {"planned_s", s.planned.count() / 1000.0},
                        {"actual_s", s.actual.count() / 1000.0},
                        {"over_under_s", s.overUnder.count() / 1000.0},
                        {"expected_start", formatUtc(s.expectedStart)},
                        {"expected_end", formatUtc(s.expectedEnd)}});
    }
    return {
        {"current", f.current},
        {"next", f.next},
        {"held", f.held},
        {"elapsed_in_segment_s", f.elapsedInSegment.count() / 1000.0},
        {"left_in_segment_s", f.leftInSegment.count() / 1000.0},
        {"session_elapsed_s", f.sessionElapsed.count() / 1000.0},
        {"cumulative_over_under_s", f.cumulativeOverUnder.count() / 1000.0},
        {"expected_end", formatUtc(f.expectedEnd)},
        {"hard_out", f.hardOut ? nlohmann::json(formatUtc(*f.hardOut)) : nlohmann::json(nullptr)},
        {"over_hard_out_s",
         f.overHardOut ? nlohmann::json(f.overHardOut->count() / 1000.0) : nlohmann::json(nullptr)},
        {"segment_urgency", urgencyName(f.segmentUrgency)},
        {"hard_out_urgency", urgencyName(f.hardOutUrgency)},
        {"segments", segs}};
}

void printRundown(const CommandContext& ctx, const Session& s, const RundownFigures& f,
                  const std::string& tz) {
    fmt::print("{} {} — {} ({})\n", ctx.t("Sesi", "Session"), s.id, s.topic, s.status);
    std::vector<std::vector<std::string>> rows;
    for (std::size_t i = 0; i < s.segments.size(); ++i) {
        const Segment& seg = s.segments[i];
        const SegmentFigures& sf = f.segments[i];
        std::string mark = sf.state == SegmentState::Current ? (f.held ? "HOLD" : ">>")
                           : sf.state == SegmentState::Done  ? "ok"
                                                             : "";
        rows.push_back({mark, std::to_string(i + 1), seg.kind, seg.title, formatClock(seg.planned),
                        sf.state == SegmentState::Pending ? "" : formatClock(sf.actual),
                        sf.state == SegmentState::Pending ? "" : signedClock(sf.overUnder),
                        formatLocal(sf.expectedStart, tz, "%H:%M:%S")});
    }
    cli::printTable(
        {"", "#", ctx.t("Jenis", "Kind"), ctx.t("Segmen", "Segment"), ctx.t("Rencana", "Planned"),
         ctx.t("Aktual", "Actual"), "+/-", ctx.t("Mulai", "Start")},
        rows);
    if (f.current >= 0) {
        fmt::print("{}: {}   {}: {}\n", ctx.t("Berjalan", "Elapsed"),
                   formatClock(f.elapsedInSegment), ctx.t("Sisa segmen", "Left in segment"),
                   formatClock(f.leftInSegment));
    }
    fmt::print("{}: {}   {}: {}\n", ctx.t("Selisih kumulatif", "Cumulative over/under"),
               signedClock(f.cumulativeOverUnder), ctx.t("Perkiraan selesai", "Expected end"),
               formatLocal(f.expectedEnd, tz, "%H:%M:%S"));
    if (f.hardOut && f.overHardOut) {
        fmt::print("{}: {} ({})\n", ctx.t("Batas akhir", "Hard out"),
                   formatLocal(*f.hardOut, tz, "%H:%M:%S"), signedClock(*f.overHardOut));
    }
}

void printSession(const CommandContext& ctx, const Session& s, const std::string& tz) {
    fmt::print("{} {}: {}\n", ctx.t("Sesi", "Session"), s.id, s.topic);
    fmt::print("{}: {} — {}\n", ctx.t("Program", "Programme"), s.programmeTitle, s.partnerMedia);
    fmt::print("{}: {} ({} {})\n", ctx.t("Jadwal", "Scheduled"), formatLocal(s.scheduledStart, tz),
               s.plannedLength.count() / 60000, ctx.t("menit", "minutes"));
    fmt::print("Status: {}\n", s.status);
    fmt::print("Sprin: {} {}\n", s.sprinNumber.empty() ? "-" : s.sprinNumber,
               s.sprinDate ? formatDay(*s.sprinDate) : "");
    fmt::print("{}:", ctx.t("Persiapan (SOP 000 Pasal 5)", "Preparation (SOP 000 Art. 5)"));
    for (std::size_t i = 0; i < s.checklist.size(); ++i) {
        fmt::print(" [{}] {}", s.checklist[i] ? "x" : " ", kChecklistCodes[i]);
    }
    fmt::print("\n{}:\n", ctx.t("Petugas", "Officers"));
    for (const Officer& o : s.officers)
        fmt::print("  {}: {} {} {}\n", o.role, o.rank, o.name, o.nrp);
    fmt::print("{}:\n", ctx.t("Narasumber", "Guests"));
    for (const Guest& g : s.guests)
        fmt::print("  {} {} — {}\n", g.rank, g.name, g.position);
    fmt::print("{}: {}\n", ctx.t("Segmen rundown", "Rundown segments"), s.segments.size());
}

struct SessionArgs {
    std::optional<std::int64_t> programme;
    std::optional<std::string> topic, start, sprin, sprinDate;
    std::optional<int> length;
    std::vector<std::string> officers, guests, check, uncheck;
    bool clearOfficers = false, clearGuests = false;
};

void addSessionOptions(CLI::App* cmd, SessionArgs& a) {
    cmd->add_option("--topic", a.topic, "Topic of the dialogue");
    cmd->add_option("--start", a.start,
                    "Scheduled start, \"YYYY-MM-DD HH:MM\" in the station's time zone");
    cmd->add_option("--length", a.length, "Planned length in minutes (default: the programme's)");
    cmd->add_option("--sprin", a.sprin, "Assignment order (Sprin) number");
    cmd->add_option("--sprin-date", a.sprinDate, "Assignment order date, YYYY-MM-DD");
    cmd->add_option("--officer", a.officers,
                    "Officer on duty \"role|name|rank|NRP\", role: producer, screener, ppid, host "
                    "(repeat; replaces the list)");
    cmd->add_option("--guest", a.guests,
                    "Guest speaker \"name|rank|position\" (repeat; replaces the list)");
    cmd->add_option(
        "--check", a.check,
        "Tick a preparation item: personnel, materials, schedule, guest_input (repeat)");
    cmd->add_option("--uncheck", a.uncheck, "Untick a preparation item (repeat)");
}

void applySessionArgs(const SessionArgs& a, Session& s, const std::string& tz) {
    if (a.topic) s.topic = *a.topic;
    if (a.start) s.scheduledStart = cli::parseTime(*a.start, tz, "--start");
    if (a.length) s.plannedLength = std::chrono::minutes(*a.length);
    if (a.sprin) s.sprinNumber = *a.sprin;
    if (a.sprinDate) s.sprinDate = cli::parseDate(*a.sprinDate, "--sprin-date");
    if (!a.officers.empty() || a.clearOfficers) {
        s.officers.clear();
        for (const std::string& o : a.officers)
            s.officers.push_back(cli::parseOfficer(o));
    }
    if (!a.guests.empty() || a.clearGuests) {
        s.guests.clear();
        for (const std::string& g : a.guests)
            s.guests.push_back(cli::parseGuest(g));
    }
    auto item = [](const std::string& code) {
        for (std::size_t i = 0; i < kChecklistCodes.size(); ++i) {
            if (code == kChecklistCodes[i]) return i;
        }
        throw UserError(fmt::format(
            "checklist item '{}' is not one of personnel, materials, schedule, guest_input", code));
    };
    for (const std::string& c : a.check)
        s.checklist[item(c)] = true;
    for (const std::string& c : a.uncheck)
        s.checklist[item(c)] = false;
}

}  // namespace

void addSessionCommands(CLI::App& app, CommandContext& ctx) {
    CLI::App* session = app.add_subcommand("session", "Dialogue programme sessions (sesi siaran)");
    session->require_subcommand(1);

    auto ca = std::make_shared<SessionArgs>();
    CLI::App* create = session->add_subcommand("create", "Plan a new session");
    create->add_option("--programme", ca->programme, "Programme id (default: the only programme)");
    addSessionOptions(create, *ca);
    create->callback([&ctx, ca] {
        Station st = ctx.station();
        ProgrammeStore programmes(ctx.db());
        Session s;
        if (ca->programme) {
            s.programmeId = *ca->programme;
        } else {
            auto all = programmes.list(st.id);
            if (all.size() != 1) {
                throw UserError(all.empty()
                                    ? "no programme yet: create one with `dialogstudio programme "
                                      "create --title ...`"
                                    : "several programmes exist: choose one with --programme ID");
            }
            s.programmeId = all[0].id;
        }
        Programme p = programmes.get(s.programmeId);
        if (!ca->start) throw UserError("--start is required (\"YYYY-MM-DD HH:MM\" local time)");
        if (!ca->topic) throw UserError("--topic is required");
        s.plannedLength = std::chrono::minutes(p.lengthMinutes);
        applySessionArgs(*ca, s, st.timeZone);
        Session stored = SessionStore(ctx.db()).create(s, ctx.actor());
        ctx.emit(stored.toJson(), [&] { printSession(ctx, stored, st.timeZone); });
    });

    auto sa = std::make_shared<SessionArgs>();
    auto setId = std::make_shared<std::int64_t>(0);
    CLI::App* set = session->add_subcommand(
        "set", "Change a planned session (details, officers, guests, checklist)");
    set->add_option("SESSION", *setId, "Session id")->required();
    addSessionOptions(set, *sa);
    set->add_flag("--clear-officers", sa->clearOfficers, "Remove all officers");
    set->add_flag("--clear-guests", sa->clearGuests, "Remove all guests");
    set->callback([&ctx, sa, setId] {
        Station st = ctx.station();
        SessionStore store(ctx.db());
        Session s = store.get(*setId);
        applySessionArgs(*sa, s, st.timeZone);
        Session after = store.update(s, ctx.actor());
        ctx.emit(after.toJson(), [&] { printSession(ctx, after, st.timeZone); });
    });

    struct ListArgs {
        std::optional<std::string> status, from, to;
        int limit = 50;
    };
    auto la = std::make_shared<ListArgs>();
    CLI::App* list = session->add_subcommand("list", "List sessions, newest first");
    list->add_option("--status", la->status, "planned, live, ended or signed");
    list->add_option("--from", la->from, "Scheduled on or after (local \"YYYY-MM-DD HH:MM\")");
    list->add_option("--to", la->to, "Scheduled before (local \"YYYY-MM-DD HH:MM\")");
    list->add_option("--limit", la->limit, "At most this many");
    list->callback([&ctx, la] {
        Station st = ctx.station();
        SessionListFilter f;
        f.status = la->status;
        if (la->from) f.from = cli::parseTime(*la->from, st.timeZone, "--from");
        if (la->to) f.to = cli::parseTime(*la->to, st.timeZone, "--to");
        f.limit = la->limit;
        nlohmann::json out = nlohmann::json::array();
        std::vector<std::vector<std::string>> rows;
        for (const Session& s : SessionStore(ctx.db()).list(f)) {
            out.push_back(s.toJson());
            rows.push_back({std::to_string(s.id), formatLocal(s.scheduledStart, st.timeZone),
                            s.status, s.programmeTitle, s.topic});
        }
        ctx.emit(out, [&] {
            cli::printTable({"ID", ctx.t("Jadwal", "Scheduled"), "Status",
                             ctx.t("Program", "Programme"), ctx.t("Topik", "Topic")},
                            rows);
        });
    });

    auto showId = std::make_shared<std::int64_t>(0);
    CLI::App* show = session->add_subcommand("show", "Show a session");
    show->add_option("SESSION", *showId, "Session id")->required();
    show->callback([&ctx, showId] {
        Station st = ctx.station();
        Session s = SessionStore(ctx.db()).get(*showId);
        ctx.emit(s.toJson(), [&] { printSession(ctx, s, st.timeZone); });
    });

    // The live controls share one shape: an id, an action, the rundown afterwards.
    auto live = [&ctx, session](const char* name, const char* help,
                                std::function<Session(SessionStore&, std::int64_t, bool)> action) {
        auto id = std::make_shared<std::int64_t>(0);
        auto force = std::make_shared<bool>(false);
        CLI::App* cmd = session->add_subcommand(name, help);
        cmd->add_option("SESSION", *id, "Session id")->required();
        if (std::string(name) == "start") {
            cmd->add_flag("--force", *force,
                          "Start although the preparation checklist is incomplete (journalled)");
        }
        cmd->callback([&ctx, id, force, action, name] {
            Station st = ctx.station();
            SessionStore store(ctx.db());
            Session s = action(store, *id, *force);
            RundownFigures f = SessionStore::clock(s, now());
            nlohmann::json doc = {{"session", s.toJson()}, {"clock", figuresJson(f)}};
            if (std::string_view(name) == "end") {
                // The session's record is complete: copy it to the station's backup folder.
                doc["backup"] = DatabaseBackup::afterSession(ctx.db(), st, s.id);
            }
            ctx.emit(doc, [&] { printRundown(ctx, s, f, st.timeZone); });
        });
    };
    live("start", "Start the session live: the first segment begins now",
         [&ctx](SessionStore& s, std::int64_t id, bool force) {
             return s.start(id, force, ctx.actor());
         });
    live("next", "Take the next segment",
         [&ctx](SessionStore& s, std::int64_t id, bool) { return s.next(id, ctx.actor()); });
    live("back", "Go back: undo the last take",
         [&ctx](SessionStore& s, std::int64_t id, bool) { return s.back(id, ctx.actor()); });
    live("hold", "Hold or resume the current segment's clock",
         [&ctx](SessionStore& s, std::int64_t id, bool) { return s.hold(id, ctx.actor()); });
    live("end", "End the session: the current segment ends now",
         [&ctx](SessionStore& s, std::int64_t id, bool) { return s.end(id, ctx.actor()); });

    CLI::App* rundown = app.add_subcommand("rundown", "A session's rundown (susunan acara)");
    rundown->require_subcommand(1);
    auto rsId = std::make_shared<std::int64_t>(0);
    auto rsFile = std::make_shared<std::string>();
    CLI::App* rset = rundown->add_subcommand(
        "set",
        "Replace a planned session's rundown from a file. CSV columns: kind, title, planned "
        "(required); notes, fixed_start, hard_out. kind: opening, material, qa, break, closing, "
        "other. planned: minutes (5, 2.5) or m:ss. fixed_start/hard_out: HH:MM local. JSON: an "
        "array of objects with the same keys.");
    rset->add_option("SESSION", *rsId, "Session id")->required();
    rset->add_option("FILE", *rsFile, "Rundown file (.csv or .json)")->required();
    rset->callback([&ctx, rsId, rsFile] {
        Station st = ctx.station();
        SessionStore store(ctx.db());
        Session s = store.get(*rsId);
        auto segments =
            RundownFile::read(*rsFile, st.timeZone, localDay(s.scheduledStart, st.timeZone));
        Session after = store.setRundown(*rsId, std::move(segments), ctx.actor());
        RundownFigures f = SessionStore::clock(after, now());
        ctx.emit({{"session", after.toJson()}, {"clock", figuresJson(f)}},
                 [&] { printRundown(ctx, after, f, st.timeZone); });
    });
    auto rshow = std::make_shared<std::int64_t>(0);
    auto at = std::make_shared<std::string>();
    CLI::App* show2 =
        rundown->add_subcommand("show", "Show the rundown with the live clock figures");
    show2->add_option("SESSION", *rshow, "Session id")->required();
    show2->add_option("--at", *at, "Compute the clock as at this time instead of now");
    show2->callback([&ctx, rshow, at] {
        Station st = ctx.station();
        Session s = SessionStore(ctx.db()).get(*rshow);
        TimePoint t = at->empty() ? now() : cli::parseTime(*at, st.timeZone, "--at");
        RundownFigures f = SessionStore::clock(s, t);
        ctx.emit({{"session", s.toJson()}, {"clock", figuresJson(f)}},
                 [&] { printRundown(ctx, s, f, st.timeZone); });
    });
}

}  // namespace ds
