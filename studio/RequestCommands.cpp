// `request open|decide|extend|escalate|leadership|list|show`.
#include <fmt/format.h>

#include "studio/Errors.h"
#include "studio/Journal.h"
#include "studio/Transaction.h"
#include "studio/Masking.h"
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

void printRequest(const CommandContext& ctx, const InfoRequest& r, const RequestStore& store) {
    const std::string& tz = store.station().timeZone;
    fmt::print("{} {} — {}\n", ctx.t("Permohonan", "Request"), r.registrationNumber,
               ctx.label(*vocab::find(vocab::requestStatuses(), r.status)));
    fmt::print("{}: {} ({}, {})\n", ctx.t("Diterima", "Received"), formatLocal(r.receivedAt, tz), r.channel,
               r.written ? ctx.t("tertulis", "written") : ctx.t("tidak tertulis", "unwritten"));
    fmt::print("{}: {}\n", ctx.t("Pemohon", "Requester"), r.requester.name.empty() ? "-" : r.requester.name);
    fmt::print("{}: {}\n", ctx.t("Informasi yang diminta", "Information requested"), r.details);
    if (!r.purpose.empty()) fmt::print("{}: {}\n", ctx.t("Tujuan", "Purpose"), r.purpose);
    fmt::print("{}: {}{}\n", ctx.t("Batas waktu", "Due"), formatDay(r.dueDate),
               r.extended ? fmt::format(" ({}: {})", ctx.t("diperpanjang", "extended"), r.extensionReason) : "");
    if (store.isOverdue(r, now())) fmt::print("{}\n", ctx.t("MELEWATI BATAS WAKTU", "OVERDUE"));
    if (r.escalated) {
        fmt::print("{}: {}\n", ctx.t("Diteruskan ke pimpinan", "Escalated to leadership"), r.escalationReason);
        if (!r.leadershipDecidedBy.empty()) {
            fmt::print("{}: {} ({}, {})\n", ctx.t("Kebijakan pimpinan", "Leadership decision"), r.leadershipDecision,
                       r.leadershipDecidedBy, r.leadershipDecidedAt ? formatLocal(*r.leadershipDecidedAt, tz) : "");
        }
    }
    if (r.decided()) {
        fmt::print("{}: {}", ctx.t("Keputusan", "Decision"), r.decision.decision);
        if (!r.decision.ground.empty()) {
            fmt::print(" — {}", ctx.label(*vocab::find(vocab::refusalGrounds(), r.decision.ground)));
            if (r.decision.subground) fmt::print(" angka {}", *r.decision.subground);
        }
        fmt::print("\n");
        if (!r.decision.reason.empty()) fmt::print("{}: {}\n", ctx.t("Alasan", "Reason"), r.decision.reason);
    }
}

struct DecideArgs {
    std::string key, decision, holding, otherBody, ground, law, consequence, period, reason,
        material, redacted, redactionReason, medium, cost, noticeDate, handoverDate;
    std::optional<int> subground;
};

}  // namespace

