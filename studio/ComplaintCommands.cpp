// `complaint mark|forward|follow-up|close|list|show|overdue|letter|stats`: complaints from the
// air followed up by the station's units (SOP 003, SOP 004).
#include <fmt/format.h>

#include "studio/ComplaintLetterPdf.h"
#include "studio/ComplaintStats.h"
#include "studio/ComplaintStore.h"
#include "studio/DateRange.h"
#include "studio/Errors.h"
#include "studio/IndonesianDate.h"
#include "studio/Journal.h"
#include "studio/Masking.h"
#include "studio/StationStore.h"
#include "studio/StudioCommands.h"
#include "studio/Transaction.h"

namespace ds {

namespace {

ComplaintStore storeOf(CommandContext& ctx) {
    Station s = ctx.station();
    WorkingCalendar cal = StationStore::calendar(s);
    return ComplaintStore(ctx.db(), std::move(s), std::move(cal));
}

std::string label(const CommandContext& ctx, std::span<const Term> list, std::string_view code) {
    const Term* t = vocab::find(list, code);
    return t ? ctx.label(*t) : std::string(code);
}

void printComplaint(const CommandContext& ctx, const Complaint& c, const std::string& tz,
                    bool personal) {
    fmt::print("{} {} ({} {}, {} {})\n", ctx.t("Keluhan", "Complaint"), c.id,
               ctx.t("pertanyaan", "question"), c.questionNumber, ctx.t("sesi", "session"),
               c.sessionId);
    fmt::print("  {}: {}\n", ctx.t("Jenis", "Kind"),
               label(ctx, complaint::kinds(), complaint::code(c.kind)));
    fmt::print("  {}: {}\n", ctx.t("Topik", "Topic"), c.topic);
    fmt::print("  {}: {}\n", ctx.t("Wilayah", "Area"), c.area());
    fmt::print("  {}: {}\n", ctx.t("Penanya", "Caller"),
               personal ? c.callerName + " " + c.contact
                        : initials(c.callerName) + " " + maskContact(c.contact));
    fmt::print("  {}: {}\n", ctx.t("Status", "Status"),
               label(ctx, complaint::statuses(), complaint::code(c.status)));
    if (c.forwardedAt) {
        fmt::print("  {}: {} ({} {}, {} {})\n", ctx.t("Diteruskan ke", "Forwarded to"), c.unitName,
                   idn::dateTime(*c.forwardedAt, tz), ctx.t("oleh", "by"), c.forwardedBy,
                   ctx.t("batas", "due"), c.dueDate ? idn::longDate(*c.dueDate) : "-");
    }
    if (c.followedUpAt) {
        std::string pillars;
        for (Pillar p : c.pillars)
            pillars += (pillars.empty() ? "" : ", ") +
                       label(ctx, complaint::pillars(), complaint::code(p));
        fmt::print("  {}: {}\n", ctx.t("Jawaban unit", "Unit's answer"), c.answer);
        fmt::print("  {}: {}\n", ctx.t("Tindakan", "Action"), c.action.empty() ? "-" : c.action);
        fmt::print("  {}: {}\n", ctx.t("Tiga pilar", "Three pillars"),
                   pillars.empty() ? "-" : pillars);
    }
    if (c.closedAt) {
        fmt::print(
            "  {}: {} ({})\n", ctx.t("Selesai", "Closed"), idn::dateTime(*c.closedAt, tz),
            c.informed ? label(ctx, complaint::informedWays(), complaint::code(*c.informed)) : "-");
    }
    if (!c.letterNumber.empty()) fmt::print("  {}: {}\n", ctx.t("Surat", "Letter"), c.letterNumber);
}

void printList(const CommandContext& ctx, const std::vector<Complaint>& list) {
    std::vector<std::vector<std::string>> rows;
    for (const Complaint& c : list) {
        rows.push_back({std::to_string(c.id), std::to_string(c.sessionId), c.topic, c.area(),
                        label(ctx, complaint::statuses(), complaint::code(c.status)),
                        c.unitName.empty() ? "-" : c.unitName,
                        c.dueDate ? formatDay(*c.dueDate) : "-"});
    }
    cli::printTable(
        {"ID", ctx.t("Sesi", "Session"), ctx.t("Topik", "Topic"), ctx.t("Wilayah", "Area"),
         ctx.t("Status", "Status"), ctx.t("Unit", "Unit"), ctx.t("Batas", "Due")},
        rows);
}

nlohmann::json listJson(const std::vector<Complaint>& list) {
    nlohmann::json out = nlohmann::json::array();
    for (const Complaint& c : list)
        out.push_back(c.toJson(false));
    return out;
}

std::optional<TimePoint> optionalTime(const std::string& text, const std::string& tz,
                                      const char* field) {
    if (text.empty()) return std::nullopt;
    return cli::parseTime(text, tz, field);
}

}  // namespace

void addComplaintCommands(CLI::App& app, CommandContext& ctx) {
    CLI::App* group = app.add_subcommand(
        "complaint", "Complaints and problem reports from the air, followed up by the units");
    group->require_subcommand(1);

    struct MarkArgs {
        std::int64_t question = 0;
        std::string kind, topic, kelurahan, kecamatan;
    };
    auto ma = std::make_shared<MarkArgs>();
    CLI::App* mark = group->add_subcommand("mark", "Mark a question as a complaint");
    mark->add_option("QUESTION", ma->question, "Question id")->required();
    mark->add_option("--kind", ma->kind, vocab::codes(complaint::kinds()))->required();
    mark->add_option("--topic", ma->topic, "What it is about, e.g. \"balap liar\"")->required();
    mark->add_option("--kelurahan", ma->kelurahan, "The kelurahan or desa it concerns");
    mark->add_option("--kecamatan", ma->kecamatan, "The kecamatan it concerns");
    mark->callback([&ctx, ma] {
        ComplaintStore store = storeOf(ctx);
        Complaint c = store.mark(ma->question, complaint::parseKind(ma->kind, "--kind"), ma->topic,
                                 ma->kelurahan, ma->kecamatan, ctx.actor());
        ctx.emit(c.toJson(false), [&] { printComplaint(ctx, c, store.station().timeZone, false); });
    });

    struct ForwardArgs {
        std::int64_t id = 0;
        std::string unit, due, note, at;
        bool shareContact = false;
    };
    auto fa = std::make_shared<ForwardArgs>();
    CLI::App* forward = group->add_subcommand("forward", "Forward a complaint to a unit");
    forward->add_option("COMPLAINT", fa->id, "Complaint id")->required();
    forward->add_option("--unit", fa->unit, "One of the station's units (see `station show`)")
        ->required();
    forward->add_option("--due", fa->due,
                        "Due date YYYY-MM-DD (default: the station's working days, see `station "
                        "set --complaint-due-days`)");
    forward->add_flag("--share-contact", fa->shareContact,
                      "The unit gets the caller's contact to call back (shown on its letter)");
    forward->add_option("--note", fa->note, "What the unit is asked to do");
    forward->add_option("--at", fa->at, "When (default now), local \"YYYY-MM-DD HH:MM\"");
    forward->callback([&ctx, fa] {
        ComplaintStore store = storeOf(ctx);
        const std::string& tz = store.station().timeZone;
        std::optional<Day> due;
        if (!fa->due.empty()) due = cli::parseDate(fa->due, "--due");
        Complaint c = store.forward(fa->id, fa->unit, due, fa->shareContact, fa->note,
                                    optionalTime(fa->at, tz, "--at"), ctx.actor());
        ctx.emit(c.toJson(false), [&] { printComplaint(ctx, c, tz, false); });
    });

    struct FollowArgs {
        std::int64_t id = 0;
        std::string answer, action, at;
        std::vector<std::string> pillars;
    };
    auto fu = std::make_shared<FollowArgs>();
    CLI::App* follow = group->add_subcommand("follow-up", "Record the unit's answer and action");
    follow->add_option("COMPLAINT", fu->id, "Complaint id")->required();
    follow->add_option("--answer", fu->answer, "The unit's answer")->required();
    follow->add_option("--action", fu->action,
                       "What was done, e.g. \"patroli malam Sabtu-Minggu\", \"mediasi\"");
    follow->add_option("--pillar", fu->pillars,
                       "Pillar involved (repeat): " + vocab::codes(complaint::pillars()));
    follow->add_option("--at", fu->at, "When (default now), local \"YYYY-MM-DD HH:MM\"");
    follow->callback([&ctx, fu] {
        ComplaintStore store = storeOf(ctx);
        const std::string& tz = store.station().timeZone;
        std::vector<Pillar> pillars;
        for (const std::string& p : fu->pillars)
            pillars.push_back(complaint::parsePillar(p, "--pillar"));
        Complaint c = store.followUp(fu->id, fu->answer, fu->action, pillars,
                                     optionalTime(fu->at, tz, "--at"), ctx.actor());
        ctx.emit(c.toJson(false), [&] { printComplaint(ctx, c, tz, false); });
    });

    struct CloseArgs {
        std::int64_t id = 0;
        std::string informed, informedOn, at;
    };
    auto ca = std::make_shared<CloseArgs>();
    CLI::App* close = group->add_subcommand("close", "Close a complaint: the caller was informed");
    close->add_option("COMPLAINT", ca->id, "Complaint id")->required();
    close
        ->add_option(
            "--informed", ca->informed,
            "How the caller learnt the outcome: " + vocab::codes(complaint::informedWays()))
        ->required();
    close->add_option("--informed-on", ca->informedOn, "On which day (default: today)");
    close->add_option("--at", ca->at, "When (default now), local \"YYYY-MM-DD HH:MM\"");
    close->callback([&ctx, ca] {
        ComplaintStore store = storeOf(ctx);
        const std::string& tz = store.station().timeZone;
        std::optional<Day> on;
        if (!ca->informedOn.empty()) on = cli::parseDate(ca->informedOn, "--informed-on");
        Complaint c = store.close(ca->id, complaint::parseInformed(ca->informed, "--informed"), on,
                                  optionalTime(ca->at, tz, "--at"), ctx.actor());
        ctx.emit(c.toJson(false), [&] { printComplaint(ctx, c, tz, false); });
    });

    struct ListArgs {
        std::int64_t session = 0;
        std::string status, unit;
    };
    auto la = std::make_shared<ListArgs>();
    CLI::App* list = group->add_subcommand("list", "List complaints");
    list->add_option("--session", la->session, "Only this session");
    list->add_option("--status", la->status, vocab::codes(complaint::statuses()));
    list->add_option("--unit", la->unit, "Only those forwarded to this unit");
    list->callback([&ctx, la] {
        ComplaintStore store = storeOf(ctx);
        ComplaintFilter f;
        if (la->session) f.sessionId = la->session;
        if (!la->status.empty()) f.status = complaint::parseStatus(la->status, "--status");
        f.unitName = la->unit;
        const std::vector<Complaint> found = store.list(f);
        ctx.emit(listJson(found), [&] { printList(ctx, found); });
    });

    struct ShowArgs {
        std::int64_t id = 0;
        bool unmasked = false;
    };
    auto sa = std::make_shared<ShowArgs>();
    CLI::App* show = group->add_subcommand("show", "Show a complaint");
    show->add_option("COMPLAINT", sa->id, "Complaint id")->required();
    show->add_flag("--unmasked", sa->unmasked,
                   "Show the caller's name and contact in full (journalled)");
    show->callback([&ctx, sa] {
        ComplaintStore store = storeOf(ctx);
        Complaint c = store.get(sa->id);
        if (sa->unmasked) {
            Transaction tx(ctx.db());
            Journal::append(ctx.db(), {ctx.actor(), "complaint.show_unmasked",
                                       fmt::format("complaint:{}", c.id), nullptr, nullptr});
            tx.commit();
        }
        ctx.emit(c.toJson(sa->unmasked),
                 [&] { printComplaint(ctx, c, store.station().timeZone, sa->unmasked); });
    });

    auto asOf = std::make_shared<std::string>();
    CLI::App* overdue = group->add_subcommand(
        "overdue", "Forwarded complaints a unit has not acted on by the due date");
    overdue->add_option("--as-of", *asOf, "Judge as at this time instead of now");
    overdue->callback([&ctx, asOf] {
        ComplaintStore store = storeOf(ctx);
        const TimePoint t =
            asOf->empty() ? now() : cli::parseTime(*asOf, store.station().timeZone, "--as-of");
        const std::vector<Complaint> found = store.overdue(t);
        ctx.emit(listJson(found), [&] {
            if (found.empty())
                fmt::print("{}\n", ctx.t("Tidak ada tindak lanjut yang terlambat.",
                                         "No follow-up is overdue."));
            else
                printList(ctx, found);
        });
    });

    struct LetterArgs {
        std::string unit, number, out;
    };
    auto le = std::make_shared<LetterArgs>();
    CLI::App* letter = group->add_subcommand(
        "letter", "Write the forwarding letter (PDF) to a unit for its complaints without one");
    letter->add_option("--unit", le->unit, "The unit (a new letter)");
    letter->add_option("--number", le->number, "Print this earlier letter again");
    letter->add_option("--output", le->out, "PDF file to write")->required();
    letter->callback([&ctx, le] {
        if (le->unit.empty() == le->number.empty())
            throw UserError("give either --unit (a new letter) or --number (an earlier one)");
        ComplaintStore store = storeOf(ctx);
        ComplaintLetter l = le->number.empty() ? store.createLetter(le->unit, ctx.actor())
                                               : store.letter(le->number);
        ComplaintLetterPdf::write(l, store.station(), le->out);
        nlohmann::json ids = nlohmann::json::array();
        for (const Complaint& c : l.complaints)
            ids.push_back(c.id);
        ctx.emit(
            {{"number", l.number}, {"unit", l.unitName}, {"complaints", ids}, {"written", le->out}},
            [&] { fmt::print("{} {} → {}\n", ctx.t("Surat", "Letter"), l.number, le->out); });
    });

    struct StatsArgs {
        std::int64_t session = 0;
        std::string period;
    };
    auto st = std::make_shared<StatsArgs>();
    CLI::App* stats = group->add_subcommand(
        "stats", "Complaint figures and recurring problems for a session or a period");
    stats->add_option("--session", st->session, "A session");
    stats->add_option("--period", st->period, "A period: 2026-11, 2026Q4 or 2026");
    stats->callback([&ctx, st] {
        if ((st->session == 0) == st->period.empty())
            throw UserError("give either --session or --period");
        ComplaintStore store = storeOf(ctx);
        const std::string tz = store.station().timeZone;
        ComplaintStats s;
        if (st->session) {
            s = ComplaintStats::build(store.list({.sessionId = st->session}), tz, now());
        } else {
            const std::string& p = st->period;
            DateRange r = p.size() == 4                      ? DateRange::year(p)
                          : p.find('Q') != std::string::npos ? DateRange::quarter(p)
                                                             : DateRange::month(p);
            s = ComplaintStats::build(store.list({.from = r.startUtc(tz), .to = r.endUtc(tz)}), tz,
                                      now(), r.from, r.to);
        }
        ctx.emit(s.toJson(), [&] {
            fmt::print("{}: {} ({} {})\n", ctx.t("Keluhan", "Complaints"), s.total, s.overdue,
                       ctx.t("terlambat", "overdue"));
            for (const RecurringProblem& r : s.recurring)
                fmt::print("  {}\n", r.text());
        });
    });
}

}  // namespace ds
