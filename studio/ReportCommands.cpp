// `report session` and `journal verify`.
#include <fmt/format.h>

#include "studio/Errors.h"
#include "studio/Journal.h"
#include "studio/RequestStore.h"
#include "studio/SessionReport.h"
#include "studio/StationStore.h"
#include "studio/StudioCommands.h"

namespace ds {

namespace {

void printReport(const CommandContext& ctx, const nlohmann::json& r) {
    const auto& s = r["session"];
    fmt::print("{} {}: {} — {}\n", ctx.t("Laporan sesi", "Session report"), s["id"].get<int>(),
               s["programme"].get<std::string>(), s["topic"].get<std::string>());
    const auto& q = r["questions"];
    fmt::print("\n{}: {}\n", ctx.t("Pertanyaan diterima", "Questions received"), q["received"].get<int>());
    for (auto& [k, v] : q["by_channel"].items()) if (v.get<int>() > 0) fmt::print("  {:<12} {}\n", k, v.get<int>());
    for (auto& [k, v] : q["by_status"].items()) if (v.get<int>() > 0) fmt::print("  {:<12} {}\n", k, v.get<int>());
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

}  // namespace

void addReportCommands(CLI::App& app, CommandContext& ctx) {
    CLI::App* report = app.add_subcommand("report", "Reports (laporan)");
    report->require_subcommand(1);
    struct Args {
        std::int64_t session = 0;
        std::string format = "text", asOf, output;
    };
    auto a = std::make_shared<Args>();
    CLI::App* session = report->add_subcommand("session", "The session's statistics (SOP 000 Pasal 11)");
    session->add_option("SESSION", a->session, "Session id")->required();
    session->add_option("--format", a->format, "text, json or csv (--json is the same as --format json)")
        ->check(CLI::IsMember({"text", "json", "csv"}));
    session->add_option("--as-of", a->asOf, "Judge deadlines as at this time instead of now");
    session->add_option("--output", a->output, "Write to this file instead of standard output");
    session->callback([&ctx, a] {
        Station st = ctx.station();
        RequestStore requests(ctx.db(), st, StationStore::calendar(st));
        TimePoint asOf = a->asOf.empty() ? now() : cli::parseTime(a->asOf, st.timeZone, "--as-of");
        nlohmann::json r = SessionReport::build(ctx.db(), requests, a->session, asOf);
        std::string format = ctx.options.json ? "json" : a->format;
        std::string out;
        if (format == "csv") out = SessionReport::toCsv(r);
        if (format == "json") out = r.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
        if (format == "text") {
            printReport(ctx, r);
            return;
        }
        if (a->output.empty()) {
            std::fwrite(out.data(), 1, out.size(), stdout);
            return;
        }
        // Write beside the target and rename, so a failed write never leaves half a report.
        std::string tmp = a->output + ".part";
        FILE* f = std::fopen(tmp.c_str(), "wb");
        if (!f) throw UserError(fmt::format("cannot write {}", a->output));
        bool ok = std::fwrite(out.data(), 1, out.size(), f) == out.size();
        ok = (std::fclose(f) == 0) && ok;
        if (!ok || std::rename(tmp.c_str(), a->output.c_str()) != 0) {
            std::remove(tmp.c_str());
            throw UserError(fmt::format("cannot write {}", a->output));
        }
    });

    CLI::App* journal = app.add_subcommand("journal", "The append-only, hash-chained journal");
    journal->require_subcommand(1);
    journal->add_subcommand("verify", "Check the hash chain; names the first broken row")->callback([&ctx] {
        JournalCheck c = Journal::verify(ctx.db());
        nlohmann::json doc = {{"ok", c.ok}, {"rows", c.rows},
                              {"broken_row", c.brokenId ? nlohmann::json(*c.brokenId) : nlohmann::json(nullptr)},
                              {"problem", c.problem}};
        ctx.emit(doc, [&] {
            if (c.ok) fmt::print("{}: {} {}\n", ctx.t("Jurnal utuh", "Journal intact"), c.rows, ctx.t("baris diperiksa", "rows checked"));
        });
        if (!c.ok) {
            throw UserError(fmt::format("journal broken at row {}: {}", *c.brokenId, c.problem));
        }
    });
}

}  // namespace ds
