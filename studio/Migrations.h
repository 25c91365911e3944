#pragma once
// Numbered schema migrations. The schema version lives in SQLite's user_version; each migration
// runs in its own transaction so a crash mid-upgrade leaves the previous version intact.
// Add a migration by appending to the list in Migrations.cpp; never edit a released one.
#include <span>
#include <string_view>

namespace ds {

class Database;

struct Migration {
    int version;
    std::string_view name;
    std::string_view sql;
};

class Migrations {
  public:
    static std::span<const Migration> all();
    static int latest();
    // Applies every migration above the database's version, up to `upTo` (tests build older
    // schemas with it). Throws UserError if the database is newer than this program knows.
    static void apply(Database& db, int upTo = -1);
};

}  // namespace ds
