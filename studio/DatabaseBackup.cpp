#include "studio/DatabaseBackup.h"

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fmt/format.h>

#include "studio/Database.h"
#include "studio/Errors.h"
#include "studio/Journal.h"
#include "studio/JournalVerifier.h"
#include "studio/PartFile.h"
#include "studio/Statement.h"
#include "studio/TextRules.h"
#include "studio/Time.h"
#include "studio/Transaction.h"

namespace ds {

namespace {

struct Close {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Connection = std::unique_ptr<sqlite3, Close>;

Connection connect(const std::filesystem::path& file, int flags) {
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(file.c_str(), &raw, flags, nullptr);
    Connection c(raw);
    if (rc != SQLITE_OK) {
        throw UserError(fmt::format("cannot open {}: {}", file.string(),
                                    raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
    }
    sqlite3_busy_timeout(raw, 10000);
    return c;
}

void exec(sqlite3* db, const std::filesystem::path& file, const char* sql) {
    char* err = nullptr;
    int rc = sqlite3_exec(db, sql, nullptr, nullptr, &err);
    std::string message = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    if (rc != SQLITE_OK) {
        throw UserError(
            fmt::format("the copy {} could not be finished: {}", file.string(), message));
    }
}

// A single file that opens anywhere: the copy leaves WAL mode (the database that restores it
// goes back to WAL on open).
void makeStandalone(const std::filesystem::path& file) {
    Connection c = connect(file, SQLITE_OPEN_READWRITE);
    exec(c.get(), file, "PRAGMA journal_mode=DELETE");
}

// integrity_check and the journal, on `file` (which may be changed: WAL on and off).
BackupResult verifyCopy(const std::filesystem::path& file, const std::filesystem::path& shownAs) {
    BackupResult r;
    r.file = shownAs;
    {
        Connection c = connect(file, SQLITE_OPEN_READONLY);
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(c.get(), "PRAGMA integrity_check", -1, &st, nullptr);
        std::string verdict;
        while (st && sqlite3_step(st) == SQLITE_ROW) {
            const unsigned char* t = sqlite3_column_text(st, 0);
            if (!verdict.empty()) verdict += "; ";
            verdict += t ? reinterpret_cast<const char*>(t) : "";
        }
        sqlite3_finalize(st);
        if (verdict != "ok") {
            throw UserError(fmt::format("{} is damaged (integrity check: {})", shownAs.string(),
                                        verdict.substr(0, 200)));
        }
    }
    {
        Database::Options o;
        o.migrate = false;
        Database copy = Database::open(file, o);
        JournalReport check = JournalVerifier::verify(copy);
        if (check.status == JournalStatus::Broken) {
            throw UserError(fmt::format("the journal in {} does not verify: {}", shownAs.string(),
                                        check.problem));
        }
        r.journalRows = check.rows;
        r.head = check.head;
    }
    makeStandalone(file);
    struct stat st {};
    if (::stat(file.c_str(), &st) == 0) r.bytes = st.st_size;
    return r;
}

std::string stamp() {
    std::string t = formatUtc(now());  // 2026-03-17T02:00:00.000Z
    std::string out;
    for (char c : t.substr(0, 19))
        if (c != '-' && c != ':') out += c == 'T' ? '-' : c;
    return out;
}

}  // namespace

void DatabaseBackup::Finish::operator()(sqlite3_backup* b) const {
    sqlite3_backup_finish(b);
}

BackupResult DatabaseBackup::backup(Database& db, const std::filesystem::path& to,
                                    const std::string& stationCode) {
    std::filesystem::path target = to;
    std::error_code ec;
    if (std::filesystem::is_directory(std::filesystem::symlink_status(to, ec))) {
        std::string code = stationCode.empty() ? std::string("station") : stationCode;
        target = to / fmt::format("dialogstudio-{}-{}.db", code, stamp());
    }
    PartFile part(target);
    {
        Connection dest = connect(part.partPath(), SQLITE_OPEN_READWRITE);
        Handle copy(sqlite3_backup_init(dest.get(), "main", db.handle(), "main"));
        if (!copy) {
            throw UserError(fmt::format("cannot back up to {}: {}", target.string(),
                                        sqlite3_errmsg(dest.get())));
        }
        // All pages in one step: one read snapshot of the live database, so the copy is
        // consistent however busy the writers are (WAL: they are never blocked by it).
        int rc = sqlite3_backup_step(copy.get(), -1);
        if (rc != SQLITE_DONE) {
            copy.reset();
            int primary = rc & 0xff;
            if (primary == SQLITE_FULL || primary == SQLITE_IOERR) {
                throw UserError(fmt::format(
                    "cannot back up to {}: the disk is full or failing ({}); nothing was written",
                    target.string(), sqlite3_errstr(rc)));
            }
            if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
                throw BusyError(
                    fmt::format("cannot back up {} now: it is locked by another process; try again",
                                db.path().string()));
            }
            throw UserError(
                fmt::format("cannot back up to {}: {}", target.string(), sqlite3_errstr(rc)));
        }
    }
    BackupResult r = verifyCopy(part.partPath(), target);
    for (const char* suffix : {"-wal", "-shm", "-journal"}) {
        std::filesystem::remove(part.partPath().string() + suffix, ec);
    }
    part.commit();
    r.file = target;
    return r;
}

BackupResult DatabaseBackup::check(const std::filesystem::path& from) {
    struct stat st {};
    if (::stat(from.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
        throw UserError(fmt::format("{}: there is no backup file there", from.string()));
    }
    // Checked on a copy: the backup itself stays exactly as it was.
    std::filesystem::path scratch =
        std::filesystem::temp_directory_path() / fmt::format("ds-restore-check-{}.db", ::getpid());
    PartFile copy(scratch);
    {
        Connection src = connect(from, SQLITE_OPEN_READONLY);
        Connection dest = connect(copy.partPath(), SQLITE_OPEN_READWRITE);
        Handle b(sqlite3_backup_init(dest.get(), "main", src.get(), "main"));
        int rc = b ? sqlite3_backup_step(b.get(), -1) : SQLITE_ERROR;
        if (rc != SQLITE_DONE) {
            throw UserError(fmt::format("{} is not a readable Dialog Studio backup ({})",
                                        from.string(), sqlite3_errstr(rc)));
        }
    }
    BackupResult r = verifyCopy(copy.partPath(), from);
    std::error_code ec;
    for (const char* suffix : {"-wal", "-shm", "-journal"}) {
        std::filesystem::remove(copy.partPath().string() + suffix, ec);
    }
    return r;
}

std::filesystem::path DatabaseBackup::restore(const std::filesystem::path& from,
                                              const std::filesystem::path& target,
                                              const std::string& actor) {
    check(from);
    std::error_code ec;
    std::filesystem::path kept;
    PartFile incoming(target);
    {
        Connection src = connect(from, SQLITE_OPEN_READONLY);
        Connection dest = connect(incoming.partPath(), SQLITE_OPEN_READWRITE);
        Handle b(sqlite3_backup_init(dest.get(), "main", src.get(), "main"));
        if (!b || sqlite3_backup_step(b.get(), -1) != SQLITE_DONE) {
            throw UserError(fmt::format("cannot copy {} into place", from.string()));
        }
    }
    makeStandalone(incoming.partPath());
    if (std::filesystem::exists(target, ec)) {
        {
            // Nobody else may have it open: their next write would go to the file we replace.
            // Leaving WAL mode needs the only connection, so it is the test.
            Connection live = connect(target, SQLITE_OPEN_READWRITE);
            sqlite3_busy_timeout(live.get(), 2000);
            sqlite3_stmt* st = nullptr;
            std::string mode;
            if (sqlite3_prepare_v2(live.get(), "PRAGMA journal_mode=DELETE", -1, &st, nullptr) ==
                    SQLITE_OK &&
                sqlite3_step(st) == SQLITE_ROW) {
                const unsigned char* t = sqlite3_column_text(st, 0);
                mode = t ? reinterpret_cast<const char*>(t) : "";
            }
            sqlite3_finalize(st);
            if (mode != "delete" || sqlite3_exec(live.get(), "BEGIN EXCLUSIVE", nullptr, nullptr,
                                                 nullptr) != SQLITE_OK) {
                throw BusyError(fmt::format(
                    "{} is in use by another Dialog Studio process (the control room or a "
                    "recorder); close it, then restore again",
                    target.string()));
            }
            kept = target;
            kept += ".before-restore-" + stamp();
            if (::link(target.c_str(), kept.c_str()) != 0) {
                throw UserError(fmt::format("cannot keep the current database as {}: {}",
                                            kept.string(), std::strerror(errno)));
            }
            incoming.commit();
            sqlite3_exec(live.get(), "ROLLBACK", nullptr, nullptr, nullptr);
        }
        for (const char* suffix : {"-wal", "-shm", "-journal"}) {
            std::filesystem::remove(target.string() + suffix, ec);
        }
    } else {
        incoming.commit();
    }
    Database db = Database::open(target);
    Transaction tx(db);
    Journal::append(db, {actor,
                         "database.restore",
                         "database",
                         nullptr,
                         {{"from", from.string()},
                          {"replaced_kept_as", kept.empty() ? nlohmann::json(nullptr)
                                                            : nlohmann::json(kept.string())}}});
    tx.commit();
    return kept;
}

nlohmann::json DatabaseBackup::afterSession(Database& db, const Station& station,
                                            std::int64_t sessionId) {
    std::string dir;
    try {
        dir = folder(db, station.id);
        if (dir.empty()) return nullptr;
        std::error_code ec;
        if (!std::filesystem::is_directory(dir, ec)) {
            throw UserError(
                fmt::format("the backup folder {} is not there (is the disk plugged "
                            "in?)",
                            dir));
        }
        BackupResult r = backup(db, dir, station.code);
        return {{"file", r.file.string()}, {"journal_rows", r.journalRows}};
    } catch (const std::exception& e) {
        std::fprintf(stderr,
                     "dialogstudio: session %lld ended, but its backup failed: %s. Run "
                     "`dialogstudio backup --to FOLDER` once the folder can be written\n",
                     static_cast<long long>(sessionId), e.what());
        return {{"error", e.what()}, {"folder", dir}};
    }
}

std::string DatabaseBackup::folder(Database& db, std::int64_t stationId) {
    Statement st = db.prepare("SELECT backup_dir FROM stations WHERE id = ?");
    st.bind(1, stationId);
    return st.step() ? st.getText(0) : std::string();
}

void DatabaseBackup::setFolder(Database& db, std::int64_t stationId, const std::string& dir,
                               const std::string& actor) {
    requireText(dir, "backup_dir", kMaxNoteBytes, false);
    Transaction tx(db);
    std::string before = folder(db, stationId);
    if (before == dir) return;
    db.prepare("UPDATE stations SET backup_dir = ? WHERE id = ?").bindAll(dir, stationId).run();
    Journal::append(db, {actor,
                         "station.backup_dir",
                         fmt::format("station:{}", stationId),
                         {{"backup_dir", before}},
                         {{"backup_dir", dir}}});
    tx.commit();
}

}  // namespace ds
