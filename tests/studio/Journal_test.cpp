#include "studio/Journal.h"

#include <stdlib.h>
#include <sys/stat.h>

#include <fstream>
#include <functional>

#include "TempDatabase.h"
#include "studio/JournalKeyring.h"
#include "studio/JournalVerifier.h"
#include "studio/Migrations.h"
#include "studio/Statement.h"
#include "studio/Transaction.h"

namespace ds {
namespace {

// The station key file for this test (the environment names it, as it would a station's).
std::filesystem::path useKey(const std::filesystem::path& keyFile) {
    ::setenv("DIALOGSTUDIO_JOURNAL_KEY", keyFile.c_str(), 1);
    return keyFile;
}

void addRows(Database& db, int n, const std::string& actor = "rina") {
    for (int i = 1; i <= n; ++i) {
        Transaction tx(db);
        Journal::append(db, {actor,
                             "question.add",
                             "question:" + std::to_string(i),
                             nullptr,
                             {{"text", "Pertanyaan " + std::to_string(i)}}});
        tx.commit();
    }
}

bool mentions(const JournalReport& c, const std::string& word) {
    for (const std::string& p : c.problems)
        if (p.find(word) != std::string::npos) return true;
    return false;
}

std::string allProblems(const JournalReport& c) {
    std::string out;
    for (const std::string& p : c.problems)
        out += p + "\n";
    return out;
}

class JournalTest : public ::testing::Test {
  protected:
    test::TempDir dir;
    std::filesystem::path keyFile = useKey(dir.path() / "config" / "journal.key");
    std::filesystem::path file = dir.path() / "studio.db";
    Database db = Database::open(file);

    void SetUp() override { addRows(db, 5); }

    // Tampering from outside Dialog Studio, as an attacker holding the file would: drop the
    // guards, change the rows, put the guards back.
    void tamper(const std::function<void()>& change) {
        db.exec("DROP TRIGGER journal_no_update");
        db.exec("DROP TRIGGER journal_no_delete");
        change();
        db.exec(
            "CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal\n"
            "BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END");
        db.exec(
            "CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal\n"
            "BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END");
    }
    void tamper(const std::string& sql) {
        tamper([&] { db.exec(sql); });
    }

