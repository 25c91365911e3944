// The controller applies the windows' commands to a real database through the studio stores,
// and the snapshot builder reads it back: the other half of "what each key does".
#include "ui/Controller.h"
#include "UiTestSupport.h"
#include "studio/QuestionStore.h"
#include "studio/RecordingStore.h"
#include "studio/RequestStore.h"
#include "studio/SessionStore.h"
#include "studio/Statement.h"
#include "studio/StationStore.h"
#include "ui/RecordKeeping.h"
#include "ui/RecordingControl.h"

namespace ds::ui::test {

namespace {

// Records what the controller asked of the recorder.
class FakeRecording : public RecordingControl {
  public:
    RecordingStatus status() const override {
        RecordingStatus s;
        s.state = state;
        return s;
    }
    void arm(Database&, const RecordingTarget&) override { state = RecordingState::Armed; }
    void start(Database&, const RecordingTarget& t) override {
        state = RecordingState::Recording;
        started = t;
    }
    void stop(Database&, const std::string&) override { state = RecordingState::Idle; }

    RecordingState state = RecordingState::Idle;
    RecordingTarget started;
};

class ControllerTest : public UiTest {
  protected:
    Question question(std::int64_t id) {
        return QuestionStore(data.db).get(id);
    }
    std::int64_t count(const std::string& sql) {
        Statement st = data.db.prepare(sql);
        st.step();
        return st.getInt(0);
    }
    // The markers studio placed since the test began: the recorder is never asked for them.
    std::vector<Marker> newMarkers() {
        std::vector<Marker> all = RecordingStore(data.db).markers(data.sessionId);
        all.erase(all.begin(), all.begin() + std::min(all.size(), markersBefore));
        return all;
    }

    DemoDatabase data;
    std::size_t markersBefore = RecordingStore(data.db).markers(data.sessionId).size();
    FakeRecording recording;
    Controller controller{data.db, "produser", recording};
};

}  // namespace

TEST_F(ControllerTest, AnAddedQuestionIsInTheQueueAtOnce) {
    cmd::AddQuestion add;
    add.question.sessionId = data.sessionId;
    add.question.channel = "phone";
    add.question.callerName = "Andi Wijaya";
    add.question.origin = "Kel. Sukamerindu";
    add.question.contact = "081234567890";
    add.question.text = "Kapan ada razia knalpot brong?";
    add.formTicket = 7;
    const Outcome o = controller.apply(add);
    ASSERT_TRUE(o.ok) << o.message;
    EXPECT_EQ(o.ticket, 7u);
    EXPECT_EQ(o.message, "Pertanyaan 13 masuk antrean");
    const Question q = question(o.subjectId);
    EXPECT_EQ(q.status, "new");
    EXPECT_EQ(q.number, 13);
    EXPECT_EQ(q.callerName, "Andi Wijaya");
    // The next snapshot has it among the incoming questions.
    const Snapshot s = data.snapshot();
    bool incoming = false;
    for (int i : s.incoming)
        incoming = incoming || s.questions[i].id == q.id;
    EXPECT_TRUE(incoming);
}

TEST_F(ControllerTest, AnInformationRequestIsRegisteredWithItsQuestion) {
    const auto before = count("SELECT COUNT(*) FROM info_requests");
    cmd::AddQuestion add;
    add.question.sessionId = data.sessionId;
    add.question.channel = "whatsapp";
    add.question.callerName = "Rina";
    add.question.text = "Berapa jumlah kecelakaan di Jalan Soeprapto tahun ini?";
    add.question.infoRequest = true;
    add.question.purpose = "Tugas kuliah";
    const Outcome o = controller.apply(add);
    ASSERT_TRUE(o.ok) << o.message;
    EXPECT_EQ(count("SELECT COUNT(*) FROM info_requests"), before + 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM info_requests WHERE question_id = " +
                    std::to_string(o.subjectId) + " AND purpose = 'Tugas kuliah'"),
              1);
}

