// `journal verify [--anchor FILE]...` and `journal anchor --output FILE`.
#include <fmt/format.h>

#include "studio/Errors.h"
#include "studio/Journal.h"
#include "studio/JournalKeyring.h"
#include "studio/JournalVerifier.h"
#include "studio/PartFile.h"
#include "studio/StudioCommands.h"
#include "studio/Time.h"

namespace ds {

namespace {

const char* statusText(JournalStatus s) {
    switch (s) {
        case JournalStatus::Intact:
            return "intact";
        case JournalStatus::Broken:
            return "broken";
        case JournalStatus::Unverifiable:
            return "unverifiable";
    }
    return "broken";
}

nlohmann::json anchorJson(const std::optional<JournalAnchor>& a) {
    if (!a) return nullptr;
    return {{"row", a->row}, {"hash", a->hash}};
}

}  // namespace

void addJournalCommands(CLI::App& app, CommandContext& ctx) {
    CLI::App* journal =
        app.add_subcommand("journal", "The append-only journal, sealed with the station key");
    journal->require_subcommand(1);

    auto anchors = std::make_shared<std::vector<std::string>>();
    CLI::App* verify = journal->add_subcommand(
        "verify",
        "Check every row's seal and link, the append-only triggers, the sequence and the "
        "signed records' anchors; names the first broken row");
    verify->add_option("--anchor", *anchors,
                       "Also check an anchor kept outside the database: a file written by "
                       "`journal anchor` or a signed session record PDF (repeatable)");
    verify->callback([&ctx, anchors] {
        std::vector<JournalAnchor> found;
        for (const std::string& file : *anchors) {
            for (JournalAnchor& a : JournalAnchor::readFile(file))
                found.push_back(std::move(a));
        }
        Database& db = ctx.db();
        JournalReport c = JournalVerifier::verify(db, found);
        nlohmann::json doc = {
            {"ok", c.ok()},
            {"status", statusText(c.status)},
            {"rows", c.rows},
            {"broken_row", c.brokenId ? nlohmann::json(*c.brokenId) : nlohmann::json(nullptr)},
            {"problem", c.problem},
            {"problems", c.problems},
            {"unsealed_rows", c.unsealedRows},
            {"unverified_rows", c.unverifiedRows},
            {"alarms", c.alarms},
            {"head", anchorJson(c.head)},
            {"anchors_checked", c.anchorsChecked},
            {"key_file", JournalKeyring::defaultFile().string()}};
        ctx.emit(doc, [&] {
            if (c.ok()) {
                fmt::print("{}: {} {}", ctx.t("Jurnal utuh", "Journal intact"), c.rows,
                           ctx.t("baris diperiksa", "rows checked"));
                if (c.unsealedRows > 0) {
                    fmt::print(
                        " ({} {})", c.unsealedRows,
                        ctx.t("baris lama tanpa segel kunci", "older rows from before sealing"));
                }
                if (c.anchorsChecked > 0) {
                    fmt::print(", {} {}", c.anchorsChecked,
                               ctx.t("jangkar cocok", "anchors match"));
                }
                fmt::print("\n");
            }
            for (const std::string& a : c.alarms) {
                fmt::print("{}: {}\n", ctx.t("Alarm tercatat", "Recorded alarm"), a);
            }
        });
        if (c.status == JournalStatus::Broken) {
            // Every finding on the one line: a cut tail and a stripped seal are two facts.
            std::string more;
            for (std::size_t i = 1; i < c.problems.size(); ++i)
                more += "; also: " + c.problems[i];
            throw UserError(c.brokenId ? fmt::format("journal broken at row {}: {}{}", *c.brokenId,
                                                     c.problem, more)
                                       : fmt::format("journal broken: {}{}", c.problem, more));
        }
        if (c.status == JournalStatus::Unverifiable) throw UserError(c.problem);
    });

    auto output = std::make_shared<std::string>();
    CLI::App* anchor = journal->add_subcommand(
        "anchor",
        "Write the journal's head (row number and seal) to a file to keep outside the "
        "database: a USB disk or the central server");
    anchor->add_option("--output", *output, "The anchor file")->required();
    anchor->callback([&ctx, output] {
        Database& db = ctx.db();
        std::optional<JournalAnchor> head = JournalVerifier::head(db);
        if (!head) throw UserError("the journal is empty: there is nothing to anchor yet");
        PartFile file(*output);
        file.write(fmt::format(
            "# Dialog Studio journal anchor: the journal's head at {} in {}.\n"
            "# Check the database against it: dialogstudio journal verify --anchor FILE\n"
            "{}\n",
            formatUtc(now()), db.path().string(), head->line()));
        file.commit();
        ctx.emit({{"written", *output}, {"row", head->row}, {"hash", head->hash}}, [&] {
            fmt::print("{}: {} ({} #{})\n", ctx.t("Ditulis", "Written"), *output,
                       ctx.t("baris", "row"), head->row);
        });
    });
}

}  // namespace ds
