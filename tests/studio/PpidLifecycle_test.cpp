// The request lifecycle after registration: follow-ups to units with their own due
// dates, written-notice and handover dates, objections with the superior's 30 working days,
// disputes, and the list of running deadlines, across Indonesia's holiday weeks.
#include "PpidFixture.h"
#include "studio/Deadlines.h"
#include "studio/Errors.h"
#include "studio/FollowUpStore.h"
#include "studio/ObjectionStore.h"

namespace ds {
namespace {

class PpidLifecycleTest : public test::PpidFixture {
  protected:
    FollowUpStore followUps() { return FollowUpStore(db, station, calendar()); }
    ObjectionStore objections() { return ObjectionStore(db, station, calendar()); }
};

TEST_F(PpidLifecycleTest, FollowUpGoesToAStationUnitWithItsOwnDueDate) {
    InfoRequest r = letter(now() - std::chrono::hours(2), session.id);
    // Default: the request's own due date (SOP 000 Pasal 6(5)).
    FollowUp f = followUps().send(r.id, "Sat Reskrim", std::nullopt, std::nullopt, "Data", "ppid");
    EXPECT_EQ(f.dueDate, r.dueDate);
    EXPECT_EQ(f.unitKind, "satfung");
    // Within N working days of today, on the station's calendar.
    FollowUp g = followUps().send(r.id, "Polsek Teluk Segara", std::nullopt, 3, "", "ppid");
    Day today = localDay(now(), station.timeZone);
    EXPECT_EQ(g.dueDate, calendar().addWorkingDays(today, 3));
    // Not a unit of the station, twice to one unit, both --due and --within: refused.
    EXPECT_THROW(followUps().send(r.id, "Sat Narkoba", std::nullopt, std::nullopt, "", "ppid"),
                 UserError);
    EXPECT_THROW(followUps().send(r.id, "Sat Reskrim", std::nullopt, std::nullopt, "", "ppid"),
                 UserError);
    EXPECT_THROW(
        followUps().send(r.id, "Bhabinkamtibmas Kel. Pasar Melintang", today, 2, "", "ppid"),
        UserError);
    FollowUp answered =
        followUps().reply(r.id, "Sat Reskrim", "Data terlampir", std::nullopt, "ppid");
    EXPECT_TRUE(answered.answered());
    EXPECT_FALSE(followUps().isOverdue(answered, now() + std::chrono::hours(24 * 60)));
    EXPECT_TRUE(followUps().isOverdue(g, now() + std::chrono::hours(24 * 30)));
    EXPECT_EQ(count("SELECT COUNT(*) FROM journal WHERE action = 'request.follow_up'"), 2);
    // A decided request needs no follow-up.
    decide(r, decision("granted_full"));
    EXPECT_THROW(followUps().send(r.id, "Bhabinkamtibmas Kel. Pasar Melintang", std::nullopt,
                                  std::nullopt, "", "ppid"),
                 UserError);
    EXPECT_TRUE(Journal::verify(db).ok);
}

TEST_F(PpidLifecycleTest, FollowUpWithinWorkingDaysSkipsTheIdulFitriWeek) {
    // The unit's own due date counts working days like the request's: from Tuesday 17 March
    // 2026, three working days skip 18-24 March (cuti bersama, Nyepi, Idul Fitri, a weekend).
    WorkingCalendar cal = calendar();
    EXPECT_EQ(formatDay(cal.addWorkingDays(*parseDay("2026-03-17"), 3)), "2026-03-27");
}

TEST_F(PpidLifecycleTest, NoticeAndHandoverDatesFollowTheDecision) {
    InfoRequest r = letter(now() - std::chrono::hours(30), session.id);
    Day today = localDay(now(), station.timeZone);
    Day received = localDay(r.receivedAt, station.timeZone);
    EXPECT_THROW(requests().setNoticeDate(r.id, today, "ppid"), UserError);  // not decided yet
    decide(r, decision("granted_full"));
    InfoRequest n = requests().setNoticeDate(r.id, received, "ppid");
    EXPECT_EQ(n.decision.noticeDate, received);
    EXPECT_THROW(requests().setHandoverDate(r.id, received - date::days{1}, "ppid"), UserError);
    EXPECT_THROW(requests().setHandoverDate(r.id, today + date::days{1}, "ppid"), UserError);
    InfoRequest h = requests().setHandoverDate(r.id, today, "ppid");
    EXPECT_EQ(h.decision.handoverDate, today);
    EXPECT_THROW(requests().setNoticeDate(r.id, today + date::days{1}, "ppid"), UserError);
    // A refusal hands nothing over.
    InfoRequest refused =
        decide(letter(now() - std::chrono::hours(1), session.id), decision("refused", "P17c"));
    EXPECT_THROW(requests().setHandoverDate(refused.id, today, "ppid"), UserError);
    EXPECT_EQ(count("SELECT COUNT(*) FROM journal WHERE action IN ('request.notice', "
                    "'request.handover')"),
              2);
}

TEST_F(PpidLifecycleTest, ObjectionGroundMustFitTheRequest) {
    InfoRequest granted =
        decide(letter(now() - std::chrono::hours(5), session.id), decision("granted_full"));
    InfoRequest refused =
        decide(letter(now() - std::chrono::hours(5), session.id), decision("refused", "P17a", 1));
    InfoRequest notHeld =
        decide(letter(now() - std::chrono::hours(5), session.id), decision("refused", "not_held"));
    InfoRequest open = letter(now() - std::chrono::hours(5), session.id);
    ObjectionStore store = objections();
    auto file = [&](const InfoRequest& r, const char* ground) {
        return store.file(r.id, ground, "Keberatan pemohon", "", "Kabag Ops", std::nullopt, "ppid");
    };
    EXPECT_THROW(file(granted, "P35a"), UserError);  // not a Pasal 17 refusal
    EXPECT_THROW(file(notHeld, "P35a"), UserError);  // refused, but not under Pasal 17
    EXPECT_THROW(file(open, "P35c"), UserError);     // not past its due date yet
    EXPECT_THROW(file(open, "P35e"), UserError);     // not decided yet
    EXPECT_THROW(file(granted, "P35g"), UserError);  // answered in time
    EXPECT_THROW(file(granted, "P35z"), UserError);
    Objection o = file(refused, "P35a");
    EXPECT_EQ(o.number.rfind("KEB-0001/PPID-BKL/", 0), 0u) << o.number;
    EXPECT_EQ(o.objector, "Dewi Anggraini");  // defaults to the requester
    EXPECT_EQ(requests().get(refused.id).status, "objection");
    EXPECT_THROW(file(refused, "P35a"), UserError);  // one open objection at a time
    EXPECT_EQ(file(granted, "P35d").number.rfind("KEB-0002/", 0), 0u);
    // A request past its due date with no answer: Pasal 35(1)(c), filed later.
    db.prepare("UPDATE info_requests SET due_date = ? WHERE id = ?")
        .bindAll(formatDay(localDay(now(), station.timeZone) - date::days{1}), open.id)
        .run();
    EXPECT_NO_THROW(store.file(open.id, "P35c", "Tidak ditanggapi", "", "", now(), "ppid"));
}

TEST_F(PpidLifecycleTest, SuperiorAnswersWithinThirtyWorkingDaysAcrossTheIdulFitriWeek) {
    // Filed Tuesday 17 March 2026, 10:00 WIB. The 30 working days skip 18-24 March (cuti
    // bersama 18, 20, 23, 24; Nyepi 19; a weekend), Good Friday 3 April and Labour Day 1 May:
    // 25-27 Mar (3), 30-31 Mar (5), 1-2 Apr (7), 6-10 Apr (12), 13-17 (17), 20-24 (22),
    // 27-30 Apr (26), 4-7 May (30) -> due Thursday 7 May 2026.
    InfoRequest r = letter(utc("2026-03-02T02:00:00Z"), std::nullopt);
    Objection o = objections().file(r.id, "P35b", "Informasi berkala tidak tersedia", "",
                                    "Kabag Ops", utc("2026-03-17T03:00:00Z"), "ppid");
    EXPECT_EQ(formatDay(o.dueDate), "2026-05-07");
    EXPECT_FALSE(objections().isOverdue(o, utc("2026-05-07T16:59:00Z")));  // 23:59 WIB
    EXPECT_TRUE(objections().isOverdue(o, utc("2026-05-07T17:00:00Z")));   // 00:00 WIB next day
    // The deadline list shows it, overdue after that day.
    auto list =
        Deadlines::list(db, station, calendar(), utc("2026-05-08T03:00:00Z"), std::nullopt, true);
    bool found = false;
    for (const Deadline& d : list) {
        if (d.kind == "objection_answer") {
            found = true;
            EXPECT_EQ(d.what, o.number);
            EXPECT_EQ(d.workingDaysLeft, -1);
        }
    }
    EXPECT_TRUE(found);
    // The answer: the request's status returns to its own state.
    Objection a =
        objections().answer(r.id, "rejected", "Informasi berkala telah diumumkan",
                            "Kompol Ahmad, Kabag Ops", utc("2026-04-20T03:00:00Z"), "ppid");
    EXPECT_EQ(a.outcome, "rejected");
    EXPECT_EQ(requests().get(r.id).status, "pending");
    // The dispute window: 14 working days after the answer (Pasal 37(2)).
    EXPECT_EQ(formatDay(*objections().disputeDeadline(a)), "2026-05-11");
    Objection d = objections().dispute(r.id, "Komisi Informasi Provinsi Bengkulu", "Reg. 12/2026",
                                       utc("2026-04-27T03:00:00Z"), "ppid");
    EXPECT_TRUE(d.disputeOpen());
    EXPECT_EQ(requests().get(r.id).status, "dispute");
    EXPECT_THROW(objections().disputeOutcome(r.id, "won", "", std::nullopt, "ppid"), UserError);
    Objection done =
        objections().disputeOutcome(r.id, "mediated", "Akta mediasi", std::nullopt, "ppid");
    EXPECT_EQ(done.disputeOutcome, "mediated");
    EXPECT_EQ(requests().get(r.id).status, "pending");
    EXPECT_TRUE(Journal::verify(db).ok);
}

TEST_F(PpidLifecycleTest, DisputeNeedsAnAnswerOrAnExpiredWait) {
    InfoRequest r = letter(utc("2026-03-02T02:00:00Z"), std::nullopt);
    objections().file(r.id, "P35b", "x", "", "", utc("2026-03-17T03:00:00Z"), "ppid");
    // Before the superior's 30 working days are over, a dispute is premature.
    EXPECT_THROW(
        objections().dispute(r.id, "Komisi Informasi", "", utc("2026-04-01T03:00:00Z"), "ppid"),
        UserError);
    // After them, the requester may go to the Commission without an answer.
    EXPECT_NO_THROW(
        objections().dispute(r.id, "Komisi Informasi", "", utc("2026-05-08T03:00:00Z"), "ppid"));
}

TEST_F(PpidLifecycleTest, DecisionDuringAnObjectionKeepsTheObjectionStatus) {
    InfoRequest r = letter(utc("2026-03-02T02:00:00Z"), session.id);
    objections().file(r.id, "P35c", "Tidak ditanggapi", "", "", std::nullopt, "ppid");
    EXPECT_EQ(requests().get(r.id).status, "objection");
    InfoRequest d = decide(r, decision("granted_full"));
    EXPECT_EQ(d.status, "objection");
    EXPECT_EQ(d.decision.decision, "granted_full");
    objections().answer(r.id, "upheld", "Informasi diberikan", "Kabag Ops", std::nullopt, "ppid");
    EXPECT_EQ(requests().get(r.id).status, "granted_full");
}

TEST_F(PpidLifecycleTest, DeadlineListIsSoonestFirstAndFilters) {
    InfoRequest a = letter(now() - std::chrono::hours(1), session.id);
    InfoRequest b = letter(utc("2026-03-17T03:00:00Z"), session.id);  // due 2026-04-08: overdue
    followUps().send(a.id, "Sat Reskrim", std::nullopt, 2, "", "ppid");
    auto all = Deadlines::list(db, station, calendar(), now(), std::nullopt, false);
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].registrationNumber, b.registrationNumber);
    EXPECT_TRUE(all[0].overdue);
    EXPECT_EQ(all[1].kind, "follow_up");
    EXPECT_EQ(all[1].workingDaysLeft, 2);
    EXPECT_EQ(all[2].kind, "notice");
    EXPECT_EQ(all[2].workingDaysLeft, 10);
    EXPECT_EQ(Deadlines::list(db, station, calendar(), now(), 2, false).size(), 2u);
    EXPECT_EQ(Deadlines::list(db, station, calendar(), now(), std::nullopt, true).size(), 1u);
}

}  // namespace
}  // namespace ds
