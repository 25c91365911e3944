// The guests' screen: nothing that is not approved ever appears there, and of each caller only
// the first name and the area. Checked on the model and on the text the window really draws.
#include "UiTestSupport.h"
#include "ui/GuestWindow.h"

namespace ds::ui::test {

namespace {

class GuestWindowTest : public UiTest {
  protected:
    std::string draw(const std::string& message = {}) {
        parts.app.guestMessage = message;
        return guestUi.frame([&] {
            Frame f = parts.frame(snap, guestUi.fonts());
            guest.draw(f);
        });
    }

    DemoDatabase data;
    Snapshot snap = data.snapshot();
    HeadlessUi guestUi{1920, 1080, HeadlessUi::Role::Guest};
    GuestWindow guest;
    FrameParts parts;
};

// Every demo question that is not approved or on air, by a phrase of its text.
const char* kNeverShown[] = {
    "bagaimana cara melaporkan kehilangan STNK",  // 1 answered
    "Bagaimana perkembangan penyidikan",          // 4 new (and an information request)
    "usir pendatang",                             // 6 rejected (SARA)
    "Pilih paslon nomor urut 2",                  // 7 new, flagged politik
    "syarat SKCK untuk kerja itu apa saja ya",    // 8 merged
    "Bhabinkamtibmas yang bertugas",              // 9 screened, not approved
    "Lampu jalan di depan Polsek",                // 10 deferred
    "atas patroli malam di Pasar Minggu",         // 12 screened
};

}  // namespace

TEST_F(GuestWindowTest, TheModelHoldsOnlyTheQuestionOnAirAndApprovedOnes) {
    parts.figures = figuresAt(snap, parts.now);
    const GuestModel m = GuestWindow::model(snap, &parts.figures, parts.now, "");
    ASSERT_TRUE(m.current);
    EXPECT_EQ(m.current->number, 2);
    EXPECT_EQ(m.current->firstName, "Siti");
    EXPECT_EQ(m.current->area, "Kec. Gading Cempaka");
    // The producer's order: 3, 5, 11.
    ASSERT_EQ(m.next.size(), 3u);
    EXPECT_EQ(m.next[0].number, 3);
    EXPECT_EQ(m.next[1].number, 5);
    EXPECT_EQ(m.next[2].number, 11);
    EXPECT_EQ(m.next[0].firstName, "Dewi");
    EXPECT_EQ(m.segmentTitle, "Pembukaan dan perkenalan narasumber");
}

TEST_F(GuestWindowTest, TheDrawnScreenShowsNothingUnapprovedAndNoPersonalData) {
    const std::string text = draw("Mohon jawab singkat, waktu tinggal 2 menit");
    EXPECT_TRUE(contains(text, "Apakah ada patroli di Jalan Suprapto malam hari?")) << text;
    EXPECT_TRUE(contains(text, "Siti")) << text;
    EXPECT_TRUE(contains(text, "Kec. Gading Cempaka")) << text;
    EXPECT_TRUE(contains(text, "PERTANYAAN SEKARANG")) << text;
    EXPECT_TRUE(contains(text, "Mohon jawab singkat, waktu tinggal 2 menit")) << text;
    EXPECT_TRUE(contains(text, "Dewi")) << text;
    for (const char* phrase : kNeverShown)
        EXPECT_FALSE(contains(text, phrase)) << phrase << "\n" << text;
    // Personal data: surnames, phone numbers, e-mail addresses.
    for (const Question& q : snap.questions) {
        if (!q.contact.empty()) {
            EXPECT_FALSE(contains(text, q.contact)) << q.contact;
        }
        const std::string first = q.callerName.substr(0, q.callerName.find(' '));
        if (q.callerName != first) {
            EXPECT_FALSE(contains(text, q.callerName)) << q.callerName;
        }
    }
    EXPECT_FALSE(contains(text, "Rahmawati"));
    EXPECT_FALSE(contains(text, "Anggraini"));
}

TEST_F(GuestWindowTest, AQuestionLeavesTheScreenWhenItIsNoLongerApproved) {
    // Question 3 rejected after approval: gone from the guests' screen.
    for (Question& q : snap.questions) {
        if (q.number == 3) q.status = "rejected";
    }
    indexQuestions(snap);
    const std::string text = draw();
    EXPECT_FALSE(contains(text, "jumlah kasus curanmor")) << text;
    // And a question whose status says "new" cannot sneak in through a stale index either.
    for (Question& q : snap.questions) {
        if (q.number == 5) q.status = "new";
    }
    const GuestModel m = GuestWindow::model(snap, nullptr, parts.now, "");
    for (const auto& item : m.next)
        EXPECT_NE(item.number, 5);
}

TEST_F(GuestWindowTest, PhoneNumbersInsideTheTextAreHidden) {
    EXPECT_EQ(GuestWindow::hidePhoneNumbers("Hubungi saya di 0812-3456-7890 ya"),
              "Hubungi saya di [nomor disembunyikan] ya");
    EXPECT_EQ(GuestWindow::hidePhoneNumbers("Nomor +62 812 3456 7890."),
              "Nomor [nomor disembunyikan].");
    EXPECT_EQ(GuestWindow::hidePhoneNumbers("Tahun 2026 ada 12 kasus"), "Tahun 2026 ada 12 kasus");
    for (Question& q : snap.questions) {
        if (q.number == 2) q.text = "Tolong telepon balik ke 085267001122, Pak";
    }
    const std::string text = draw();
    EXPECT_FALSE(contains(text, "085267001122")) << text;
    EXPECT_TRUE(contains(text, "[nomor disembunyikan]")) << text;
}

TEST_F(GuestWindowTest, NoPhoneEmailOrCallersOwnNameReachesTheGuests) {
    for (Question& q : snap.questions) {
        if (q.number == 2) {
            q.callerName = "Ibu Hj. Siti Rahmawati, S.H.";
            q.text =
                "Apakah ada patroli malam? Nama saya Bambang Sutrisno dari Selebar, balas ke "
                "0812-3456-7890 atau bambang.s@mail.id";
        }
        if (q.number == 3) q.text = "Saya Ibu Rina dari Kel. Padang Jati, NIK 1771010101010001.";
    }
    const GuestModel m = GuestWindow::model(snap, nullptr, parts.now, "");
    ASSERT_TRUE(m.current);
    EXPECT_EQ(m.current->firstName, "Siti") << "the short name skips honorifics and titles";
    const std::string text = draw();
    for (const char* gone : {"0812-3456-7890", "bambang.s@mail.id", "@mail.id", "Bambang",
                             "Sutrisno", "Rahmawati", "Ibu Hj.", "Rina", "1771010101010001"}) {
        EXPECT_FALSE(contains(text, gone)) << gone << "\n" << text;
    }
    EXPECT_TRUE(contains(text, "Apakah ada patroli malam?")) << text;
    EXPECT_TRUE(contains(text, "[nama disembunyikan]")) << text;
    EXPECT_TRUE(contains(text, "[e-mail disembunyikan]")) << text;
}

TEST_F(GuestWindowTest, BeforeAndAfterTheBroadcastItSaysSo) {
    snap.session->status = "planned";
    std::string text = draw();
    EXPECT_TRUE(contains(text, "Siaran belum dimulai")) << text;
    EXPECT_FALSE(contains(text, "Apakah ada patroli")) << text;
    snap.session->status = "ended";
    text = draw();
    EXPECT_TRUE(contains(text, "Siaran telah selesai")) << text;
    EXPECT_FALSE(contains(text, "Apakah ada patroli")) << text;
}

TEST_F(GuestWindowTest, NoQuestionOnAir) {
    for (Question& q : snap.questions) {
        if (q.status == "on_air") q.status = "answered";
    }
    indexQuestions(snap);
    const std::string text = draw();
    EXPECT_TRUE(contains(text, "Belum ada pertanyaan yang diudarakan")) << text;
    EXPECT_TRUE(contains(text, "BERIKUTNYA")) << text;
}

}  // namespace ds::ui::test
