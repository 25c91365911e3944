// The producer's window drawn headless on the demo session: what it shows (segment, countdown,
// back-timing, queue) and what each key does (the commands it emits).
#include "UiTestSupport.h"
#include "ui/Input.h"
#include "ui/ProducerWindow.h"

namespace ds::ui::test {

namespace {

class ProducerWindowTest : public UiTest {
  protected:
    std::string draw() {
        parts.out.clear();
        return ui.frames([&] {
            Frame f = parts.frame(snap, ui.fonts());
            producer.draw(f);
        });
    }
    // Time as if `seconds` had passed since the current segment started.
    void at(int seconds) {
        const Segment& first = snap.session->segments.front();
        parts.now = *first.actualStart + std::chrono::seconds(seconds);
    }

    DemoDatabase data;
    Snapshot snap = data.snapshot();
    HeadlessUi ui{1600, 1000};
    ProducerWindow producer;
    FrameParts parts;
};

}  // namespace

TEST_F(ProducerWindowTest, ShowsTheCurrentSegmentItsCountdownAndWhatComesNext) {
    at(65);
    const std::string text = draw();
    EXPECT_TRUE(contains(text, "SEGMEN 1 DARI 7")) << text;
    EXPECT_TRUE(contains(text, "Pembukaan dan perkenalan narasumber")) << text;
    EXPECT_TRUE(contains(text, "1:55")) << "3:00 planned, 1:05 elapsed\n" << text;
    EXPECT_TRUE(contains(text, "sisa waktu segmen")) << text;
    EXPECT_TRUE(contains(text, "Materi: keselamatan berlalu lintas dan pelayanan SIM")) << text;
    EXPECT_TRUE(contains(text, "Perkiraan selesai")) << text;
    // The rundown lists every segment; the queue the approved questions in the producer's order.
    EXPECT_TRUE(contains(text, "Penutup dan kesimpulan")) << text;
    EXPECT_TRUE(contains(text, "ANTREAN PERTANYAAN DISETUJUI (3)")) << text;
    EXPECT_TRUE(contains(text, "DI UDARA")) << text;
    EXPECT_TRUE(contains(text, "Apakah ada patroli di Jalan Suprapto")) << text;
}

TEST_F(ProducerWindowTest, OverTimeShowsANegativeCountdownAndTheHardOutWarning) {
    // 70 minutes into a 60-minute session's first 3-minute segment.
    at(70 * 60);
    const std::string text = draw();
    EXPECT_TRUE(contains(text, "LEWAT WAKTU")) << text;
    EXPECT_TRUE(contains(text, "-1:07:00")) << text;
    EXPECT_TRUE(contains(text, "Akan melewati batas akhir")) << text;
    EXPECT_EQ(parts.figures.segmentUrgency, Urgency::Over);
    EXPECT_EQ(parts.figures.hardOutUrgency, Urgency::Over);
}

TEST_F(ProducerWindowTest, F8TakesTheNextSegmentOnceEvenIfTheKeyBounces) {
    at(10);
    draw();
    ui.key(key::F8);
    draw();
    ASSERT_EQ(commandsOf<cmd::TakeNext>(parts.out).size(), 1u);
    EXPECT_EQ(commandsOf<cmd::TakeNext>(parts.out)[0].sessionId, data.sessionId);
    // A second press within a second is a bounce, not a second take.
    parts.now += std::chrono::milliseconds(300);
    ui.key(key::F8);
    draw();
    EXPECT_TRUE(commandsOf<cmd::TakeNext>(parts.out).empty());
    parts.now += std::chrono::seconds(2);
    ui.key(key::F8);
    draw();
    EXPECT_EQ(commandsOf<cmd::TakeNext>(parts.out).size(), 1u);
}

TEST_F(ProducerWindowTest, ShiftF8GoesBackAndF7Holds) {
    ui.key(key::F8, ModShift);
    draw();
    EXPECT_EQ(commandsOf<cmd::GoBack>(parts.out).size(), 1u);
    EXPECT_TRUE(commandsOf<cmd::TakeNext>(parts.out).empty());
    ui.key(key::F7);
    draw();
    ASSERT_EQ(commandsOf<cmd::ToggleHold>(parts.out).size(), 1u);
    EXPECT_EQ(commandsOf<cmd::ToggleHold>(parts.out)[0].sessionId, data.sessionId);
}

TEST_F(ProducerWindowTest, EndingTheSessionAsksFirst) {
    draw();
    ui.key(key::E, ModCtrl);
    std::string text = draw();
    EXPECT_TRUE(producer.confirmingEnd());
    EXPECT_TRUE(contains(text, "Akhiri sesi sekarang?")) << text;
    EXPECT_TRUE(commandsOf<cmd::EndSession>(parts.out).empty());
    // Esc: nothing happens.
    ui.key(key::Escape);
    draw();
    EXPECT_FALSE(producer.confirmingEnd());
    EXPECT_TRUE(commandsOf<cmd::EndSession>(parts.out).empty());
    // Ctrl+E again, then Enter: the session ends.
    ui.key(key::E, ModCtrl);
    draw();
    ui.key(key::Enter);
    draw();
    ASSERT_EQ(commandsOf<cmd::EndSession>(parts.out).size(), 1u);
    EXPECT_EQ(commandsOf<cmd::EndSession>(parts.out)[0].sessionId, data.sessionId);
}

TEST_F(ProducerWindowTest, F8DoesNothingWhileAConfirmationIsOpen) {
    draw();
    ui.key(key::E, ModCtrl);
    draw();
    ui.key(key::F8);
    draw();
    EXPECT_TRUE(commandsOf<cmd::TakeNext>(parts.out).empty());
}

TEST_F(ProducerWindowTest, TheQueueIsReorderedAndPutOnAirByKeys) {
    draw();
    const std::int64_t first = snap.questions[snap.approved[0]].id;
    const std::int64_t second = snap.questions[snap.approved[1]].id;
    EXPECT_EQ(producer.selectedQuestion(), first);
    ui.key(key::Down);
    draw();
    EXPECT_EQ(producer.selectedQuestion(), second);
    ui.key(key::Up, ModCtrl);
    draw();
    auto moves = commandsOf<cmd::MoveQuestion>(parts.out);
    ASSERT_EQ(moves.size(), 1u);
    EXPECT_EQ(moves[0].questionId, second);
    EXPECT_EQ(moves[0].position, 1);
    ui.key(key::End);
    draw();
    EXPECT_EQ(producer.selectedQuestion(), snap.questions[snap.approved.back()].id);
    ui.key(key::F6);
    draw();
    auto onAir = commandsOf<cmd::PutOnAir>(parts.out);
    ASSERT_EQ(onAir.size(), 1u);
    EXPECT_EQ(onAir[0].questionId, snap.questions[snap.approved.back()].id);
}

TEST_F(ProducerWindowTest, ShiftF6MarksTheQuestionOnAirAnswered) {
    ui.key(key::F6, ModShift);
    draw();
    auto answered = commandsOf<cmd::MarkAnswered>(parts.out);
    ASSERT_EQ(answered.size(), 1u);
    EXPECT_EQ(answered[0].questionId, snap.onAirQuestion()->id);
}

TEST_F(ProducerWindowTest, F10RecordsAndStoppingAsksFirst) {
    parts.recording.state = RecordingState::Idle;
    ui.key(key::F10);
    draw();
    EXPECT_EQ(commandsOf<cmd::StartRecording>(parts.out).size(), 1u);
    parts.recording.state = RecordingState::Recording;
    ui.key(key::F10);
    std::string text = draw();
    EXPECT_TRUE(producer.confirmingStop());
    EXPECT_TRUE(contains(text, "Hentikan rekaman?")) << text;
    EXPECT_TRUE(commandsOf<cmd::StopRecording>(parts.out).empty());
    ui.key(key::Enter);
    draw();
    EXPECT_EQ(commandsOf<cmd::StopRecording>(parts.out).size(), 1u);
    ui.key(key::F9);
    draw();
    EXPECT_EQ(commandsOf<cmd::AddMarker>(parts.out).size(), 1u);
    // Shift+F10 arms when nothing is being recorded, and is not F10: it never starts a recording.
    parts.recording.state = RecordingState::Idle;
    ui.key(key::F10, ModShift);
    draw();
    EXPECT_EQ(commandsOf<cmd::ArmRecording>(parts.out).size(), 1u);
    EXPECT_TRUE(commandsOf<cmd::StartRecording>(parts.out).empty());
    // Armed, Shift+F10 lets go again.
    parts.recording.state = RecordingState::Armed;
    ui.key(key::F10, ModShift);
    draw();
    EXPECT_EQ(commandsOf<cmd::StopRecording>(parts.out).size(), 1u);
}

TEST_F(ProducerWindowTest, APlannedSessionStartsWithF8) {
    snap.session->status = "planned";
    for (Segment& s : snap.session->segments)
        s.actualStart.reset();
    const std::string text = draw();
    EXPECT_TRUE(contains(text, "Sesi belum dimulai")) << text;
    ui.key(key::F8);
    draw();
    EXPECT_EQ(commandsOf<cmd::StartSession>(parts.out).size(), 1u);
    EXPECT_TRUE(commandsOf<cmd::TakeNext>(parts.out).empty());
}

TEST_F(ProducerWindowTest, SpeaksEnglishWhenAsked) {
    setLanguage(Lang::En);
    at(65);
    const std::string text = draw();
    EXPECT_TRUE(contains(text, "SEGMENT 1 OF 7")) << text;
    EXPECT_TRUE(contains(text, "time left in the segment")) << text;
    EXPECT_FALSE(contains(text, "sisa waktu segmen")) << text;
}

}  // namespace ds::ui::test
