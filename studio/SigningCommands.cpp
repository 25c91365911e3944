// `session sign|amend|history`: the PPID officer's signature on a session record, corrections
// as amendments, and the record's history. Added to the `session` command group that
// SessionCommands.cpp creates.
#include <fmt/format.h>

#include "studio/AmendmentStore.h"
#include "studio/Errors.h"
#include "studio/PpidTerms.h"
#include "studio/QuestionStore.h"
#include "studio/RequestStore.h"
#include "studio/SessionRecord.h"
#include "studio/SessionStore.h"
#include "studio/StationStore.h"
#include "studio/StudioCommands.h"

namespace ds {

namespace {

void printAmendment(const CommandContext& ctx, const Amendment& a) {
    fmt::print("{} {} — {}{}\n", ctx.t("Amandemen", "Amendment"), a.id, a.label,
               a.afterSigning ? ctx.t(" (setelah ditandatangani)", " (after signing)") : "");
    for (const AmendmentChange& c : a.changes) {
        fmt::print("  {}: \"{}\" -> \"{}\"\n", c.field, c.before, c.after);
    }
    fmt::print("  {}: {}\n", ctx.t("Alasan", "Reason"), a.reason);
}

}  // namespace

void addSigningCommands(CLI::App& app, CommandContext& ctx) {
    CLI::App* session = app.get_subcommand("session");

    struct SignArgs {
        std::int64_t id = 0;
        std::string name, nrp, date, position, place;
    };
    auto sa = std::make_shared<SignArgs>();
    CLI::App* sign = session->add_subcommand(
        "sign", "Sign an ended session's record as the PPID officer; it is frozen afterwards");
    sign->add_option("SESSION", sa->id, "Session id")->required();
    sign->add_option("--name", sa->name, "The PPID officer's name, as on the signature")
        ->required();
    sign->add_option("--nrp", sa->nrp, "NRP (8 digits) or NIP (18 digits)")->required();
    sign->add_option("--date", sa->date, "Date of the signature, YYYY-MM-DD (default today)");
    sign->add_option("--position", sa->position,
                     "Position above the name (default \"PEJABAT PENGELOLA INFORMASI DAN "
                     "DOKUMENTASI\" and the station)");
    sign->add_option("--place", sa->place,
                     "Place before the date (default: from the station's name)");
    sign->callback([&ctx, sa] {
        Station st = ctx.station();
        WorkingCalendar cal = StationStore::calendar(st);
        Signature sig;
        sig.name = sa->name;
        sig.nrp = sa->nrp;
        sig.position = sa->position;
        sig.place = sa->place;
        sig.signedOn =
            sa->date.empty() ? localDay(now(), st.timeZone) : cli::parseDate(sa->date, "--date");
        Signature done = SessionStore(ctx.db()).sign(sa->id, sig, st, cal, ctx.actor());
        ctx.emit(done.toJson(), [&] {
            fmt::print("{} {}: {} ({}), {}\n",
                       ctx.t("Catatan sesi ditandatangani", "Session record signed"), sa->id,
                       done.name, done.nrp, formatDay(done.signedOn));
            fmt::print("{} #{} {}\n", ctx.t("Jurnal baris", "Journal row"), done.journalId,
                       done.journalHash);
        });
    });

    struct AmendArgs {
        std::int64_t id = 0;
        std::string request, reason;
        std::optional<std::int64_t> question;
        std::vector<std::string> sets;
    };
    auto aa = std::make_shared<AmendArgs>();
    CLI::App* amend = session->add_subcommand(
        "amend",
        "Correct the record of a session as an amendment (journalled, shown in the record's "
        "history): the session itself, one of its questions (--question) or requests (--request)");
    amend->add_option("SESSION", aa->id, "Session id")->required();
    amend->add_option("--request", aa->request, "Request id or registration number to correct");
    amend->add_option("--question", aa->question, "Question id to correct");
    amend
        ->add_option(
            "--set", aa->sets,
            "FIELD=VALUE (repeat). Session: topic, sprin_number, sprin_date, "
            "officer.N.role|name|rank|nrp, guest.N.name|rank|position. Question: " +
                fmt::format("{}", fmt::join(AmendmentStore::questionFields(), ", ")) +
                ". Request: " + fmt::format("{}", fmt::join(AmendmentStore::requestFields(), ", ")))
        ->required();
    amend->add_option("--reason", aa->reason, "Why the record is corrected")->required();
    amend->callback([&ctx, aa] {
        Station st = ctx.station();
        WorkingCalendar cal = StationStore::calendar(st);
        if (!aa->request.empty() && aa->question)
            throw UserError("give --request or --question, not both");
        SessionStore(ctx.db()).get(aa->id);  // names an unknown session first
        AmendmentStore::Changes changes;
        for (const std::string& s : aa->sets)
            changes.push_back(AmendmentStore::parseSet(s));
        AmendmentStore store(ctx.db(), st, cal);
        Amendment a;
        if (!aa->request.empty()) {
            InfoRequest r = RequestStore(ctx.db(), st, cal).findInSession(aa->request, aa->id);
            a = store.amendRequest(r.id, changes, aa->reason, ctx.actor());
        } else if (aa->question) {
            QuestionStore(ctx.db()).getInSession(*aa->question, aa->id);
            a = store.amendQuestion(*aa->question, changes, aa->reason, ctx.actor());
        } else {
            a = store.amendSession(aa->id, changes, aa->reason, ctx.actor());
        }
        ctx.emit(a.toJson(), [&] { printAmendment(ctx, a); });
    });

    auto hid = std::make_shared<std::int64_t>(0);
    CLI::App* history = session->add_subcommand(
        "history", "The record's history: signature, amendments and the steps taken after signing");
    history->add_option("SESSION", *hid, "Session id")->required();
    history->callback([&ctx, hid] {
        Station st = ctx.station();
        WorkingCalendar cal = StationStore::calendar(st);
        SessionRecord r = SessionRecord::build(ctx.db(), st, cal, *hid, now(), false);
        nlohmann::json amendments = nlohmann::json::array();
        for (const Amendment& a : r.amendments)
            amendments.push_back(a.toJson());
        nlohmann::json after = nlohmann::json::array();
        for (const HistoryEntry& h : r.afterSigning) {
            after.push_back({{"journal_id", h.journalId},
                             {"at", formatUtc(h.at)},
                             {"actor", h.actor},
                             {"action", h.action},
                             {"subject", h.subject},
                             {"detail", h.detail}});
        }
        nlohmann::json doc = {
            {"session_id", *hid},
            {"status", r.session.status},
            {"signature", r.signature ? r.signature->toJson() : nlohmann::json(nullptr)},
            {"amendments", amendments},
            {"after_signing", after}};
        ctx.emit(doc, [&] {
            if (r.signature) {
                fmt::print("{}: {} ({}), {} — {} #{}\n", ctx.t("Ditandatangani", "Signed"),
                           r.signature->name, r.signature->nrp, formatDay(r.signature->signedOn),
                           ctx.t("jurnal baris", "journal row"), r.signature->journalId);
            } else {
                fmt::print("{}\n", ctx.t("Belum ditandatangani", "Not signed yet"));
            }
            for (const Amendment& a : r.amendments)
                printAmendment(ctx, a);
            for (const HistoryEntry& h : r.afterSigning) {
                const Term* t = vocab::find(vocab::journalActions(), h.action);
                fmt::print("{}  {}  {}  {}  ({})\n", formatLocal(h.at, st.timeZone), h.subject,
                           t ? ctx.label(*t) : h.action, h.detail, h.actor);
            }
        });
    });
}

}  // namespace ds
