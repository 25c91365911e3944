#pragma once
// One SQLite connection (RAII). Opens the file in WAL mode with foreign keys, creates it with
// owner-only permissions, applies the numbered migrations, and turns "another process holds the
// database" into a BusyError after a short wait instead of a hang or a corruption.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

struct sqlite3;

namespace ds {

class Statement;

class Database {
  public:
    struct Options {
        // How long a writer waits for another process's write transaction before giving up.
        std::chrono::milliseconds busyTimeout{2000};
        bool migrate = true;  // apply pending migrations on open
    };

    // Opens (creating if needed, with its folder) the database at path. Throws UserError if the
    // file is not a Dialog Studio database or is newer than this program, BusyError if another
    // process keeps it locked past the timeout.
    static Database open(const std::filesystem::path& path, const Options& options);
    static Database open(const std::filesystem::path& path) { return open(path, Options{}); }

    Database(Database&&) noexcept = default;
    Database& operator=(Database&&) noexcept = default;
    ~Database();

    void exec(std::string_view sql);
    Statement prepare(std::string_view sql);
    std::int64_t lastInsertId() const;
    int changes() const;
    int schemaVersion();
    const std::filesystem::path& path() const { return path_; }
    sqlite3* handle() const { return db_.get(); }

    // Throws the right error (BusyError for SQLITE_BUSY/LOCKED) for an SQLite result code.
    [[noreturn]] void fail(int rc, std::string_view what) const;

  private:
    struct Closer {
        void operator()(sqlite3* db) const;
    };
    Database(std::unique_ptr<sqlite3, Closer> db, std::filesystem::path path, Options options);
    void refuseForeignDatabase();

    std::unique_ptr<sqlite3, Closer> db_;
    std::filesystem::path path_;
    Options options_;
};

}  // namespace ds
