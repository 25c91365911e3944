// End to end, as a person at the keyboard: xdotool types a listener's question into the
// screener's form of the real window, approves it, and the producer puts it on air. The test
// then finds it in the database (through the command line) and on the guests' screenshot.
#include <fcntl.h>

#include "XTestSupport.h"

namespace ds::ui::xtest {

namespace {

class XdotoolTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_FALSE(display().empty()) << "no Xvfb: run through ctest (fixture ui_x_e2e)";
        env = roomEnv(home.path());
    }
    nlohmann::json cli(const std::vector<std::string>& args) {
        std::vector<std::string> argv = {DS_DIALOGSTUDIO, "--json"};
        argv.insert(argv.end(), args.begin(), args.end());
        std::string out;
        EXPECT_EQ(run(argv, env, &out, home.path()), 0) << out;
        return nlohmann::json::parse(out, nullptr, false);
    }
    // The question with this text in session 1, or null.
    nlohmann::json findQuestion(const std::string& text) {
        const nlohmann::json list = cli({"question", "list", "1"});
        const nlohmann::json& items =
            list.is_array() ? list : list.value("questions", nlohmann::json::array());
        for (const auto& q : items) {
            if (q.value("text", "") == text) return q;
        }
        return nullptr;
    }
    // Polls the record until the question has `status` (the worker applies commands in ms).
    nlohmann::json waitForStatus(const std::string& text, const std::string& status) {
        nlohmann::json q;
        for (int i = 0; i < 100; ++i) {
            q = findQuestion(text);
            if (!q.is_null() && q.value("status", "") == status) return q;
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
        return q;
    }
    void key(const std::string& keys) { keyboard.key(keys); }
    void type(const std::string& text) { keyboard.type(text); }

    TempDir home;
    std::map<std::string, std::string> env;
    Keyboard keyboard{{}, {}};
};

}  // namespace

TEST_F(XdotoolTest, AQuestionTypedApprovedAndPutOnAirReachesTheRecordAndTheGuestsScreen) {
    ASSERT_FALSE(cli({"demo"}).is_null());
    // The guests' window stands to the right of the control room, as on a second monitor.
    fs::create_directories(home.path() / "config" / "dialogstudio");
    std::ofstream(home.path() / "config" / "dialogstudio" / "ui.json")
        << R"({"guest": [1620, 0, 1280, 720], "main": [0, 0, 1600, 900]})";
    const fs::path shots = home.path() / "shots";
    Process room({DS_DIALOGSTUDIO, "--session", "1", "--timing", "--screenshot", shots.string(),
                  "--size", "1600x900"},
                 env, home.path() / "room.out");
    ASSERT_TRUE(room.waitForOutput("first-data-frame-ms", std::chrono::seconds(90)))
        << room.errors();

    keyboard = Keyboard(env, home.path());
    ASSERT_TRUE(keyboard.focus("Ruang Kendali"));

    // The screener takes a call: F3 puts the keyboard in the form.
    const std::string text = "Kapan pelayanan SKCK buka pada hari Sabtu?";
    key("F3");
    type("Wahyu Pratama");
    key("Tab");
    type("Kel. Nusa Indah");
    key("Tab");
    type("081355501234");
    key("Tab");
    type(text);
    key("Return");
    nlohmann::json q = waitForStatus(text, "new");
    ASSERT_FALSE(q.is_null()) << "the typed question is not in the record\n" << room.errors();
    EXPECT_EQ(q.value("caller_name", ""), "Wahyu Pratama");
    EXPECT_EQ(q.value("origin", ""), "Kel. Nusa Indah");
    EXPECT_EQ(q.value("channel", ""), "phone");

    // Alt+A approves the question just typed (the screener's selection follows it).
    key("alt+a");
    q = waitForStatus(text, "approved");
    ASSERT_EQ(q.value("status", ""), "approved") << room.errors();

    // The producer: F2, the question on air is answered, End selects the new one, F6 on air.
    key("F2");
    key("shift+F6");
    key("End");
    key("F6");
    q = waitForStatus(text, "on_air");
    ASSERT_EQ(q.value("status", ""), "on_air") << room.errors();

    // The guests' screen shows it: first name and area only.
    std::this_thread::sleep_for(std::chrono::milliseconds(600));
    room.signal(SIGUSR1);
    for (int i = 0; i < 100 && !fs::exists(shots / "regions.json"); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    keepArtefacts(shots, "xdotool_on_air");
    const std::string guest = readText(shots / "guest.txt");
    EXPECT_TRUE(contains(guest, text)) << guest;
    EXPECT_TRUE(contains(guest, "Wahyu")) << guest;
    EXPECT_TRUE(contains(guest, "Kel. Nusa Indah")) << guest;
    EXPECT_FALSE(contains(guest, "Pratama")) << guest;
    EXPECT_FALSE(contains(guest, "081355501234")) << guest;
    const nlohmann::json regions = nlohmann::json::parse(readText(shots / "regions.json"));
    Png g;
    ASSERT_TRUE(g.load(shots / "guest.png"));
    const auto r = regions["guest"]["guest_question"];
    ASSERT_TRUE(r.is_array());
    EXPECT_GT(g.fraction(r[0], r[1], r[2], r[3], isBright), 0.04)
        << "the question in white on the guests' screen";

    // Everything went through the journal, which still verifies.
    const nlohmann::json journal = cli({"journal", "verify"});
    EXPECT_TRUE(journal.value("ok", false)) << journal.dump();

    room.signal(SIGTERM);
    EXPECT_EQ(room.wait(std::chrono::seconds(30)), 0) << room.errors();
}

}  // namespace ds::ui::xtest
