// `request open|decide|extend|escalate|leadership|list|show`, and the rest of the PPID
// lifecycle: `request follow-up|follow-up-reply|notice|handover|objection|
// objection-answer|dispute|dispute-outcome|due|amend`.
#include <fmt/format.h>

#include "studio/AmendmentStore.h"
#include "studio/Deadlines.h"
#include "studio/Errors.h"
#include "studio/FollowUpStore.h"
#include "studio/ObjectionStore.h"
#include "studio/PersonalDataPolicy.h"
#include "studio/PpidTerms.h"
#include "studio/RequestStore.h"
#include "studio/StationStore.h"
#include "studio/StudioCommands.h"

namespace ds {

namespace {

RequestStore makeStore(CommandContext& ctx) {
    Station st = ctx.station();
    WorkingCalendar cal = StationStore::calendar(st);
    return RequestStore(ctx.db(), std::move(st), std::move(cal));
}

// Prints the request as `view` shows it: the officer's view masks the requester unless asked.
void printRequest(const CommandContext& ctx, const InfoRequest& r, const RequestStore& store,
                  const PersonalDataPolicy& view = PersonalDataPolicy(Audience::Officer)) {
    const ExportedPerson who = view.requester(r);
    const std::string& tz = store.station().timeZone;
    fmt::print("{} {} — {}\n", ctx.t("Permohonan", "Request"), r.registrationNumber,
               ctx.label(*vocab::find(vocab::requestStatuses(), r.status)));
    fmt::print("{}: {} ({}, {})\n", ctx.t("Diterima", "Received"), formatLocal(r.receivedAt, tz),
               r.channel,
               r.written ? ctx.t("tertulis", "written") : ctx.t("tidak tertulis", "unwritten"));
    fmt::print("{}: {}\n", ctx.t("Pemohon", "Requester"), who.name.empty() ? "-" : who.name);
    for (const auto& [label, value] :
         {std::pair{ctx.t("Alamat", "Address"), who.address},
          std::pair{ctx.t("Telepon", "Phone"), who.phone}, std::pair{"E-mail", who.email}}) {
        if (!value.empty()) fmt::print("  {}: {}\n", label, value);
    }
    fmt::print("{}: {}\n", ctx.t("Informasi yang diminta", "Information requested"), r.details);
    if (!r.purpose.empty()) fmt::print("{}: {}\n", ctx.t("Tujuan", "Purpose"), r.purpose);
    fmt::print("{}: {}{}\n", ctx.t("Batas waktu", "Due"), formatDay(r.dueDate),
               r.extended
                   ? fmt::format(" ({}: {})", ctx.t("diperpanjang", "extended"), r.extensionReason)
                   : "");
    if (store.isOverdue(r, now())) fmt::print("{}\n", ctx.t("MELEWATI BATAS WAKTU", "OVERDUE"));
    if (r.escalated) {
        fmt::print("{}: {}\n", ctx.t("Diteruskan ke pimpinan", "Escalated to leadership"),
                   r.escalationReason);
        if (!r.leadershipDecidedBy.empty()) {
            fmt::print("{}: {} ({}, {})\n", ctx.t("Kebijakan pimpinan", "Leadership decision"),
                       r.leadershipDecision, r.leadershipDecidedBy,
                       r.leadershipDecidedAt ? formatLocal(*r.leadershipDecidedAt, tz) : "");
        }
    }
    if (r.decided()) {
        fmt::print("{}: {}", ctx.t("Keputusan", "Decision"), r.decision.decision);
        if (!r.decision.ground.empty()) {
            fmt::print(" — {}",
                       ctx.label(*vocab::find(vocab::refusalGrounds(), r.decision.ground)));
            if (r.decision.subground) fmt::print(" angka {}", *r.decision.subground);
        }
        fmt::print("\n");
        if (!r.decision.reason.empty())
            fmt::print("{}: {}\n", ctx.t("Alasan", "Reason"), r.decision.reason);
    }
}

void printFollowUp(const CommandContext& ctx, const FollowUp& f, const std::string& tz) {
    fmt::print("{}: {} ({}), {} {}, {} {}{}\n", ctx.t("Tindak lanjut", "Follow-up"), f.unitName,
               f.unitKind, ctx.t("dikirim", "sent"), formatLocal(f.sentAt, tz),
               ctx.t("batas", "due"), formatDay(f.dueDate),
               f.answered() ? fmt::format(" — {} {}: {}", ctx.t("dijawab", "answered"),
                                          formatLocal(*f.answeredAt, tz), f.answer)
                            : "");
}

void printObjection(const CommandContext& ctx, const Objection& o, const std::string& tz) {
    const Term* g = vocab::find(vocab::objectionGrounds(), o.ground);
    fmt::print("{} {}: {}\n", ctx.t("Keberatan", "Objection"), o.number,
               g ? ctx.label(*g) : o.ground);
    fmt::print("  {} {}, {} {}\n", ctx.t("diajukan", "filed"), formatLocal(o.filedAt, tz),
               ctx.t("batas tanggapan", "answer due"), formatDay(o.dueDate));
    if (!o.open()) {
        const Term* t = vocab::find(vocab::objectionOutcomes(), o.outcome);
        fmt::print("  {}: {} ({})\n", ctx.t("Tanggapan", "Answer"), t ? ctx.label(*t) : o.outcome,
                   o.answeredBy);
    }
    if (o.disputed()) {
        const Term* t = vocab::find(vocab::disputeOutcomes(), o.disputeOutcome);
        fmt::print("  {}: {}{}\n", ctx.t("Sengketa", "Dispute"), o.disputeBody,
                   o.disputeOutcome.empty() ? "" : " — " + (t ? ctx.label(*t) : o.disputeOutcome));
    }
}

std::optional<TimePoint> optionalTime(const std::string& text, const std::string& tz,
                                      const char* field) {
    if (text.empty()) return std::nullopt;
    return cli::parseTime(text, tz, field);
}

struct DecideArgs {
    std::string key, decision, holding, otherBody, ground, law, consequence, period, reason,
        material, redacted, redactionReason, medium, cost, noticeDate, handoverDate;
    std::optional<int> subground;
};

// [SECTION] The lifecycle after registration and decision
void addLifecycleCommands(CLI::App* request, CommandContext& ctx) {
    struct FollowArgs {
        std::string key, unit, due, note, answer, at;
        std::optional<int> within;
    };
    auto fa = std::make_shared<FollowArgs>();
    CLI::App* follow =
        request->add_subcommand("follow-up",
                                "Pass an undecided request to a unit (Satker, Satfung, Polsek, "
                                "Bhabinkamtibmas) with its own due date");
    follow->add_option("REQUEST", fa->key, "Request id or registration number")->required();
    follow->add_option("--unit", fa->unit, "One of the station's units (see `station show`)")
        ->required();
    follow->add_option("--due", fa->due,
                       "The unit's due date, YYYY-MM-DD (default: the request's due date)");
    follow->add_option("--within", fa->within, "Or: due this many working days from today");
    follow->add_option("--note", fa->note, "What the unit is asked for");
    follow->callback([&ctx, fa] {
        RequestStore store = makeStore(ctx);
        InfoRequest r = store.find(fa->key);
        std::optional<Day> due;
        if (!fa->due.empty()) due = cli::parseDate(fa->due, "--due");
        FollowUp f = FollowUpStore(ctx.db(), store.station(), store.calendar())
                         .send(r.id, fa->unit, due, fa->within, fa->note, ctx.actor());
        ctx.emit(f.toJson(), [&] { printFollowUp(ctx, f, store.station().timeZone); });
    });

    auto ra = std::make_shared<FollowArgs>();
    CLI::App* reply =
        request->add_subcommand("follow-up-reply", "Record a unit's reply to its follow-up");
    reply->add_option("REQUEST", ra->key, "Request id or registration number")->required();
    reply->add_option("--unit", ra->unit, "The unit (default: the only open follow-up)");
    reply->add_option("--answer", ra->answer, "What the unit supplied");
    reply->add_option("--at", ra->at, "When (default now), local \"YYYY-MM-DD HH:MM\"");
    reply->callback([&ctx, ra] {
        RequestStore store = makeStore(ctx);
        InfoRequest r = store.find(ra->key);
        FollowUp f =
            FollowUpStore(ctx.db(), store.station(), store.calendar())
                .reply(r.id, ra->unit, ra->answer,
                       optionalTime(ra->at, store.station().timeZone, "--at"), ctx.actor());
        ctx.emit(f.toJson(), [&] { printFollowUp(ctx, f, store.station().timeZone); });
    });

    auto dated = [&ctx, request](const char* name, const char* help, bool handover) {
        auto key = std::make_shared<std::string>();
        auto date = std::make_shared<std::string>();
        CLI::App* cmd = request->add_subcommand(name, help);
        cmd->add_option("REQUEST", *key, "Request id or registration number")->required();
        cmd->add_option("--date", *date, "YYYY-MM-DD")->required();
        cmd->callback([&ctx, key, date, handover] {
            RequestStore store = makeStore(ctx);
            InfoRequest r = store.find(*key);
            Day d = cli::parseDate(*date, "--date");
            InfoRequest after = handover ? store.setHandoverDate(r.id, d, ctx.actor())
                                         : store.setNoticeDate(r.id, d, ctx.actor());
            ctx.emit(after.toJson(), [&] { printRequest(ctx, after, store); });
        });
    };
    dated("notice", "Set the date of the written notice of a decision (UU KIP Pasal 22(7))", false);
    dated("handover", "Set the date the information was handed over (a grant)", true);

    struct ObjectionArgs {
        std::string key, ground, reason, by, superior, at, outcome, answer, body, note;
    };
    auto oa = std::make_shared<ObjectionArgs>();
    CLI::App* objection = request->add_subcommand(
        "objection",
        "Register an objection (keberatan) to the PPID's superior, UU KIP Pasal 35-36");
    objection->add_option("REQUEST", oa->key, "Request id or registration number")->required();
    objection
        ->add_option("--ground", oa->ground,
                     "Pasal 35(1): " + vocab::codes(vocab::objectionGrounds()))
        ->required();
    objection->add_option("--reason", oa->reason, "The objector's reasons")->required();
    objection->add_option("--by", oa->by, "Who objects (default: the requester)");
    objection->add_option("--superior", oa->superior,
                          "Who answers, e.g. \"Kabag Ops Polres Bengkulu\"");
    objection->add_option("--filed-at", oa->at,
                          "When it was filed (default now), local \"YYYY-MM-DD HH:MM\"");
    objection->callback([&ctx, oa] {
        RequestStore store = makeStore(ctx);
        InfoRequest r = store.find(oa->key);
        ObjectionStore objections(ctx.db(), store.station(), store.calendar());
        Objection o = objections.file(r.id, oa->ground, oa->reason, oa->by, oa->superior,
                                      optionalTime(oa->at, store.station().timeZone, "--filed-at"),
                                      ctx.actor());
        nlohmann::json j = o.toJson();
        j["filing_deadline"] = formatDay(objections.filingDeadline(r));
        ctx.emit(j, [&] { printObjection(ctx, o, store.station().timeZone); });
    });

    auto aa = std::make_shared<ObjectionArgs>();
    CLI::App* answer = request->add_subcommand(
        "objection-answer", "Record the superior's answer to the open objection (Pasal 36(2))");
    answer->add_option("REQUEST", aa->key, "Request id or registration number")->required();
    answer->add_option("--outcome", aa->outcome, vocab::codes(vocab::objectionOutcomes()))
        ->required();
    answer->add_option("--answer", aa->answer, "The answer's content");
    answer->add_option("--by", aa->by, "Who answered, e.g. \"Kompol Ahmad, Kabag Ops\"");
    answer->add_option("--at", aa->at, "When (default now), local \"YYYY-MM-DD HH:MM\"");
    answer->callback([&ctx, aa] {
        RequestStore store = makeStore(ctx);
        InfoRequest r = store.find(aa->key);
        ObjectionStore objections(ctx.db(), store.station(), store.calendar());
        Objection o =
            objections.answer(r.id, aa->outcome, aa->answer, aa->by,
                              optionalTime(aa->at, store.station().timeZone, "--at"), ctx.actor());
        nlohmann::json j = o.toJson();
        if (auto d = objections.disputeDeadline(o)) j["dispute_deadline"] = formatDay(*d);
        ctx.emit(j, [&] { printObjection(ctx, o, store.station().timeZone); });
    });

    auto da = std::make_shared<ObjectionArgs>();
    CLI::App* dispute = request->add_subcommand(
        "dispute", "Record a dispute (sengketa) before the Information Commission, Pasal 37");
    dispute->add_option("REQUEST", da->key, "Request id or registration number")->required();
    dispute->add_option("--body", da->body, "e.g. \"Komisi Informasi Provinsi Bengkulu\"")
        ->required();
    dispute->add_option("--note", da->note, "Register number or notes");
    dispute->add_option("--filed-at", da->at,
                        "When it was filed (default now), local \"YYYY-MM-DD HH:MM\"");
    dispute->callback([&ctx, da] {
        RequestStore store = makeStore(ctx);
        InfoRequest r = store.find(da->key);
        Objection o =
            ObjectionStore(ctx.db(), store.station(), store.calendar())
                .dispute(r.id, da->body, da->note,
                         optionalTime(da->at, store.station().timeZone, "--filed-at"), ctx.actor());
        ctx.emit(o.toJson(), [&] { printObjection(ctx, o, store.station().timeZone); });
    });

    auto ka = std::make_shared<ObjectionArgs>();
    CLI::App* disputeOutcome =
        request->add_subcommand("dispute-outcome", "Record how the dispute ended");
    disputeOutcome->add_option("REQUEST", ka->key, "Request id or registration number")->required();
    disputeOutcome->add_option("--outcome", ka->outcome, vocab::codes(vocab::disputeOutcomes()))
        ->required();
    disputeOutcome->add_option("--note", ka->note, "Decision number or notes");
    disputeOutcome->add_option("--at", ka->at, "When (default now), local \"YYYY-MM-DD HH:MM\"");
    disputeOutcome->callback([&ctx, ka] {
        RequestStore store = makeStore(ctx);
        InfoRequest r = store.find(ka->key);
        Objection o = ObjectionStore(ctx.db(), store.station(), store.calendar())
                          .disputeOutcome(r.id, ka->outcome, ka->note,
                                          optionalTime(ka->at, store.station().timeZone, "--at"),
                                          ctx.actor());
        ctx.emit(o.toJson(), [&] { printObjection(ctx, o, store.station().timeZone); });
    });

    struct DueArgs {
        std::optional<int> within;
        bool overdue = false;
        std::string asOf;
    };
    auto due = std::make_shared<DueArgs>();
    CLI::App* dueCmd = request->add_subcommand("due",
                                               "Every running deadline, soonest first: written "
                                               "notices, units' follow-ups, objection answers");
    dueCmd->add_option("--within", due->within,
                       "Only those due within N working days (overdue ones included)");
    dueCmd->add_flag("--overdue", due->overdue, "Only the overdue ones");
    dueCmd->add_option("--as-of", due->asOf, "Judge as at this time instead of now");
    dueCmd->callback([&ctx, due] {
        RequestStore store = makeStore(ctx);
        const std::string& tz = store.station().timeZone;
        TimePoint asOf = due->asOf.empty() ? now() : cli::parseTime(due->asOf, tz, "--as-of");
        auto list = Deadlines::list(ctx.db(), store.station(), store.calendar(), asOf, due->within,
                                    due->overdue);
        nlohmann::json out = nlohmann::json::array();
        std::vector<std::vector<std::string>> rows;
        for (const Deadline& d : list) {
            out.push_back(d.toJson());
            const char* kind = d.kind == "notice" ? ctx.t("pemberitahuan", "notice")
                               : d.kind == "follow_up"
                                   ? ctx.t("tindak lanjut", "follow-up")
                                   : ctx.t("tanggapan keberatan", "objection answer");
            rows.push_back(
                {formatDay(d.due),
                 d.overdue ? ctx.t("TERLAMBAT", "OVERDUE") : std::to_string(d.workingDaysLeft),
                 kind, d.registrationNumber, d.what});
        }
        ctx.emit(out, [&] {
            cli::printTable({ctx.t("Batas", "Due"), ctx.t("Sisa hari kerja", "Working days left"),
                             ctx.t("Jenis", "Kind"), ctx.t("Nomor", "Number"), ""},
                            rows);
        });
    });

    struct AmendArgs {
        std::string key, reason;
        std::vector<std::string> sets;
    };
    auto am = std::make_shared<AmendArgs>();
    CLI::App* amend =
        request->add_subcommand("amend",
                                "Correct a request's record as an amendment (journalled, shown in "
                                "the session record's history)");
    amend->add_option("REQUEST", am->key, "Request id or registration number")->required();
    amend
        ->add_option("--set", am->sets,
                     "FIELD=VALUE (repeat): " +
                         fmt::format("{}", fmt::join(AmendmentStore::requestFields(), ", ")))
        ->required();
    amend->add_option("--reason", am->reason, "Why the record is corrected")->required();
    amend->callback([&ctx, am] {
        RequestStore store = makeStore(ctx);
        InfoRequest r = store.find(am->key);
        AmendmentStore::Changes changes;
        for (const std::string& s : am->sets)
            changes.push_back(AmendmentStore::parseSet(s));
        Amendment a = AmendmentStore(ctx.db(), store.station(), store.calendar())
                          .amendRequest(r.id, changes, am->reason, ctx.actor());
        ctx.emit(a.toJson(), [&] {
            fmt::print("{} {} — {}\n", ctx.t("Amandemen", "Amendment"), a.id, a.label);
            for (const AmendmentChange& c : a.changes)
                fmt::print("  {}: \"{}\" -> \"{}\"\n", c.field, c.before, c.after);
        });
    });
}

}  // namespace

void addRequestCommands(CLI::App& app, CommandContext& ctx) {
    CLI::App* request =
        app.add_subcommand("request", "Information requests (permohonan informasi)");
    request->require_subcommand(1);

    struct OpenArgs {
        std::optional<std::int64_t> question, session;
        std::string channel = "letter", name, address, occupation, phone, email, nik, attorney,
                    details, purpose, obtain = "view", delivery = "in_person", receivedAt;
        bool written = false;
    };
    auto oa = std::make_shared<OpenArgs>();
    CLI::App* open =
        request->add_subcommand("open",
                                "Register a request: from a listener's question (--question) or "
                                "entered directly (letter, e-mail, walk-in)");
    open->add_option("--question", oa->question, "The question that asks for the information");
    open->add_option("--session", oa->session, "The session it belongs to (direct entry)");
    open->add_option("--channel", oa->channel,
                     "phone, sms, whatsapp, email, social, letter, studio");
    open->add_option("--name", oa->name, "Requester's name");
    open->add_option("--address", oa->address, "Requester's address");
    open->add_option("--occupation", oa->occupation, "Requester's occupation");
    open->add_option("--phone", oa->phone, "Requester's phone");
    open->add_option("--email", oa->email, "Requester's e-mail");
    open->add_option("--nik", oa->nik, "Requester's identity number (NIK, never exported)");
    open->add_option("--power-of-attorney", oa->attorney, "When asking for someone else");
    open->add_option("--details", oa->details, "The information requested");
    open->add_option("--purpose", oa->purpose, "Purpose of use (tujuan penggunaan)");
    open->add_option("--obtain", oa->obtain, "view, copy_hard, copy_soft");
    open->add_option("--delivery", oa->delivery, "in_person, courier, post, fax, email");
    open->add_option("--received-at", oa->receivedAt,
                     "When it was received (default now), local \"YYYY-MM-DD HH:MM\"");
    open->add_flag("--written", oa->written, "Made in writing");
    open->callback([&ctx, oa] {
        RequestStore store = makeStore(ctx);
        Requester who{oa->name,  oa->address, oa->occupation, oa->phone,
                      oa->email, oa->nik,     oa->attorney};
        InfoRequest r;
        if (oa->question) {
            r = store.openFromQuestion(*oa->question, who, oa->purpose, ctx.actor());
        } else {
            if (oa->details.empty())
                throw UserError(
                    "--details is required (or --question to register a listener's question)");
            r.sessionId = oa->session;
            r.channel = oa->channel;
            r.requester = who;
            r.details = oa->details;
            r.purpose = oa->purpose;
            r.obtainMethod = oa->obtain;
            r.deliveryMethod = oa->delivery;
            r.written = oa->written;
            if (!oa->receivedAt.empty())
                r.receivedAt =
                    cli::parseTime(oa->receivedAt, store.station().timeZone, "--received-at");
            r = store.open(r, ctx.actor());
        }
        ctx.emit(r.toJson(), [&] { printRequest(ctx, r, store); });
    });

    auto da = std::make_shared<DecideArgs>();
    CLI::App* decide = request->add_subcommand(
        "decide", "Decide a request: granted_full, granted_partial or refused with a legal ground");
    decide->add_option("REQUEST", da->key, "Request id or registration number")->required();
    decide->add_option("--decision", da->decision, "granted_full, granted_partial, refused")
        ->required();
    decide->add_option("--holding", da->holding, "held (default), other_body, not_documented");
    decide->add_option("--other-body", da->otherBody, "The public body that holds it");
    decide->add_option("--ground", da->ground,
                       "Refusal ground: " + vocab::codes(vocab::refusalGrounds()));
    decide->add_option("--subground", da->subground, "1-5 for P17a and P17h");
    decide->add_option("--law", da->law, "For P17j: the law and article that forbid disclosure");
    decide->add_option("--consequence-test", da->consequence,
                       "Pasal 19 consequence test, for exempted information");
    decide->add_option("--exemption-period", da->period, "How long the exemption lasts (Pasal 20)");
    decide->add_option("--reason", da->reason, "Reason for the decision");
    decide->add_option("--material", da->material, "What was given");
    decide->add_option("--redacted", da->redacted, "What was withheld, for a partial grant");
    decide->add_option("--redaction-reason", da->redactionReason, "Why it was withheld");
    decide->add_option("--medium", da->medium, "Medium and format of what was given");
    decide->add_option("--cost", da->cost, "Cost charged");
    decide->add_option("--notice-date", da->noticeDate,
                       "Date of the written notice, YYYY-MM-DD (default today)");
    decide->add_option("--handover-date", da->handoverDate,
                       "Date the information was handed over, YYYY-MM-DD");
    decide->callback([&ctx, da] {
        RequestStore store = makeStore(ctx);
        InfoRequest r = store.find(da->key);
        Decision d{da->decision,  da->holding,  da->otherBody,   da->ground,
                   da->subground, da->law,      da->consequence, da->period,
                   da->reason,    da->material, da->redacted,    da->redactionReason,
                   da->medium,    da->cost,     std::nullopt,    std::nullopt};
        if (!da->noticeDate.empty()) d.noticeDate = cli::parseDate(da->noticeDate, "--notice-date");
        if (!da->handoverDate.empty())
            d.handoverDate = cli::parseDate(da->handoverDate, "--handover-date");
        InfoRequest after = store.decide(r.id, d, ctx.actor());
        ctx.emit(after.toJson(), [&] { printRequest(ctx, after, store); });
    });

    auto withReason =
        [&ctx, request](
            const char* name, const char* help,
            std::function<InfoRequest(RequestStore&, std::int64_t, const std::string&)> action) {
            auto key = std::make_shared<std::string>();
            auto reason = std::make_shared<std::string>();
            CLI::App* cmd = request->add_subcommand(name, help);
            cmd->add_option("REQUEST", *key, "Request id or registration number")->required();
            cmd->add_option("--reason", *reason, "Written reason")->required();
            cmd->callback([&ctx, key, reason, action] {
                RequestStore store = makeStore(ctx);
                InfoRequest r = action(store, store.find(*key).id, *reason);
                ctx.emit(r.toJson(), [&] { printRequest(ctx, r, store); });
            });
        };
    withReason("extend", "Extend the deadline by 7 working days (once, with a written reason)",
               [&ctx](RequestStore& s, std::int64_t id, const std::string& why) {
                   return s.extend(id, why, ctx.actor());
               });
    withReason("escalate",
               "Escalate to the leadership for exempted information (SOP 000 Pasal 12(2))",
               [&ctx](RequestStore& s, std::int64_t id, const std::string& why) {
                   return s.escalate(id, why, ctx.actor());
               });

    struct LeadArgs {
        std::string key, by, decision, at, note;
    };
    auto lead = std::make_shared<LeadArgs>();
    CLI::App* leadCmd = request->add_subcommand(
        "leadership", "Record the leadership's decision on an escalated request");
    leadCmd->add_option("REQUEST", lead->key, "Request id or registration number")->required();
    leadCmd
        ->add_option("--decided-by", lead->by, "Who decided, e.g. \"AKBP Budi Santoso, Kapolres\"")
        ->required();
    leadCmd->add_option("--decision", lead->decision, "release or withhold")->required();
    leadCmd->add_option("--at", lead->at,
                        "When it was decided (default now), local \"YYYY-MM-DD HH:MM\"");
    leadCmd->add_option("--note", lead->note, "Note");
    leadCmd->callback([&ctx, lead] {
        RequestStore store = makeStore(ctx);
        std::optional<TimePoint> at;
        if (!lead->at.empty()) at = cli::parseTime(lead->at, store.station().timeZone, "--at");
        InfoRequest r = store.leadership(store.find(lead->key).id, lead->by, lead->decision, at,
                                         lead->note, ctx.actor());
        ctx.emit(r.toJson(), [&] { printRequest(ctx, r, store); });
    });

    struct ListArgs {
        std::optional<std::int64_t> session;
        std::optional<std::string> status;
        bool overdue = false, unmasked = false;
        std::optional<int> dueWithin;
        std::string asOf;
    };
    auto la = std::make_shared<ListArgs>();
    CLI::App* list =
        request->add_subcommand("list", "List requests: all, a session's, overdue or due soon");
    list->add_option("--session", la->session, "Only this session's");
    list->add_option("--status", la->status,
                     "Only this status: " + vocab::codes(vocab::requestStatuses()));
    list->add_flag("--overdue", la->overdue, "Only undecided requests past their due date");
    list->add_option("--due-within", la->dueWithin,
                     "Only undecided requests due within N working days");
    list->add_option("--as-of", la->asOf, "Judge deadlines as at this time instead of now");
    list->add_flag("--unmasked", la->unmasked,
                   "Show requesters' personal data in full (PPID officer only; journalled)");
    list->callback([&ctx, la] {
        RequestStore store = makeStore(ctx);
        const std::string& tz = store.station().timeZone;
        TimePoint asOf = la->asOf.empty() ? now() : cli::parseTime(la->asOf, tz, "--as-of");
        RequestListFilter f{la->session, la->status, la->overdue, la->dueWithin};
        nlohmann::json out = nlohmann::json::array();
        std::vector<std::vector<std::string>> rows;
        // Listed first: an unknown session or status is refused before anything is journalled.
        std::vector<InfoRequest> listed = store.list(f, asOf);
        const PersonalDataPolicy view = PersonalDataPolicy::officer(la->unmasked);
        if (view.unmasked()) {
            PersonalDataPolicy::journalUnmasked(
                ctx.db(), ctx.actor(), "request.list_unmasked", "register",
                {{"session",
                  la->session ? nlohmann::json(*la->session) : nlohmann::json(nullptr)}});
        }
        for (const InfoRequest& r : listed) {
            nlohmann::json j = view.request(r);
            const std::string name = j["requester"]["name"];
            j["overdue"] = store.isOverdue(r, asOf);
            out.push_back(j);
            rows.push_back({r.registrationNumber, formatLocal(r.receivedAt, tz), r.status,
                            formatDay(r.dueDate),
                            store.isOverdue(r, asOf) ? ctx.t("TERLAMBAT", "OVERDUE") : "",
                            r.decision.ground, name, r.details});
        }
        ctx.emit(out, [&] {
            cli::printTable({ctx.t("Nomor", "Number"), ctx.t("Diterima", "Received"), "Status",
                             ctx.t("Batas", "Due"), "", ctx.t("Dasar", "Ground"),
                             ctx.t("Pemohon", "Requester"), ctx.t("Informasi", "Information")},
                            rows);
        });
    });

    struct ShowArgs {
        std::string key;
        bool unmasked = false;
    };
    auto sa = std::make_shared<ShowArgs>();
    CLI::App* show = request->add_subcommand("show", "Show one request in full");
    show->add_option("REQUEST", sa->key, "Request id or registration number")->required();
    show->add_flag("--unmasked", sa->unmasked,
                   "Show the requester's personal data in full (PPID officer only; journalled)");
    show->callback([&ctx, sa] {
        RequestStore store = makeStore(ctx);
        InfoRequest r = store.find(sa->key);
        const PersonalDataPolicy view = PersonalDataPolicy::officer(sa->unmasked);
        if (view.unmasked()) {
            PersonalDataPolicy::journalUnmasked(ctx.db(), ctx.actor(), "request.show_unmasked",
                                                fmt::format("request:{}", r.id));
        }
        nlohmann::json j = view.request(r);
        j["overdue"] = store.isOverdue(r, now());
        Station st = store.station();
        WorkingCalendar cal = store.calendar();
        auto follow = FollowUpStore(ctx.db(), st, cal).forRequest(r.id);
        auto objections = ObjectionStore(ctx.db(), st, cal).forRequest(r.id);
        j["follow_ups"] = nlohmann::json::array();
        for (const FollowUp& f : follow)
            j["follow_ups"].push_back(f.toJson());
        j["objections"] = nlohmann::json::array();
        for (const Objection& o : objections)
            j["objections"].push_back(o.toJson());
        j["amendments"] = nlohmann::json::array();
        for (const Amendment& a :
             AmendmentStore(ctx.db(), st, cal).forSubject(fmt::format("request:{}", r.id))) {
            j["amendments"].push_back(a.toJson());
        }
        ctx.emit(j, [&] {
            printRequest(ctx, r, store, view);
            for (const FollowUp& f : follow)
                printFollowUp(ctx, f, st.timeZone);
            for (const Objection& o : objections)
                printObjection(ctx, o, st.timeZone);
        });
    });

    addLifecycleCommands(request, ctx);
}

}  // namespace ds
