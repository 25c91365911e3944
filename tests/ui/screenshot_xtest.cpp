// The real control room under Xvfb: every window renders, screenshots are checked where it
// matters (clock, REC box, countdown, alarm banner, guests' question), the frame loop idles
// without burning a core, and after a crash the room reopens the session it was on.
// Screenshots are kept in tests/ui/artefacts/<test> of the build folder.
#include <fcntl.h>

#include "XTestSupport.h"

namespace ds::ui::xtest {

namespace {

class ScreenshotTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_FALSE(display().empty()) << "no Xvfb: run through ctest (fixture ui_x_screenshot)";
        env = roomEnv(home.path());
    }
    // Runs the room for a few frames and returns the screenshot folder.
    fs::path shoot(const std::vector<std::string>& args, const std::string& name) {
        const fs::path shots = home.path() / ("shots-" + name);
        std::vector<std::string> argv = {
            DS_DIALOGSTUDIO, "--screenshot", shots.string(), "--frames", "4", "--size", "1600x900"};
        argv.insert(argv.end(), args.begin(), args.end());
        Process p(argv, env, home.path() / (name + ".out"));
        const int code = p.wait(std::chrono::seconds(120));
        EXPECT_EQ(code, 0) << p.errors();
        keepArtefacts(shots, ::testing::UnitTest::GetInstance()->current_test_info()->name());
        return shots;
    }
    nlohmann::json regions(const fs::path& shots) {
        return nlohmann::json::parse(readText(shots / "regions.json"));
    }

    TempDir home;
    std::map<std::string, std::string> env;
};

void expectNotBlank(const fs::path& png, int minWidth, int minHeight) {
    Png img;
    ASSERT_TRUE(img.load(png)) << png;
    EXPECT_GE(img.width, minWidth) << png;
    EXPECT_GE(img.height, minHeight) << png;
    EXPECT_GT(img.colours(), 40) << png << " looks blank";
}

}  // namespace

TEST_F(ScreenshotTest, EveryWindowRendersTheDemoSession) {
    const fs::path shots = shoot({"--demo", "--simulate-recording", "recording"}, "demo");
    for (const char* name : {"main", "producer", "screener", "ppid", "status", "guest"}) {
        EXPECT_TRUE(fs::exists(shots / (std::string(name) + ".png"))) << name;
    }
    expectNotBlank(shots / "main.png", 1600, 900);
    expectNotBlank(shots / "producer.png", 600, 500);
    expectNotBlank(shots / "screener.png", 600, 300);
    expectNotBlank(shots / "ppid.png", 600, 200);
    expectNotBlank(shots / "guest.png", 1000, 600);

    const std::string main = readText(shots / "main.txt");
    for (const char* part :
         {"Produser", "Penyaring telepon", "Pejabat PPID", "SIARAN LANGSUNG", "JAM STASIUN (WIB)",
          "● REC", "SIMULASI", "Pembukaan dan perkenalan narasumber",
          "ANTREAN PERTANYAAN DISETUJUI (3)", "PERTANYAAN MASUK (4)",
          "Permohonan informasi (5, terlambat 0)"}) {
        EXPECT_TRUE(contains(main, part)) << part;
    }
    const std::string guest = readText(shots / "guest.txt");
    EXPECT_TRUE(contains(guest, "Apakah ada patroli di Jalan Suprapto malam hari?")) << guest;
    EXPECT_TRUE(contains(guest, "Siti")) << guest;
    EXPECT_FALSE(contains(guest, "Rahmawati")) << guest;
    EXPECT_FALSE(contains(guest, "085267001122")) << guest;
    EXPECT_FALSE(contains(guest, "usir pendatang")) << guest;
    EXPECT_FALSE(contains(guest, "paslon")) << guest;

    // Where it matters, in the colours that carry the meaning.
    const nlohmann::json r = regions(shots);
    Png img;
    ASSERT_TRUE(img.load(shots / "main.png"));
    const auto box = [&](const nlohmann::json& a) {
        return std::vector<double>(a.begin(), a.end());
    };
    const auto rec = box(r["main"]["rec"]);
    EXPECT_GT(img.fraction(rec[0], rec[1], rec[2], rec[3], isRed), 0.5)
        << "the REC box is red while recording";
    const auto clock = box(r["main"]["clock"]);
    const double clockText = img.fraction(clock[0], clock[1], clock[2], clock[3], isBright);
    EXPECT_GT(clockText, 0.05) << "clock digits";
    EXPECT_LT(clockText, 0.7);
    const auto countdown = box(r["main"]["countdown"]);
    EXPECT_GT(img.fraction(countdown[0], countdown[1], countdown[2], countdown[3], isGreen), 0.05)
        << "plenty of time left: the countdown is green";
    // Recording: a red tally frame around the whole window.
    EXPECT_GT(img.fraction(0, 0, img.width, 3, isRed), 0.9);

    Png g;
    ASSERT_TRUE(g.load(shots / "guest.png"));
    EXPECT_GT(g.fraction(0, 0, g.width, g.height, isDark), 0.6) << "black background";
    const auto q = box(r["guest"]["guest_question"]);
    EXPECT_GT(g.fraction(q[0], q[1], q[2], q[3], isBright), 0.04) << "white question text";
    const auto t = box(r["guest"]["guest_time"]);
    EXPECT_GT(g.fraction(t[0], t[1], t[2], t[3], isGreen), 0.05) << "green time left";
}

