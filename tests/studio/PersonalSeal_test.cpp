// Personal data never sits in the journal in clear (UU PDP): requesters' and callers' data are
// sealed with a per-record key, a seal can be checked against the register while the key
// exists, and the retention rule erases the key with the data while the chain still verifies.
#include "studio/PersonalSeal.h"
#include "PpidFixture.h"
#include "studio/AmendmentStore.h"
#include "studio/ObjectionStore.h"
#include "studio/Progress.h"
#include "studio/RetentionStore.h"

namespace ds {
namespace {

class PersonalSealTest : public test::PpidFixture {
  protected:
    // Rows of the journal that hold `text` anywhere in their before or after document.
    std::int64_t journalRowsWith(const std::string& text) {
        Statement st = db.prepare(
            "SELECT COUNT(*) FROM journal WHERE instr(COALESCE(before, ''), ?1) > 0 OR "
            "instr(COALESCE(after, ''), ?1) > 0");
        st.bind(1, text);
        st.step();
        return st.getInt(0);
    }
    std::string key(const char* table, std::int64_t id) {
        Statement st = db.prepare(fmt::format("SELECT personal_key FROM {} WHERE id = ?", table));
        st.bind(1, id);
        st.step();
        return st.getText(0);
    }
};

TEST(PersonalSeal, KeyedDigestsNeverTheValue) {
    std::string k1 = PersonalSeal::newKey(), k2 = PersonalSeal::newKey();
    EXPECT_EQ(k1.size(), 64u);
    EXPECT_NE(k1, k2);
    std::string s = PersonalSeal::seal(k1, "Dewi Anggraini");
    EXPECT_EQ(s.rfind("hmac-sha256:", 0), 0u);
    EXPECT_EQ(s.size(), 12u + 64u);
    EXPECT_EQ(s, PersonalSeal::seal(k1, "Dewi Anggraini")) << "checkable against the register";
    EXPECT_NE(s, PersonalSeal::seal(k2, "Dewi Anggraini")) << "no link between records";
    EXPECT_NE(s, PersonalSeal::seal(k1, "Dewi Anggraeni"));
    EXPECT_EQ(PersonalSeal::seal(k1, ""), "");
    EXPECT_EQ(PersonalSeal::seal("", "Dewi"), "***") << "without a key, never in clear";
}

TEST_F(PersonalSealTest, TheJournalHoldsNoPersonalDataInClear) {
    Question q = ask("Kapan SIM keliling ke Selebar?");
    InfoRequest fromCall = requests().openFromQuestion(q.id, {}, "Penelitian", "ppid");
    InfoRequest r = letter(now() - std::chrono::hours(30), session.id);
    r = decide(r, decision("refused", "P17c"));
    ObjectionStore(db, station, calendar())
        .file(r.id, "P35a", "Informasi itu untuk umum", "Dewi Anggraini", "Kabag Ops", now(),
              "ppid");
    AmendmentStore(db, station, calendar())
        .amendRequest(r.id, {{"requester.name", "Dewi Anggraeni Putri"}}, "Ejaan nama", "ppid");
    AmendmentStore(db, station, calendar())
        .amendQuestion(q.id, {{"contact", "081273451299"}}, "Nomor salah", "ppid");

    for (const char* secret :
         {"Dewi Anggraini", "Dewi Anggraeni Putri", "081234567890", "Jl. Melati",
          "1771012345678901", "Budi Santoso", "081273451290", "081273451299"}) {
        EXPECT_EQ(journalRowsWith(secret), 0) << secret << " is in the journal in clear";
    }
    // The register's values can still be checked against the journal while the key exists.
    Statement st = db.prepare(
        "SELECT after FROM journal WHERE action = 'request.open' AND subject = ? ORDER BY id");
    st.bind(1, fmt::format("request:{}", fromCall.id));
    ASSERT_TRUE(st.step());
    nlohmann::json open = nlohmann::json::parse(st.getText(0));
    st.reset();
    EXPECT_EQ(open["requester"]["name"],
              PersonalSeal::seal(key("info_requests", fromCall.id), "Budi Santoso"));
    EXPECT_EQ(open["details"], "Kapan SIM keliling ke Selebar?") << "the record itself stays";
    EXPECT_TRUE(Journal::verify(db).ok);
}

TEST_F(PersonalSealTest, RetentionErasesTheKeyAndTheChainStillVerifies) {
    InfoRequest a =
        decide(letter(now() - std::chrono::hours(24 * 400), session.id), decision("granted_full"));
    decidedAt(a, now() - std::chrono::hours(24 * 399));
    InfoRequest b =
        decide(letter(now() - std::chrono::hours(48), session.id), decision("granted_full"));
    ASSERT_FALSE(key("info_requests", a.id).empty());
    RetentionStore store(db, station);
    store.setDays(365, "ppid");
    store.apply(now(), false, "ppid", Progress::silent());
    EXPECT_EQ(key("info_requests", a.id), "") << "erased with the data: the seals name nobody";
    EXPECT_FALSE(key("info_requests", b.id).empty()) << "closed recently: kept";
    JournalCheck check = Journal::verify(db);
    EXPECT_TRUE(check.ok) << check.problem;
}

}  // namespace
}  // namespace ds
