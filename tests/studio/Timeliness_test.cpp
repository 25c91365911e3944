// The one overdue / on-time rule (UU 14/2008 Pasal 22(7)-(8)) and the typed Pasal 11 figures
// the control room reads: the same numbers the session report exports.
#include <gtest/gtest.h>

#include "PpidFixture.h"
#include "studio/SessionReport.h"
#include "studio/Timeliness.h"

namespace ds {
namespace {

using namespace date::literals;

TEST(Timeliness, DecidedOnOrBeforeTheDueDayIsOnTime) {
    const Day due = date::sys_days{2026_y / 4 / 8};
    EXPECT_EQ(timeliness(due, due, due + date::days{30}), Timeliness::OnTime);
    EXPECT_EQ(timeliness(due, due - date::days{3}, due), Timeliness::OnTime);
    EXPECT_EQ(timeliness(due, due + date::days{1}, due + date::days{1}), Timeliness::Late);
    // Undecided: overdue only from the day after the due day.
    EXPECT_EQ(timeliness(due, std::nullopt, due), Timeliness::Pending);
    EXPECT_EQ(timeliness(due, std::nullopt, due + date::days{1}), Timeliness::Overdue);
}

class Pasal11FiguresTest : public test::PpidFixture {};

TEST_F(Pasal11FiguresTest, TheTypedFiguresAreTheReportsFigures) {
    decide(letter(now() - std::chrono::hours(30), session.id), decision("granted_full"));
    letter(now() - std::chrono::hours(24 * 40), session.id);  // undecided long past its due day
    letter(now() - std::chrono::hours(2), session.id);
    ask("Berapa jumlah curanmor?");
    RequestStore rs = requests();
    const Pasal11Figures f = SessionReport::figures(db, rs, session.id, now());
    const nlohmann::json j = SessionReport::build(db, rs, session.id, now());
    EXPECT_EQ(f.received, 3);
    EXPECT_EQ(f.grantedFull, 1);
    EXPECT_EQ(f.pending, 2);
    EXPECT_EQ(f.overdue, 1);
    EXPECT_EQ(f.questionsReceived, 1);
    EXPECT_EQ(j["requests"]["received"], f.received);
    EXPECT_EQ(j["requests"]["overdue"], f.overdue);
    EXPECT_EQ(j["requests"]["pending"], f.pending);
    EXPECT_EQ(j["questions"]["received"], f.questionsReceived);
    EXPECT_EQ(j["requests"]["time_to_decision"].size(), f.timeToDecision.size());
}

}  // namespace
}  // namespace ds