TEST_F(ScreenshotTest, AnAlarmCannotBeOverlooked) {
    const fs::path shots = shoot({"--demo", "--simulate-recording", "dead_air"}, "alarm");
    const std::string main = readText(shots / "main.txt");
    EXPECT_TRUE(contains(main, "TIDAK ADA SUARA (dead air)")) << main;
    const nlohmann::json r = regions(shots);
    ASSERT_TRUE(r["main"].contains("alarm_banner"));
    const auto b =
        std::vector<double>(r["main"]["alarm_banner"].begin(), r["main"]["alarm_banner"].end());
    Png img;
    ASSERT_TRUE(img.load(shots / "main.png"));
    EXPECT_GE(b[2], img.width - 1) << "the banner spans the window";
    const double red = img.fraction(b[0], b[1], b[2], b[3], [](int rr, int gg, int bb) {
        return rr > 100 && gg < 60 && bb < 60;
    });
    EXPECT_GT(red, 0.6) << "a red banner";
}

TEST_F(ScreenshotTest, NotRecordingIsShownAsSuchNeverAsRec) {
    const fs::path shots = shoot({"--demo"}, "notrecording");
    const std::string main = readText(shots / "main.txt");
    EXPECT_TRUE(contains(main, "TIDAK MEREKAM")) << main;
    EXPECT_FALSE(contains(main, "● REC")) << main;
    const nlohmann::json r = regions(shots);
    const auto rec = std::vector<double>(r["main"]["rec"].begin(), r["main"]["rec"].end());
    Png img;
    ASSERT_TRUE(img.load(shots / "main.png"));
    EXPECT_LT(img.fraction(rec[0], rec[1], rec[2], rec[3], isRed), 0.05);
}

TEST_F(ScreenshotTest, EnglishAndALargerScale) {
    const fs::path id = shoot({"--demo"}, "scale1");
    const fs::path en = shoot({"--lang", "en", "--scale", "1.5"}, "english");
    const std::string main = readText(en / "main.txt");
    for (const char* part : {"Producer", "Screener", "PPID officer", "STATION TIME (WIB)", "LIVE",
                             "time left in the segment"}) {
        EXPECT_TRUE(contains(main, part)) << part;
    }
    EXPECT_FALSE(contains(main, "sisa waktu segmen"));
    const double h1 = regions(id)["main"]["clock"][3].get<double>();
    const double h15 = regions(en)["main"]["clock"][3].get<double>();
    EXPECT_NEAR(h15 / h1, 1.5, 0.1) << "the clock grows with the UI scale";
    expectNotBlank(en / "main.png", 1600, 900);
}

