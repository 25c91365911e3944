// The screener's window drawn headless: the intake form filled with the keyboard only, the
// queue's keys, the reason and merge boxes, content flags and the caller's history.
#include "UiTestSupport.h"
#include "ui/Input.h"
#include "ui/ScreenerWindow.h"

namespace ds::ui::test {

namespace {

class ScreenerWindowTest : public UiTest {
  protected:
    std::string draw() {
        parts.out.clear();
        return ui.frames([&] {
            Frame f = parts.frame(snap, ui.fonts());
            screener.draw(f);
        });
    }
    // Types into the form as a person would: field by field with Tab, then Enter.
    void typeForm() {
        screener.focusForm();
        draw();
        draw();  // the field takes the keyboard the frame after it is asked to
        ui.type("Andi Wijaya");
        ui.key(key::Tab);
        ui.type("Kel. Sukamerindu");
        ui.key(key::Tab);
        ui.type("081234567890");
        ui.key(key::Tab);
        ui.type("Kapan ada razia knalpot brong di Jalan Sudirman?");
        draw();
    }

    DemoDatabase data;
    Snapshot snap = data.snapshot();
    HeadlessUi ui{1600, 1000};
    ScreenerWindow screener;
    FrameParts parts;
};

}  // namespace

TEST_F(ScreenerWindowTest, TheFormIsFilledWithTheKeyboardAndEnterSavesIt) {
    typeForm();
    EXPECT_EQ(screener.form().name, "Andi Wijaya");
    EXPECT_EQ(screener.form().origin, "Kel. Sukamerindu");
    EXPECT_EQ(screener.form().contact, "081234567890");
    ui.key(key::Enter);
    draw();
    auto adds = commandsOf<cmd::AddQuestion>(parts.out);
    ASSERT_EQ(adds.size(), 1u);
    const Question& q = adds[0].question;
    EXPECT_EQ(q.sessionId, data.sessionId);
    EXPECT_EQ(q.channel, "phone");
    EXPECT_EQ(q.callerName, "Andi Wijaya");
    EXPECT_EQ(q.origin, "Kel. Sukamerindu");
    EXPECT_EQ(q.contact, "081234567890");
    EXPECT_EQ(q.text, "Kapan ada razia knalpot brong di Jalan Sudirman?");
    EXPECT_FALSE(q.written);
    EXPECT_FALSE(q.infoRequest);
    // Stored: the form clears and is ready for the next caller, keeping the channel.
    screener.onOutcome(
        {adds[0].formTicket, "AddQuestion", true, "Pertanyaan 13 masuk antrean", 99});
    const std::string text = draw();
    EXPECT_TRUE(screener.form().text.empty());
    EXPECT_TRUE(screener.form().name.empty());
    EXPECT_TRUE(contains(text, "Pertanyaan 13 masuk antrean")) << text;
}

TEST_F(ScreenerWindowTest, ARefusedQuestionStaysInTheFormWithTheReason) {
    typeForm();
    ui.key(key::Enter);
    draw();
    auto adds = commandsOf<cmd::AddQuestion>(parts.out);
    ASSERT_EQ(adds.size(), 1u);
    screener.onOutcome({adds[0].formTicket, "AddQuestion", false, "field 'text': too long", 0});
    const std::string text = draw();
    EXPECT_EQ(screener.form().text, "Kapan ada razia knalpot brong di Jalan Sudirman?");
    EXPECT_TRUE(contains(text, "field 'text': too long")) << text;
}

TEST_F(ScreenerWindowTest, ChannelWrittenAndInformationRequestByKeys) {
    draw();
    ui.key(key::N1 + 2, ModCtrl);  // Ctrl+3: WhatsApp
    ui.key(key::I, ModCtrl);
    draw();
    EXPECT_EQ(screener.form().channel, 2);
    EXPECT_TRUE(screener.form().written) << "messages are written requests";
    EXPECT_TRUE(screener.form().infoRequest);
    screener.focusForm();
    draw();
    draw();
    ui.key(key::Tab);
    ui.key(key::Tab);
    ui.key(key::Tab);
    ui.type("Berapa jumlah kecelakaan di Jalan Soeprapto tahun ini?");
    ui.key(key::Tab);
    ui.type("Tugas kuliah");
    ui.key(key::Enter);
    draw();
    auto adds = commandsOf<cmd::AddQuestion>(parts.out);
    ASSERT_EQ(adds.size(), 1u);
    EXPECT_EQ(adds[0].question.channel, "whatsapp");
    EXPECT_TRUE(adds[0].question.written);
    EXPECT_TRUE(adds[0].question.infoRequest);
    EXPECT_EQ(adds[0].question.purpose, "Tugas kuliah");
}

TEST_F(ScreenerWindowTest, AnEmptyQuestionIsNotSentAndSaysWhy) {
    screener.focusForm();
    draw();
    draw();
    ui.type("Budi");
    ui.key(key::Enter);
    const std::string text = draw();
    EXPECT_TRUE(commandsOf<cmd::AddQuestion>(parts.out).empty());
    EXPECT_TRUE(contains(text, "Teks pertanyaan wajib diisi")) << text;
}

TEST_F(ScreenerWindowTest, QueueKeysScreenApproveAndSelect) {
    draw();
    // Incoming: new and screened, oldest first (demo questions 4, 7, 9, 12).
    ASSERT_EQ(snap.incoming.size(), 4u);
    const std::int64_t first = snap.questions[snap.incoming[0]].id;
    const std::int64_t second = snap.questions[snap.incoming[1]].id;
    EXPECT_EQ(screener.selectedQuestion(), first);
    ui.key(key::S, ModAlt);
    draw();
    ASSERT_EQ(commandsOf<cmd::ScreenQuestion>(parts.out).size(), 1u);
    EXPECT_EQ(commandsOf<cmd::ScreenQuestion>(parts.out)[0].questionId, first);
    ui.key(key::Down, ModAlt);
    ui.key(key::A, ModAlt);
    draw();
    ASSERT_EQ(commandsOf<cmd::ApproveQuestion>(parts.out).size(), 1u);
    EXPECT_EQ(commandsOf<cmd::ApproveQuestion>(parts.out)[0].questionId, second);
}

TEST_F(ScreenerWindowTest, AltReleasedBeforeTheKeyAsXSendsItStillApproves) {
    draw();
    const std::int64_t first = snap.questions[snap.incoming[0]].id;
    // X (and xdotool) send Alt+A as: Alt down, A down, Alt up, A up; Alt may even reach the
    // room a frame before the rest.
    ui.keyEvent(key::LeftAlt, true);
    draw();
    ui.keyEvent(key::A, true);
    ui.keyEvent(key::LeftAlt, false);
    ui.keyEvent(key::A, false);
    draw();
    ASSERT_EQ(commandsOf<cmd::ApproveQuestion>(parts.out).size(), 1u);
    EXPECT_EQ(commandsOf<cmd::ApproveQuestion>(parts.out)[0].questionId, first);
}

TEST_F(ScreenerWindowTest, RejectingNeedsAReason) {
    draw();
    const std::int64_t first = snap.questions[snap.incoming[0]].id;
    ui.key(key::R, ModAlt);
    std::string text = draw();
    EXPECT_TRUE(contains(text, "Tolak pertanyaan 4")) << text;
    ui.key(key::Enter);
    text = draw();
    EXPECT_TRUE(commandsOf<cmd::RejectQuestion>(parts.out).empty());
    EXPECT_TRUE(contains(text, "Alasan wajib diisi")) << text;
    ui.type("Menyangkut penyidikan yang sedang berjalan");
    ui.key(key::Enter);
    draw();
    auto rejects = commandsOf<cmd::RejectQuestion>(parts.out);
    ASSERT_EQ(rejects.size(), 1u);
    EXPECT_EQ(rejects[0].questionId, first);
    EXPECT_EQ(rejects[0].reason, "Menyangkut penyidikan yang sedang berjalan");
}

TEST_F(ScreenerWindowTest, DeferAndMergeAskThenSend) {
    draw();
    const std::int64_t first = snap.questions[snap.incoming[0]].id;
    ui.key(key::D, ModAlt);
    draw();
    ui.type("Dijawab tertulis oleh Sat Reskrim");
    ui.key(key::Enter);
    draw();
    ASSERT_EQ(commandsOf<cmd::DeferQuestion>(parts.out).size(), 1u);
    EXPECT_EQ(commandsOf<cmd::DeferQuestion>(parts.out)[0].questionId, first);

    ui.key(key::G, ModAlt);
    std::string text = draw();
    EXPECT_TRUE(contains(text, "Pertanyaan yang mirip")) << text;
    ui.type("5");
    ui.key(key::Enter);
    draw();
    auto merges = commandsOf<cmd::MergeQuestion>(parts.out);
    ASSERT_EQ(merges.size(), 1u);
    EXPECT_EQ(merges[0].questionId, first);
    EXPECT_EQ(merges[0].into, snap.byNumber(5)->id);
}

TEST_F(ScreenerWindowTest, ContentFlagsAreShownOnTheQueue) {
    const std::string text = draw();
    // Demo question 7 names a candidate's number: flagged "politik", never rejected by itself.
    EXPECT_TRUE(contains(text, "politik")) << text;
    EXPECT_TRUE(contains(text, "Pilih paslon nomor urut 2")) << text;
}

TEST_F(ScreenerWindowTest, TheCallersEarlierQuestionsAreFoundByPhoneNumber) {
    screener.focusForm();
    draw();
    draw();
    ui.key(key::Tab);
    ui.key(key::Tab);
    ui.type("081273451290");  // Budi Santoso, demo question 1
    draw();
    auto lookups = commandsOf<cmd::LookupContact>(parts.out);
    ASSERT_FALSE(lookups.empty());
    EXPECT_EQ(lookups.back().contact, "081273451290");
    snap = data.snapshot("081273451290");
    const std::string text = draw();
    EXPECT_TRUE(contains(text, "Penanya 081273451290 pernah bertanya 1 kali")) << text;
    EXPECT_TRUE(contains(text, "bagaimana cara melaporkan kehilangan STNK")) << text;
}

TEST_F(ScreenerWindowTest, SimilarQuestionsAreOfferedForMerging) {
    const Question* q8 = snap.byNumber(4);
    ASSERT_NE(q8, nullptr);
    const auto similar = ScreenerWindow::similar(snap, *q8, 3);
    ASSERT_FALSE(similar.empty());
    for (int i : similar)
        EXPECT_NE(snap.questions[i].id, q8->id);
}

}  // namespace ds::ui::test