TEST_F(ControllerTest, ApproveOnAirAnsweredAndTheMarkers) {
    Snapshot s = data.snapshot();
    const std::int64_t onAir = s.onAirQuestion()->id;
    const std::int64_t next = s.questions[s.approved[0]].id;
    // Another question cannot go on air while one is.
    Outcome o = controller.apply(cmd::PutOnAir{next});
    EXPECT_FALSE(o.ok);
    EXPECT_NE(o.message.find("on air"), std::string::npos) << o.message;
    ASSERT_TRUE(controller.apply(cmd::MarkAnswered{onAir}).ok);
    o = controller.apply(cmd::PutOnAir{next});
    ASSERT_TRUE(o.ok) << o.message;
    EXPECT_EQ(question(next).status, "on_air");
    std::vector<Marker> markers = newMarkers();
    ASSERT_EQ(markers.size(), 1u);
    EXPECT_EQ(markers[0].kind, "question");
    EXPECT_EQ(markers[0].questionId, next);
    EXPECT_EQ(markers[0].label, "Pertanyaan 3: Statistik kriminalitas");
    // Taking the next segment marks it too.
    o = controller.apply(cmd::TakeNext{data.sessionId});
    ASSERT_TRUE(o.ok) << o.message;
    EXPECT_EQ(o.message, "Segmen berikutnya: Materi: keselamatan berlalu lintas dan pelayanan SIM");
    markers = newMarkers();
    ASSERT_EQ(markers.size(), 2u);
    EXPECT_EQ(markers[1].kind, "segment");
    EXPECT_EQ(markers[1].label, "Materi: keselamatan berlalu lintas dan pelayanan SIM");
}

TEST_F(ControllerTest, ReorderRejectMergeDeferAndTheirRules) {
    Snapshot s = data.snapshot();
    const std::int64_t last = s.questions[s.approved.back()].id;
    ASSERT_TRUE(controller.apply(cmd::MoveQuestion{last, 1}).ok);
    s = data.snapshot();
    EXPECT_EQ(s.questions[s.approved.front()].id, last);

    const std::int64_t incoming = s.questions[s.incoming[0]].id;
    Outcome o = controller.apply(cmd::RejectQuestion{incoming, ""});
    EXPECT_FALSE(o.ok) << "a rejection needs a reason";
    EXPECT_EQ(question(incoming).status, "new");
    ASSERT_TRUE(controller.apply(cmd::RejectQuestion{incoming, "Di luar topik"}).ok);
    EXPECT_EQ(question(incoming).status, "rejected");
    EXPECT_EQ(question(incoming).reason, "Di luar topik");

    const std::int64_t second = s.questions[s.incoming[1]].id;
    ASSERT_TRUE(controller.apply(cmd::MergeQuestion{second, last}).ok);
    EXPECT_EQ(question(second).status, "merged");
    const std::int64_t third = s.questions[s.incoming[2]].id;
    ASSERT_TRUE(controller.apply(cmd::DeferQuestion{third, "Dijawab tertulis"}).ok);
    EXPECT_EQ(question(third).status, "deferred");
}

TEST_F(ControllerTest, LiveControlsGoThroughTheSessionStore) {
    ASSERT_TRUE(controller.apply(cmd::ToggleHold{data.sessionId}).ok);
    Session s = SessionStore(data.db).get(data.sessionId);
    EXPECT_TRUE(s.segments[0].holdSince.has_value());
    ASSERT_TRUE(controller.apply(cmd::ToggleHold{data.sessionId}).ok);
    ASSERT_TRUE(controller.apply(cmd::TakeNext{data.sessionId}).ok);
    ASSERT_TRUE(controller.apply(cmd::GoBack{data.sessionId}).ok);
    s = SessionStore(data.db).get(data.sessionId);
    EXPECT_FALSE(s.segments[0].actualEnd.has_value());
    ASSERT_TRUE(controller.apply(cmd::EndSession{data.sessionId}).ok);
    EXPECT_EQ(SessionStore(data.db).get(data.sessionId).status, "ended");
    const Outcome o = controller.apply(cmd::TakeNext{data.sessionId});
    EXPECT_FALSE(o.ok);
    EXPECT_NE(o.message.find("not live"), std::string::npos) << o.message;
}

