// `backup --to PATH` and `restore FROM [--yes]`.
#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include <fmt/format.h>

#include "studio/DatabaseBackup.h"
#include "studio/Errors.h"
#include "studio/Journal.h"
#include "studio/StudioCommands.h"
#include "studio/Transaction.h"

namespace ds {

void addBackupCommands(CLI::App& app, CommandContext& ctx) {
    auto to = std::make_shared<std::string>();
    CLI::App* backup = app.add_subcommand(
        "backup",
        "Copy the database while it is in use (recording, screeners writing), check the copy "
        "(integrity and journal) and keep it owner-only");
    backup
        ->add_option("--to", *to,
                     "The backup file, or a folder (a USB disk or a NAS) to make one in")
        ->required();
    backup->callback([&ctx, to] {
        Database& db = ctx.db();
        Station st = ctx.station();
        BackupResult r = DatabaseBackup::backup(db, *to, st.code);
        if (sqlite3_db_readonly(db.handle(), "main") != 1) {
            Transaction tx(db);
            Journal::append(db, {ctx.actor(),
                                 "database.backup",
                                 "database",
                                 nullptr,
                                 {{"file", r.file.string()},
                                  {"journal_rows", r.journalRows},
                                  {"head", r.head ? nlohmann::json(r.head->line()) : nullptr}}});
            tx.commit();
        }
        ctx.emit({{"file", r.file.string()},
                  {"bytes", r.bytes},
                  {"journal_rows", r.journalRows},
                  {"head", r.head ? nlohmann::json({{"row", r.head->row}, {"hash", r.head->hash}})
                                  : nlohmann::json(nullptr)}},
                 [&] {
                     fmt::print("{}: {} ({} {}, {})\n", ctx.t("Cadangan", "Backup"),
                                r.file.string(), r.journalRows,
                                ctx.t("baris jurnal", "journal rows"),
                                ctx.t("diperiksa", "checked"));
                 });
    });

    auto from = std::make_shared<std::string>();
    auto yes = std::make_shared<bool>(false);
    CLI::App* restore = app.add_subcommand(
        "restore",
        "Replace the database with a backup (checked first); the replaced database is kept "
        "beside it as .before-restore-TIME");
    restore->add_option("FROM", *from, "The backup file")->required();
    restore->add_flag("--yes", *yes, "Do not ask (for scripts)");
    restore->callback([&ctx, from, yes] {
        const std::filesystem::path target = ctx.databasePath();
        BackupResult r = DatabaseBackup::check(*from);
        if (!*yes) {
            if (::isatty(STDIN_FILENO) != 1) {
                throw UserError(
                    "restore replaces the database: run it at a terminal to confirm, or add "
                    "--yes");
            }
            fmt::print(stderr, "{} {}\n  {} {} ({} {})\n{} ",
                       ctx.t("Basis data ini akan diganti:", "This database will be replaced:"),
                       target.string(), ctx.t("dengan cadangan", "with the backup"), *from,
                       r.journalRows, ctx.t("baris jurnal", "journal rows"),
                       ctx.t("Ketik 'ya' untuk melanjutkan:", "Type 'yes' to go on:"));
            std::string answer;
            std::getline(std::cin, answer);
            if (answer != "ya" && answer != "yes" && answer != "y") {
                throw UserError("restore cancelled; nothing was changed");
            }
        }
        std::filesystem::path kept = DatabaseBackup::restore(*from, target, ctx.actor());
        ctx.emit({{"restored", target.string()},
                  {"from", *from},
                  {"journal_rows", r.journalRows},
                  {"replaced_kept_as",
                   kept.empty() ? nlohmann::json(nullptr) : nlohmann::json(kept.string())}},
                 [&] {
                     fmt::print("{}: {} ← {}\n", ctx.t("Dipulihkan", "Restored"), target.string(),
                                *from);
                     if (!kept.empty()) {
                         fmt::print("{}: {}\n",
                                    ctx.t("Basis data sebelumnya disimpan sebagai",
                                          "The previous database is kept as"),
                                    kept.string());
                     }
                 });
    });
}

}  // namespace ds
