// Recording from the real control room under Xvfb, at the keyboard: F10 records through the
// real recorder (`dialogstudio record` in its own process, fed by a file device playing a known
// tone at real-time pace), the meters show the tone's level, F9 sets a marker, F10 + Enter
// stops; the file, its cue points and the record are checked. Then the room is killed with
// SIGKILL mid-recording: the recording goes on, the next room shows it and stops it.
#include <fcntl.h>

#include "XTestSupport.h"

namespace ds::ui::xtest {

namespace {

class RecordingTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_FALSE(display().empty()) << "no Xvfb: run through ctest (fixture ui_x_recording)";
        env = roomEnv(home.path());
        // A 1 kHz stereo tone at -10 dBFS peak, two minutes of it.
        tone = home.path() / "tone.wav";
        std::string out;
        ASSERT_EQ(run({"/usr/bin/sox", "-n", "-r", "48000", "-c", "2", "-b", "24", tone.string(),
                       "synth", "120", "sine", "1000", "gain", "-10"},
                      env, &out, home.path()),
                  0)
            << out;
        ASSERT_FALSE(cli({"demo"}).is_null());
        ASSERT_FALSE(cli({"station", "set", "--audio-device", "file:" + tone.string()}).is_null());
    }
    void TearDown() override {
        // A recorder is its own process and outlives any room: never leave one behind.
        for (const auto& item : cli({"recordings", "list", "1"})) {
            const auto& r = item["recording"];
            if (r.value("state", "") == "recording" && r["pid"].is_number())
                ::kill(r["pid"].get<pid_t>(), SIGKILL);
        }
    }
    nlohmann::json cli(const std::vector<std::string>& args) {
        std::vector<std::string> argv = {DS_DIALOGSTUDIO, "--json"};
        argv.insert(argv.end(), args.begin(), args.end());
        std::string out;
        EXPECT_EQ(run(argv, env, &out, home.path()), 0) << out;
        return nlohmann::json::parse(out, nullptr, false);
    }
    // The session's newest recording, waiting up to 30 s for it to be in `state`.
    nlohmann::json waitForRecording(const std::string& state) {
        nlohmann::json r;
        for (int i = 0; i < 150; ++i) {
            const nlohmann::json list = cli({"recordings", "list", "1"});
            if (list.is_array() && !list.empty()) {
                r = list.back()["recording"];
                if (r.value("state", "") == state) return r;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
        return r;
    }
    std::unique_ptr<Process> openRoom(const std::string& name) {
        auto room = std::make_unique<Process>(
            std::vector<std::string>{DS_DIALOGSTUDIO, "--session", "1", "--timing", "--no-guest",
                                     "--screenshot", (home.path() / name).string(), "--size",
                                     "1600x900"},
            env, home.path() / (name + ".out"));
        EXPECT_TRUE(room->waitForOutput("first-data-frame-ms", std::chrono::seconds(90)))
            << room->errors();
        return room;
    }
    // Screenshots of the room opened as `room` (SIGUSR1), kept as the artefacts `name`;
    // returns their folder.
    fs::path shoot(Process& room, const std::string& roomName, const std::string& name) {
        const fs::path shots = home.path() / roomName;
        fs::remove_all(shots);
        room.signal(SIGUSR1);
        for (int i = 0; i < 100 && !fs::exists(shots / "regions.json"); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        keepArtefacts(shots, name);
        return shots;
    }

    TempDir home;
    std::map<std::string, std::string> env;
    fs::path tone;
};

}  // namespace

TEST_F(RecordingTest, RecordMarkAndStopFromTheKeyboard) {
    auto room = openRoom("room");
    Keyboard keyboard(env, home.path());
    ASSERT_TRUE(keyboard.focus("Ruang Kendali"));

    keyboard.key("F10");
    const nlohmann::json live = waitForRecording("recording");
    ASSERT_EQ(live.value("state", ""), "recording") << live.dump() << room->errors();
    std::this_thread::sleep_for(std::chrono::seconds(3));

    // On screen: REC, the red tally, and the tone's level on the meters.
    const fs::path shots = shoot(*room, "room", "recording_live");
    const std::string main = readText(shots / "main.txt");
    EXPECT_TRUE(contains(main, "● REC")) << main;
    EXPECT_TRUE(contains(main, "-10.0 dBFS")) << main;
    EXPECT_FALSE(contains(main, "SIMULASI")) << main;
    Png img;
    ASSERT_TRUE(img.load(shots / "main.png"));
    const nlohmann::json regions = nlohmann::json::parse(readText(shots / "regions.json"));
    const auto rec = regions["main"]["rec"];
    EXPECT_GT(img.fraction(rec[0], rec[1], rec[2], rec[3], isRed), 0.5) << "the REC box";
    EXPECT_GT(img.fraction(0, 0, img.width, 3, isRed), 0.9) << "the tally frame";

    keyboard.key("F9");  // a marker
    std::this_thread::sleep_for(std::chrono::seconds(1));
    keyboard.key("F10");  // stop: asks first
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    EXPECT_EQ(waitForRecording("recording").value("state", ""), "recording")
        << "F10 alone must not stop a recording";
    keyboard.key("Return");
    const nlohmann::json closed = waitForRecording("closed");
    ASSERT_EQ(closed.value("state", ""), "closed") << closed.dump() << room->errors();

    // The record and the file: at least 4 s of the tone, the segment the recording began in and
    // the manual marker, both as the WAV's cue points.
    const nlohmann::json shown =
        cli({"recordings", "show", std::to_string(closed["id"].get<int>())});
    const double seconds = closed.value("frames", 0.0) / 48000.0;
    EXPECT_GT(seconds, 4.0) << closed.dump();
    EXPECT_NEAR(shown["loudness"].value("sample_peak_dbfs", 0.0), -10.0, 0.1) << shown.dump(2);
    std::vector<std::string> kinds;
    for (const auto& m : shown["markers"])
        kinds.push_back(m.value("kind", ""));
    EXPECT_NE(std::find(kinds.begin(), kinds.end(), "segment"), kinds.end()) << shown.dump(2);
    EXPECT_NE(std::find(kinds.begin(), kinds.end(), "manual"), kinds.end()) << shown.dump(2);
    std::string info;
    ASSERT_EQ(run({"/usr/bin/sndfile-info", closed.value("path", "")}, env, &info, home.path()), 0);
    EXPECT_TRUE(contains(info, "Pembukaan dan perkenalan narasumber")) << info;
    EXPECT_TRUE(contains(info, "labl : 2")) << info;
    std::string stat;
    run({"/bin/sh", "-c", "sox '" + closed.value("path", "") + "' -n remix 1 stat 2>&1"}, env,
        &stat, home.path());
    EXPECT_TRUE(contains(stat, "Maximum amplitude:     0.31")) << stat;  // -10 dBFS = 0.316

    room->signal(SIGTERM);
    EXPECT_EQ(room->wait(std::chrono::seconds(30)), 0) << room->errors();
}

TEST_F(RecordingTest, ArmingShowsTheLevelsAndWritesNothingThenF10Records) {
    auto room = openRoom("room");
    Keyboard keyboard(env, home.path());
    ASSERT_TRUE(keyboard.focus("Ruang Kendali"));
    keyboard.key("shift+F10");
    std::this_thread::sleep_for(std::chrono::seconds(4));
    const fs::path shots = shoot(*room, "room", "recording_armed");
    const std::string main = readText(shots / "main.txt");
    EXPECT_TRUE(contains(main, "SIAGA")) << main;
    EXPECT_TRUE(contains(main, "-10.0 dBFS")) << main;
    EXPECT_FALSE(contains(main, "● REC")) << main;
    EXPECT_TRUE(cli({"recordings", "list", "1"}).empty()) << "arming writes nothing";
    EXPECT_FALSE(fs::exists(home.path() / "data" / "dialogstudio" / "recordings"));

    keyboard.key("F10");  // armed: records at once
    const nlohmann::json live = waitForRecording("recording");
    ASSERT_EQ(live.value("state", ""), "recording") << live.dump() << room->errors();
    std::this_thread::sleep_for(std::chrono::seconds(2));
    keyboard.key("F10");
    keyboard.key("Return");
    const nlohmann::json closed = waitForRecording("closed");
    ASSERT_EQ(closed.value("state", ""), "closed") << closed.dump() << room->errors();
    EXPECT_GT(closed.value("frames", 0), 48000);
    room->signal(SIGTERM);
    EXPECT_EQ(room->wait(std::chrono::seconds(30)), 0) << room->errors();
}

TEST_F(RecordingTest, KillingTheRoomLeavesTheRecordingRunningAndTheNextRoomStopsIt) {
    nlohmann::json live;
    {
        auto room = openRoom("first");
        Keyboard keyboard(env, home.path());
        ASSERT_TRUE(keyboard.focus("Ruang Kendali"));
        keyboard.key("F10");
        live = waitForRecording("recording");
        ASSERT_EQ(live.value("state", ""), "recording") << live.dump() << room->errors();
        room->signal(SIGKILL);
        EXPECT_EQ(room->wait(std::chrono::seconds(10)), 128 + SIGKILL);
    }
    // The recorder goes on without the room: its heartbeat keeps advancing.
    const auto frames = [&] { return waitForRecording("recording").value("frames", 0); };
    const int before = frames();
    std::this_thread::sleep_for(std::chrono::seconds(3));
    const int after = frames();
    EXPECT_GT(after - before, 2 * 48000) << "the recording stopped with the room";

    auto room = openRoom("second");
    const fs::path shots = shoot(*room, "second", "recording_adopted");
    const std::string main = readText(shots / "main.txt");
    EXPECT_TRUE(contains(main, "● REC")) << main;
    EXPECT_TRUE(contains(main, "dimulai di luar ruang ini")) << main;
    Keyboard keyboard(env, home.path());
    ASSERT_TRUE(keyboard.focus("Ruang Kendali"));
    keyboard.key("F10");
    keyboard.key("Return");
    const nlohmann::json closed = waitForRecording("closed");
    ASSERT_EQ(closed.value("state", ""), "closed") << closed.dump() << room->errors();
    EXPECT_EQ(closed.value("id", 0), live.value("id", 0)) << "one recording, not two";
    EXPECT_GT(closed.value("frames", 0), after);

    const nlohmann::json journal = cli({"journal", "verify"});
    EXPECT_TRUE(journal.value("ok", false)) << journal.dump();
    room->signal(SIGTERM);
    EXPECT_EQ(room->wait(std::chrono::seconds(30)), 0) << room->errors();
}

TEST_F(RecordingTest, ARecorderThatCannotStartSaysWhyAndShowsNoRec) {
    ASSERT_FALSE(
        cli({"station", "set", "--audio-device", "file:" + (home.path() / "missing.wav").string()})
            .is_null());
    auto room = openRoom("room");
    Keyboard keyboard(env, home.path());
    ASSERT_TRUE(keyboard.focus("Ruang Kendali"));
    keyboard.key("F10");
    std::this_thread::sleep_for(std::chrono::seconds(4));
    const fs::path shots = shoot(*room, "room", "recording_failed");
    const std::string main = readText(shots / "main.txt");
    EXPECT_FALSE(contains(main, "● REC")) << main;
    EXPECT_TRUE(contains(main, "missing.wav")) << main;
    for (const auto& item : cli({"recordings", "list", "1"}))
        EXPECT_NE(item["recording"].value("state", ""), "recording") << item.dump();
    room->signal(SIGTERM);
    EXPECT_EQ(room->wait(std::chrono::seconds(30)), 0) << room->errors();
}

}  // namespace ds::ui::xtest
