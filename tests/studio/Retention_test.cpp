// Retention (UU PDP): expired personal data is erased, the counts remain, the erasure is
// journalled and the chain still verifies.
#include "PpidFixture.h"
#include "studio/ObjectionStore.h"
#include "studio/PeriodReport.h"
#include "studio/Progress.h"
#include "studio/RetentionStore.h"
#include "studio/SessionRecord.h"
#include "studio/SessionReport.h"

namespace ds {
namespace {

class RetentionTest : public test::PpidFixture {};

TEST_F(RetentionTest, ExpiredPersonalDataIsErasedAndCountsRemain) {
    RetentionStore store(db, station);
    EXPECT_FALSE(store.days().has_value());
    Question q = ask("Kapan SIM keliling?");  // received now
    Question old = ask("Pertanyaan lama");
    db.prepare("UPDATE questions SET received_at = ? WHERE id = ?")
        .bindAll(formatUtc(now() - std::chrono::hours(24 * 400)), old.id)
        .run();
    // Closed long ago, closed recently, undecided, and closed long ago but objected to.
    InfoRequest a =
        decide(letter(now() - std::chrono::hours(24 * 400), session.id), decision("granted_full"));
    decidedAt(a, now() - std::chrono::hours(24 * 399));
    InfoRequest b =
        decide(letter(now() - std::chrono::hours(48), session.id), decision("refused", "P17c"));
    InfoRequest c = letter(now() - std::chrono::hours(24 * 400), session.id);
    InfoRequest d =
        decide(letter(now() - std::chrono::hours(24 * 400), session.id), decision("granted_full"));
    decidedAt(d, now() - std::chrono::hours(24 * 399));
    ObjectionStore(db, station, calendar())
        .file(d.id, "P35d", "Tidak sesuai", "", "", now() - std::chrono::hours(24 * 300), "ppid");

    // Without a period nothing is erased.
    EXPECT_TRUE(store.apply(now(), false, "ppid", Progress::silent()).requests.empty());
    EXPECT_THROW(store.setDays(0, "ppid"), UserError);
    store.setDays(365, "ppid");
    EXPECT_EQ(store.days(), 365);
    RequestStore rs = requests();
    nlohmann::json before = SessionReport::build(db, rs, session.id, now())["requests"];

    RetentionResult dry = store.apply(now(), true, "ppid", Progress::silent());
    EXPECT_EQ(dry.requests, std::vector<std::string>{a.registrationNumber});
    EXPECT_EQ(dry.questions, 1);
    EXPECT_EQ(requests().get(a.id).requester.name, "Dewi Anggraini");  // a dry run changes nothing

    RetentionResult done = store.apply(now(), false, "ppid", Progress::silent());
    EXPECT_EQ(done.requests, std::vector<std::string>{a.registrationNumber});
    InfoRequest erased = requests().get(a.id);
    EXPECT_EQ(erased.requester.name, "");
    EXPECT_EQ(erased.requester.phone, "");
    EXPECT_EQ(erased.requester.address, "");
    EXPECT_EQ(erased.requester.nik, "");
    EXPECT_EQ(erased.decision.decision, "granted_full");               // what the counts need stays
    EXPECT_EQ(requests().get(b.id).requester.name, "Dewi Anggraini");  // closed recently
    EXPECT_EQ(requests().get(c.id).requester.name, "Dewi Anggraini");  // still open
    EXPECT_EQ(requests().get(d.id).requester.name, "Dewi Anggraini");  // objection open
    EXPECT_EQ(questions().get(old.id).callerName, "");
    EXPECT_EQ(questions().get(q.id).callerName, "Budi Santoso");

    nlohmann::json after = SessionReport::build(db, rs, session.id, now())["requests"];
    EXPECT_EQ(after["received"], before["received"]);
    EXPECT_EQ(after["granted_full"], before["granted_full"]);
    EXPECT_EQ(after["refused_by_ground"], before["refused_by_ground"]);
    SessionRecord record = SessionRecord::build(db, station, calendar(), session.id, now(), true);
    EXPECT_TRUE(record.entries[0].person.erased);
    EXPECT_EQ(record.entries[0].person.name, PersonalDataPolicy::kErased);

    EXPECT_EQ(count("SELECT COUNT(*) FROM journal WHERE action = 'retention.apply'"), 1);
    Statement j = db.prepare("SELECT after FROM journal WHERE action = 'retention.apply'");
    ASSERT_TRUE(j.step());
    EXPECT_EQ(j.getText(0).find("Dewi"), std::string::npos);  // no personal data in the row
    j.reset();
    EXPECT_TRUE(Journal::verify(db).ok);
    // Applying again finds nothing new.
    EXPECT_TRUE(store.apply(now(), false, "ppid", Progress::silent()).requests.empty());
}

}  // namespace
}  // namespace ds
