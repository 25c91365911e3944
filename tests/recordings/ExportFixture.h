#pragma once
// A session with a 24-second generated recording and seven markers at known moments, exported
// through the real dialogstudio binary. The markers: the rundown's segments and two questions.
#include <gtest/gtest.h>

#include "RecordingsTestSupport.h"

namespace ds::test {

struct ExpectedChapter {
    double start;
    const char* title;
};

// The chapters of the whole programme's export: the half second before the first marker is a
// chapter of its own, titled with the programme (an M4A chapter track cannot leave it out, so
// no format does), then one chapter per marker at the marker's own time.
inline const std::vector<ExpectedChapter>& programmeChapters() {
    static const std::vector<ExpectedChapter> c{{0.0, "Dialog Interaktif Kamtibmas"},
                                                {0.5, "Pembukaan"},
                                                {4.0, "Materi: keselamatan berkendara"},
                                                {8.0, "Tanya jawab"},
                                                {8.5, "Pertanyaan 1: SIM keliling"},
                                                {13.25, "Pertanyaan 2: Helm anak"},
                                                {18.0, "Jeda"},
                                                {20.0, "Penutup"}};
    return c;
}

class ExportFixture : public ::testing::Test {
  public:  // the shared checks in the test files use these too
    static constexpr int kRate = 48000;
    static constexpr double kSeconds = 24.0;

    void SetUp() override {
        fx = std::make_unique<SessionFixture>(dir.path());
        std::filesystem::create_directories(fx->folder());
        source = fx->folder() / "programme.wav";
        // Quiet (about -33 LUFS) with plosives: normalising needs +17 dB and the limiter.
        writeRecording(source, speechLike(kSeconds, kRate, 2, -20.0), kRate, 2);
        std::vector<SessionFixture::Mark> marks;
        for (const auto& [kind, index, at] :
             std::vector<std::tuple<std::string, int, double>>{{"segment", 0, 0.5},
                                                               {"segment", 1, 4.0},
                                                               {"segment", 2, 8.0},
                                                               {"question", 0, 8.5},
                                                               {"question", 1, 13.25},
                                                               {"segment", 3, 18.0},
                                                               {"segment", 4, 20.0}})
            marks.push_back({static_cast<std::int64_t>(at * kRate), kind, index});
        recording =
            fx->addRecording(source, static_cast<std::int64_t>(kSeconds * kRate), kRate, marks);
        sourceSum = sha256(source);
    }

    void TearDown() override {
        // Whatever a test did, the recording itself is never written to.
        EXPECT_EQ(sha256(source), sourceSum);
    }

    RunResult exportSession(const std::string& args) {
        return dialogstudio(fx->dbPath,
                            "--json export " + std::to_string(fx->session.id) + " --quiet " + args,
                            false);
    }
    RunResult exportWithErrors(const std::string& args) {
        return dialogstudio(fx->dbPath,
                            "export " + std::to_string(fx->session.id) + " --quiet " + args);
    }

    // No FILE.part (or any other stray file) beside the outputs.
    void expectNoPartFiles(const std::filesystem::path& folder) {
        for (const auto& e : std::filesystem::recursive_directory_iterator(folder))
            EXPECT_NE(e.path().extension(), ".part") << e.path();
    }

    TempDir dir;
    std::unique_ptr<SessionFixture> fx;
    std::filesystem::path source;
    Recording recording;
    std::string sourceSum;
};

// A tag from ffprobe's format tags, or the first stream's (Ogg keeps them there), any case.
inline std::string tag(const nlohmann::json& probe, const std::string& key) {
    auto find = [&](const nlohmann::json& tags) -> std::string {
        for (const auto& [k, v] : tags.items()) {
            std::string lk = k;
            for (char& c : lk)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (lk == key) return v.get<std::string>();
        }
        return {};
    };
    if (probe.contains("format") && probe["format"].contains("tags")) {
        const std::string v = find(probe["format"]["tags"]);
        if (!v.empty()) return v;
    }
    if (probe.contains("streams") && !probe["streams"].empty() &&
        probe["streams"][0].contains("tags"))
        return find(probe["streams"][0]["tags"]);
    return {};
}

}  // namespace ds::test
