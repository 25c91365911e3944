// `coverage register|next|show|list|book|nota`: coverage requests through SOP 002.
#include <fmt/format.h>

#include "publication/CoverageBookPdf.h"
#include "publication/CoverageStore.h"
#include "publication/NotaDinasPdf.h"
#include "publication/OfficeDocument.h"
#include "publication/OfficerStore.h"
#include "publication/PublicationCommands.h"
#include "studio/Errors.h"
#include "studio/IndonesianDate.h"
#include "studio/StudioCommands.h"

namespace ds::publication {

namespace {

std::optional<TimePoint> parseAt(const std::string& text, const Station& st, const char* field) {
    if (text.empty()) return std::nullopt;
    return cli::parseTime(text, st.timeZone, field);
}

void printCoverage(const CommandContext& ctx, const Coverage& c, const std::string& tz) {
    fmt::print("{} {}: {}\n", ctx.t("Peliputan", "Coverage"), c.id, c.title);
    fmt::print("{}: {} · {}\n", ctx.t("Waktu, tempat", "When, where"),
               idn::dateTime(c.eventStart, tz), c.place);
    fmt::print("{}: {}\n", ctx.t("Status", "State"),
               c.done ? ctx.t("selesai", "archived")
                      : fmt::format("{} {}", ctx.t("langkah", "step"), c.step));
    for (const auto& m : c.team)
        fmt::print("  {} {} {}\n", ctx.t("Tim:", "Team:"),
                   m.rank.empty() ? m.name : m.rank + " " + m.name, m.task);
    TimePoint t = now();
    std::vector<std::vector<std::string>> rows;
    for (const auto& s : c.steps) {
        auto standard = standardOf(s.info());
        rows.push_back(
            {std::to_string(s.step), std::string(roleCode(s.role)),
             s.holderName.empty() ? "-" : s.holderName, standard ? minutesText(*standard) : "-",
             s.outcome == StepOutcome::Skipped ? "-" : minutesText(s.taken(t)), verdictText(s, t)});
    }
    cli::printTable(
        {ctx.t("Langkah", "Step"), ctx.t("Jabatan", "Post"), ctx.t("Pemegang", "Holder"),
         ctx.t("Mutu baku", "Standard"), ctx.t("Waktu", "Taken"), ctx.t("Keterangan", "Verdict")},
        rows);
}

TeamMember parseMember(const std::string& text) {
    auto f = cli::splitFields(text, 4);
    return {f[0], f[1], f[2], f[3]};
}

}  // namespace

void addCoverageCommands(CLI::App& app, CommandContext& ctx) {
    CLI::App* group = app.add_subcommand(
        "coverage", "Coverage and documentation requests (peliputan) through SOP 002");
    group->require_subcommand(1);

    struct RegisterArgs {
        std::string letter, from, title, place, event, received, at, kadis;
        std::int64_t session = 0;
        bool agenda = false, spt = false;
    };
    auto ra = std::make_shared<RegisterArgs>();
    CLI::App* reg = group->add_subcommand(
        "register",
        "Enter a coverage request in the schedule (step 1): a letter, the region "
        "head's agenda, or a Dialog Interaktif session");
    reg->add_option("--letter", ra->letter, "Number of the letter asking for coverage");
    reg->add_option("--from", ra->from, "Who sent the letter (the regional office)");
    reg->add_flag("--agenda", ra->agenda, "From the region head's agenda");
    reg->add_option("--session", ra->session, "A Dialog Interaktif session to cover");
    reg->add_option("--title", ra->title, "The activity");
    reg->add_option("--place", ra->place, "Where it takes place");
    reg->add_option("--event", ra->event, "When it takes place (local time)");
    reg->add_flag("--spt", ra->spt, "Needs an SPT (coverage off Bengkalis island)");
    reg->add_option("--received", ra->received, "When the letter or agenda came in");
    reg->add_option("--at", ra->at, "When it was entered (default now)");
    reg->add_option("--kadis", ra->kadis, "Login of the Kadis, when several hold the post");
    reg->callback([&ctx, ra] {
        Station st = ctx.station();
        CoverageRequest rq;
        int sources = (!ra->letter.empty()) + ra->agenda + (ra->session > 0);
        if (sources != 1) throw UserError("give exactly one of --letter, --agenda or --session");
        rq.source = !ra->letter.empty() ? CoverageSource::Letter
                    : ra->agenda        ? CoverageSource::Agenda
                                        : CoverageSource::Session;
        if (ra->session > 0) rq.sessionId = ra->session;
        if (rq.source == CoverageSource::Session && !ra->event.empty())
            throw UserError("--event: a session's coverage takes the session's own schedule");
        rq.letterNumber = ra->letter;
        rq.requester = ra->from;
        rq.title = ra->title;
        rq.place = ra->place;
        rq.eventStart = parseAt(ra->event, st, "--event");
        rq.needsSpt = ra->spt;
        rq.receivedAt = parseAt(ra->received, st, "--received");
        Coverage c = CoverageStore(ctx.db(), st)
                         .add(rq, ra->kadis, ctx.actor(), parseAt(ra->at, st, "--at"));
        ctx.emit(c.toJson(now()), [&] { printCoverage(ctx, c, st.timeZone); });
    });

    struct NextArgs {
        std::int64_t id = 0;
        std::string to, note, at, spt, url;
        std::vector<std::string> team;
    };
    auto na = std::make_shared<NextArgs>();
    CLI::App* next = group->add_subcommand(
        "next",
        "The holder finishes the open step and hands the coverage on (disposition, "
        "schedule and team, nota dinas, SPT, coverage, report, publication, archive)");
    next->add_option("id", na->id, "Coverage id")->required();
    next->add_option("--to", na->to, "Login of the next holder, when several hold the post");
    next->add_option("--note", na->note, "Disposition or note");
    next->add_option("--at", na->at, "When the step was done (default now)");
    next->add_option("--team", na->team, "Step 4: a team member \"name|rank|nip|task\" (repeat)");
    next->add_option("--spt-number", na->spt, "Step 8: the SPT's number");
    next->add_option("--url", na->url, "Steps 12-14: where it was published");
    next->callback([&ctx, na] {
        Station st = ctx.station();
        CoverageAction a;
        a.to = na->to;
        a.note = na->note;
        a.at = parseAt(na->at, st, "--at");
        for (const auto& m : na->team)
            a.team.push_back(parseMember(m));
        a.sptNumber = na->spt;
        a.url = na->url;
        Coverage c = CoverageStore(ctx.db(), st).advance(na->id, a, ctx.actor());
        ctx.emit(c.toJson(now()), [&] { printCoverage(ctx, c, st.timeZone); });
    });

    auto sid = std::make_shared<std::int64_t>(0);
    CLI::App* show = group->add_subcommand("show", "A coverage with its team and steps");
    show->add_option("id", *sid, "Coverage id")->required();
    show->callback([&ctx, sid] {
        Station st = ctx.station();
        Coverage c = CoverageStore(ctx.db(), st).get(*sid);
        ctx.emit(c.toJson(now()), [&] { printCoverage(ctx, c, st.timeZone); });
    });

    struct ListArgs {
        std::string from, to, output;
    };
    auto la = std::make_shared<ListArgs>();
    CLI::App* book = group->add_subcommand(
        "book",
        "The coverage schedule book (buku jadwal peliputan) for a period; --output "
        "writes it as a PDF");
    book->add_option("--from", la->from, "First day (YYYY-MM-DD)")->required();
    book->add_option("--to", la->to, "Last day (YYYY-MM-DD)")->required();
    book->add_option("--output,-o", la->output, "PDF file to write");
    book->callback([&ctx, la] {
        Station st = ctx.station();
        Day from = cli::parseDate(la->from, "--from");
        Day to = cli::parseDate(la->to, "--to");
        if (to < from) throw UserError("--to is before --from");
        CoverageFilter f;
        f.from = parseLocal(formatDay(from) + " 00:00", st.timeZone);
        f.to = parseLocal(formatDay(to + date::days{1}) + " 00:00", st.timeZone);
        auto all = CoverageStore(ctx.db(), st).list(f);
        std::string period = idn::longDate(from) + " s.d. " + idn::longDate(to);
        if (!la->output.empty()) CoverageBookPdf::write(la->output, st, period, all);
        nlohmann::json doc{{"from", formatDay(from)}, {"to", formatDay(to)}};
        doc["coverages"] = nlohmann::json::array();
        for (const auto& c : all)
            doc["coverages"].push_back(c.toJson(now()));
        if (!la->output.empty()) doc["written"] = la->output;
        ctx.emit(doc, [&] {
            std::vector<std::vector<std::string>> rows;
            for (const auto& c : all)
                rows.push_back({std::to_string(c.id), idn::shortDateTime(c.eventStart, st.timeZone),
                                c.title, c.place, c.done ? "-" : std::to_string(c.step)});
            cli::printTable({"ID", ctx.t("Waktu", "When"), ctx.t("Kegiatan", "Activity"),
                             ctx.t("Tempat", "Place"), ctx.t("Langkah", "Step")},
                            rows);
        });
    });

    struct NotaArgs {
        std::int64_t id = 0;
        std::string output;
    };
    auto nt = std::make_shared<NotaArgs>();
    CLI::App* nota = group->add_subcommand("nota", "The nota dinas of the coverage's hand-overs");
    nota->add_option("id", nt->id, "Coverage id")->required();
    nota->add_option("--output,-o", nt->output, "PDF file to write")->required();
    nota->callback([&ctx, nt] {
        Station st = ctx.station();
        Coverage c = CoverageStore(ctx.db(), st).get(nt->id);
        auto all =
            NotaDinasPdf::handovers(c.steps, fmt::format("LIPUT-{}", c.id),
                                    "peliputan \u201c" + c.title + "\u201d", "berkas peliputan");
        OfficerStore officers(ctx.db(), st.id);
        for (auto& h : all)
            if (auto o = officers.find(h.from.role, h.from.holder)) h.fromNip = o->nip;
        if (all.empty()) throw UserError(fmt::format("coverage {} has no hand-over yet", c.id));
        NotaDinasPdf::write(nt->output, st, all);
        ctx.emit({{"written", nt->output}, {"handovers", all.size()}},
                 [&] { fmt::print("{}\n", nt->output); });
    });
}

}  // namespace ds::publication
