// The frame loop's parts that need no window: which session opens at start (and after a
// crash), the database worker, background jobs with progress and cancel, the saved settings,
// the translation table.
#include <fmt/format.h>

#include <cstdlib>
#include <regex>
#include <thread>

#include "UiTestSupport.h"
#include "studio/SessionStore.h"
#include "ui/Commands.h"
#include "ui/DatabaseWorker.h"
#include "ui/Jobs.h"
#include "ui/RecordKeeping.h"
#include "ui/RecordingControl.h"
#include "ui/UiSettings.h"

namespace ds::ui::test {

namespace {

SessionSummary summary(std::int64_t id, const char* status) {
    SessionSummary s;
    s.id = id;
    s.status = status;
    return s;
}

}  // namespace

TEST(ChooseSessionTest, TheCommandLineWinsThenTheLastSessionThenTheLiveOne) {
    // Newest scheduled first, as SessionStore::list returns them.
    const std::vector<SessionSummary> list = {summary(9, "planned"), summary(8, "planned"),
                                              summary(7, "live"), summary(6, "ended")};
    StartupRequest r;
    r.session = 6;
    EXPECT_EQ(chooseSession(r, list).open, 6);
    r = {};
    r.lastSession = 8;  // the room was on 8 when it crashed: it comes back to 8
    EXPECT_EQ(chooseSession(r, list).open, 8);
    r.lastSession = 6;  // an ended session is not reopened by itself
    EXPECT_EQ(chooseSession(r, list).open, 7);
    r = {};
    EXPECT_EQ(chooseSession(r, list).open, 7);
    const std::vector<SessionSummary> planned = {summary(9, "planned"), summary(8, "planned"),
                                                 summary(6, "ended")};
    EXPECT_EQ(chooseSession(r, planned).open, 8) << "the next planned session";
    EXPECT_FALSE(chooseSession(r, {}).open);
}

TEST(ChooseSessionTest, DemoOpensTheLiveSessionOrCreatesOne) {
    StartupRequest r;
    r.demo = true;
    EXPECT_EQ(chooseSession(r, {summary(3, "live")}).open, 3);
    const SessionChoice c = chooseSession(r, {summary(3, "ended")});
    EXPECT_TRUE(c.createDemo);
    EXPECT_FALSE(c.open);
}

TEST(DatabaseWorkerTest, CommandsAreAppliedOffTheFrameLoopAndSnapshotsFollow) {
    setLanguage(Lang::Id);
    TempDir dir;
    const std::string path = (dir.path() / "worker.db").string();
    UiQueue queue;
    NoRecording recording;
    BasicRecordKeeping records;
    std::shared_ptr<const Snapshot> latest;
    std::vector<Outcome> outcomes;
    DatabaseWorker::Config config;
    config.databasePath = path;
    config.actor = "tester";
    config.startup.demo = true;
    config.poll = std::chrono::milliseconds(20);
    DatabaseWorker worker(
        config, recording, records, queue,
        [&](std::shared_ptr<const Snapshot> s) { latest = std::move(s); },
        [&](Outcome o) { outcomes.push_back(std::move(o)); });
    const auto waitFor = [&](auto done) {
        for (int i = 0; i < 500 && !done(); ++i) {
            queue.drain();
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        queue.drain();
        return done();
    };
    // --demo on an empty database: the demo session is created and opened.
    ASSERT_TRUE(waitFor([&] { return latest && latest->session; }));
    EXPECT_EQ(latest->questions.size(), 12u);
    ASSERT_FALSE(outcomes.empty());
    EXPECT_EQ(outcomes[0].command, "CreateDemoSession");

    cmd::AddQuestion add;
    add.question.sessionId = latest->session->id;
    add.question.channel = "sms";
    add.question.text = "Apakah SIM keliling buka hari Sabtu?";
    add.formTicket = 42;
    const std::uint64_t generation = latest->generation;
    worker.post(add);
    ASSERT_TRUE(waitFor([&] { return outcomes.size() >= 2 && latest->generation > generation; }));
    EXPECT_TRUE(outcomes[1].ok) << outcomes[1].message;
    EXPECT_EQ(outcomes[1].ticket, 42u);
    EXPECT_EQ(latest->questions.size(), 13u);

    // A change made by another process (the command line) shows up by itself.
    {
        Database other = Database::open(path);
        SessionStore(other).hold(latest->session->id, "cli");
    }
    ASSERT_TRUE(waitFor(
        [&] { return latest->session && latest->session->segments[0].holdSince.has_value(); }));
}

TEST(JobRunnerTest, JobsReportProgressFinishAndCanBeCancelled) {
    UiQueue queue;
    JobRunner jobs(queue);
    std::atomic<bool> release{false};
    const int slow = jobs.submit("lambat", [&](JobProgress& p) {
        p.set(0.5f, "half");
        while (!p.cancelled())
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        return std::string("never");
    });
    const int quick = jobs.submit("cepat", [&](JobProgress& p) {
        p.set(1.0f);
        release = true;
        return std::string("/tmp/laporan.csv");
    });
    for (int i = 0; i < 200; ++i) {
        auto all = jobs.jobs();
        if (all[0].state == JobInfo::State::Running && all[0].fraction >= 0.5f) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    EXPECT_EQ(jobs.jobs()[0].stage, "half");
    EXPECT_TRUE(jobs.busy());
    jobs.cancel(slow);
    for (int i = 0; i < 400 && !release; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    for (int i = 0; i < 400 && jobs.busy(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    const auto all = jobs.jobs();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].state, JobInfo::State::Cancelled);
    EXPECT_EQ(all[1].id, quick);
    EXPECT_EQ(all[1].state, JobInfo::State::Done);
    EXPECT_EQ(all[1].result, "/tmp/laporan.csv");
    EXPECT_GE(queue.drain(), 1) << "finished jobs wake the frame loop";
}

TEST(RecordKeepingTest, ExportsThePasal11ReportInTheBackground) {
    DemoDatabase data;
    BasicRecordKeeping records;
    UiQueue queue;
    JobRunner jobs(queue);
    const std::string path = (data.dir.path() / "out" / "laporan.csv").string();
    const auto formats = records.exportFormats();
    ASSERT_EQ(formats[0].code, "csv");
    const std::string db = data.db.path().string();
    jobs.submit("ekspor", [&](JobProgress& p) {
        return records.exportSession(db, data.sessionId, formats[0], path, p);
    });
    for (int i = 0; i < 500 && jobs.busy(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    ASSERT_EQ(jobs.jobs()[0].state, JobInfo::State::Done) << jobs.jobs()[0].result;
    const std::string csv = readFile(path);
    EXPECT_NE(csv.find("requests,received,5"), std::string::npos) << csv;
    EXPECT_FALSE(std::filesystem::exists(path + ".part"));
}

TEST(UiSettingsTest, RoundTripAndBrokenFiles) {
    UiSettings s;
    s.lang = Lang::En;
    s.scale = 1.3f;
    s.lastSession = 12;
    s.guestMessage = "Waktu tinggal 2 menit";
    s.guestFullscreen = true;
    s.mainWidth = 1920;
    const UiSettings back = UiSettings::fromJson(s.toJson());
    EXPECT_EQ(back.lang, Lang::En);
    EXPECT_FLOAT_EQ(back.scale, 1.3f);
    EXPECT_EQ(back.lastSession, 12);
    EXPECT_EQ(back.guestMessage, "Waktu tinggal 2 menit");
    EXPECT_TRUE(back.guestFullscreen);
    EXPECT_EQ(back.mainWidth, 1920);
    // Garbage, wrong types, absurd values: defaults, never an exception.
    EXPECT_FALSE(UiSettings::fromJson("{not json").lang);
    const UiSettings odd = UiSettings::fromJson(R"({"scale": 40, "last_session": "x", "lang": 3})");
    EXPECT_FLOAT_EQ(odd.scale, 1.0f);
    EXPECT_FALSE(odd.lastSession);
}

TEST(FileSaverTest, WritesTheLatestTextAtomically) {
    TempDir dir;
    const std::string path = (dir.path() / "cfg" / "ui.json").string();
    {
        FileSaver saver;
        saver.save(path, "first");
        saver.save(path, "second");
        saver.flush();
        EXPECT_EQ(readFile(path), "second");
        saver.save(path, "third");
    }  // the destructor writes what is pending
    EXPECT_EQ(readFile(path), "third");
    EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));
}

TEST(TranslationsTest, EveryTextExistsInBothLanguagesWithTheSamePlaceholders) {
    const std::regex placeholder(R"(\{[^}]*\})");
    for (int i = 0; i < static_cast<int>(Tx::Count); ++i) {
        const Tx t = static_cast<Tx>(i);
        const std::string id = tr(t, Lang::Id), en = tr(t, Lang::En);
        EXPECT_FALSE(id.empty()) << i;
        EXPECT_FALSE(en.empty()) << i;
        std::vector<std::string> a, b;
        for (auto it = std::sregex_iterator(id.begin(), id.end(), placeholder);
             it != std::sregex_iterator(); ++it) {
            a.push_back(it->str());
        }
        for (auto it = std::sregex_iterator(en.begin(), en.end(), placeholder);
             it != std::sregex_iterator(); ++it) {
            b.push_back(it->str());
        }
        EXPECT_EQ(a, b) << id << " / " << en;
    }
    setLanguage(Lang::En);
    EXPECT_STREQ(tr(Tx::ProducerTitle), "Producer");
    EXPECT_EQ(label(vocab::channels(), "whatsapp"), "WhatsApp");
    EXPECT_EQ(label(vocab::questionStatuses(), "deferred"), "Deferred (written answer)");
    setLanguage(Lang::Id);
    EXPECT_STREQ(tr(Tx::ProducerTitle), "Produser");
    EXPECT_EQ(label(vocab::questionStatuses(), "deferred"), "Dijawab tertulis");
}

TEST(CommandsTest, DatabaseCommandsAreToldApartFromTheFrameLoops) {
    EXPECT_TRUE(isDatabaseCommand(cmd::TakeNext{1}));
    EXPECT_TRUE(isDatabaseCommand(cmd::CreateDemoSession{}));
    EXPECT_FALSE(isDatabaseCommand(cmd::ExportSession{}));
    EXPECT_FALSE(isDatabaseCommand(cmd::SetLanguage{}));
    EXPECT_STREQ(commandName(cmd::PutOnAir{3}), "PutOnAir");
}

TEST(SimulatedRecordingTest, SaysItIsASimulationAndMovesThroughTheStates) {
    SimulatedRecording sim;
    EXPECT_TRUE(sim.status().simulated);
    EXPECT_EQ(sim.status().state, RecordingState::Idle);
    DemoDatabase data;
    sim.arm(data.db, {});
    EXPECT_EQ(sim.status().state, RecordingState::Armed);
    EXPECT_EQ(sim.status().channels.size(), 2u);
    sim.start(data.db, {});
    EXPECT_EQ(sim.status().state, RecordingState::Recording);
    sim.marker(data.db, {});
    EXPECT_EQ(sim.status().markers, 1);
    sim.stop(data.db, "t");
    EXPECT_EQ(sim.status().state, RecordingState::Idle);
    SimulatedRecording alarm("dead_air");
    ASSERT_EQ(alarm.status().alarms.size(), 1u);
    EXPECT_EQ(alarm.status().alarms[0].kind, "dead_air");
}

}  // namespace ds::ui::test
