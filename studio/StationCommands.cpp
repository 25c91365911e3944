// `station show|set|holidays` and `programme create|list`.
#include <fstream>

#include <fmt/format.h>

#include "studio/ComplaintStore.h"
#include "studio/DatabaseBackup.h"
#include "studio/EmbeddedData.h"
#include "studio/Errors.h"
#include "studio/Journal.h"
#include "studio/NewDatabase.h"
#include "studio/PartFile.h"
#include "studio/ProgrammeStore.h"
#include "studio/RundownFile.h"
#include "studio/Statement.h"
#include "studio/StationStore.h"
#include "studio/StudioCommands.h"
#include "studio/Transaction.h"

namespace ds {

namespace {

void printStation(const CommandContext& ctx, const Station& s) {
    fmt::print("{}: {} ({})\n", ctx.t("Stasiun", "Station"), s.name, s.code);
    fmt::print("{}: {}\n", ctx.t("Zona waktu", "Time zone"), s.timeZone);
    fmt::print("{}: {}\n", ctx.t("Mitra media", "Partner media"),
               s.partnerMedia.empty() ? "-" : fmt::format("{}", fmt::join(s.partnerMedia, "; ")));
    fmt::print("{}:\n", ctx.t("Satuan tindak lanjut", "Follow-up units"));
    for (const Unit& u : s.units)
        fmt::print("  {} ({})\n", u.name, u.kind);
    fmt::print("{}: {}\n", ctx.t("Kalender hari libur", "Holiday calendar"),
               s.holidayFile.empty()
                   ? ctx.t("bawaan (SKB 2025 untuk 2026)", "shipped (SKB 2025 for 2026)")
                   : s.holidayFile);
    fmt::print("{}: {}\n", ctx.t("Daftar kata SARA/politik", "SARA/political word list"),
               s.contentWordsFile.empty() ? ctx.t("bawaan", "shipped") : s.contentWordsFile);
    if (!s.letterhead.empty())
        fmt::print("{}:\n{}\n", ctx.t("Kop surat", "Letterhead"), s.letterhead);
}

void printBackupFolder(const CommandContext& ctx, const std::string& dir) {
    fmt::print("{}: {}\n", ctx.t("Folder cadangan", "Backup folder"),
               dir.empty() ? ctx.t("tidak ada (cadangan hanya dengan dialogstudio backup)",
                                   "none (backups only with dialogstudio backup)")
                           : dir);
}

void writeFile(const std::string& path, std::string_view content) {
    PartFile file(path);
    file.write(content);
    file.commit();
}

// Whether the studio service may listen beyond loopback: a column of its own, read by service/.
bool allowsLan(Database& db, std::int64_t stationId) {
    Statement st = db.prepare("SELECT allow_lan FROM stations WHERE id = ?");
    st.bind(1, stationId);
    return st.step() && st.getInt(0) != 0;
}

void setAllowLan(Database& db, std::int64_t stationId, bool allow, const std::string& actor) {
    Transaction tx(db);
    const bool before = allowsLan(db, stationId);
    db.prepare("UPDATE stations SET allow_lan = ? WHERE id = ?")
        .bindAll(int(allow), stationId)
        .run();
    Journal::append(db, {actor, "station.allow_lan", fmt::format("station:{}", stationId),
                         nlohmann::json(before), nlohmann::json(allow)});
    tx.commit();
}

}  // namespace

void addStationCommands(CLI::App& app, CommandContext& ctx) {
    CLI::App* station = app.add_subcommand("station", "Show or change the station (stasiun)");
    station->require_subcommand(1);

    station->add_subcommand("show", "Show the station's settings")->callback([&ctx] {
        Station s = ctx.station();
        nlohmann::json doc = s.toJson();
        doc["backup_dir"] = DatabaseBackup::folder(ctx.db(), s.id);
        ctx.emit(doc, [&] {
            printStation(ctx, s);
            printBackupFolder(ctx, doc["backup_dir"].get<std::string>());
        });
    });

    struct SetArgs {
        std::optional<std::string> code, name, timeZone, letterhead, holidayFile, wordsFile,
            recordingsDir, audioDevice, backupDir;
        std::vector<std::string> partners, units;
        bool clearPartners = false, clearUnits = false;
        std::optional<int> complaintDueDays;
        bool allowLan = false, noAllowLan = false;
    };
    auto args = std::make_shared<SetArgs>();
    CLI::App* set = station->add_subcommand("set", "Change the station's settings");
    set->add_option("--code", args->code, "Short code used in registration numbers (A-Z, 0-9)");
    set->add_option("--name", args->name, "Name, e.g. \"Polres Bengkulu\"");
    set->add_option(
        "--time-zone", args->timeZone,
        "IANA time zone: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT)");
    set->add_option("--letterhead", args->letterhead,
                    "Letterhead text for documents (use \\n between lines)");
    set->add_option("--holiday-file", args->holidayFile,
                    "Holiday calendar CSV (empty: the shipped one)");
    set->add_option("--content-words-file", args->wordsFile,
                    "The station's own content rules (CSV, same form as `content rules --write`), "
                    "added to the shipped rules (empty: the shipped rules only)");
    set->add_option("--recordings-dir", args->recordingsDir,
                    "Folder for the sessions' recordings (empty: <data folder>/recordings)");
    set->add_option("--audio-device", args->audioDevice,
                    "Capture device for recordings: a name (or a unique part), an index from "
                    "`devices`, or file:PATH (checked when a recording starts)");
    set->add_option("--backup-dir", args->backupDir,
                    "Folder (a USB disk or a NAS) for a backup after each session ends (empty: "
                    "none)");
    set->add_option("--partner", args->partners, "Partner media (repeat; replaces the list)");
    set->add_option("--unit", args->units,
                    "Follow-up unit \"kind|name\", kind: satker, satfung, polsek, bhabinkamtibmas, "
                    "other (repeat; replaces the list)");
    set->add_option("--complaint-due-days", args->complaintDueDays,
                    "Working days a unit gets to act on a forwarded complaint (default 5)");
    set->add_flag("--clear-partners", args->clearPartners, "Remove all partner media");
    set->add_flag("--clear-units", args->clearUnits, "Remove all follow-up units");
    set->add_flag("--allow-lan", args->allowLan,
                  "Let the studio service (`serve`) listen beyond loopback, on the studio's "
                  "network (it still refuses while no seat or channel secret exists)");
    set->add_flag("--no-allow-lan", args->noAllowLan, "The studio service stays on loopback")
        ->excludes("--allow-lan");
    set->callback([&ctx, args] {
        if (args->complaintDueDays && (*args->complaintDueDays < 1 || *args->complaintDueDays > 60))
            throw UserError(fmt::format("--complaint-due-days: {} is not 1 to 60 working days",
                                        *args->complaintDueDays));
        allowNewDatabase();  // setting a station up may start its database
        Station s = ctx.station();
        if (args->code) s.code = *args->code;
        if (args->name) s.name = *args->name;
        if (args->timeZone) s.timeZone = *args->timeZone;
        if (args->letterhead) {
            std::string text = *args->letterhead;
            for (std::size_t p; (p = text.find("\\n")) != std::string::npos;)
                text.replace(p, 2, "\n");
            s.letterhead = text;
        }
        if (args->holidayFile) s.holidayFile = *args->holidayFile;
        if (args->wordsFile) s.contentWordsFile = *args->wordsFile;
        if (args->recordingsDir) s.recordingsDir = *args->recordingsDir;
        if (args->audioDevice) s.audioDevice = *args->audioDevice;
        if (args->clearPartners || !args->partners.empty()) s.partnerMedia = args->partners;
        if (args->clearUnits || !args->units.empty()) {
            s.units.clear();
            for (const std::string& u : args->units) {
                auto f = cli::splitFields(u, 2);
                s.units.push_back({f[0], f[1]});
            }
        }
        Transaction tx(ctx.db());
        Station after = StationStore(ctx.db()).update(s, ctx.actor());
        if (args->backupDir) {
            DatabaseBackup::setFolder(ctx.db(), after.id, *args->backupDir, ctx.actor());
        }
        if (args->complaintDueDays)
            ComplaintStore(ctx.db(), after, StationStore::calendar(after))
                .setDueWorkingDays(*args->complaintDueDays, ctx.actor());
        if (args->allowLan || args->noAllowLan)
            setAllowLan(ctx.db(), after.id, args->allowLan, ctx.actor());
        tx.commit();
        nlohmann::json doc = after.toJson();
        doc["backup_dir"] = DatabaseBackup::folder(ctx.db(), after.id);
        doc["allow_lan"] = allowsLan(ctx.db(), after.id);
        ctx.emit(doc, [&] {
            printStation(ctx, after);
            printBackupFolder(ctx, doc["backup_dir"].get<std::string>());
            fmt::print("{}: {}\n",
                       ctx.t("Layanan studio di jaringan studio (LAN)",
                             "Studio service on the studio's network (LAN)"),
                       doc["allow_lan"].get<bool>() ? ctx.t("diizinkan", "allowed")
                                                    : ctx.t("tidak", "no"));
        });
    });

    auto holidaysFile = std::make_shared<std::string>();
    auto year = std::make_shared<int>(0);
    CLI::App* holidays = station->add_subcommand(
        "holidays",
        "List the holidays deadlines skip, or write the shipped calendar to a file to edit");
    holidays->add_option("--write", *holidaysFile,
                         "Write the shipped calendar (CSV) to this file, then use it with `station "
                         "set --holiday-file`");
    holidays->add_option("--year", *year, "Only this year");
    holidays->callback([&ctx, holidaysFile, year] {
        if (!holidaysFile->empty()) {
            writeFile(*holidaysFile, embedded::kHolidaysCsv);
            ctx.emit({{"written", *holidaysFile}}, [&] { fmt::print("{}\n", *holidaysFile); });
            return;
        }
        WorkingCalendar cal = StationStore::calendar(ctx.station());
        nlohmann::json list = nlohmann::json::array();
        std::vector<std::vector<std::string>> rows;
        for (const Holiday& h : cal.holidays()) {
            if (*year && static_cast<int>(date::year_month_day(h.day).year()) != *year) continue;
            list.push_back({{"date", formatDay(h.day)}, {"kind", h.kind}, {"name", h.name}});
            rows.push_back({formatDay(h.day), h.kind, h.name});
        }
        ctx.emit(list, [&] {
            cli::printTable(
                {ctx.t("Tanggal", "Date"), ctx.t("Jenis", "Kind"), ctx.t("Nama", "Name")}, rows);
        });
    });

    auto wordsOut = std::make_shared<std::string>();
    CLI::App* words = station->add_subcommand(
        "content-words",
        "Write the shipped content rules (CSV) to a file, to copy rows from for the station's own "
        "list (`station set --content-words-file`); `content rules` prints the rules in use");
    words->add_option("--write", *wordsOut, "File to write")->required();
    words->callback([&ctx, wordsOut] {
        writeFile(*wordsOut, embedded::kContentWordsCsv);
        ctx.emit({{"written", *wordsOut}}, [&] { fmt::print("{}\n", *wordsOut); });
    });

    CLI::App* programme = app.add_subcommand("programme", "Recurring shows (program acara)");
    programme->require_subcommand(1);
    struct ProgrammeArgs {
        std::string title, partner, startTime, templateFile;
        std::optional<int> weekday;
        int length = 60;
    };
    auto pa = std::make_shared<ProgrammeArgs>();
    CLI::App* create = programme->add_subcommand("create", "Create a programme");
    create->add_option("--title", pa->title, "Title, e.g. \"Dialog Interaktif Kamtibmas\"")
        ->required();
    create->add_option("--partner", pa->partner, "Partner radio station");
    create->add_option("--weekday", pa->weekday, "1 = Monday .. 7 = Sunday");
    create->add_option("--time", pa->startTime, "Usual start, HH:MM local");
    create->add_option("--length", pa->length, "Usual length in minutes");
    create->add_option(
        "--rundown-template", pa->templateFile,
        "A rundown file (CSV or JSON, see `rundown set`) copied into each new session");
    create->callback([&ctx, pa] {
        Station st = ctx.station();
        Programme p;
        p.stationId = st.id;
        p.title = pa->title;
        p.partnerMedia = pa->partner;
        p.weekday = pa->weekday;
        p.startTime = pa->startTime;
        p.lengthMinutes = pa->length;
        if (!pa->templateFile.empty()) {
            // Templates carry no clock times; read with a dummy day and reject times below.
            for (const Segment& s : RundownFile::read(pa->templateFile, st.timeZone, Day{})) {
                if (s.fixedStart || s.hardOut) {
                    throw InputError(
                        fmt::format("{}: a template cannot fix clock times (segment '{}')",
                                    pa->templateFile, s.title));
                }
                p.rundownTemplate.push_back(
                    {{"kind", s.kind},
                     {"title", s.title},
                     {"planned", fmt::format("{}:{:02}", s.planned.count() / 60000,
                                             s.planned.count() / 1000 % 60)},
                     {"notes", s.notes}});
            }
        }
        Programme stored = ProgrammeStore(ctx.db()).create(p, ctx.actor());
        ctx.emit(stored.toJson(), [&] {
            fmt::print("{} {}: {}\n", ctx.t("Program", "Programme"), stored.id, stored.title);
        });
    });
    programme->add_subcommand("list", "List programmes")->callback([&ctx] {
        Station st = ctx.station();
        nlohmann::json list = nlohmann::json::array();
        std::vector<std::vector<std::string>> rows;
        for (const Programme& p : ProgrammeStore(ctx.db()).list(st.id)) {
            list.push_back(p.toJson());
            rows.push_back({std::to_string(p.id), p.title, p.partnerMedia,
                            p.weekday ? std::to_string(*p.weekday) : "-", p.startTime,
                            std::to_string(p.lengthMinutes)});
        }
        ctx.emit(list, [&] {
            cli::printTable(
                {"ID", ctx.t("Judul", "Title"), ctx.t("Mitra", "Partner"), ctx.t("Hari", "Weekday"),
                 ctx.t("Jam", "Time"), ctx.t("Menit", "Minutes")},
                rows);
        });
    });
}

}  // namespace ds
