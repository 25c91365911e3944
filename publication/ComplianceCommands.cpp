// `sop steps|compliance`: the SOP steps with their time standards, and how they were kept.
#include <filesystem>

#include <fmt/format.h>

#include "publication/Compliance.h"
#include "publication/ComplianceReport.h"
#include "publication/OfficeDocument.h"
#include "publication/PublicationCommands.h"
#include "studio/Errors.h"
#include "studio/IndonesianDate.h"
#include "studio/StudioCommands.h"

namespace ds::publication {

void addComplianceCommands(CLI::App& app, CommandContext& ctx) {
    CLI::App* group =
        app.add_subcommand("sop",
                           "The SOPs' steps and time standards (mutu baku), and how they "
                           "were kept");
    group->require_subcommand(1);
    group->add_subcommand("steps", "Every step of SOPs 001 and 002 with its standard")
        ->callback([&ctx] {
            nlohmann::json doc = nlohmann::json::array();
            std::vector<std::vector<std::string>> rows;
            for (Sop sop : {Sop::Release, Sop::Coverage})
                for (const auto& s : sopSteps(sop)) {
                    auto standard = standardOf(s);
                    doc.push_back(
                        {{"sop", std::string(sopCode(sop))},
                         {"step", s.number},
                         {"code", std::string(s.code)},
                         {"title", std::string(s.titleId)},
                         {"role", std::string(roleCode(s.role))},
                         {"standard_min", s.standardMinutes ? nlohmann::json(*s.standardMinutes)
                                                            : nlohmann::json()}});
                    rows.push_back({std::string(sopCode(sop)), std::to_string(s.number),
                                    std::string(ctx.english() ? s.titleEn : s.titleId),
                                    std::string(roleCode(s.role)),
                                    standard ? minutesText(*standard) : "-"});
                }
            ctx.emit(doc, [&] {
                cli::printTable({"SOP", ctx.t("Langkah", "Step"), ctx.t("Uraian", "Activity"),
                                 ctx.t("Pelaksana", "Post"), ctx.t("Mutu baku", "Standard")},
                                rows);
            });
        });

    struct Args {
        std::string from, to, pdf, xlsx, asOf;
    };
    auto a = std::make_shared<Args>();
    CLI::App* comp = group->add_subcommand(
        "compliance",
        "Per SOP step in a period: done, within and over the standard, median "
        "time, and the items late now (text, --json, --pdf, --xlsx)");
    comp->add_option("--from", a->from, "First day (YYYY-MM-DD)")->required();
    comp->add_option("--to", a->to, "Last day (YYYY-MM-DD)")->required();
    comp->add_option("--pdf", a->pdf, "Write the report as PDF (table and chart)");
    comp->add_option("--xlsx", a->xlsx, "Write the figures as XLSX");
    comp->add_option("--as-of", a->asOf, "Judge open steps as at this time (default now)");
    comp->callback([&ctx, a] {
        Station st = ctx.station();
        Day from = cli::parseDate(a->from, "--from");
        Day to = cli::parseDate(a->to, "--to");
        if (to < from) throw UserError("--to is before --from");
        TimePoint asOf = a->asOf.empty() ? now() : cli::parseTime(a->asOf, st.timeZone, "--as-of");
        Compliance c = Compliance::build(
            ctx.db(), parseLocal(formatDay(from) + " 00:00", st.timeZone),
            parseLocal(formatDay(to + date::days{1}) + " 00:00", st.timeZone), asOf);
        std::string period = idn::longDate(from) + " s.d. " + idn::longDate(to);
        nlohmann::json doc = c.toJson();
        if (!a->pdf.empty()) {
            ComplianceReport::writePdf(a->pdf, st, period, c);
            doc["pdf"] = a->pdf;
        }
        if (!a->xlsx.empty()) {
            std::filesystem::path part = a->xlsx + ".part";
            ComplianceReport::writeXlsx(part, st, c);
            std::filesystem::rename(part, a->xlsx);
            doc["xlsx"] = a->xlsx;
        }
        ctx.emit(doc, [&] {
            std::vector<std::vector<std::string>> rows;
            for (const auto& s : c.steps) {
                const SopStepInfo& info = sopStep(s.sop, s.step);
                auto standard = standardOf(info);
                rows.push_back({std::string(sopCode(s.sop)), std::to_string(s.step),
                                std::string(info.code), standard ? minutesText(*standard) : "-",
                                std::to_string(s.done), std::to_string(s.withinStandard),
                                std::to_string(s.overStandard),
                                s.medianSeconds ? minutesText(std::chrono::seconds(
                                                      static_cast<long>(*s.medianSeconds + 0.5)))
                                                : "-",
                                std::to_string(s.open)});
            }
            cli::printTable({"SOP", ctx.t("Langkah", "Step"), ctx.t("Kode", "Code"),
                             ctx.t("Mutu baku", "Standard"), ctx.t("Selesai", "Done"),
                             ctx.t("Sesuai", "Within"), ctx.t("Melebihi", "Over"), "Median",
                             ctx.t("Berjalan", "Open")},
                            rows);
            for (const auto& l : c.lateNow)
                fmt::print("{}: {} {} ({}), {} {}\n", ctx.t("Terlambat", "Late"), l.item,
                           l.step.step, l.step.holderName, ctx.t("lewat", "over by"),
                           minutesText(std::chrono::seconds(static_cast<long>(l.overSeconds))));
        });
    });
}

}  // namespace ds::publication