    struct Row {
        std::int64_t id;
        std::string at, actor, action, subject, before, after, prev, hash, key;
    };
    std::vector<Row> rows() {
        std::vector<Row> out;
        Statement st = db.prepare(
            "SELECT id, at, actor, action, subject, before, after, prev_hash, hash, key_id FROM "
            "journal ORDER BY id");
        while (st.step()) {
            out.push_back({st.getInt(0), st.getText(1), st.getText(2), st.getText(3), st.getText(4),
                           st.getText(5), st.getText(6), st.getText(7), st.getText(8),
                           st.getText(9)});
        }
        return out;
    }
    // Rewrites every row from `from` on with `seal` computing each row's hash, so every link
    // holds: what a forger does after editing a row.
    void rechain(std::int64_t from,
                 const std::function<std::string(Row&, const std::string& prev)>& seal) {
        std::vector<Row> all = rows();
        std::string prev(Journal::kGenesis);
        for (Row& r : all) {
            if (r.id >= from) {
                r.prev = prev;
                r.hash = seal(r, prev);
                Statement up = db.prepare(
                    "UPDATE journal SET actor = ?, prev_hash = ?, hash = ?, key_id = ? WHERE id = "
                    "?");
                up.bindAll(r.actor, r.prev, r.hash, r.key, r.id).run();
            }
            prev = r.hash;
        }
    }
    static std::string plainHash(Row& r, const std::string& prev) {
        return Journal::rowHash(r.id, r.at, r.actor, r.action, r.subject, r.before, r.after, prev);
    }
};

TEST_F(JournalTest, IntactChainVerifies) {
    JournalReport c = JournalVerifier::verify(db);
    EXPECT_TRUE(c.ok()) << allProblems(c);
    EXPECT_EQ(c.status, JournalStatus::Intact);
    EXPECT_EQ(c.rows, 6);  // the first sealed row (migration 7) and five
    EXPECT_EQ(c.unsealedRows, 0);
    ASSERT_TRUE(c.head);
    EXPECT_EQ(c.head->row, 6);
}

TEST_F(JournalTest, RowsAreSealedWithTheStationKeyKeptOutsideTheDatabase) {
    ASSERT_TRUE(std::filesystem::exists(keyFile));
    struct stat st {};
    ASSERT_EQ(::stat(keyFile.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    JournalKeyring ring(keyFile);
    const JournalKey key = ring.sealingKey();
    for (const Row& r : rows()) {
        EXPECT_EQ(r.key, key.id);
        std::string before = r.before, after = r.after;
        EXPECT_EQ(r.hash, JournalVerifier::sealHash(key, r.id, r.at, r.actor, r.action, r.subject,
                                                    before, after, r.prev));
    }
    // The secret itself is nowhere in the database file.
    std::ifstream in(file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), {});
    EXPECT_EQ(bytes.find(key.secret), std::string::npos);
}

TEST_F(JournalTest, UpdatesAndDeletesAreRefusedByTheDatabase) {
    EXPECT_ANY_THROW(db.exec("UPDATE journal SET actor = 'x' WHERE id = 2"));
    EXPECT_ANY_THROW(db.exec("DELETE FROM journal WHERE id = 2"));
    EXPECT_TRUE(JournalVerifier::verify(db).ok());
}

TEST_F(JournalTest, HashCoversEveryField) {
    std::string base = Journal::rowHash(1, "t", "a", "b", "c", "d", "e", "p");
    EXPECT_NE(base, Journal::rowHash(2, "t", "a", "b", "c", "d", "e", "p"));
    EXPECT_NE(base, Journal::rowHash(1, "t", "a", "b", "c", "d", "e", "q"));
    // Moving a boundary between fields changes the hash (fields are length-prefixed).
    EXPECT_NE(Journal::rowHash(1, "t", "ab", "c", "c", "d", "e", "p"),
              Journal::rowHash(1, "t", "a", "bc", "c", "d", "e", "p"));
    JournalKeyring ring(keyFile);
    const JournalKey key = ring.sealingKey();
    JournalKey other = key;
    other.secret[0] ^= 1;
    EXPECT_NE(JournalVerifier::sealHash(key, 1, "t", "a", "b", "c", "d", "e", "p"),
              JournalVerifier::sealHash(other, 1, "t", "a", "b", "c", "d", "e", "p"));
}

// The tamper table of docs/JOURNAL.md: each way of rewriting the journal with the database
// file in hand (but not the key) and how verify() catches it.
TEST_F(JournalTest, Tamper01_EditedRow) {
    tamper("UPDATE journal SET after = '{\"text\":\"diubah\"}' WHERE id = 3");
    JournalReport c = JournalVerifier::verify(db);
    EXPECT_EQ(c.status, JournalStatus::Broken);
    EXPECT_EQ(c.brokenId, 3);
    EXPECT_TRUE(mentions(c, "seal")) << allProblems(c);
}

TEST_F(JournalTest, Tamper02_EditedRowRechainedWithPlainHashes) {
    tamper([&] {
        rechain(3, [](Row& r, const std::string& prev) {
            if (r.id == 3) r.actor = "forger";
            return plainHash(r, prev);
        });
    });
    JournalReport c = JournalVerifier::verify(db);
    EXPECT_EQ(c.status, JournalStatus::Broken);
    EXPECT_EQ(c.brokenId, 3);
}

TEST_F(JournalTest, Tamper03_EditedRowRechainedWithoutSeals) {
    tamper([&] {
        rechain(3, [](Row& r, const std::string& prev) {
            if (r.id == 3) r.actor = "forger";
            r.key.clear();
            return plainHash(r, prev);
        });
    });
    JournalReport c = JournalVerifier::verify(db);
    EXPECT_EQ(c.status, JournalStatus::Broken);
    EXPECT_EQ(c.brokenId, 3);
    EXPECT_TRUE(mentions(c, "no seal")) << allProblems(c);
}

TEST_F(JournalTest, Tamper04_EverySealStrippedAndRechained) {
    tamper([&] {
        rechain(1, [](Row& r, const std::string& prev) {
            r.key.clear();
            return plainHash(r, prev);
        });
    });
    JournalReport c = JournalVerifier::verify(db);
    EXPECT_EQ(c.status, JournalStatus::Broken);
    EXPECT_TRUE(mentions(c, "no row is sealed")) << allProblems(c);
}

TEST_F(JournalTest, Tamper05_DeletedRow) {
    tamper("DELETE FROM journal WHERE id = 3");
    JournalReport c = JournalVerifier::verify(db);
    EXPECT_EQ(c.status, JournalStatus::Broken);
    EXPECT_EQ(c.brokenId, 4);
    EXPECT_TRUE(mentions(c, "missing")) << allProblems(c);
}

TEST_F(JournalTest, Tamper06_DeletedRowRenumberedWithTheSequence) {
    tamper([&] {
        db.exec("DELETE FROM journal WHERE id = 3");
        db.exec("UPDATE journal SET id = id - 1 WHERE id > 3");
        db.exec("UPDATE sqlite_sequence SET seq = seq - 1 WHERE name = 'journal'");
        Statement prev = db.prepare("SELECT hash FROM journal WHERE id = 2");
        prev.step();
        std::string link = prev.getText(0);
        prev.reset();
        db.prepare("UPDATE journal SET prev_hash = ? WHERE id = 3").bind(1, link).run();
    });
    JournalReport c = JournalVerifier::verify(db);
    EXPECT_EQ(c.status, JournalStatus::Broken);
    EXPECT_EQ(c.brokenId, 3);
    EXPECT_TRUE(mentions(c, "seal")) << allProblems(c);
}

TEST_F(JournalTest, Tamper07_TailCutOff) {
    tamper("DELETE FROM journal WHERE id >= 5");
    JournalReport c = JournalVerifier::verify(db);
    EXPECT_EQ(c.status, JournalStatus::Broken);
    EXPECT_EQ(c.brokenId, 5);
    EXPECT_TRUE(mentions(c, "missing from the end")) << allProblems(c);
}

TEST_F(JournalTest, Tamper08_TailCutOffWithTheSequenceLoweredCrossesAnAnchor) {
    JournalAnchor anchor = *JournalVerifier::head(db);
    anchor.source = "anchor.txt";
    tamper([&] {
        db.exec("DELETE FROM journal WHERE id >= 5");
        db.exec("UPDATE sqlite_sequence SET seq = 4 WHERE name = 'journal'");
    });
    // Inside the file nothing is left to see: a shorter journal is a whole journal...
    EXPECT_TRUE(JournalVerifier::verify(db).ok());
    // ...until it is held against an anchor kept outside.
    JournalReport c = JournalVerifier::verify(db, {anchor});
    EXPECT_EQ(c.status, JournalStatus::Broken);
    EXPECT_EQ(c.brokenId, 6);
    EXPECT_TRUE(mentions(c, "ends at row 4")) << allProblems(c);
}

TEST_F(JournalTest, Tamper09_Emptied) {
    JournalAnchor anchor = *JournalVerifier::head(db);
    tamper([&] {
        db.exec("DELETE FROM journal");
        db.exec("DELETE FROM sqlite_sequence WHERE name = 'journal'");
    });
    JournalReport c = JournalVerifier::verify(db);
    EXPECT_EQ(c.status, JournalStatus::Broken);
    EXPECT_TRUE(mentions(c, "emptied")) << allProblems(c);
    EXPECT_TRUE(mentions(JournalVerifier::verify(db, {anchor}), "is empty"));
}

TEST_F(JournalTest, Tamper10_ForgedAppendWithAPlainHash) {
    std::vector<Row> all = rows();
    Row forged{7,    all.back().at,   "forger", "question.add", "question:99", "",
               "{}", all.back().hash, "",       all.back().key};
    forged.hash = plainHash(forged, forged.prev);
    db.prepare(
          "INSERT INTO journal (id, at, actor, action, subject, before, after, prev_hash, hash, "
          "key_id) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)")
        .bindAll(forged.id, forged.at, forged.actor, forged.action, forged.subject, forged.after,
                 forged.prev, forged.hash, forged.key)
        .run();
    JournalReport c = JournalVerifier::verify(db);
    EXPECT_EQ(c.status, JournalStatus::Broken);
    EXPECT_EQ(c.brokenId, 7);
}

TEST_F(JournalTest, Tamper11_ForgedAppendSealedWithTheForgersOwnKey) {
    JournalKeyring forgerRing(dir.path() / "forger.key");
    const JournalKey forgerKey = forgerRing.sealingKey();
    std::vector<Row> all = rows();
    std::string hash =
        JournalVerifier::sealHash(forgerKey, 7, all.back().at, "forger", "question.add",
                                  "question:99", "", "{}", all.back().hash);
    db.prepare(
          "INSERT INTO journal (id, at, actor, action, subject, before, after, prev_hash, hash, "
          "key_id) VALUES (7, ?, 'forger', 'question.add', 'question:99', NULL, '{}', ?, ?, ?)")
        .bindAll(all.back().at, all.back().hash, hash, forgerKey.id)
        .run();
    JournalReport c = JournalVerifier::verify(db);
    EXPECT_EQ(c.status, JournalStatus::Broken);
    EXPECT_EQ(c.brokenId, 7);
    EXPECT_TRUE(mentions(c, "never held")) << allProblems(c);
}

TEST_F(JournalTest, Tamper12_WholeJournalResealedWithTheForgersKey) {
    JournalAnchor anchor = *JournalVerifier::head(db);
    JournalKeyring forgerRing(dir.path() / "forger.key");
    const JournalKey forgerKey = forgerRing.sealingKey();
    tamper([&] {
        rechain(1, [&](Row& r, const std::string& prev) {
            if (r.id == 3) r.actor = "forger";
            r.key = forgerKey.id;
            return JournalVerifier::sealHash(forgerKey, r.id, r.at, r.actor, r.action, r.subject,
                                             r.before, r.after, prev);
        });
    });
    // Not one seal can be checked with the station's key: never "intact".
    JournalReport c = JournalVerifier::verify(db);
    EXPECT_EQ(c.status, JournalStatus::Unverifiable);
    EXPECT_TRUE(mentions(c, "cannot verify")) << allProblems(c);
    EXPECT_EQ(JournalVerifier::verify(db, {anchor}).status, JournalStatus::Broken);
}

TEST_F(JournalTest, Tamper13_GuardsDroppedAreReportedAndRestoredOnOpen) {
    db.exec("DROP TRIGGER journal_no_update");
    db.exec("DROP TRIGGER journal_no_delete");
    JournalReport c = JournalVerifier::verify(db);
    EXPECT_EQ(c.status, JournalStatus::Broken);
    EXPECT_TRUE(mentions(c, "journal_no_delete is missing")) << allProblems(c);
    // The next open puts them back and leaves an alarm in the journal.
    Database again = Database::open(file);
    EXPECT_ANY_THROW(again.exec("DELETE FROM journal WHERE id = 2"));
    JournalReport after = JournalVerifier::verify(again);
    EXPECT_TRUE(after.ok()) << allProblems(after);
    ASSERT_EQ(after.alarms.size(), 2u);
    EXPECT_NE(after.alarms[0].find("journal_no_update is missing"), std::string::npos);
}

TEST_F(JournalTest, Tamper14_GuardAlteredToLetDeletesThrough) {
    db.exec("DROP TRIGGER journal_no_delete");
    db.exec("CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal BEGIN SELECT 1; END");
    JournalReport c = JournalVerifier::verify(db);
    EXPECT_EQ(c.status, JournalStatus::Broken);
    EXPECT_TRUE(mentions(c, "altered")) << allProblems(c);
    Database again = Database::open(file);
    EXPECT_ANY_THROW(again.exec("DELETE FROM journal WHERE id = 2"));
    EXPECT_EQ(JournalVerifier::verify(again).alarms.size(), 1u);
}

TEST_F(JournalTest, Tamper15_SequenceEditedBelowTheRows) {
    db.exec("UPDATE sqlite_sequence SET seq = 2 WHERE name = 'journal'");
    JournalReport c = JournalVerifier::verify(db);
    EXPECT_EQ(c.status, JournalStatus::Broken);
    EXPECT_TRUE(mentions(c, "sequence was edited")) << allProblems(c);
}

TEST_F(JournalTest, Tamper16_SignedRecordsAnchorNoLongerInTheJournal) {
    // A signature keeps the head at signing; rewriting that row breaks the signature's anchor
    // even when the rest of the chain is made to hold with the key.
    db.exec("PRAGMA foreign_keys = OFF");
    std::vector<Row> all = rows();
    db.prepare(
          "INSERT INTO session_signatures (session_id, name, nrp, signed_on, signed_at, actor, "
          "journal_id, journal_hash) VALUES (1, 'Hadi', '78030789', '2026-03-17', 'x', 'rina', "
          "4, ?)")
        .bind(1, all[3].hash)
        .run();
    EXPECT_TRUE(JournalVerifier::verify(db).ok());
    JournalKeyring ring(keyFile);
    const JournalKey key = ring.sealingKey();
    tamper([&] {
        rechain(4, [&](Row& r, const std::string& prev) {
            if (r.id == 4) r.actor = "forger";
            return JournalVerifier::sealHash(key, r.id, r.at, r.actor, r.action, r.subject,
                                             r.before, r.after, prev);
        });
    });
    JournalReport c = JournalVerifier::verify(db);
    EXPECT_EQ(c.status, JournalStatus::Broken);
    EXPECT_TRUE(mentions(c, "session 1's signature")) << allProblems(c);
}

TEST_F(JournalTest, BeyondProof_RechainedByHolderOfFileAndKeyCaughtOnlyByAnOlderAnchor) {
    JournalAnchor anchor = *JournalVerifier::head(db);
    addRows(db, 2);
    JournalKeyring ring(keyFile);
    const JournalKey key = ring.sealingKey();
    auto forge = [&](std::int64_t row) {
        tamper([&] {
            rechain(row, [&](Row& r, const std::string& prev) {
                if (r.id == row) r.actor = "forger";
                return JournalVerifier::sealHash(key, r.id, r.at, r.actor, r.action, r.subject,
                                                 r.before, r.after, prev);
            });
        });
    };
    forge(7);  // after the anchor: nothing can tell
    EXPECT_TRUE(JournalVerifier::verify(db, {anchor}).ok());
    forge(3);  // before it: the anchor no longer matches
    JournalReport c = JournalVerifier::verify(db, {anchor});
    EXPECT_EQ(c.status, JournalStatus::Broken);
    EXPECT_TRUE(mentions(c, "differs from the anchor")) << allProblems(c);
}

TEST_F(JournalTest, LostKeyLeavesTheRecordReadableAndSaysItCannotVerify) {
    std::filesystem::remove(keyFile);
    JournalReport c = JournalVerifier::verify(db);
    EXPECT_EQ(c.status, JournalStatus::Unverifiable);
    EXPECT_TRUE(mentions(c, "cannot verify rows 1 to 6")) << allProblems(c);
    EXPECT_TRUE(mentions(c, "no key file")) << allProblems(c);
    Statement st = db.prepare("SELECT after FROM journal WHERE id = 6");
    ASSERT_TRUE(st.step());
    EXPECT_NE(st.getText(0).find("Pertanyaan 5"), std::string::npos);
}

TEST_F(JournalTest, NewKeyAfterALostOneSealsOnAndRestoringTheOldLineVerifiesAll) {
    std::string oldLines;
    {
        std::ifstream in(keyFile);
        oldLines.assign((std::istreambuf_iterator<char>(in)), {});
    }
    std::filesystem::remove(keyFile);
    {
        Database again = Database::open(file);
        addRows(again, 1);  // makes a new key and journals the change
        JournalReport c = JournalVerifier::verify(again);
        EXPECT_EQ(c.status, JournalStatus::Unverifiable) << allProblems(c);
        ASSERT_EQ(c.alarms.size(), 1u);
        EXPECT_NE(c.alarms[0].find("key_changed"), std::string::npos);
    }
    std::ofstream(keyFile, std::ios::app) << oldLines;
    Database restored = Database::open(file);
    JournalReport c = JournalVerifier::verify(restored);
    EXPECT_TRUE(c.ok()) << allProblems(c);
    EXPECT_EQ(c.rows, 8);
}

TEST(JournalSealing, RowsFromBeforeSealingKeepVerifyingAsBefore) {
    test::TempDir dir;
    auto path = dir.path() / "old.db";
    useKey(dir.path() / "journal.key");
    {
        Database::Options old;
        old.migrate = false;
        Database db = Database::open(path, old);
        Migrations::apply(db, 6);
        std::string prev(Journal::kGenesis);
        for (int id = 1; id <= 3; ++id) {
            std::string hash = Journal::rowHash(id, "2026-01-01T00:00:00.000Z", "rina", "x.y",
                                                "s:1", "", "{}", prev);
            db.prepare(
                  "INSERT INTO journal (id, at, actor, action, subject, before, after, prev_hash, "
                  "hash) VALUES (?, '2026-01-01T00:00:00.000Z', 'rina', 'x.y', 's:1', NULL, "
                  "'{}', ?, ?)")
                .bindAll(id, prev, hash)
                .run();
            prev = hash;
        }
        EXPECT_TRUE(JournalVerifier::verify(db).ok());
    }
    Database db = Database::open(path);
    addRows(db, 1);
    JournalReport c = JournalVerifier::verify(db);
    EXPECT_TRUE(c.ok()) << allProblems(c);
    EXPECT_EQ(c.rows, 5);
    EXPECT_EQ(c.unsealedRows, 3);
    // An old row edited is still caught as before.
    db.exec("DROP TRIGGER journal_no_update");
    db.exec("UPDATE journal SET actor = 'x' WHERE id = 2");
    EXPECT_EQ(JournalVerifier::verify(db).brokenId, 2);
}

}  // namespace
}  // namespace ds
