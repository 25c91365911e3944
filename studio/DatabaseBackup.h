#pragma once
// Backups of the live database with SQLite's online backup API: a consistent copy taken while
// the control room records and screeners write (WAL readers never block writers, and the copy
// is one read snapshot), checked (integrity_check and the journal's seals) before it gets its
// name, owner-only. A restore checks the backup the same way, keeps the database it replaces
// beside it, and refuses while another process has the database open.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "studio/JournalAnchor.h"
#include "studio/Station.h"

struct sqlite3_backup;

namespace ds {

class Database;

struct BackupResult {
    std::filesystem::path file;
    std::int64_t journalRows = 0;
    std::optional<JournalAnchor> head;  // the journal's head in the copy
    std::int64_t bytes = 0;
};

class DatabaseBackup {
  public:
    // Copies `db` to `to`: a file name, or an existing folder (a file named after the station
    // and the time is made in it). Throws UserError naming what failed; nothing is left under
    // the final name unless the copy verified.
    static BackupResult backup(Database& db, const std::filesystem::path& to,
                               const std::string& stationCode);
    // What a restore would put in place: the backup `from`, checked (a copy is checked; the
    // backup itself is never changed).
    static BackupResult check(const std::filesystem::path& from);
    // Replaces the database at `target` with the backup `from`; the replaced file is kept as
    // TARGET.before-restore-<time>, whose path is returned. Throws BusyError while another
    // process has the database open.
    static std::filesystem::path restore(const std::filesystem::path& from,
                                         const std::filesystem::path& target,
                                         const std::string& actor);

    // After a session ends: a backup into the station's backup folder, if it has one. Never
    // throws (the session has ended either way): a failure is said on stderr with what to do.
    // Returns {"file", "journal_rows"}, {"error"}, or null when there is no folder.
    static nlohmann::json afterSession(Database& db, const Station& station,
                                       std::int64_t sessionId);

    // The station's backup folder (a USB disk or a NAS) for a backup after each session;
    // empty: none. Setting it is journalled.
    static std::string folder(Database& db, std::int64_t stationId);
    static void setFolder(Database& db, std::int64_t stationId, const std::string& dir,
                          const std::string& actor);

  private:
    struct Finish {
        void operator()(sqlite3_backup* b) const;
    };
    using Handle = std::unique_ptr<sqlite3_backup, Finish>;
};

}  // namespace ds
