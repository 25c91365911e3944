#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include <fstream>

#include "TempDatabase.h"
#include "studio/Errors.h"
#include "studio/Migrations.h"
#include "studio/Statement.h"
#include "studio/Transaction.h"

namespace ds {
namespace {

using test::DatabaseTest;

TEST_F(DatabaseTest, CreatesOwnerOnlyFileInWalModeWithForeignKeys) {
    struct stat st {};
    ASSERT_EQ(::stat(file.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600);
    Statement mode = db.prepare("PRAGMA journal_mode");
    ASSERT_TRUE(mode.step());
    EXPECT_EQ(mode.getText(0), "wal");
    Statement fk = db.prepare("PRAGMA foreign_keys");
    ASSERT_TRUE(fk.step());
    EXPECT_EQ(fk.getInt(0), 1);
    EXPECT_EQ(db.schemaVersion(), Migrations::latest());
}

TEST_F(DatabaseTest, TransactionRollsBackUnlessCommitted) {
    {
        Transaction tx(db);
        db.exec(
            "INSERT INTO stations (code, name, time_zone, created_at) VALUES ('A1', 'x', 'UTC', "
            "'now')");
    }
    Statement n = db.prepare("SELECT COUNT(*) FROM stations");
    n.step();
    EXPECT_EQ(n.getInt(0), 0);
}

TEST_F(DatabaseTest, NestedTransactionRollsBackOnlyItsPart) {
    Transaction outer(db);
    db.exec(
        "INSERT INTO stations (code, name, time_zone, created_at) VALUES ('A1', 'x', 'UTC', "
        "'now')");
    {
        Transaction inner(db);
        db.exec(
            "INSERT INTO stations (code, name, time_zone, created_at) VALUES ('B2', 'y', 'UTC', "
            "'now')");
    }
    outer.commit();
    Statement n = db.prepare("SELECT group_concat(code) FROM stations");
    n.step();
    EXPECT_EQ(n.getText(0), "A1");
}

TEST_F(DatabaseTest, SqlLikeTextIsStoredVerbatim) {
    const std::string evil = "'); DROP TABLE stations; --";
    db.prepare(
          "INSERT INTO stations (code, name, time_zone, created_at) VALUES ('A1', ?, 'UTC', 'now')")
        .bind(1, evil)
        .run();
    Statement st = db.prepare("SELECT name FROM stations");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.getText(0), evil);
}

TEST_F(DatabaseTest, SecondWriterWaitsThenGetsBusyError) {
    int ready[2];
    ASSERT_EQ(::pipe(ready), 0);
    pid_t child = ::fork();
    if (child == 0) {
        // The other process: hold a write transaction for 3 s.
        Database other = Database::open(file);
        other.exec("BEGIN IMMEDIATE");
        other.exec(
            "INSERT INTO stations (code, name, time_zone, created_at) VALUES ('C3', 'z', 'UTC', "
            "'now')");
        char c = 'x';
        (void)!::write(ready[1], &c, 1);
        ::sleep(3);
        other.exec("ROLLBACK");
        ::_exit(0);
    }
    char c;
    ASSERT_EQ(::read(ready[0], &c, 1), 1);
    Database::Options quick;
    quick.busyTimeout = std::chrono::milliseconds(300);
    Database mine = Database::open(file, quick);
    auto started = std::chrono::steady_clock::now();
    try {
        Transaction tx(mine);
        FAIL() << "the write transaction should not have started";
    } catch (const BusyError& e) {
        EXPECT_NE(std::string(e.what()).find("in use by another"), std::string::npos) << e.what();
    }
    EXPECT_GE(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(250));
    int status = 0;
    ::waitpid(child, &status, 0);
    // Once the other process is done, the same write goes through.
    Transaction tx(mine);
    tx.commit();
}

TEST(DatabaseOpen, RefusesAFileThatIsNotADatabase) {
    test::TempDir dir;
    auto path = dir.path() / "notes.db";
    {
        std::ofstream out(path);
        out << "these are my notes, not a database\n";
    }
    EXPECT_THROW(Database::open(path), UserError);
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(line, "these are my notes, not a database");
}

}  // namespace
}  // namespace ds

namespace ds {
namespace {

TEST(DatabaseOpen, LeavesAnotherProgramsSqliteFileAlone) {
    test::TempDir dir;
    auto path = dir.path() / "other.db";
    {
        Database::Options raw;
        raw.migrate = false;
        // Made by "another program": a table, no Dialog Studio schema version, rollback journal.
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
        ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE contacts (name TEXT)", nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);
    }
    try {
        Database::open(path);
        FAIL() << "another program's database must be refused";
    } catch (const UserError& e) {
        EXPECT_NE(std::string(e.what()).find("another program"), std::string::npos) << e.what();
    }
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, nullptr);
    ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
    EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "delete");  // not WAL
    sqlite3_finalize(st);
    sqlite3_close(db);
}

}  // namespace
}  // namespace ds
