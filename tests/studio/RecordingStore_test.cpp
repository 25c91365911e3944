#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "StudioFixture.h"
#include "studio/Errors.h"
#include "studio/Journal.h"
#include "studio/RecordingStore.h"

namespace ds {
namespace {

class RecordingStoreTest : public test::StudioFixture {
  protected:
    // What a live recorder does: hold an exclusive lock on the lock file.
    int holdLock(const Recording& r) {
        int fd = ::open(r.lockPath().c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600);
        EXPECT_GE(fd, 0);
        EXPECT_EQ(::flock(fd, LOCK_EX | LOCK_NB), 0);
        return fd;
    }
    Recording planned() {
        Recording r;
        r.sessionId = session.id;
        r.path = (dir.path() / "programme.wav").string();
        r.format = "wav";
        r.device = "file:test.wav";
        return r;
    }
};

TEST_F(RecordingStoreTest, SessionFolderIsNamedByLocalDateTimeAndProgramme) {
    Session s = session;
    s.scheduledStart = *parseUtc("2026-11-25T02:00:00Z");  // 09:00 WIB
    auto folder = RecordingStore::sessionFolder(station, s, "/data");
    EXPECT_EQ(folder.string(), "/data/recordings/2026-11-25_0900_dialog-interaktif-kamtibmas");
}

TEST_F(RecordingStoreTest, SecondRecorderOnTheSameSessionIsRefusedWhileTheFirstLives) {
    RecordingStore store(db);
    Recording first = store.begin(planned(), "producer");
    int fd = holdLock(first);
    Recording again = planned();
    again.path = (dir.path() / "programme-2.wav").string();
    try {
        store.begin(again, "producer");
        FAIL() << "a second recorder must be refused";
    } catch (const UserError& e) {
        EXPECT_NE(std::string(e.what()).find("already being recorded"), std::string::npos)
            << e.what();
    }
    ::close(fd);  // the first recorder dies without closing its recording
    Recording second = store.begin(again, "producer");
    EXPECT_EQ(store.get(first.id).state, "interrupted");
    EXPECT_EQ(second.state, "recording");
    EXPECT_EQ(count("SELECT COUNT(*) FROM journal WHERE action = 'recording.interrupted'"), 1);
    EXPECT_TRUE(Journal::verify(db).ok);
}

TEST_F(RecordingStoreTest, MarkersTakeTheirSamplePositionFromTheRunningRecording) {
    RecordingStore store(db);
    Recording r = store.begin(planned(), "producer");
    int fd = holdLock(r);
    store.heartbeat(r.id, 48000 * 10);  // ten seconds on disk
    TimePoint hb = *store.get(r.id).heartbeatAt;
    Marker m = store.addMarker(session.id, "manual", "Penting", hb + std::chrono::milliseconds(500),
                               std::nullopt, std::nullopt, "producer");
    ASSERT_TRUE(m.samplePos);
    EXPECT_EQ(*m.samplePos, 48000 * 10 + 24000);
    EXPECT_EQ(m.recordingId, r.id);

    // Taking segments and putting questions on air set markers by themselves.
    SessionStore sessions(db);
    sessions.start(session.id, false, "producer");
    sessions.next(session.id, "producer");
    Question q = ask("Syarat SKCK apa saja?");
    QuestionStore qs = questions();
    qs.approve(q.id, "screener");
    qs.onAir(q.id, "producer");
    auto all = store.markers(session.id);
    ASSERT_EQ(all.size(), 4u);
    EXPECT_EQ(all[1].label, "Pembukaan");
    EXPECT_EQ(all[2].label, "Tanya jawab");
    EXPECT_EQ(all[3].label, "Pertanyaan 1: Syarat SKCK apa saja?");
    EXPECT_EQ(all[3].questionId, q.id);
    // Going back removes the marker of the undone take.
    sessions.back(session.id, "producer");
    EXPECT_EQ(store.markers(session.id).size(), 3u);
    ::close(fd);
    Recording closed = store.finish(r.id, 48000 * 60, "", "producer");
    EXPECT_EQ(closed.state, "closed");
    EXPECT_EQ(closed.frames, 48000 * 60);
}

TEST_F(RecordingStoreTest, MarkersWithoutARecordingHaveNoSamplePosition) {
    Marker m = RecordingStore(db).addMarker(session.id, "manual", "Catatan", now(), std::nullopt,
                                            std::nullopt, "producer");
    EXPECT_FALSE(m.samplePos);
    EXPECT_FALSE(m.recordingId);
}

}  // namespace
}  // namespace ds
