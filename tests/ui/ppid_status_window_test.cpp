// The PPID officer's window (requests, decision form, Pasal 11 figures) and the status strip
// (clock, REC box, alarms) drawn headless.
#include "UiTestSupport.h"
#include "ui/Input.h"
#include "ui/PpidWindow.h"
#include "ui/StatusWindow.h"

namespace ds::ui::test {

namespace {

class PpidWindowTest : public UiTest {
  protected:
    std::string draw() {
        parts.out.clear();
        return ui.frames([&] {
            Frame f = parts.frame(snap, ui.fonts());
            ppid.draw(f);
        });
    }
    DemoDatabase data;
    Snapshot snap = data.snapshot();
    HeadlessUi ui{1600, 1000};
    PpidWindow ppid;
    FrameParts parts;
};

}  // namespace

TEST_F(PpidWindowTest, ListsTheSessionsRequestsWithNumbersStatusAndDueDates) {
    const std::string text = draw();
    ASSERT_EQ(snap.requests.size(), 5u);
    for (const RequestRow& r : snap.requests) {
        EXPECT_TRUE(contains(text, r.request.registrationNumber))
            << r.request.registrationNumber << "\n"
            << text;
        EXPECT_TRUE(contains(text, formatDay(r.request.dueDate))) << text;
    }
    EXPECT_TRUE(contains(text, "Diberikan sebagian")) << text;
    EXPECT_TRUE(contains(text, "Ditolak")) << text;
    EXPECT_TRUE(contains(text, "Menunggu kebijakan pimpinan")) << text;
    EXPECT_TRUE(contains(text, "P17a-2")) << text;
    EXPECT_TRUE(contains(text, "sisa")) << text;
}

TEST_F(PpidWindowTest, OverdueRequestsSaySo) {
    snap.requests[2].overdue = true;
    snap.requests[2].workingDaysLeft = -3;
    snap.requests[2].request.decidedAt.reset();
    const std::string text = draw();
    EXPECT_TRUE(contains(text, "TERLAMBAT 3 hari kerja")) << text;
}

TEST_F(PpidWindowTest, TheDecisionFormChecksWhatTheRecordWillCheck) {
    PpidWindow::DecisionForm form;
    Decision d;
    form.decision = 0;
    EXPECT_EQ(PpidWindow::check(form, d), "");
    EXPECT_EQ(d.decision, "granted_full");
    form.decision = 1;
    EXPECT_NE(PpidWindow::check(form, d), "") << "partial grant without what was withheld";
    form.redactedParts = "Nama saksi";
    form.redactionReason = "Pasal 17 huruf a";
    EXPECT_EQ(PpidWindow::check(form, d), "");
    form.decision = 2;
    form.ground = 0;  // P17a: sub-ground, consequence test, reason
    EXPECT_EQ(PpidWindow::check(form, d), tr(Tx::NeedConsequence));
    form.consequenceTest = "Membuka identitas saksi membahayakan saksi";
    EXPECT_EQ(PpidWindow::check(form, d), tr(Tx::NeedReason));
    form.reason = "Identitas saksi dikecualikan";
    EXPECT_EQ(PpidWindow::check(form, d), "");
    EXPECT_EQ(d.decision, "refused");
    EXPECT_EQ(d.ground, "P17a");
    EXPECT_EQ(d.subground, 1);
    form.ground = 9;  // P17j needs the law
    EXPECT_EQ(PpidWindow::check(form, d), tr(Tx::NeedLaw));
}

TEST_F(PpidWindowTest, SigningAsksForTheOfficersNameAndNrp) {
    snap.session->status = "ended";
    ppid.openSignDialog();
    draw();
    draw();  // the name field takes the keyboard the frame after the dialog opens
    ui.type("Hadi Prasetyo");
    ui.key(key::Tab);
    ui.type("7803");
    std::string text = draw();
    EXPECT_TRUE(contains(text, tr(Tx::SignerNeeded))) << text;
    ui.key(key::Enter);
    draw();
    EXPECT_TRUE(commandsOf<cmd::SignSession>(parts.out).empty()) << "an NRP of 4 digits";
    draw();  // the keyboard is back in the NRP field
    ui.type("0789");
    draw();
    ui.key(key::Enter);
    draw();
    const auto signs = commandsOf<cmd::SignSession>(parts.out);
    ASSERT_EQ(signs.size(), 1u);
    EXPECT_EQ(signs[0].sessionId, data.sessionId);
    EXPECT_EQ(signs[0].name, "Hadi Prasetyo");
    EXPECT_EQ(signs[0].nrp, "78030789");
}

TEST_F(PpidWindowTest, CtrlEnterSavesTheDecisionOfTheSelectedRequest) {
    draw();
    // The extended request (Bhabinkamtibmas) is undecided: select it with the arrows.
    int target = -1;
    for (int i = 0; i < static_cast<int>(snap.requests.size()); ++i) {
        if (snap.requests[i].request.extended) target = i;
    }
    ASSERT_GE(target, 0);
    for (int i = 0; i < target; ++i)
        ui.key(key::Down);
    draw();
    ASSERT_EQ(ppid.selectedRequest(), snap.requests[target].request.id);
    ppid.form().decision = 0;
    ppid.form().materialGiven = "Daftar pos Bhabinkamtibmas Kecamatan Teluk Segara";
    ui.key(key::Enter, ModCtrl);
    draw();
    auto decisions = commandsOf<cmd::DecideRequest>(parts.out);
    ASSERT_EQ(decisions.size(), 1u);
    EXPECT_EQ(decisions[0].requestId, snap.requests[target].request.id);
    EXPECT_EQ(decisions[0].decision.decision, "granted_full");
    EXPECT_EQ(decisions[0].decision.materialGiven,
              "Daftar pos Bhabinkamtibmas Kecamatan Teluk Segara");
}

TEST(StatusWindowTest, TheRecordingBoxSaysWhatIsHappening) {
    setLanguage(Lang::Id);
    RecordingStatus r;
    r.state = RecordingState::Recording;
    r.elapsed = std::chrono::seconds(235);
    EXPECT_EQ(StatusWindow::recordingLabel(r), "● REC 3:55");
    r.simulated = true;
    EXPECT_EQ(StatusWindow::recordingLabel(r), "● REC 3:55 · SIMULASI");
    r = RecordingStatus{};
    EXPECT_EQ(StatusWindow::recordingLabel(r), "REKAMAN: modul audio belum terpasang");
    r.state = RecordingState::Idle;
    EXPECT_EQ(StatusWindow::recordingLabel(r), "TIDAK MEREKAM");
    r.state = RecordingState::Armed;
    EXPECT_EQ(StatusWindow::recordingLabel(r), "SIAGA — belum merekam");
}

TEST(StatusWindowTest, AlarmsBecomeBannerLines) {
    setLanguage(Lang::Id);
    RecordingStatus r;
    r.state = RecordingState::Recording;
    r.alarms.push_back({"dead_air", "-63 dBFS", std::chrono::seconds(12)});
    r.alarms.push_back({"low_disk", "2.1 GB", std::chrono::seconds(3)});
    const auto lines = StatusWindow::alarmLines(r);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0], "TIDAK ADA SUARA (dead air) selama 0:12 — -63 dBFS");
    EXPECT_EQ(lines[1], "RUANG DISK HAMPIR HABIS (0:03) — 2.1 GB");
}

TEST(StatusWindowDrawTest, ShowsClockOnAirTimeRecAndTheAlarmBanner) {
    setLanguage(Lang::Id);
    DemoDatabase data;
    Snapshot snap = data.snapshot();
    HeadlessUi ui{1600, 900};
    StatusWindow status;
    FrameParts parts;
    parts.recording.state = RecordingState::Recording;
    parts.recording.elapsed = std::chrono::seconds(61);
    parts.recording.alarms.push_back({"dead_air", "", std::chrono::seconds(9)});
    parts.now = snap.builtAt;
    const std::string text = ui.frame([&] {
        Frame f = parts.frame(snap, ui.fonts());
        status.draw(f);
    });
    EXPECT_TRUE(contains(text, "JAM STASIUN (WIB)")) << text;
    EXPECT_TRUE(contains(text, snap.clock.time(parts.now))) << text;
    EXPECT_TRUE(contains(text, "SIARAN LANGSUNG")) << text;
    EXPECT_TRUE(contains(text, "● REC 1:01")) << text;
    EXPECT_TRUE(contains(text, "TIDAK ADA SUARA (dead air) selama 0:09")) << text;
    EXPECT_TRUE(contains(text, "Polres Bengkulu")) << text;
}

}  // namespace ds::ui::test