TEST_F(ScreenshotTest, AfterACrashTheRoomReopensTheSessionItWasOn) {
    std::string out;
    // Two live sessions: 1 and 2. The room is on 1 when it is killed.
    ASSERT_EQ(run({DS_DIALOGSTUDIO, "demo"}, env, &out, home.path()), 0) << out;
    ASSERT_EQ(run({DS_DIALOGSTUDIO, "demo"}, env, &out, home.path()), 0) << out;
    {
        Process room({DS_DIALOGSTUDIO, "--session", "1", "--timing", "--no-guest"}, env,
                     home.path() / "room1.out");
        ASSERT_TRUE(room.waitForOutput("first-data-frame-ms", std::chrono::seconds(60)))
            << room.errors();
        std::this_thread::sleep_for(std::chrono::milliseconds(800));  // the settings writer's turn
        room.signal(SIGKILL);
        EXPECT_EQ(room.wait(std::chrono::seconds(10)), 128 + SIGKILL);
    }
    const fs::path shots = shoot({"--no-guest"}, "reopen");
    const std::string main = readText(shots / "main.txt");
    EXPECT_TRUE(contains(main, "Sesi 1 ·")) << main;
    EXPECT_FALSE(contains(main, "Sesi 2 ·")) << main;
}

TEST_F(ScreenshotTest, AnIdleRoomDoesNotBurnACore) {
    std::string out;
    ASSERT_EQ(run({DS_DIALOGSTUDIO, "demo"}, env, &out, home.path()), 0) << out;
    Process room({DS_DIALOGSTUDIO, "--timing", "--size", "1600x900"}, env,
                 home.path() / "idle.out");
    ASSERT_TRUE(room.waitForOutput("first-data-frame-ms", std::chrono::seconds(60)))
        << room.errors();
    std::this_thread::sleep_for(std::chrono::seconds(2));
    const auto ticks = [&] {
        std::istringstream in(readText("/proc/" + std::to_string(room.pid()) + "/stat"));
        std::string field;
        long utime = 0, stime = 0;
        for (int i = 1; i <= 15 && in >> field; ++i) {
            if (i == 14) utime = std::stol(field);
            if (i == 15) stime = std::stol(field);
        }
        return utime + stime;
    };
    const long before = ticks();
    const auto start = std::chrono::steady_clock::now();
    std::this_thread::sleep_for(std::chrono::seconds(6));
    const long used = ticks() - before;
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double share = used / (seconds * sysconf(_SC_CLK_TCK));
    // Two windows redrawn once a second by a software rasteriser (and AddressSanitizer in the
    // debug build): a busy loop would be 100 %.
    EXPECT_LT(share, 0.30) << "CPU share while idle: " << share;
    std::printf("idle CPU share: %.3f of one core\n", share);
    room.signal(SIGTERM);
    EXPECT_EQ(room.wait(std::chrono::seconds(30)), 0) << room.errors();
}

TEST_F(ScreenshotTest, HeadlessCommandsNeedNoDisplay) {
    auto noDisplay = env;
    noDisplay["DISPLAY"] = "";
    std::string out;
    EXPECT_EQ(run({DS_DIALOGSTUDIO, "demo"}, noDisplay, &out, home.path()), 0) << out;
    EXPECT_EQ(run({DS_DIALOGSTUDIO, "question", "list", "1"}, noDisplay, &out, home.path()), 0)
        << out;
    // The room itself says why it cannot open, in one line, and fails cleanly.
    Process room({DS_DIALOGSTUDIO}, noDisplay, home.path() / "nodisplay.out");
    EXPECT_EQ(room.wait(std::chrono::seconds(30)), 1);
    EXPECT_TRUE(contains(room.errors(), "tidak ada layar")) << room.errors();
}

}  // namespace ds::ui::xtest
