#include "StudioFixture.h"
#include "studio/Errors.h"
#include "studio/Journal.h"
#include "studio/Statement.h"

namespace ds {
namespace {

class SessionStoreTest : public test::StudioFixture {};

TEST_F(SessionStoreTest, NewSessionTakesTheProgrammesRundownTemplate) {
    ASSERT_EQ(session.segments.size(), 3u);
    EXPECT_EQ(session.segments[0].title, "Pembukaan");
    EXPECT_EQ(session.segments[1].planned, std::chrono::minutes(20));
    EXPECT_EQ(session.segments[2].planned, std::chrono::minutes(5));
    EXPECT_EQ(session.status, "planned");
}

TEST_F(SessionStoreTest, StartNeedsTheChecklistUnlessForced) {
    SessionStore store(db);
    Session s = store.get(session.id);
    s.checklist[kGuestInput] = false;
    store.update(s, "producer");
    try {
        store.start(session.id, false, "producer");
        FAIL();
    } catch (const UserError& e) {
        EXPECT_NE(std::string(e.what()).find("guest_input"), std::string::npos) << e.what();
    }
    EXPECT_EQ(store.get(session.id).status, "planned");
    Session live = store.start(session.id, true, "producer");
    EXPECT_EQ(live.status, "live");
    EXPECT_TRUE(live.segments[0].actualStart);
    EXPECT_EQ(count("SELECT COUNT(*) FROM journal WHERE action = 'session.start' AND after LIKE "
                    "'%checklist_incomplete%'"),
              1);
}

TEST_F(SessionStoreTest, LiveControlsTakeNextGoBackHoldAndEnd) {
    SessionStore store(db);
    store.start(session.id, false, "producer");
    Session s = store.next(session.id, "producer");
    EXPECT_TRUE(s.segments[0].actualEnd);
    EXPECT_TRUE(s.segments[1].actualStart);
    EXPECT_EQ(SessionStore::clock(s, now()).current, 1);

    s = store.back(session.id, "producer");
    EXPECT_FALSE(s.segments[0].actualEnd);
    EXPECT_FALSE(s.segments[1].actualStart);
    EXPECT_EQ(SessionStore::clock(store.get(session.id), now()).current, 0);
    EXPECT_THROW(store.back(session.id, "producer"), UserError);  // at the first segment

    s = store.hold(session.id, "producer");
    EXPECT_TRUE(s.segments[0].holdSince);
    EXPECT_TRUE(SessionStore::clock(store.get(session.id), now()).held);
    s = store.hold(session.id, "producer");
    EXPECT_FALSE(s.segments[0].holdSince);

    store.next(session.id, "producer");
    store.next(session.id, "producer");
    EXPECT_THROW(store.next(session.id, "producer"), UserError);  // last segment: end instead
    s = store.end(session.id, "producer");
    EXPECT_EQ(s.status, "ended");
    for (const Segment& seg : store.get(session.id).segments) {
        EXPECT_TRUE(seg.actualStart && seg.actualEnd) << seg.title;
    }
    EXPECT_THROW(store.next(session.id, "producer"), UserError);
    EXPECT_TRUE(Journal::verify(db).ok);
}

TEST_F(SessionStoreTest, RundownCanOnlyBeReplacedBeforeTheStart) {
    SessionStore store(db);
    std::vector<Segment> one(1);
    one[0].kind = "qa";
    one[0].title = "Tanya jawab";
    one[0].planned = std::chrono::minutes(30);
    EXPECT_EQ(store.setRundown(session.id, one, "producer").segments.size(), 1u);
    store.start(session.id, false, "producer");
    EXPECT_THROW(store.setRundown(session.id, one, "producer"), UserError);
}

TEST_F(SessionStoreTest, SignedSessionIsFrozen) {
    db.exec("UPDATE sessions SET status = 'signed'");
    SessionStore store(db);
    Session s = store.get(session.id);
    s.topic = "Diubah";
    EXPECT_THROW(store.update(s, "producer"), UserError);
    Question q;
    q.sessionId = session.id;
    q.channel = "phone";
    q.text = "Halo";
    EXPECT_THROW(intake().receive(q, "screener"), UserError);
    EXPECT_EQ(count("SELECT COUNT(*) FROM questions"), 0);
}

TEST_F(SessionStoreTest, ValidationNamesTheField) {
    Session s = session;
    s.topic = std::string("\xff\xfe bad", 6);
    try {
        SessionStore(db).update(s, "producer");
        FAIL();
    } catch (const UserError& e) {
        EXPECT_NE(std::string(e.what()).find("topic"), std::string::npos) << e.what();
    }
    s = session;
    s.officers = {{"boss", "Andi", "", ""}};
    EXPECT_THROW(SessionStore(db).update(s, "producer"), UserError);
}

}  // namespace
}  // namespace ds
