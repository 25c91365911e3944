// Every way a question enters the record goes through IntakeService: an information request
// has its registration number at receipt whichever door it came in by, a batch is all or
// nothing, and bad contacts are refused with the field named.
#include <fstream>
#include <regex>

#include "StudioFixture.h"
#include "studio/Demo.h"
#include "studio/Errors.h"
#include "studio/IntakeService.h"
#include "studio/Journal.h"

namespace ds {
namespace {

class IntakeServiceTest : public test::StudioFixture {
  protected:
    Question infoQuestion(const std::string& text) {
        Question q;
        q.sessionId = session.id;
        q.channel = "whatsapp";
        q.text = text;
        q.callerName = "Dewi Lestari";
        q.contact = "0812-7345-1290";
        q.infoRequest = true;
        q.purpose = "Penelitian";
        return q;
    }
    // "0001/PPID-BKL/XI/2026": sequence, station code, Roman month, year.
    static bool isRegistrationNumber(const std::string& s) {
        return std::regex_match(s, std::regex(R"(\d{4}/PPID-BKL/[IVX]+/\d{4})"));
    }
    std::string registrationOf(std::int64_t questionId) {
        auto r = requests().forQuestion(questionId);
        return r ? r->registrationNumber : std::string();
    }
};

TEST_F(IntakeServiceTest, ReceiveRegistersTheInformationRequestAtReceipt) {
    Question stored = intake().receive(infoQuestion("Berapa kasus curanmor tahun ini?"), "s");
    auto r = intake().requestFor(stored.id);
    ASSERT_TRUE(r.has_value());
    EXPECT_TRUE(isRegistrationNumber(r->registrationNumber)) << r->registrationNumber;
    EXPECT_EQ(r->receivedAt, stored.receivedAt);
    EXPECT_EQ(r->purpose, "Penelitian");
    EXPECT_EQ(r->requester.phone, "0812-7345-1290");
    // A plain question registers nothing.
    Question plain = ask("Kapan SIM keliling datang?");
    EXPECT_FALSE(intake().requestFor(plain.id).has_value());
}

TEST_F(IntakeServiceTest, ReceiveAllRegistersEveryRequestInOneBatch) {
    std::vector<Question> batch = {infoQuestion("Data kecelakaan 2025?"),
                                   infoQuestion("Anggaran patroli?")};
    batch.push_back(batch[0]);
    batch[2].infoRequest = false;
    batch[2].text = "Terima kasih Pak";
    auto stored = intake().receiveAll(batch, "webhook");
    ASSERT_EQ(stored.size(), 3u);
    EXPECT_TRUE(isRegistrationNumber(registrationOf(stored[0].id)));
    EXPECT_TRUE(isRegistrationNumber(registrationOf(stored[1].id)));
    EXPECT_NE(registrationOf(stored[0].id), registrationOf(stored[1].id));
    EXPECT_EQ(registrationOf(stored[2].id), "");
    EXPECT_EQ(stored[0].number + 1, stored[1].number);
    EXPECT_TRUE(Journal::verify(db).ok);
}

TEST_F(IntakeServiceTest, ImportRegistersTheRequestsItsRowsMake) {
    auto file = dir.path() / "q.csv";
    std::ofstream(file) << "text,contact,info_request,purpose\n"
                           "Berapa jumlah SIM terbit?,081234567890,ya,Skripsi\n"
                           "Halo Pak,,tidak,\n";
    ImportResult r = intake().importCsv(session.id, file, "screener");
    ASSERT_EQ(r.imported, 2);
    EXPECT_TRUE(isRegistrationNumber(registrationOf(r.ids[0])));
    EXPECT_EQ(requests().forQuestion(r.ids[0])->purpose, "Skripsi");
    EXPECT_EQ(registrationOf(r.ids[1]), "");
}

TEST_F(IntakeServiceTest, TheDemoRegistersItsRequestsThroughIntake) {
    test::TempDir other;
    Database demo = Database::open(other.path() / "demo.db");
    const std::int64_t sid = Demo::create(demo, "demo");
    Statement st = demo.prepare(
        "SELECT COUNT(*) FROM questions q LEFT JOIN info_requests r ON r.question_id = q.id "
        "WHERE q.session_id = ? AND q.info_request = 1 AND r.reg_number IS NULL");
    st.bind(1, sid);
    st.step();
    EXPECT_EQ(st.getInt(0), 0) << "an information-request question without its registration";
    Statement any = demo.prepare(
        "SELECT COUNT(*) FROM info_requests WHERE question_id IS NOT NULL AND session_id = ?");
    any.bind(1, sid);
    any.step();
    EXPECT_GT(any.getInt(0), 0);
}

TEST_F(IntakeServiceTest, ReceiveAllIsAllOrNothing) {
    std::vector<Question> batch;
    for (int i = 0; i < 5; ++i)
        batch.push_back(infoQuestion("Pertanyaan " + std::to_string(i)));
    batch[3].contact = "=HYPERLINK(\"http://x\")";  // the fourth is bad
    try {
        intake().receiveAll(batch, "webhook");
        FAIL();
    } catch (const InputError& e) {
        std::string m = e.what();
        EXPECT_NE(m.find("question 4"), std::string::npos) << m;
        EXPECT_NE(m.find("contact"), std::string::npos) << m;
    }
    // A failure while writing (the session is signed meanwhile is one) also leaves nothing.
    batch[3].contact = "081234567890";
    batch[4].sessionId = 9999;
    EXPECT_THROW(intake().receiveAll(batch, "webhook"), NotFoundError);
    EXPECT_EQ(count("SELECT COUNT(*) FROM questions"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM info_requests"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM journal WHERE action LIKE 'question.%'"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM journal WHERE action LIKE 'request.%'"), 0);
    // An empty batch stores nothing and is no error.
    EXPECT_TRUE(intake().receiveAll({}, "webhook").empty());
}

TEST_F(IntakeServiceTest, ContactsMustBePhoneNumbersOrEmailAddresses) {
    for (const char* good : {"081234567890", "+62 812-3456-7890", "(0736) 21234", "62812345678",
                             "budi.santoso@mail.id", ""}) {
        Question q = infoQuestion("Pertanyaan");
        q.infoRequest = false;
        q.contact = good;
        EXPECT_NO_THROW(intake().receive(q, "s")) << good;
    }
    // An account is a contact only for what came through social media.
    Question social = infoQuestion("Pertanyaan");
    social.infoRequest = false;
    social.channel = "social";
    social.contact = "@yuliana.bkl";
    EXPECT_NO_THROW(intake().receive(social, "s"));
    social.channel = "sms";
    EXPECT_THROW(intake().receive(social, "s"), InputError);
    const auto before = count("SELECT COUNT(*) FROM questions");
    for (const char* bad :
         {"-1+cmd|' /C calc'!A0", "=1+1", "0812 345 678 901 234 567", "12345", "Budi", "0812abc456",
          "budi@", "@mail.id", "a b@mail.id", "0812+345678"}) {
        Question q = infoQuestion("Pertanyaan");
        q.contact = bad;
        try {
            intake().receive(q, "s");
            ADD_FAILURE() << "accepted " << bad;
        } catch (const InputError& e) {
            std::string m = e.what();
            EXPECT_NE(m.find("field 'contact'"), std::string::npos) << m;
        }
    }
    EXPECT_EQ(count("SELECT COUNT(*) FROM questions"), before);
    EXPECT_EQ(count("SELECT COUNT(*) FROM info_requests"), 0);
    // In a file, the row is named as well.
    auto file = dir.path() / "bad.csv";
    std::ofstream(file) << "text,contact\nHalo,081234567890\nHalo,\"-1+cmd|' /C calc'!A0\"\n";
    try {
        intake().importCsv(session.id, file, "s");
        FAIL();
    } catch (const InputError& e) {
        std::string m = e.what();
        EXPECT_NE(m.find("bad.csv"), std::string::npos) << m;
        EXPECT_NE(m.find("contact"), std::string::npos) << m;
        EXPECT_NE(m.find("phone number"), std::string::npos) << m;
    }
    EXPECT_EQ(count("SELECT COUNT(*) FROM questions"), before);
}

}  // namespace
}  // namespace ds