TEST_F(ControllerTest, RequestsAreDecidedExtendedAndEscalated) {
    Snapshot s = data.snapshot();
    const RequestRow* open = nullptr;
    for (const RequestRow& r : s.requests) {
        if (r.request.extended && !r.request.decided()) open = &r;
    }
    ASSERT_NE(open, nullptr);
    Decision d;
    d.decision = "refused";
    d.ground = "not_held";
    Outcome o = controller.apply(cmd::DecideRequest{open->request.id, d});
    EXPECT_FALSE(o.ok) << "a refusal without a reason";
    d.reason = "Data pos dikelola Sat Binmas Polda";
    o = controller.apply(cmd::DecideRequest{open->request.id, d});
    ASSERT_TRUE(o.ok) << o.message;
    const Snapshot after = data.snapshot();
    EXPECT_EQ(after.report.refused, s.report.refused + 1);
    EXPECT_EQ(after.report.pending, s.report.pending - 1);
}

TEST_F(ControllerTest, RecordingCommandsReachTheRecorder) {
    ASSERT_TRUE(controller.apply(cmd::StartRecording{data.sessionId}).ok);
    EXPECT_EQ(recording.state, RecordingState::Recording);
    EXPECT_EQ(recording.started.sessionId, data.sessionId);
    EXPECT_NE(recording.started.sessionTitle.find("Dialog Interaktif Kamtibmas"),
              std::string::npos);
    ASSERT_TRUE(controller.apply(cmd::AddMarker{data.sessionId, "Penanda 10:00:00"}).ok);
    ASSERT_FALSE(newMarkers().empty());
    EXPECT_EQ(newMarkers().back().kind, "manual");
    ASSERT_TRUE(controller.apply(cmd::StopRecording{data.sessionId}).ok);
    EXPECT_EQ(recording.state, RecordingState::Idle);
}

TEST_F(ControllerTest, WithoutARecordingModuleTheProducerIsToldSo) {
    NoRecording none;
    Controller c{data.db, "produser", none};
    const Outcome o = c.apply(cmd::StartRecording{data.sessionId});
    EXPECT_FALSE(o.ok);
    EXPECT_NE(o.message.find("not installed"), std::string::npos) << o.message;
    // Markers are silently skipped: taking a segment still works.
    EXPECT_TRUE(c.apply(cmd::TakeNext{data.sessionId}).ok);
}

TEST_F(ControllerTest, SessionsOpenAndTheDemoIsCreated) {
    EXPECT_FALSE(controller.apply(cmd::OpenSession{999}).ok);
    ASSERT_TRUE(controller.apply(cmd::OpenSession{data.sessionId}).ok);
    EXPECT_EQ(controller.sessionId(), data.sessionId);
    const Outcome o = controller.apply(cmd::CreateDemoSession{});
    ASSERT_TRUE(o.ok) << o.message;
    EXPECT_NE(o.subjectId, data.sessionId);
    EXPECT_EQ(controller.sessionId(), o.subjectId);
}

TEST_F(ControllerTest, ThePpidOfficerSignsAnEndedSessionAndTheRecordIsFrozen) {
    const std::int64_t id = data.sessionId;
    // A live session is not signed: the officer is told, nothing changes.
    Outcome sign = controller.apply(cmd::SignSession{id, "Hadi Prasetyo", "78030789"});
    EXPECT_FALSE(sign.ok);
    EXPECT_EQ(SessionStore(data.db).get(id).status, "live");
    ASSERT_TRUE(controller.apply(cmd::EndSession{id}).ok);
    // A malformed NRP is refused with a reason.
    sign = controller.apply(cmd::SignSession{id, "Hadi Prasetyo", "7803"});
    EXPECT_FALSE(sign.ok);
    EXPECT_NE(sign.message.find("NRP"), std::string::npos) << sign.message;
    EXPECT_EQ(SessionStore(data.db).get(id).status, "ended");

    sign = controller.apply(cmd::SignSession{id, "Hadi Prasetyo", "78030789"});
    ASSERT_TRUE(sign.ok) << sign.message;
    EXPECT_EQ(SessionStore(data.db).get(id).status, "signed");
    EXPECT_EQ(count("SELECT COUNT(*) FROM journal WHERE action = 'session.sign' AND actor = "
                    "'produser'"),
              1);
    // Frozen: the record does not change any more; a second signature is refused.
    EXPECT_FALSE(controller.apply(cmd::SignSession{id, "Hadi Prasetyo", "78030789"}).ok);
    EXPECT_FALSE(controller.apply(cmd::TakeNext{id}).ok);
}

