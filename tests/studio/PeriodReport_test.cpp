// The periodic report (UU KIP Pasal 12, Perki 1/2021) on a dataset in which every number is
// known: several sessions and requests outside any session, every refusal ground, extensions,
// an escalation, objections with each outcome and a dispute, follow-ups; times to fulfil set
// exactly, so the median and 90th percentile are known in calendar and working days.
#include "studio/PeriodReport.h"
#include "PpidFixture.h"
#include "studio/DateRange.h"
#include "studio/Errors.h"
#include "studio/FollowUpStore.h"
#include "studio/ObjectionStore.h"
#include "studio/Progress.h"
#include "studio/Vocabulary.h"

namespace ds {
namespace {

TEST(DateRange, MonthsQuartersYearsAndRanges) {
    DateRange m = DateRange::month("2026-02");
    EXPECT_EQ(formatDay(m.from), "2026-02-01");
    EXPECT_EQ(formatDay(m.to), "2026-02-28");
    EXPECT_EQ(m.label(), "Februari 2026");
    EXPECT_EQ(m.code(), "2026-02");
    DateRange q = DateRange::quarter("2026Q4");
    EXPECT_EQ(formatDay(q.from), "2026-10-01");
    EXPECT_EQ(formatDay(q.to), "2026-12-31");
    EXPECT_EQ(q.label(), "Triwulan IV 2026");
    EXPECT_EQ(DateRange::quarter("2026-Q1").code(), "2026Q1");
    DateRange y = DateRange::year("2026");
    EXPECT_EQ(y.days(), 365);
    EXPECT_EQ(y.label(), "Tahun 2026");
    DateRange r = DateRange::between(*parseDay("2026-01-01"), *parseDay("2026-02-15"));
    EXPECT_EQ(r.label(), "1 Januari 2026 s.d. 15 Februari 2026");
    // WIB: the period starts at local midnight, 17:00 UTC the day before.
    EXPECT_EQ(formatUtc(m.startUtc("Asia/Jakarta")), "2026-01-31T17:00:00.000Z");
    EXPECT_EQ(formatUtc(m.endUtc("Asia/Jayapura")), "2026-02-28T15:00:00.000Z");
    for (const char* bad : {"2026-13", "2026-1", "26-01", "2026/01"}) {
        EXPECT_THROW(DateRange::month(bad), UserError) << bad;
    }
    EXPECT_THROW(DateRange::quarter("2026Q5"), UserError);
    EXPECT_THROW(DateRange::year("20x6"), UserError);
    EXPECT_THROW(DateRange::between(*parseDay("2026-02-01"), *parseDay("2026-01-01")), UserError);
}

class PeriodReportTest : public test::PpidFixture {
  protected:
    // A request received `receivedUtc` and decided `hours` later.
    InfoRequest decided(const char* receivedUtc, double hours, const Decision& d,
                        std::optional<std::int64_t> sessionId) {
        InfoRequest r = letter(utc(receivedUtc), sessionId);
        decide(r, d);
        decidedAt(
            r, r.receivedAt + std::chrono::milliseconds(static_cast<long long>(hours * 3600000)));
        return requests().get(r.id);
    }
    Session secondSession() {
        Session s;
        s.programmeId = programme.id;
        s.topic = "Pencegahan curanmor";
        s.scheduledStart = utc("2026-03-05T02:00:00Z");
        s.plannedLength = std::chrono::minutes(60);
        return SessionStore(db).create(s, "test");
    }
};

TEST_F(PeriodReportTest, EveryCountOfAKnownQuarterIsRight) {
    Session two = secondSession();
    // Q1 2026 in WIB. Thirteen refusals, one per ground, all in March, each decided in 24 h.
    int i = 0;
    for (const Term& g : vocab::refusalGrounds()) {
        std::string t = fmt::format("2026-03-{:02}T02:00:00Z", 2 + i % 3);
        decided(t.c_str(), 24, decision("refused", std::string(g.code)), two.id);
        ++i;
    }
    // Grants outside any session and in session two, with known times.
    InfoRequest janFive =
        decided("2026-01-05T02:00:00Z", 2, decision("granted_full"), std::nullopt);
    InfoRequest janSix =
        decided("2026-01-06T02:00:00Z", 48, decision("granted_full"), std::nullopt);
    InfoRequest febTwo = decided("2026-02-02T02:00:00Z", 96, decision("granted_partial"), two.id);
    // The Idul Fitri week: received Tue 17 March 10:00 WIB, decided 8 April 10:00 WIB, the
    // 10th working day (on time); another decided 9 April (late, not extended).
    InfoRequest onTime = decided("2026-03-17T03:00:00Z", 22 * 24, decision("granted_full"), two.id);
    InfoRequest late = decided("2026-03-17T03:00:00Z", 23 * 24, decision("granted_full"), two.id);
    // Undecided: one extended, one escalated; and one received in April (outside Q1).
    InfoRequest ext = letter(utc("2026-03-30T02:00:00Z"), std::nullopt);
    requests().extend(ext.id, "Data dihimpun", "ppid");
    InfoRequest esc = letter(utc("2026-03-31T02:00:00Z"), two.id);
    requests().escalate(esc.id, "Informasi dikecualikan", "ppid");
    letter(utc("2026-04-01T02:00:00Z"), std::nullopt);
    // A request received at 23:30 WIB on 31 December 2025 is not in Q1 2026.
    letter(utc("2025-12-31T16:30:00Z"), std::nullopt);

    // Objections filed in the quarter: one upheld in time and then disputed, one rejected
    // late (filed 6 January, due 20 February after Isra Mikraj and Imlek, answered 2 March),
    // one still open, one withdrawn; and one filed in April, outside the quarter.
    ObjectionStore obj(db, station, calendar());
    auto file = [&](const InfoRequest& r, const char* filed) {
        return obj.file(r.id, "P35b", "Keberatan", "", "Kabag Ops", utc(filed), "ppid");
    };
    file(janFive, "2026-02-02T03:00:00Z");
    obj.answer(janFive.id, "upheld", "Diberikan", "Kabag Ops", utc("2026-02-10T03:00:00Z"), "ppid");
    obj.dispute(janFive.id, "Komisi Informasi Provinsi Bengkulu", "", utc("2026-02-12T03:00:00Z"),
                "ppid");
    EXPECT_EQ(formatDay(file(janSix, "2026-01-06T03:00:00Z").dueDate), "2026-02-20");
    obj.answer(janSix.id, "rejected", "Dikuatkan", "Kabag Ops", utc("2026-03-02T03:00:00Z"),
               "ppid");
    file(febTwo, "2026-03-02T03:00:00Z");
    file(ext, "2026-03-31T03:00:00Z");
    obj.answer(ext.id, "withdrawn", "", "", utc("2026-03-31T04:00:00Z"), "ppid");
    file(onTime, "2026-04-02T03:00:00Z");

    TimePoint asOf = utc("2026-06-01T03:00:00Z");
    PeriodReport r = PeriodReport::build(db, station, calendar(), DateRange::quarter("2026Q1"),
                                         asOf, Progress::silent());
    const PeriodCounts& c = r.totals;
    EXPECT_EQ(c.received, 20);
    EXPECT_EQ(c.grantedFull, 4);
    EXPECT_EQ(c.grantedPartial, 1);
    EXPECT_EQ(c.refused, 13);
    EXPECT_EQ(c.notHeld, 2);
    for (const Term& g : vocab::refusalGrounds())
        EXPECT_EQ(c.byGround.at(std::string(g.code)), 1) << g.code;
    EXPECT_EQ(c.pending, 2);
    EXPECT_EQ(c.extended, 1);
    EXPECT_EQ(c.escalated, 1);
    EXPECT_EQ(c.overdue, 2);  // both undecided are past their due dates on 1 June
    EXPECT_EQ(c.decided, 18);
    EXPECT_EQ(c.decidedLate, 1);
    EXPECT_EQ(c.decidedOnTime, 17);
    EXPECT_EQ(r.written, 20);
    EXPECT_EQ(r.byChannel.at("letter"), 20);

    // Eighteen decisions: 13 x 1 day, 2 h, 2 d, 4 d, 22 d, 23 d. Sorted in days:
    // 0.083, 1 x 13, 2, 4, 22, 23 -> median (9th and 10th) 1; p90 at rank 15.3: 4 + 0.3 * 18.
    ASSERT_EQ(r.time.decided, 18);
    EXPECT_NEAR(*r.time.medianDays, 1.0, 1e-9);
    EXPECT_NEAR(*r.time.p90Days, 4.0 + 0.3 * 18.0, 1e-9);
    Fulfilment f = *std::find_if(
        r.fulfilments.begin(), r.fulfilments.end(),
        [&](const Fulfilment& x) { return x.registrationNumber == onTime.registrationNumber; });
    EXPECT_EQ(f.workingDays, 10);
    EXPECT_TRUE(f.onTime);
    Fulfilment g = *std::find_if(
        r.fulfilments.begin(), r.fulfilments.end(),
        [&](const Fulfilment& x) { return x.registrationNumber == late.registrationNumber; });
    EXPECT_EQ(g.workingDays, 11);
    EXPECT_FALSE(g.onTime);

    // Months and sessions.
    ASSERT_EQ(r.months.size(), 3u);
    EXPECT_EQ(r.months[0].counts.received, 2);
    EXPECT_EQ(r.months[1].counts.received, 1);
    EXPECT_EQ(r.months[2].counts.received, 17);
    EXPECT_EQ(r.months[2].counts.refused, 13);
    ASSERT_EQ(r.sessions.size(), 2u);  // session two, and "outside any session"
    EXPECT_EQ(*r.sessions[0].id, two.id);
    EXPECT_EQ(r.sessions[0].counts.received, 17);
    EXPECT_FALSE(r.sessions[1].id.has_value());
    EXPECT_EQ(r.sessions[1].counts.received, 3);

    // Objections filed in the quarter.
    const ObjectionCounts& o = r.objections;
    EXPECT_EQ(o.filed, 4);
    EXPECT_EQ(o.byGround.at("P35b"), 4);
    EXPECT_EQ(o.outcomes.at("upheld"), 1);
    EXPECT_EQ(o.outcomes.at("rejected"), 1);
    EXPECT_EQ(o.outcomes.at("withdrawn"), 1);
    EXPECT_EQ(o.open, 1);
    EXPECT_EQ(o.answeredOnTime, 2);
    EXPECT_EQ(o.answeredLate, 1);
    EXPECT_EQ(o.disputes, 1);
    EXPECT_EQ(o.disputesOpen, 1);

    nlohmann::json j = r.toJson();
    EXPECT_EQ(j["requests"]["received"], 20);
    EXPECT_EQ(j["requests"]["refused_by_ground"]["P6"], 1);
    EXPECT_EQ(j["period"]["code"], "2026Q1");
    EXPECT_EQ(j["fulfilment"].size(), 18u);
    std::string csv = r.toCsv();
    EXPECT_EQ(csv.rfind("\xEF\xBB\xBFsection,key,value\r\n", 0), 0u);
    EXPECT_NE(csv.find("requests,received,20\r\n"), std::string::npos);
    EXPECT_NE(csv.find("refused_by_ground,P17j,1\r\n"), std::string::npos);
    EXPECT_NE(csv.find("objection_outcomes,upheld,1\r\n"), std::string::npos);
    EXPECT_NE(csv.find("month:2026-03,received,17\r\n"), std::string::npos);
    // A public report: no names, no phone numbers.
    EXPECT_EQ(csv.find("Dewi"), std::string::npos);
    EXPECT_EQ(j.dump().find("0812"), std::string::npos);
}

TEST_F(PeriodReportTest, AnEmptyPeriodHasZerosAndNoPercentiles) {
    PeriodReport r = PeriodReport::build(db, station, calendar(), DateRange::month("2025-01"),
                                         now(), Progress::silent());
    EXPECT_EQ(r.totals.received, 0);
    EXPECT_FALSE(r.time.medianDays.has_value());
    EXPECT_TRUE(r.toJson()["requests"]["time_to_fulfil"]["median_days"].is_null());
}

}  // namespace
}  // namespace ds
