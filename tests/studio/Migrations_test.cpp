#include "studio/Migrations.h"
#include "TempDatabase.h"
#include "studio/Errors.h"
#include "studio/Statement.h"

namespace ds {
namespace {

TEST(Migrations, OpensADatabaseMadeByAnOlderSchemaAndKeepsItsData) {
    test::TempDir dir;
    auto path = dir.path() / "old.db";
    {
        Database::Options old;
        old.migrate = false;
        Database db = Database::open(path, old);
        Migrations::apply(db, 1);  // the first released schema: no questions yet
        ASSERT_EQ(db.schemaVersion(), 1);
        db.exec(
            "INSERT INTO stations (code, name, time_zone, created_at) VALUES ('OLD', 'Polres "
            "Lama', 'Asia/Makassar', '2025-01-01T00:00:00.000Z')");
        db.exec("INSERT INTO programmes (station_id, title, created_at) VALUES (1, 'Dialog', 'x')");
        db.exec(
            "INSERT INTO sessions (programme_id, topic, scheduled_start, planned_length_s, "
            "created_at) VALUES (1, 'Topik lama', '2025-01-02T02:00:00.000Z', 3600, 'x')");
    }
    Database db = Database::open(path);  // migrates to the latest
    EXPECT_EQ(db.schemaVersion(), Migrations::latest());
    Statement st = db.prepare("SELECT s.topic, t.time_zone FROM sessions s, stations t");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.getText(0), "Topik lama");
    EXPECT_EQ(st.getText(1), "Asia/Makassar");
    // Tables of the later migrations exist and work.
    db.exec(
        "INSERT INTO questions (session_id, number, channel, received_at, text) VALUES (1, 1, "
        "'phone', 'x', 'Halo')");
}

TEST(Migrations, RefusesADatabaseFromANewerDialogStudio) {
    test::TempDir dir;
    auto path = dir.path() / "new.db";
    {
        Database db = Database::open(path);
        db.exec("PRAGMA user_version = 999");
    }
    try {
        Database::open(path);
        FAIL() << "a newer schema must be refused";
    } catch (const UserError& e) {
        EXPECT_NE(std::string(e.what()).find("newer"), std::string::npos) << e.what();
    }
}

TEST(Migrations, VersionsAreNumberedInOrder) {
    int expected = 1;
    for (const Migration& m : Migrations::all())
        EXPECT_EQ(m.version, expected++);
}

}  // namespace
}  // namespace ds