TEST_F(ControllerTest, TheStationRemembersTheRecordingDevice) {
    ASSERT_TRUE(controller.apply(cmd::SetAudioDevice{"file:/srv/latihan.wav"}).ok);
    EXPECT_EQ(StationStore(data.db).current("t").audioDevice, "file:/srv/latihan.wav");
    EXPECT_EQ(count("SELECT COUNT(*) FROM journal WHERE action LIKE 'station.%' AND actor = "
                    "'produser'"),
              1);
    ASSERT_TRUE(controller.apply(cmd::SetAudioDevice{""}).ok);
    EXPECT_EQ(StationStore(data.db).current("t").audioDevice, "");
}

TEST_F(ControllerTest, EveryChangeIsJournalledWithTheActor) {
    const auto before = count("SELECT COUNT(*) FROM journal WHERE actor = 'produser'");
    ASSERT_TRUE(controller.apply(cmd::ToggleHold{data.sessionId}).ok);
    EXPECT_EQ(count("SELECT COUNT(*) FROM journal WHERE actor = 'produser'"), before + 1);
}

TEST_F(ControllerTest, TheSnapshotHoldsWhatTheWindowsNeed) {
    const Snapshot s = data.snapshot("081273451290");
    ASSERT_TRUE(s.session);
    EXPECT_EQ(s.station.name, "Polres Bengkulu");
    EXPECT_EQ(s.clock.abbrev, "WIB");
    EXPECT_EQ(s.clock.offset, std::chrono::hours(7));
    EXPECT_EQ(s.questions.size(), 12u);
    EXPECT_EQ(s.incoming.size(), 4u);  // 4 and 7 new, 9 and 12 screened
    ASSERT_EQ(s.approved.size(), 3u);
    EXPECT_EQ(s.questions[s.approved[0]].number, 3);
    EXPECT_EQ(s.questions[s.approved[1]].number, 5);
    EXPECT_EQ(s.questions[s.approved[2]].number, 11);
    ASSERT_NE(s.onAirQuestion(), nullptr);
    EXPECT_EQ(s.onAirQuestion()->number, 2);
    EXPECT_EQ(s.requests.size(), 5u);
    EXPECT_EQ(s.report.received, 5);
    EXPECT_EQ(s.report.grantedFull, 1);
    EXPECT_EQ(s.report.grantedPartial, 1);
    EXPECT_EQ(s.report.refused, 1);
    EXPECT_EQ(s.report.questionsReceived, 12);
    ASSERT_EQ(s.contactHistory.size(), 1u);
    EXPECT_EQ(s.contactHistory[0].number, 1);
    EXPECT_FALSE(s.sessions.empty());
}

TEST(LocalClockTest, FormatsStationTimeWithoutATimeZoneDatabase) {
    LocalClock c;
    c.offset = std::chrono::hours(8);
    const TimePoint t = *parseUtc("2026-11-25T17:05:09.000Z");
    EXPECT_EQ(c.time(t), "01:05:09");
    EXPECT_EQ(c.time(t, false), "01:05");
    EXPECT_EQ(c.date(t), "2026-11-26");
    const LocalClock makassar = SnapshotBuilder::clockFor("Asia/Makassar", t);
    EXPECT_EQ(makassar.abbrev, "WITA");
    EXPECT_EQ(makassar.offset, std::chrono::hours(8));
    EXPECT_EQ(SnapshotBuilder::clockFor("Asia/Jayapura", t).abbrev, "WIT");
}

}  // namespace ds::ui::test
