// The frame loop's parts that need no window: which session opens at start (and after a
// crash), the database worker, background jobs with progress and cancel, the saved settings,
// the translation table.
#include <fmt/format.h>

#include <cstdlib>
#include <regex>
#include <thread>

#include "UiTestSupport.h"
#include "studio/RecordingStore.h"
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
    std::shared_ptr<const Snapshot> latest;
    std::vector<Outcome> outcomes;
    DatabaseWorker::Config config;
    config.databasePath = path;
    config.actor = "tester";
    config.startup.demo = true;
    config.poll = std::chrono::milliseconds(20);
    DatabaseWorker worker(
        config, recording, queue, [&](std::shared_ptr<const Snapshot> s) { latest = std::move(s); },
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

// Runs one export as the room does: a background job running the dialogstudio command.
JobInfo exportJob(DemoDatabase& data, const std::string& code, const std::string& path,
                  bool cancelOnceRunning = false) {
    const RecordKeeping records(DS_DIALOGSTUDIO);
    UiQueue queue;
    JobRunner jobs(queue);
    ExportFormat format;
    for (const ExportFormat& f : RecordKeeping::exportFormats())
        if (f.code == code) format = f;
    EXPECT_EQ(format.code, code);
    const std::string db = data.db.path().string();
    const int id = jobs.submit("ekspor", [&](JobProgress& p) {
        return records.exportSession(db, data.sessionId, format, path, "penguji", p);
    });
    bool cancelled = false;
    for (int i = 0; i < 12000 && jobs.busy(); ++i) {
        if (cancelOnceRunning && !cancelled && jobs.jobs()[0].fraction > 0.05f) {
            jobs.cancel(id);
            cancelled = true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return jobs.jobs()[0];
}

TEST(RecordKeepingTest, TheRecordAndTheReportAreExportedInTheBackground) {
    DemoDatabase data;
    const std::string csv = (data.dir.path() / "out" / "laporan.csv").string();
    JobInfo job = exportJob(data, "csv", csv);
    ASSERT_EQ(job.state, JobInfo::State::Done) << job.result;
    EXPECT_EQ(job.result, csv);
    EXPECT_NE(readFile(csv).find("requests,received,5"), std::string::npos) << readFile(csv);

    const std::string pdf = (data.dir.path() / "out" / "catatan.pdf").string();
    job = exportJob(data, "pdf", pdf);
    ASSERT_EQ(job.state, JobInfo::State::Done) << job.result;
    EXPECT_EQ(readFile(pdf).substr(0, 5), "%PDF-");
    EXPECT_FALSE(std::filesystem::exists(pdf + ".part"));
    // The register in the PDF is masked: the demo caller's phone number is not in it.
    const std::string text = data.dir.path() / "catatan.txt";
    ASSERT_EQ(std::system(("pdftotext '" + pdf + "' '" + text + "'").c_str()), 0);
    const std::string printed = readFile(text);
    EXPECT_NE(printed.find("Polres Bengkulu"), std::string::npos);
    EXPECT_EQ(printed.find("081377889900"), std::string::npos);
}

TEST(RecordKeepingTest, AFailedExportSaysWhyAndACancelledOneLeavesNothing) {
    DemoDatabase data;
    // The demo session has no recording yet: the command's own message comes back.
    const std::string mp3 = (data.dir.path() / "siaran.mp3").string();
    JobInfo job = exportJob(data, "mp3", mp3);
    ASSERT_EQ(job.state, JobInfo::State::Failed);
    EXPECT_NE(job.result.find("recording"), std::string::npos) << job.result;
    EXPECT_FALSE(std::filesystem::exists(mp3));

    // Three minutes of programme, registered as the session's recording, exported and cancelled
    // part-way: nothing under the final name, no part file.
    const auto wav = data.dir.path() / "programme.wav";
    ASSERT_EQ(std::system(("sox -n -r 48000 -c 2 -b 24 '" + wav.string() +
                           "' synth 180 pinknoise gain -20 2>/dev/null")
                              .c_str()),
              0);
    RecordingStore store(data.db);
    Recording r;
    r.sessionId = data.sessionId;
    r.path = wav.string();
    r.format = "wav";
    r.startedAt = now();
    r = store.begin(r, "penguji");
    store.finish(r.id, 180 * 48000, "", "penguji");
    job = exportJob(data, "mp3", mp3, true);
    EXPECT_EQ(job.state, JobInfo::State::Cancelled) << job.result;
    EXPECT_FALSE(std::filesystem::exists(mp3));
    EXPECT_FALSE(std::filesystem::exists(mp3 + ".part"));
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
    sim.start(data.db, {.sessionId = data.sessionId});
    EXPECT_EQ(sim.status().state, RecordingState::Recording);
    // The markers are studio's; the simulation counts those placed since it started.
    RecordingStore(data.db).addMarker(data.sessionId, "manual", "Penanda", now(), std::nullopt,
                                      std::nullopt, "t");
    sim.tick(data.db);
    EXPECT_EQ(sim.status().markers, 1);
    sim.stop(data.db, "t");
    EXPECT_EQ(sim.status().state, RecordingState::Idle);
    SimulatedRecording alarm("dead_air");
    ASSERT_EQ(alarm.status().alarms.size(), 1u);
    EXPECT_EQ(alarm.status().alarms[0].kind, "dead_air");
}

}  // namespace ds::ui::test
