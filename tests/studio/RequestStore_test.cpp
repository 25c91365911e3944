#include "StudioFixture.h"
#include "studio/Errors.h"
#include "studio/Journal.h"
#include "studio/Statement.h"

namespace ds {
namespace {

class RequestStoreTest : public test::StudioFixture {
protected:
    InfoRequest letter(const std::string& receivedUtc) {
        InfoRequest r;
        r.channel = "letter";
        r.requester.name = "LBH Rafflesia";
        r.details = "Data laporan KDRT 2025";
        r.receivedAt = *parseUtc(receivedUtc);
        return requests().open(r, "ppid");
    }
    Decision refusal() {
        Decision d;
        d.decision = "refused";
        d.ground = "P17a";
        d.subground = 1;
        d.consequenceTest = "Membuka informasi ini menghambat penyidikan";
        d.reason = "Penyidikan sedang berjalan";
        return d;
    }
};

TEST_F(RequestStoreTest, RegistrationNumbersAreSequentialPerYearInTheStationsTimeZone) {
    // 23:30 WIB on 31 December is still 2025; 00:10 WIB on 1 January is 2026.
    InfoRequest a = letter("2025-12-31T16:30:00Z");
    InfoRequest b = letter("2025-12-31T17:10:00Z");
    InfoRequest c = letter("2025-12-30T02:00:00Z");  // a letter from 2025 registered late
    InfoRequest d = letter("2026-01-05T02:00:00Z");
    EXPECT_EQ(a.registrationNumber, "0001/PPID-BKL/XII/2025");
    EXPECT_EQ(b.registrationNumber, "0001/PPID-BKL/I/2026");
    EXPECT_EQ(c.registrationNumber, "0002/PPID-BKL/XII/2025");
    EXPECT_EQ(d.registrationNumber, "0002/PPID-BKL/I/2026");
    EXPECT_EQ(requests().find("0002/PPID-BKL/I/2026").id, d.id);
    EXPECT_THROW(requests().find("9999/PPID-BKL/I/2026"), NotFoundError);
}

TEST_F(RequestStoreTest, DueDateSkipsTheIdulFitriWeekAndExtensionAddsSevenWorkingDays) {
    // Received Tue 17 March 2026, 10:00 WIB. 18-24 March are cuti bersama, Nyepi, Idul Fitri
    // and a weekend; 3 April is Good Friday. Working days: 25, 26, 27, 30, 31 Mar, 1, 2, 6, 7,
    // 8 Apr -> due 8 April. Extension: 9, 10, 13, 14, 15, 16, 17 Apr -> 17 April.
    InfoRequest r = letter("2026-03-17T03:00:00Z");
    EXPECT_EQ(formatDay(r.dueDate), "2026-04-08");
    InfoRequest e = requests().extend(r.id, "Data dihimpun dari Satreskrim", "ppid");
    EXPECT_EQ(formatDay(e.dueDate), "2026-04-17");
    EXPECT_EQ(formatDay(e.originalDueDate), "2026-04-08");
    EXPECT_EQ(e.status, "extended");
    EXPECT_THROW(requests().extend(r.id, "sekali lagi", "ppid"), UserError);  // only once
    EXPECT_THROW(requests().extend(letter("2026-03-17T03:00:00Z").id, "", "ppid"), InputError);
}

TEST_F(RequestStoreTest, OverdueIsJudgedOnTheStationsCalendarDay) {
    InfoRequest r = letter("2026-03-17T03:00:00Z");  // due 2026-04-08
    RequestStore rs = requests();
    EXPECT_FALSE(rs.isOverdue(r, *parseUtc("2026-04-08T16:59:00Z")));  // 23:59 WIB on the due day
    EXPECT_TRUE(rs.isOverdue(r, *parseUtc("2026-04-08T17:00:00Z")));   // 00:00 WIB the day after
    RequestListFilter f;
    f.overdueOnly = true;
    EXPECT_EQ(rs.list(f, *parseUtc("2026-04-09T03:00:00Z")).size(), 1u);
    rs.decide(r.id, refusal(), "ppid");
    EXPECT_EQ(rs.list(f, *parseUtc("2026-04-09T03:00:00Z")).size(), 0u);  // decided: not overdue
}

TEST_F(RequestStoreTest, RefusalNeedsGroundSubgroundConsequenceTestAndReason) {
    InfoRequest r = letter("2026-11-02T02:00:00Z");
    RequestStore rs = requests();
    Decision d = refusal();
    d.ground = "";
    EXPECT_THROW(rs.decide(r.id, d, "ppid"), UserError);
    d = refusal();
    d.ground = "P17z";
    EXPECT_THROW(rs.decide(r.id, d, "ppid"), UserError);
    d = refusal();
    d.subground.reset();
    EXPECT_THROW(rs.decide(r.id, d, "ppid"), UserError);
    d = refusal();
    d.subground = 6;
    EXPECT_THROW(rs.decide(r.id, d, "ppid"), UserError);
    d = refusal();
    d.consequenceTest.clear();
    EXPECT_THROW(rs.decide(r.id, d, "ppid"), UserError);
    d = refusal();
    d.reason.clear();
    EXPECT_THROW(rs.decide(r.id, d, "ppid"), UserError);
    d = refusal();
    d.ground = "P17j";
    d.subground.reset();
    EXPECT_THROW(rs.decide(r.id, d, "ppid"), UserError);  // P17j names the law
    d.law = "UU 35/2009 tentang Narkotika, Pasal 99";
    EXPECT_EQ(rs.decide(r.id, d, "ppid").decision.law, d.law);
    EXPECT_THROW(rs.decide(r.id, refusal(), "ppid"), UserError);  // decided once
}

TEST_F(RequestStoreTest, NotHeldNeedsNoConsequenceTestAndSetsTheHolding) {
    InfoRequest r = letter("2026-11-02T02:00:00Z");
    Decision d;
    d.decision = "refused";
    d.ground = "not_held";
    d.otherBody = "Dinas Perhubungan Kota Bengkulu";
    d.reason = "Data lampu lalu lintas dikuasai Dishub";
    InfoRequest after = requests().decide(r.id, d, "ppid");
    EXPECT_EQ(after.decision.holding, "other_body");
    EXPECT_EQ(after.status, "refused");
    EXPECT_TRUE(after.decidedAt);
    EXPECT_EQ(after.decidedBy, "ppid");
}

TEST_F(RequestStoreTest, PartialGrantStatesWhatWasWithheldAndWhy) {
    InfoRequest r = letter("2026-11-02T02:00:00Z");
    Decision d;
    d.decision = "granted_partial";
    d.materialGiven = "Rekap per kecamatan";
    EXPECT_THROW(requests().decide(r.id, d, "ppid"), UserError);
    d.redactedParts = "Nama korban";
    d.redactionReason = "Rahasia pribadi, Pasal 17 huruf h";
    EXPECT_EQ(requests().decide(r.id, d, "ppid").status, "granted_partial");
    Decision g;
    g.decision = "granted_full";
    g.ground = "P17a";
    EXPECT_THROW(requests().decide(letter("2026-11-02T02:00:00Z").id, g, "ppid"), UserError);
}

TEST_F(RequestStoreTest, EscalatedRequestWaitsForTheLeadership) {
    InfoRequest r = letter("2026-11-02T02:00:00Z");
    RequestStore rs = requests();
    EXPECT_THROW(rs.leadership(r.id, "AKBP Budi", "release", std::nullopt, "", "ppid"), UserError);
    EXPECT_EQ(rs.escalate(r.id, "Memuat memorandum internal", "ppid").status, "escalated_to_leadership");
    Decision g;
    g.decision = "granted_full";
    EXPECT_THROW(rs.decide(r.id, g, "ppid"), UserError);  // the leadership has not decided
    EXPECT_THROW(rs.leadership(r.id, "AKBP Budi", "maybe", std::nullopt, "", "ppid"), UserError);
    TimePoint at = *parseUtc("2026-11-03T04:00:00Z");
    InfoRequest l = rs.leadership(r.id, "AKBP Budi Santoso, Kapolres", "release", at, "Boleh diberikan", "ppid");
    EXPECT_EQ(l.leadershipDecidedBy, "AKBP Budi Santoso, Kapolres");
    EXPECT_EQ(l.leadershipDecidedAt, at);
    EXPECT_EQ(l.status, "pending");
    EXPECT_EQ(rs.decide(r.id, g, "ppid").status, "granted_full");
    EXPECT_TRUE(Journal::verify(db).ok);
    EXPECT_EQ(count("SELECT COUNT(*) FROM journal WHERE subject = 'request:" + std::to_string(r.id) + "'"), 4);
}

TEST_F(RequestStoreTest, FutureReceiptAndBadNikAreRefused) {
    InfoRequest r;
    r.channel = "letter";
    r.details = "x";
    r.receivedAt = now() + std::chrono::hours(48);
    EXPECT_THROW(requests().open(r, "ppid"), UserError);
    r.receivedAt = now();
    r.requester.nik = "12345";
    EXPECT_THROW(requests().open(r, "ppid"), UserError);
    EXPECT_EQ(count("SELECT COUNT(*) FROM info_requests"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM registration_counters"), 0);
}

// A station in eastern Indonesia (WIT, UTC+9): the same instant is a day later there.
class JayapuraRequestTest : public RequestStoreTest {
    std::string zone() const override { return "Asia/Jayapura"; }
};

TEST_F(JayapuraRequestTest, DeadlineCountsFromTheLocalDayOfReceipt) {
    // 2026-11-19T15:30Z is Thursday 22:30 in WIB but Friday 00:30 in WIT.
    InfoRequest r = letter("2026-11-19T15:30:00Z");
    EXPECT_EQ(r.registrationNumber, "0001/PPID-BKL/XI/2026");
    // From Friday 20 Nov: 23, 24, 25, 26, 27, 30 Nov, 1, 2, 3, 4 Dec -> 4 December.
    EXPECT_EQ(formatDay(r.dueDate), "2026-12-04");
    // The same instant counted in WIB would be due on 3 December.
    EXPECT_EQ(formatDay(WorkingCalendar::shipped().dueDate(r.receivedAt, "Asia/Jakarta", 10)), "2026-12-03");
}

}  // namespace
}  // namespace ds
