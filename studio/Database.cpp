#include "studio/Database.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "posix/UniqueFd.h"
#include "studio/Errors.h"
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
    const posix::UniqueFd fd(::open(path.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600));
    if (!fd) {
        throw UserError(
            fmt::format("cannot open the database {}: {}", path.string(), std::strerror(errno)));
    }
}

}  // namespace

void Database::Closer::operator()(sqlite3* db) const {
    sqlite3_close_v2(db);
}

Database::Database(std::unique_ptr<sqlite3, Closer> db, std::filesystem::path path, Options options)
    : db_(std::move(db)), path_(std::move(path)), options_(options) {}

Database::~Database() = default;

Database Database::open(const std::filesystem::path& path, const Options& options) {
    createOwnerOnly(path);
    sqlite3* raw = nullptr;
    int rc =
        sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, nullptr);
    std::unique_ptr<sqlite3, Closer> handle(raw);
    if (rc != SQLITE_OK) {
        throw UserError(fmt::format("cannot open the database {}: {}", path.string(),
                                    raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
    }
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, static_cast<int>(options.busyTimeout.count()));
    Database db(std::move(handle), path, options);
    db.refuseForeignDatabase();
    // WAL lets the UI read while a writer commits; synchronous=FULL makes every committed
    // record survive a power cut too, not only a killed process.
    db.exec("PRAGMA journal_mode=WAL");
    db.exec("PRAGMA synchronous=FULL");
    db.exec("PRAGMA foreign_keys=ON");
    if (options.migrate) Migrations::apply(db);
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
        throw UserError(
            fmt::format("the disk holding {} is full; nothing was saved", path_.string()));
    }
    if (primary == SQLITE_READONLY || primary == SQLITE_CANTOPEN || primary == SQLITE_PERM) {
        throw UserError(
            fmt::format("cannot write the database {}: {}", path_.string(), sqlite3_errstr(rc)));
    }
    throw std::runtime_error(fmt::format("database error ({}): {} [{}]", sqlite3_errstr(rc),
                                         sqlite3_errmsg(db_.get()), what.substr(0, 120)));
}

}  // namespace ds
