#include "StudioFixture.h"
#include "studio/SessionReport.h"

namespace ds {
namespace {

// A session in which every number is known in advance.
class SessionReportTest : public test::StudioFixture {
protected:
    InfoRequest open(int hoursAgo, std::optional<std::int64_t> sessionId) {
        InfoRequest r;
        r.sessionId = sessionId;
        r.channel = "letter";
        r.details = "Permohonan";
        r.receivedAt = std::chrono::floor<std::chrono::seconds>(now()) - std::chrono::hours(hoursAgo);
        return requests().open(r, "ppid");
    }
    void decide(const InfoRequest& r, const std::string& decision, const std::string& ground = "") {
        Decision d;
        d.decision = decision;
        d.ground = ground;
        if (ground == "P17a" || ground == "P17h") d.subground = 2;
        if (ground.rfind("P17", 0) == 0) d.consequenceTest = "uji konsekuensi";
        if (decision == "refused") d.reason = "alasan";
        if (decision == "granted_partial") {
            d.redactedParts = "nama";
            d.redactionReason = "rahasia pribadi";
        }
        requests().decide(r.id, d, "ppid");
    }
};

TEST_F(SessionReportTest, CountsMatchAKnownDataset) {
    SessionStore(db).start(session.id, false, "producer");
    QuestionStore qs = questions();
    ask("q1", "phone");
    ask("q2", "phone");
    Question q3 = ask("q3", "sms");
    Question q4 = ask("q4", "whatsapp");
    ask("kampanye paslon", "email");
    qs.approve(q3.id, "s");
    qs.reject(q4.id, "di luar topik", "s");

    // Seven requests of this session, decided 1 h, 2 h, 4 h, 8 h and 16 h after receipt.
    decide(open(1, session.id), "granted_full");
    decide(open(2, session.id), "granted_partial");
    decide(open(4, session.id), "refused", "P17a");
    decide(open(8, session.id), "refused", "not_held");
    decide(open(16, session.id), "refused", "P17h");
    InfoRequest extended = open(3, session.id);
    requests().extend(extended.id, "menunggu data", "ppid");
    InfoRequest escalated = open(3, session.id);
    requests().escalate(escalated.id, "dikecualikan", "ppid");
    open(5, std::nullopt);  // another session's or no session's request: not counted

    // As of 40 days later, the two undecided requests are overdue.
    TimePoint later = now() + std::chrono::hours(24 * 40);
    RequestStore rs = requests();
    nlohmann::json r = SessionReport::build(db, rs, session.id, later);
    const nlohmann::json& q = r["questions"];
    EXPECT_EQ(q["received"], 5);
    EXPECT_EQ(q["flagged"], 1);
    EXPECT_EQ(q["by_channel"]["phone"], 2);
    EXPECT_EQ(q["by_channel"]["letter"], 0);
    EXPECT_EQ(q["by_status"]["new"], 3);
    EXPECT_EQ(q["by_status"]["approved"], 1);
    EXPECT_EQ(q["by_status"]["rejected"], 1);
    const nlohmann::json& p = r["requests"];
    EXPECT_EQ(p["received"], 7);
    EXPECT_EQ(p["granted_full"], 1);
    EXPECT_EQ(p["granted_partial"], 1);
    EXPECT_EQ(p["refused"], 3);
    EXPECT_EQ(p["refused_by_ground"]["P17a"], 1);
    EXPECT_EQ(p["refused_by_ground"]["P17h"], 1);
    EXPECT_EQ(p["refused_by_ground"]["not_held"], 1);
    EXPECT_EQ(p["refused_by_ground"]["P17b"], 0);
    EXPECT_EQ(p["not_held"], 1);
    EXPECT_EQ(p["pending"], 2);
    EXPECT_EQ(p["extended"], 1);
    EXPECT_EQ(p["escalated"], 1);
    EXPECT_EQ(p["overdue"], 2);
    ASSERT_EQ(p["time_to_decision"].size(), 5u);
    // Median of 1, 2, 4, 8, 16 hours is 4 hours (the test's own run time is the tolerance).
    EXPECT_NEAR(p["median_time_to_decision_seconds"].get<double>(), 4 * 3600.0, 30.0);
    // Nothing is overdue today.
    EXPECT_EQ(SessionReport::build(db, rs, session.id, now())["requests"]["overdue"], 0);

    std::string csv = SessionReport::toCsv(r);
    EXPECT_EQ(csv.rfind("\xEF\xBB\xBFsection,key,value\r\n", 0), 0u);
    EXPECT_NE(csv.find("requests,received,7\r\n"), std::string::npos);
    EXPECT_NE(csv.find("refused_by_ground,P17a,1\r\n"), std::string::npos);
    EXPECT_NE(csv.find("questions_by_channel,phone,2\r\n"), std::string::npos);
}

TEST_F(SessionReportTest, EmptySessionHasZerosAndNoMedian) {
    RequestStore rs = requests();
    nlohmann::json r = SessionReport::build(db, rs, session.id, now());
    EXPECT_EQ(r["requests"]["received"], 0);
    EXPECT_TRUE(r["requests"]["median_time_to_decision_seconds"].is_null());
    EXPECT_EQ(r["questions"]["received"], 0);
}

}  // namespace
}  // namespace ds
