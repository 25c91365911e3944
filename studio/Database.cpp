#include "studio/Database.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <tuple>

#include <fmt/format.h>

#include "posix/UniqueFd.h"
#include "studio/Errors.h"
#include "studio/JournalVerifier.h"
#include "studio/Migrations.h"
#include "studio/Statement.h"

namespace ds {

namespace {

// Create the file ourselves so it is owner-only from its first byte; SQLite gives its -wal and
// -shm files the same permissions as the database file.
void createOwnerOnly(const std::filesystem::path& path) {
    if (path.has_parent_path()) {
        std::error_code ec;
        std::filesystem::create_directories(path.parent_path(), ec);
        if (ec) {
            throw UserError(fmt::format("cannot create the folder {}: {}",
                                        path.parent_path().string(), ec.message()));
        }
    }
    const posix::UniqueFd fd(
        ::open(path.c_str(), O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (!fd && errno != EEXIST) {
        throw UserError(
            fmt::format("cannot create the database {}: {}", path.string(), std::strerror(errno)));
    }
}

// The record holds personal data (UU PDP): a database others can read is made owner-only.
void tightenPermissions(const std::filesystem::path& path) {
    for (const char* suffix : {"", "-wal", "-shm"}) {
        std::string file = path.string() + suffix;
        struct stat st {};
        if (::stat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || (st.st_mode & 077) == 0) {
            continue;
        }
        if (::chmod(file.c_str(), st.st_mode & 0700) == 0) {
            std::fprintf(stderr,
                         "dialogstudio: %s could be read by others (mode %03o); it holds personal "
                         "data and is now owner-only (mode %03o)\n",
                         file.c_str(), st.st_mode & 0777, st.st_mode & 0700);
        }
    }
}

std::string uriPath(const std::filesystem::path& path, const char* query) {
    std::string out = "file:";
    for (unsigned char c : std::filesystem::absolute(path).string()) {
        if (c == '%' || c == '?' || c == '#' || c < 0x20 || c >= 0x7f) {
            out += fmt::format("%{:02X}", c);
        } else {
            out += static_cast<char>(c);
        }
    }
    return out + "?" + query;
}

}  // namespace

void Database::Closer::operator()(sqlite3* db) const {
    sqlite3_close_v2(db);
}

Database::Database(std::unique_ptr<sqlite3, Closer> db, std::filesystem::path path, Options options)
    : db_(std::move(db)), path_(std::move(path)), options_(options) {}

Database::~Database() = default;

Database Database::open(const std::filesystem::path& path, const Options& options) {
    std::error_code ec;
    auto status = std::filesystem::status(path, ec);
    if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
        throw UserError(fmt::format(
            "{} is not a database file ({}); name the database file", path.string(),
            std::filesystem::is_directory(status) ? "it is a folder" : "not a regular file"));
    }
    if (!std::filesystem::exists(status)) {
        createOwnerOnly(path);
    } else {
        tightenPermissions(path);
    }
    auto connect = [&](const std::string& name, int flags) {
        sqlite3* raw = nullptr;
        int rc = sqlite3_open_v2(name.c_str(), &raw, flags | SQLITE_OPEN_FULLMUTEX, nullptr);
        std::unique_ptr<sqlite3, Closer> handle(raw);
        if (rc != SQLITE_OK) handle.reset();
        return std::pair{std::move(handle), rc};
    };
    auto [handle, rc] = connect(path.string(), SQLITE_OPEN_READWRITE);
    bool readOnly = !handle || sqlite3_db_readonly(handle.get(), "main") == 1;
    if (readOnly) {
        // A read-only mount, an immutable or a read-only file: serve every read. The WAL index
        // cannot be made beside a file we may not write, so read the file as it stands.
        std::tie(handle, rc) =
            connect(uriPath(path, "mode=ro"), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
        if (handle) {
            sqlite3* probe = handle.get();
            int check = sqlite3_exec(probe, "SELECT COUNT(*) FROM sqlite_master", nullptr, nullptr,
                                     nullptr);
            if (check != SQLITE_OK) handle.reset();
        }
        if (!handle) {
            std::tie(handle, rc) =
                connect(uriPath(path, "immutable=1"), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
        }
    }
    if (!handle) {
        throw UserError(
            fmt::format("cannot open the database {}: {}", path.string(), sqlite3_errstr(rc)));
    }
    sqlite3* raw = handle.get();
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, static_cast<int>(options.busyTimeout.count()));
    Database db(std::move(handle), path, options);
    db.refuseForeignDatabase();
    if (readOnly) {
        if (db.schemaVersion() < Migrations::latest()) {
            throw UserError(fmt::format(
                "the database {} is read-only and was made by an older Dialog Studio (schema "
                "{}, this one needs {}); copy it to a writable folder to open it",
                path.string(), db.schemaVersion(), Migrations::latest()));
        }
        db.exec("PRAGMA foreign_keys=ON");
        return db;
    }
    // WAL lets the UI read while a writer commits; synchronous=FULL makes every committed
    // record survive a power cut too, not only a killed process.
    db.exec("PRAGMA journal_mode=WAL");
    db.exec("PRAGMA synchronous=FULL");
    db.exec("PRAGMA foreign_keys=ON");
    if (options.migrate) {
        Migrations::apply(db);
        // Another tool may have dropped the journal's append-only triggers to rewrite it:
        // put them back before anything is written, and leave an alarm in the journal.
        JournalVerifier::restoreGuards(db);
    }
    return db;
}

void Database::exec(std::string_view sql) {
    std::string text(sql);
    char* err = nullptr;
    int rc = sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, &err);
    if (err) sqlite3_free(err);
    if (rc != SQLITE_OK) fail(rc, text);
}

Statement Database::prepare(std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    int rc =
        sqlite3_prepare_v2(db_.get(), sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) fail(rc, sql);
    return Statement(*this, stmt);
}

std::int64_t Database::lastInsertId() const {
    return sqlite3_last_insert_rowid(db_.get());
}

int Database::changes() const {
    return sqlite3_changes(db_.get());
}

void Database::refuseForeignDatabase() {
    // Another program's SQLite file has tables but none of our schema versions; converting it
    // to WAL or migrating it would change someone else's data.
    Statement tables = prepare("SELECT COUNT(*) FROM sqlite_master");
    tables.step();
    if (schemaVersion() == 0 && tables.getInt(0) > 0) {
        throw UserError(fmt::format(
            "{} is an SQLite database of another program, not a Dialog Studio database; it was "
            "left as it was",
            path_.string()));
    }
}

int Database::schemaVersion() {
    Statement st = prepare("PRAGMA user_version");
    st.step();
    return static_cast<int>(st.getInt(0));
}

void Database::fail(int rc, std::string_view what) const {
    int primary = rc & 0xff;
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
        throw BusyError(fmt::format(
            "the database {} is in use by another Dialog Studio process (waited {:.1f} s); "
            "try again when it has finished",
            path_.string(), options_.busyTimeout.count() / 1000.0));
    }
    if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT) {
        throw UserError(fmt::format("{} is not a readable Dialog Studio database ({})",
                                    path_.string(), sqlite3_errstr(rc)));
    }
    if (primary == SQLITE_FULL) {
        throw UserError(fmt::format(
            "the disk holding {} is full; nothing was saved. Free some space and try again",
            path_.string()));
    }
    if (primary == SQLITE_READONLY || sqlite3_db_readonly(db_.get(), "main") == 1) {
        throw UserError(fmt::format(
            "cannot write the database {}: it is read-only (a read-only disk or file); reading "
            "works, and changes need a writable copy",
            path_.string()));
    }
    if (primary == SQLITE_CANTOPEN || primary == SQLITE_PERM) {
        throw UserError(
            fmt::format("cannot write the database {}: {}", path_.string(), sqlite3_errstr(rc)));
    }
    if (primary == SQLITE_IOERR) {
        // A full disk often shows up as a failed write or fsync, not as SQLITE_FULL.
        std::error_code ec;
        auto space =
            std::filesystem::space(path_.parent_path().empty() ? "." : path_.parent_path(), ec);
        if (!ec && space.available < (1u << 20)) {
            throw UserError(fmt::format(
                "the disk holding {} is full ({} KiB free); nothing was saved. Free some space "
                "(or move the database to a larger disk) and try again",
                path_.string(), space.available / 1024));
        }
        throw UserError(fmt::format(
            "the database {} could not be read or written (disk I/O error: {}); check the disk "
            "(dmesg) and its free space, then try again",
            path_.string(), sqlite3_errmsg(db_.get())));
    }
    if (primary == SQLITE_CONSTRAINT &&
        std::string_view(sqlite3_errmsg(db_.get())).find("UNIQUE") != std::string_view::npos) {
        throw UserError(
            fmt::format("this would duplicate an existing record ({}); nothing was saved",
                        sqlite3_errmsg(db_.get())));
    }
    throw std::runtime_error(fmt::format("database error ({}): {} [{}]", sqlite3_errstr(rc),
                                         sqlite3_errmsg(db_.get()), what.substr(0, 120)));
}

}  // namespace ds
