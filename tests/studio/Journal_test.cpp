#include "studio/Journal.h"
#include "TempDatabase.h"
#include "studio/Statement.h"
#include "studio/Transaction.h"

namespace ds {
namespace {

class JournalTest : public test::DatabaseTest {
  protected:
    void SetUp() override {
        for (int i = 1; i <= 5; ++i) {
            Transaction tx(db);
            Journal::append(db, {"rina",
                                 "question.add",
                                 "question:" + std::to_string(i),
                                 nullptr,
                                 {{"text", "Pertanyaan " + std::to_string(i)}}});
            tx.commit();
        }
    }
    // Tampering from outside Dialog Studio: drop the guards first, as an attacker would.
    void tamper(const std::string& sql) {
        db.exec("DROP TRIGGER journal_no_update");
        db.exec("DROP TRIGGER journal_no_delete");
        db.exec(sql);
    }
};

TEST_F(JournalTest, IntactChainVerifies) {
    JournalCheck c = Journal::verify(db);
    EXPECT_TRUE(c.ok) << c.problem;
    EXPECT_EQ(c.rows, 5);
}

TEST_F(JournalTest, UpdatesAndDeletesAreRefusedByTheDatabase) {
    EXPECT_ANY_THROW(db.exec("UPDATE journal SET actor = 'x' WHERE id = 2"));
    EXPECT_ANY_THROW(db.exec("DELETE FROM journal WHERE id = 2"));
    EXPECT_TRUE(Journal::verify(db).ok);
}

TEST_F(JournalTest, EditedRowIsNamed) {
    tamper("UPDATE journal SET after = '{\"text\":\"diubah\"}' WHERE id = 3");
    JournalCheck c = Journal::verify(db);
    EXPECT_FALSE(c.ok);
    ASSERT_TRUE(c.brokenId);
    EXPECT_EQ(*c.brokenId, 3);
    EXPECT_NE(c.problem.find("edited"), std::string::npos) << c.problem;
}

TEST_F(JournalTest, EditedRowWithRecomputedHashBreaksTheNextLink) {
    // A careful forger recomputes row 3's own hash; row 4 still points at the old one.
    Statement st = db.prepare(
        "SELECT at, actor, action, subject, before, after, prev_hash FROM journal WHERE id = 3");
    ASSERT_TRUE(st.step());
    std::string forged = Journal::rowHash(3, st.getText(0), "forger", st.getText(2), st.getText(3),
                                          st.getText(4), st.getText(5), st.getText(6));
    tamper("UPDATE journal SET actor = 'forger', hash = '" + forged + "' WHERE id = 3");
    JournalCheck c = Journal::verify(db);
    EXPECT_FALSE(c.ok);
    ASSERT_TRUE(c.brokenId);
    EXPECT_EQ(*c.brokenId, 4);
}

TEST_F(JournalTest, DeletedRowIsNamed) {
    tamper("DELETE FROM journal WHERE id = 2");
    JournalCheck c = Journal::verify(db);
    EXPECT_FALSE(c.ok);
    ASSERT_TRUE(c.brokenId);
    EXPECT_EQ(*c.brokenId, 3);
    EXPECT_NE(c.problem.find("missing"), std::string::npos) << c.problem;
}

TEST_F(JournalTest, RowsCutFromTheEndAreNoticed) {
    tamper("DELETE FROM journal WHERE id >= 4");
    JournalCheck c = Journal::verify(db);
    EXPECT_FALSE(c.ok);
    ASSERT_TRUE(c.brokenId);
    EXPECT_EQ(*c.brokenId, 4);
}

TEST_F(JournalTest, HashCoversEveryField) {
    std::string base = Journal::rowHash(1, "t", "a", "b", "c", "d", "e", "p");
    EXPECT_NE(base, Journal::rowHash(2, "t", "a", "b", "c", "d", "e", "p"));
    EXPECT_NE(base, Journal::rowHash(1, "t", "a", "b", "c", "d", "e", "q"));
    // Moving a boundary between fields changes the hash (fields are length-prefixed).
    EXPECT_NE(Journal::rowHash(1, "t", "ab", "c", "c", "d", "e", "p"),
              Journal::rowHash(1, "t", "a", "bc", "c", "d", "e", "p"));
}

}  // namespace
}  // namespace ds