void addRequestCommands(CLI::App& app, CommandContext& ctx) {
    CLI::App* request = app.add_subcommand("request", "Information requests (permohonan informasi)");
    request->require_subcommand(1);

    struct OpenArgs {
        std::optional<std::int64_t> question, session;
        std::string channel = "letter", name, address, occupation, phone, email, nik, attorney,
                    details, purpose, obtain = "view", delivery = "in_person", receivedAt;
        bool written = false;
    };
    auto oa = std::make_shared<OpenArgs>();
    CLI::App* open = request->add_subcommand(
        "open", "Register a request: from a listener's question (--question) or entered directly (letter, e-mail, walk-in)");
    open->add_option("--question", oa->question, "The question that asks for the information");
    open->add_option("--session", oa->session, "The session it belongs to (direct entry)");
    open->add_option("--channel", oa->channel, "phone, sms, whatsapp, email, social, letter, studio");
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
    open->add_option("--received-at", oa->receivedAt, "When it was received (default now), local \"YYYY-MM-DD HH:MM\"");
    open->add_flag("--written", oa->written, "Made in writing");
    open->callback([&ctx, oa] {
        RequestStore store = makeStore(ctx);
        Requester who{oa->name, oa->address, oa->occupation, oa->phone, oa->email, oa->nik, oa->attorney};
        InfoRequest r;
        if (oa->question) {
            r = store.openFromQuestion(*oa->question, who, oa->purpose, ctx.actor());
        } else {
            if (oa->details.empty()) throw UserError("--details is required (or --question to register a listener's question)");
            r.sessionId = oa->session;
            r.channel = oa->channel;
            r.requester = who;
            r.details = oa->details;
            r.purpose = oa->purpose;
            r.obtainMethod = oa->obtain;
            r.deliveryMethod = oa->delivery;
            r.written = oa->written;
            if (!oa->receivedAt.empty()) r.receivedAt = cli::parseTime(oa->receivedAt, store.station().timeZone, "--received-at");
            r = store.open(r, ctx.actor());
        }
        ctx.emit(r.toJson(), [&] { printRequest(ctx, r, store); });
    });

    auto da = std::make_shared<DecideArgs>();
    CLI::App* decide = request->add_subcommand("decide", "Decide a request: granted_full, granted_partial or refused with a legal ground");
    decide->add_option("REQUEST", da->key, "Request id or registration number")->required();
    decide->add_option("--decision", da->decision, "granted_full, granted_partial, refused")->required();
    decide->add_option("--holding", da->holding, "held (default), other_body, not_documented");
    decide->add_option("--other-body", da->otherBody, "The public body that holds it");
    decide->add_option("--ground", da->ground, "Refusal ground: " + vocab::codes(vocab::refusalGrounds()));
    decide->add_option("--subground", da->subground, "1-5 for P17a and P17h");
    decide->add_option("--law", da->law, "For P17j: the law and article that forbid disclosure");
    decide->add_option("--consequence-test", da->consequence, "Pasal 19 consequence test, for exempted information");
    decide->add_option("--exemption-period", da->period, "How long the exemption lasts (Pasal 20)");
    decide->add_option("--reason", da->reason, "Reason for the decision");
    decide->add_option("--material", da->material, "What was given");
    decide->add_option("--redacted", da->redacted, "What was withheld, for a partial grant");
    decide->add_option("--redaction-reason", da->redactionReason, "Why it was withheld");
    decide->add_option("--medium", da->medium, "Medium and format of what was given");
    decide->add_option("--cost", da->cost, "Cost charged");
    decide->add_option("--notice-date", da->noticeDate, "Date of the written notice, YYYY-MM-DD (default today)");
    decide->add_option("--handover-date", da->handoverDate, "Date the information was handed over, YYYY-MM-DD");
    decide->callback([&ctx, da] {
        RequestStore store = makeStore(ctx);
        InfoRequest r = store.find(da->key);
        Decision d{da->decision, da->holding, da->otherBody, da->ground, da->subground, da->law,
                   da->consequence, da->period, da->reason, da->material, da->redacted,
                   da->redactionReason, da->medium, da->cost, std::nullopt, std::nullopt};
        if (!da->noticeDate.empty()) d.noticeDate = cli::parseDate(da->noticeDate, "--notice-date");
        if (!da->handoverDate.empty()) d.handoverDate = cli::parseDate(da->handoverDate, "--handover-date");
        InfoRequest after = store.decide(r.id, d, ctx.actor());
        ctx.emit(after.toJson(), [&] { printRequest(ctx, after, store); });
    });

    auto withReason = [&ctx, request](const char* name, const char* help,
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
               [&ctx](RequestStore& s, std::int64_t id, const std::string& why) { return s.extend(id, why, ctx.actor()); });
    withReason("escalate", "Escalate to the leadership for exempted information (SOP 000 Pasal 12(2))",
               [&ctx](RequestStore& s, std::int64_t id, const std::string& why) { return s.escalate(id, why, ctx.actor()); });

    struct LeadArgs {
        std::string key, by, decision, at, note;
    };
    auto lead = std::make_shared<LeadArgs>();
    CLI::App* leadCmd = request->add_subcommand("leadership", "Record the leadership's decision on an escalated request");
    leadCmd->add_option("REQUEST", lead->key, "Request id or registration number")->required();
    leadCmd->add_option("--decided-by", lead->by, "Who decided, e.g. \"AKBP Budi Santoso, Kapolres\"")->required();
    leadCmd->add_option("--decision", lead->decision, "release or withhold")->required();
    leadCmd->add_option("--at", lead->at, "When it was decided (default now), local \"YYYY-MM-DD HH:MM\"");
    leadCmd->add_option("--note", lead->note, "Note");
    leadCmd->callback([&ctx, lead] {
        RequestStore store = makeStore(ctx);
        std::optional<TimePoint> at;
        if (!lead->at.empty()) at = cli::parseTime(lead->at, store.station().timeZone, "--at");
        InfoRequest r = store.leadership(store.find(lead->key).id, lead->by, lead->decision, at, lead->note, ctx.actor());
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
    CLI::App* list = request->add_subcommand("list", "List requests: all, a session's, overdue or due soon");
    list->add_option("--session", la->session, "Only this session's");
    list->add_option("--status", la->status, "Only this status: " + vocab::codes(vocab::requestStatuses()));
    list->add_flag("--overdue", la->overdue, "Only undecided requests past their due date");
    list->add_option("--due-within", la->dueWithin, "Only undecided requests due within N working days");
    list->add_option("--as-of", la->asOf, "Judge deadlines as at this time instead of now");
    list->add_flag("--unmasked", la->unmasked, "Show requesters' personal data in full (PPID officer only; journalled)");
    list->callback([&ctx, la] {
        RequestStore store = makeStore(ctx);
        const std::string& tz = store.station().timeZone;
        TimePoint asOf = la->asOf.empty() ? now() : cli::parseTime(la->asOf, tz, "--as-of");
        RequestListFilter f{la->session, la->status, la->overdue, la->dueWithin};
        if (la->unmasked) {
            // Personal data shown in full is an access to be accounted for (UU PDP).
            Transaction tx(ctx.db());
            Journal::append(ctx.db(), {ctx.actor(), "request.list_unmasked", "register",
                                       nullptr, {{"session", la->session ? nlohmann::json(*la->session) : nlohmann::json(nullptr)}}});
            tx.commit();
        }
        nlohmann::json out = nlohmann::json::array();
        std::vector<std::vector<std::string>> rows;
        for (const InfoRequest& r : store.list(f, asOf)) {
            nlohmann::json j = r.toJson();
            std::string name = r.requester.name;
            if (!la->unmasked) {
                name = initials(name);
                j["requester"]["name"] = name;
                j["requester"]["phone"] = maskContact(r.requester.phone);
                j["requester"]["email"] = maskContact(r.requester.email);
                j["requester"]["address"] = r.requester.address.empty() ? "" : "***";
                j["requester"]["nik"] = r.requester.nik.empty() ? "" : "***";
            }
            j["overdue"] = store.isOverdue(r, asOf);
            out.push_back(j);
            rows.push_back({r.registrationNumber, formatLocal(r.receivedAt, tz), r.status, formatDay(r.dueDate),
                            store.isOverdue(r, asOf) ? ctx.t("TERLAMBAT", "OVERDUE") : "", r.decision.ground, name, r.details});
        }
        ctx.emit(out, [&] {
            cli::printTable({ctx.t("Nomor", "Number"), ctx.t("Diterima", "Received"), "Status", ctx.t("Batas", "Due"), "",
                             ctx.t("Dasar", "Ground"), ctx.t("Pemohon", "Requester"), ctx.t("Informasi", "Information")}, rows);
        });
    });

    auto showKey = std::make_shared<std::string>();
    CLI::App* show = request->add_subcommand("show", "Show one request in full");
    show->add_option("REQUEST", *showKey, "Request id or registration number")->required();
    show->callback([&ctx, showKey] {
        RequestStore store = makeStore(ctx);
        InfoRequest r = store.find(*showKey);
        nlohmann::json j = r.toJson();
        j["overdue"] = store.isOverdue(r, now());
        ctx.emit(j, [&] { printRequest(ctx, r, store); });
    });
}

}  // namespace ds
