// `report session|period|register`.
#include <fmt/format.h>

#include "studio/Errors.h"
#include "studio/Journal.h"
#include "studio/PartFile.h"
#include "studio/PeriodReport.h"
#include "studio/PeriodReportPdf.h"
#include "studio/PeriodReportXlsx.h"
#include "studio/Progress.h"
#include "studio/RequestStore.h"
#include "studio/SessionRecord.h"
#include "studio/SessionRecordPdf.h"
#include "studio/SessionRecordXlsx.h"
#include "studio/SessionReport.h"
#include "studio/Signature.h"
#include "studio/StationStore.h"
#include "studio/StudioCommands.h"
#include "studio/TextRules.h"
#include "studio/Transaction.h"

namespace ds {

namespace {

void printReport(const CommandContext& ctx, const nlohmann::json& r) {
    const auto& s = r["session"];
    fmt::print("{} {}: {} — {}\n", ctx.t("Laporan sesi", "Session report"), s["id"].get<int>(),
               s["programme"].get<std::string>(), s["topic"].get<std::string>());
    const auto& q = r["questions"];
    fmt::print("\n{}: {}\n", ctx.t("Pertanyaan diterima", "Questions received"),
               q["received"].get<int>());
    for (auto& [k, v] : q["by_channel"].items())
        if (v.get<int>() > 0) fmt::print("  {:<12} {}\n", k, v.get<int>());
    for (auto& [k, v] : q["by_status"].items())
        if (v.get<int>() > 0) fmt::print("  {:<12} {}\n", k, v.get<int>());
    const auto& p = r["requests"];
    fmt::print("\n{} (SOP 000 Pasal 11)\n", ctx.t("Permohonan informasi", "Information requests"));
    auto line = [&](const char* id, const char* en, const char* key) {
        fmt::print("  {:<32} {}\n", ctx.t(id, en), p[key].get<int>());
    };
    line("Diterima", "Received", "received");
    line("Diberikan seluruhnya", "Granted in full", "granted_full");
    line("Diberikan sebagian", "Granted in part", "granted_partial");
    line("Ditolak", "Refused", "refused");
    for (auto& [k, v] : p["refused_by_ground"].items()) {
        if (v.get<int>() > 0) fmt::print("    {:<30} {}\n", k, v.get<int>());
    }
    line("Tidak dikuasai/belum didokumentasikan", "Not held / not documented", "not_held");
    line("Masih diproses", "Pending", "pending");
    line("Diperpanjang", "Extended", "extended");
    line("Diteruskan ke pimpinan", "Escalated", "escalated");
    line("Melewati batas waktu", "Overdue", "overdue");
    if (!p["median_time_to_decision_seconds"].is_null()) {
        double secs = p["median_time_to_decision_seconds"].get<double>();
        fmt::print("  {:<32} {}\n", ctx.t("Median waktu keputusan", "Median time to decision"),
                   formatClock(Duration(static_cast<long long>(secs * 1000))));
    }
}

void printPeriod(const CommandContext& ctx, const PeriodReport& r) {
    const PeriodCounts& c = r.totals;
    fmt::print("{} — {} ({} .. {})\n",
               ctx.t("Laporan layanan informasi publik", "Public information service report"),
               r.range.label(), formatDay(r.range.from), formatDay(r.range.to));
    auto line = [&](const char* id, const char* en, int v) {
        fmt::print("  {:<40} {}\n", ctx.t(id, en), v);
    };
    line("Diterima", "Received", c.received);
    line("Diberikan seluruhnya", "Granted in full", c.grantedFull);
    line("Diberikan sebagian", "Granted in part", c.grantedPartial);
    line("Ditolak", "Refused", c.refused);
    for (const auto& [g, n] : c.byGround) {
        if (n > 0) fmt::print("    {:<38} {}\n", g, n);
    }
    line("Masih diproses", "Pending", c.pending);
    line("Melewati batas waktu", "Overdue", c.overdue);
    line("Diputus tepat waktu", "Decided on time", c.decidedOnTime);
    line("Diputus terlambat", "Decided late", c.decidedLate);
    auto d = [](const std::optional<double>& v) {
        return v ? fmt::format("{:.1f}", *v) : std::string("-");
    };
    fmt::print("  {:<40} {} / {}\n",
               ctx.t("Median hari / hari kerja", "Median days / working days"),
               d(r.time.medianDays), d(r.time.medianWorkingDays));
    fmt::print("  {:<40} {} / {}\n",
               ctx.t("Persentil 90 hari / hari kerja", "90th percentile days / working days"),
               d(r.time.p90Days), d(r.time.p90WorkingDays));
    line("Keberatan", "Objections", r.objections.filed);
    line("Sengketa", "Disputes", r.objections.disputes);
}

// Writes `content` to `output` through FILE.part (so a failed write never leaves half a
// report), or to standard output when no file is named. `journal` (optional) records the
// export in the same transaction as the file gets its name: an export that fails at any point
// leaves neither the file nor the journal row, so the database stays as it was.
void writeOut(CommandContext& ctx, const std::string& output, const std::string& content,
              const std::function<void()>& journal = {}) {
    if (output.empty()) {
        if (journal) journal();
        std::fwrite(content.data(), 1, content.size(), stdout);
        return;
    }
    PartFile file(output);
    file.write(content);
    if (!journal) {
        file.commit();  // a read-only export takes no write lock
        return;
    }
    Transaction tx(ctx.db());
    journal();
    file.commit();
    tx.commit();
}

// A binary export (PDF, XLSX): rendered into FILE.part by `render`, then renamed. Ctrl-C
// cancels and leaves nothing under the final name.
void writeBinary(CommandContext& ctx, const std::string& output, const std::string& format,
                 const std::string& task,
                 const std::function<void(const std::filesystem::path&, Progress&)>& render,
                 const std::function<void()>& journal = {}) {
    if (output.empty()) {
        throw UserError(
            fmt::format("--format {} writes a file: name it with --output FILE", format));
    }
    Progress progress(task);
    PartFile file(output);
    render(file.partPath(), progress);
    progress.check();
    if (journal) {
        // The journal row and the file's final name stand or fall together.
        Transaction tx(ctx.db());
        journal();
        file.commit();
        tx.commit();
    } else {
        file.commit();  // a read-only export takes no write lock
    }
    progress.finish();
    ctx.emit({{"written", output}, {"format", format}},
             [&] { fmt::print("{}: {}\n", ctx.t("Ditulis", "Written"), output); });
}

// The unmasked register is an access to personal data to be accounted for (UU PDP).
void journalUnmasked(CommandContext& ctx, const std::string& subject, const std::string& format,
                     const std::string& output) {
    Transaction tx(ctx.db());
    Journal::append(ctx.db(), {ctx.actor(),
                               "report.export_unmasked",
                               subject,
                               nullptr,
                               {{"format", format}, {"output", output}}});
    tx.commit();
}

}  // namespace

void addReportCommands(CLI::App& app, CommandContext& ctx) {
    CLI::App* report = app.add_subcommand("report", "Reports (laporan)");
    report->require_subcommand(1);
    struct Args {
        std::int64_t session = 0;
        std::string format = "text", asOf, output;
        bool unmasked = false;
    };
    auto a = std::make_shared<Args>();
    CLI::App* session =
        report->add_subcommand("session", "The session's statistics (SOP 000 Pasal 11)");
    session->add_option("SESSION", a->session, "Session id")->required();
    session
        ->add_option("--format", a->format,
                     "text, json, csv (the statistics), pdf (the session record to sign and "
                     "file) or xlsx (the record as a workbook); --json is the same as --format "
                     "json for text, json and csv")
        ->check(CLI::IsMember({"text", "json", "csv", "pdf", "xlsx"}));
    session->add_option("--as-of", a->asOf, "Judge deadlines as at this time instead of now");
    session->add_option("--output", a->output,
                        "Write to this file instead of standard output (pdf and xlsx need it)");
    session->add_flag("--unmasked", a->unmasked,
                      "pdf/xlsx: show requesters' personal data in full (journalled); NIK and "
                      "identities withheld under Pasal 17a(2) are never shown");
    session->callback([&ctx, a] {
        Station st = ctx.station();
        WorkingCalendar cal = StationStore::calendar(st);
        RequestStore requests(ctx.db(), st, cal);
        TimePoint asOf = a->asOf.empty() ? now() : cli::parseTime(a->asOf, st.timeZone, "--as-of");
        if (a->format == "pdf" || a->format == "xlsx") {
            SessionRecord record =
                SessionRecord::build(ctx.db(), st, cal, a->session, asOf, a->unmasked);
            writeBinary(
                ctx, a->output, a->format, "dialogstudio: catatan sesi",
                [&](const std::filesystem::path& file, Progress& progress) {
                    if (a->format == "pdf") {
                        SessionRecordPdf::write(record, file, progress);
                    } else {
                        SessionRecordXlsx::write(record, file, progress);
                    }
                },
                [&] {
                    if (a->unmasked) {
                        journalUnmasked(ctx, fmt::format("session:{}", a->session), a->format,
                                        a->output);
                    }
                });
            return;
        }
        nlohmann::json r = SessionReport::build(ctx.db(), requests, a->session, asOf);
        std::string format = ctx.options.json ? "json" : a->format;
        std::string out;
        if (format == "csv") out = SessionReport::toCsv(r);
        if (format == "json")
            out = r.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
        if (format == "text") {
            printReport(ctx, r);
            return;
        }
        writeOut(ctx, a->output, out);
    });

    struct PeriodArgs {
        std::string from, to, month, quarter, year, format = "text", asOf, output, obstacles, plans,
                                                    name, nrp;
    };
    auto pa = std::make_shared<PeriodArgs>();
    CLI::App* period = report->add_subcommand(
        "period",
        "The periodic report across sessions (UU 14/2008 Pasal 12, Perki 1/2021): a month, a "
        "quarter, a year or any range of dates");
    period->add_option("--from", pa->from, "First day, YYYY-MM-DD (with --to)");
    period->add_option("--to", pa->to, "Last day, YYYY-MM-DD (included)");
    period->add_option("--month", pa->month, "A month, YYYY-MM");
    period->add_option("--quarter", pa->quarter, "A quarter, YYYYQn (2026Q4)");
    period->add_option("--year", pa->year,
                       "A year, YYYY (the annual report, Perki 1/2021 Pasal 56)");
    period->add_option("--format", pa->format, "text, json, csv (UTF-8 with BOM), pdf or xlsx")
        ->check(CLI::IsMember({"text", "json", "csv", "pdf", "xlsx"}));
    period->add_option("--as-of", pa->asOf,
                       "Judge pending and overdue as at this time instead of now");
    period->add_option("--output", pa->output, "Write to this file (pdf and xlsx need it)");
    period->add_option("--obstacles", pa->obstacles,
                       "Obstacles met in the period (hambatan), for the report");
    period->add_option("--plans", pa->plans,
                       "Follow-up plans (rencana tindak lanjut), for the report");
    period->add_option("--name", pa->name,
                       "pdf: the PPID officer's name under the signature line (default blank, "
                       "to fill in by hand)");
    period->add_option("--nrp", pa->nrp, "pdf: the officer's NRP (8 digits) or NIP (18 digits)");
    period->callback([&ctx, pa] {
        int given =
            !pa->from.empty() + !pa->month.empty() + !pa->quarter.empty() + !pa->year.empty();
        if (given != 1 || pa->from.empty() != pa->to.empty()) {
            throw UserError("choose one period: --from and --to, --month, --quarter or --year");
        }
        DateRange range = !pa->month.empty()     ? DateRange::month(pa->month)
                          : !pa->quarter.empty() ? DateRange::quarter(pa->quarter)
                          : !pa->year.empty()
                              ? DateRange::year(pa->year)
                              : DateRange::between(cli::parseDate(pa->from, "--from"),
                                                   cli::parseDate(pa->to, "--to"));
        requireText(pa->obstacles, "obstacles", kMaxNoteBytes, false);
        requireText(pa->plans, "plans", kMaxNoteBytes, false);
        requireText(pa->name, "name", kMaxNameBytes, false);
        std::string nrp = pa->nrp.empty() ? std::string() : Signature::normaliseNrp(pa->nrp);
        Station st = ctx.station();
        WorkingCalendar cal = StationStore::calendar(st);
        TimePoint asOf =
            pa->asOf.empty() ? now() : cli::parseTime(pa->asOf, st.timeZone, "--as-of");
        std::string format =
            ctx.options.json && (pa->format == "text" || pa->format == "csv") ? "json" : pa->format;
        if (format == "pdf" || format == "xlsx") {
            writeBinary(ctx, pa->output, format, "dialogstudio: laporan periode",
                        [&](const std::filesystem::path& file, Progress& progress) {
                            PeriodReport r =
                                PeriodReport::build(ctx.db(), st, cal, range, asOf, progress);
                            r.obstacles = trim(pa->obstacles);
                            r.plans = trim(pa->plans);
                            r.signerName = trim(pa->name);
                            r.signerNrp = nrp;
                            if (format == "pdf") {
                                PeriodReportPdf::write(r, file, progress);
                            } else {
                                PeriodReportXlsx::write(r, file, progress);
                            }
                        });
            return;
        }
        Progress progress("dialogstudio: laporan periode");
        PeriodReport r = PeriodReport::build(ctx.db(), st, cal, range, asOf, progress);
        r.obstacles = trim(pa->obstacles);
        r.plans = trim(pa->plans);
        progress.finish();
        if (format == "text") {
            printPeriod(ctx, r);
            return;
        }
        writeOut(
            ctx, pa->output,
            format == "csv"
                ? r.toCsv()
                : r.toJson().dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    });

    struct RegisterArgs {
        std::int64_t session = 0;
        std::string format = "csv", asOf, output;
        bool unmasked = false;
    };
    auto ra = std::make_shared<RegisterArgs>();
    CLI::App* reg = report->add_subcommand(
        "register",
        "A session's register of information requests (personal data masked by default)");
    reg->add_option("SESSION", ra->session, "Session id")->required();
    reg->add_option("--format", ra->format, "csv (UTF-8 with BOM, a header row), json or xlsx")
        ->check(CLI::IsMember({"csv", "json", "xlsx"}));
    reg->add_option("--as-of", ra->asOf, "Judge deadlines as at this time instead of now");
    reg->add_option("--output", ra->output,
                    "Write to this file instead of standard output (xlsx needs it)");
    reg->add_flag("--unmasked", ra->unmasked,
                  "Show requesters' personal data in full (journalled); NIK and identities "
                  "withheld under Pasal 17a(2) are never shown");
    reg->callback([&ctx, ra] {
        Station st = ctx.station();
        WorkingCalendar cal = StationStore::calendar(st);
        TimePoint asOf =
            ra->asOf.empty() ? now() : cli::parseTime(ra->asOf, st.timeZone, "--as-of");
        SessionRecord record =
            SessionRecord::build(ctx.db(), st, cal, ra->session, asOf, ra->unmasked);
        std::string format = ctx.options.json && ra->format != "xlsx" ? "json" : ra->format;
        auto journal = [&] {
            if (ra->unmasked)
                journalUnmasked(ctx, fmt::format("session:{}", ra->session), format, ra->output);
        };
        if (format == "xlsx") {
            writeBinary(
                ctx, ra->output, format, "dialogstudio: register",
                [&](const std::filesystem::path& file, Progress& progress) {
                    SessionRecordXlsx::write(record, file, progress);
                },
                journal);
            return;
        }
        std::string out = format == "csv"
                              ? record.registerCsv()
                              : record.registerJson().dump(
                                    2, ' ', false, nlohmann::json::error_handler_t::replace) +
                                    "\n";
        writeOut(ctx, ra->output, out, journal);
    });
}

}  // namespace ds
