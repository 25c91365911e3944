#include <fstream>

#include "StudioFixture.h"
#include "studio/Errors.h"
#include "studio/Journal.h"
#include "studio/Statement.h"

namespace ds {
namespace {

class QuestionStoreTest : public test::StudioFixture {
  protected:
    void goLive() { SessionStore(db).start(session.id, false, "producer"); }
    std::filesystem::path writeFile(const std::string& name, const std::string& content) {
        auto path = dir.path() / name;
        std::ofstream(path, std::ios::binary) << content;
        return path;
    }
};

TEST_F(QuestionStoreTest, AddNumbersQuestionsAndFlagsContentWithoutRejecting) {
    Question a = ask("Bagaimana cara membuat SKCK?");
    Question b = ask("Jangan pilih paslon nomor urut 1, kampanye dong Pak");
    EXPECT_EQ(a.number, 1);
    EXPECT_EQ(b.number, 2);
    EXPECT_TRUE(a.flags.empty());
    ASSERT_FALSE(b.flags.empty());
    EXPECT_EQ(b.flags[0].category, "politik");
    EXPECT_EQ(b.status, "new");  // flagged, never rejected by itself
    ASSERT_EQ(b.steps.size(), 1u);
    EXPECT_EQ(b.steps[0].actor, "screener");
}

TEST_F(QuestionStoreTest, RefusesBadTextNamingTheField) {
    Question q;
    q.sessionId = session.id;
    q.channel = "phone";
    q.text = std::string(kMaxQuestionTextBytes + 1, 'a');
    try {
        intake().receive(q, "screener");
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("text"), std::string::npos) << e.what();
    }
    q.text = "ok";
    q.channel = "telegram";
    EXPECT_THROW(intake().receive(q, "screener"), UserError);
    q.channel = "sms";
    q.callerName = "Bu\xC3";  // truncated UTF-8
    EXPECT_THROW(intake().receive(q, "screener"), InputError);
    EXPECT_EQ(count("SELECT COUNT(*) FROM questions"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM journal WHERE action = 'question.add'"), 0);
}

TEST_F(QuestionStoreTest, ScreeningStepsFollowTheirOrder) {
    goLive();
    QuestionStore qs = questions();
    Question a = ask("Pertanyaan A");
    Question b = ask("Pertanyaan B");
    Question c = ask("Pertanyaan C");
    EXPECT_THROW(qs.onAir(a.id, "producer"), UserError);  // not approved yet
    EXPECT_THROW(qs.answered(a.id, "producer"), UserError);
    qs.screen(a.id, "jelas", "screener");
    EXPECT_THROW(qs.screen(a.id, "", "screener"), UserError);  // already screened
    EXPECT_EQ(qs.approve(a.id, "screener").queuePos, 1);
    EXPECT_EQ(qs.approve(b.id, "screener").queuePos, 2);
    EXPECT_EQ(qs.approve(c.id, "screener").queuePos, 3);
    // The producer's order: C first.
    qs.move(c.id, 1, "producer");
    auto approved = qs.list(session.id, "approved");
    ASSERT_EQ(approved.size(), 3u);
    EXPECT_EQ(approved[0].id, c.id);
    EXPECT_EQ(approved[1].id, a.id);
    EXPECT_EQ(approved[2].id, b.id);
    EXPECT_THROW(qs.move(c.id, 5, "producer"), UserError);

    qs.onAir(c.id, "producer");
    EXPECT_THROW(qs.onAir(a.id, "producer"), UserError);  // one question on air at a time
    EXPECT_EQ(qs.answered(c.id, "producer").status, "answered");
    approved = qs.list(session.id, "approved");
    ASSERT_EQ(approved.size(), 2u);
    EXPECT_EQ(approved[0].queuePos, 1);  // the queue closes up
    Question done = qs.get(c.id);
    ASSERT_EQ(done.steps.size(), 4u);  // new, approved, on_air, answered
    EXPECT_EQ(done.steps[2].actor, "producer");
}

TEST_F(QuestionStoreTest, OnAirNeedsALiveSession) {
    QuestionStore qs = questions();
    Question a = ask("Pertanyaan A");
    qs.approve(a.id, "screener");
    EXPECT_THROW(qs.onAir(a.id, "producer"), UserError);
}

TEST_F(QuestionStoreTest, RejectDeferAndMerge) {
    QuestionStore qs = questions();
    Question a = ask("SKCK syaratnya apa?");
    Question b = ask("Syarat SKCK apa saja?");
    Question c = ask("Lampu jalan mati");
    Question d = ask("Usir pendatang!");
    EXPECT_THROW(qs.reject(d.id, "  ", "screener"), InputError);  // a reason is required
    EXPECT_EQ(qs.reject(d.id, "Unsur SARA", "screener").reason, "Unsur SARA");
    EXPECT_EQ(qs.defer(c.id, "Dijawab tertulis oleh Polsek", "screener").status, "deferred");
    EXPECT_THROW(qs.merge(b.id, b.id, "screener"), UserError);
    EXPECT_THROW(qs.merge(b.id, d.id, "screener"), UserError);  // into a rejected one
    Question merged = qs.merge(b.id, a.id, "screener");
    EXPECT_EQ(merged.status, "merged");
    EXPECT_EQ(merged.mergedInto, a.id);
    EXPECT_THROW(qs.approve(b.id, "screener"), UserError);
}

TEST_F(QuestionStoreTest, EarlierQuestionsAreFoundByContact) {
    Question a = ask("Pertama");
    Question b = ask("Kedua");
    auto earlier = questions().byContact("081273451290", b.id);
    ASSERT_EQ(earlier.size(), 1u);
    EXPECT_EQ(earlier[0].id, a.id);
}

TEST_F(QuestionStoreTest, InformationRequestIsRegisteredWithTheQuestion) {
    RequestStore rs = requests();
    Question q;
    q.sessionId = session.id;
    q.channel = "whatsapp";
    q.text = "Berapa jumlah kasus curanmor tahun ini?";
    q.callerName = "Dewi";
    q.contact = "dewi@contoh.id";
    q.infoRequest = true;
    q.purpose = "Penelitian";
    Question stored = intake().receive(q, "screener");
    RequestListFilter f;
    f.sessionId = session.id;
    auto list = rs.list(f, now());
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].questionId, stored.id);
    EXPECT_EQ(list[0].requester.email, "dewi@contoh.id");
    EXPECT_EQ(list[0].purpose, "Penelitian");
    EXPECT_EQ(list[0].receivedAt, stored.receivedAt);
}

TEST_F(QuestionStoreTest, ImportIsAllOrNothingAndNamesTheBadRow) {
    std::string csv = "text,channel,caller_name,written,info_request\n";
    for (int i = 1; i <= 20; ++i) {
        csv += "\"Pertanyaan " + std::to_string(i) + ", dengan koma\",sms,Warga " +
               std::to_string(i) + ",ya,tidak\n";
    }
    csv += "Pertanyaan rusak,merpati,Warga,ya,tidak\n";  // line 22: unknown channel
    auto bad = writeFile("bad.csv", csv);
    try {
        intake().importCsv(session.id, bad, "screener");
        FAIL();
    } catch (const InputError& e) {
        std::string m = e.what();
        EXPECT_NE(m.find("bad.csv"), std::string::npos) << m;
        EXPECT_NE(m.find("22"), std::string::npos) << m;
        EXPECT_NE(m.find("channel"), std::string::npos) << m;
    }
    EXPECT_EQ(count("SELECT COUNT(*) FROM questions"), 0);

    auto good = writeFile(
        "good.csv",
        "\xEF\xBB\xBFtext,received_at,written\nHalo,2026-11-25 09:05,no\n\"Baris\ndua\",,yes\n");
    ImportResult r = intake().importCsv(session.id, good, "screener");
    EXPECT_EQ(r.imported, 2);
    Question first = questions().get(r.ids[0]);
    EXPECT_EQ(formatUtc(first.receivedAt), "2026-11-25T02:05:00.000Z");  // 09:05 WIB
    EXPECT_EQ(questions().get(r.ids[1]).text, "Baris\ndua");
    EXPECT_TRUE(Journal::verify(db).ok);
}

TEST_F(QuestionStoreTest, ImportRefusesWrongColumnsAndEmptyFiles) {
    EXPECT_THROW(
        intake().importCsv(session.id, writeFile("a.csv", "question,channel\nHalo,sms\n"), "s"),
        InputError);
    EXPECT_THROW(
        intake().importCsv(session.id, writeFile("b.csv", "text,colour\nHalo,merah\n"), "s"),
        InputError);
    EXPECT_THROW(intake().importCsv(session.id, writeFile("c.csv", ""), "s"), InputError);
    EXPECT_THROW(intake().importCsv(session.id, writeFile("d.csv", "text\n"), "s"), InputError);
    EXPECT_THROW(intake().importCsv(session.id, dir.path() / "missing.csv", "s"), InputError);
    EXPECT_EQ(count("SELECT COUNT(*) FROM questions"), 0);
}

}  // namespace
}  // namespace ds
