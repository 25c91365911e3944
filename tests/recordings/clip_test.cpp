// Clips: one question's answer or one segment, cut from the markers with in/out moves and short
// fades, in its own file with its own title and the chapters inside it.
#include "ExportFixture.h"
#include "recordings/EncodedAudioReader.h"
#include "recordings/ExportControl.h"
#include "recordings/Exporter.h"

using namespace ds;
using namespace ds::test;

class Clip : public ExportFixture {};

TEST_F(Clip, QuestionWithMovedInAndOutPoints) {
    const auto out = dir / "pertanyaan-2.mp3";
    const auto r = exportSession(
        "--format mp3 --preset social --clip question:2 --in -1 --out +0.5 "
        "--output " +
        quote(out.string()));
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const auto j = probe(out);
    // Pertanyaan 2 was put on air at 13.25 s; the next marker (Jeda) came at 18 s.
    EXPECT_NEAR(playedSeconds(j), 18.5 - 12.25, 1152.0 / 48000);
    EXPECT_NEAR(decodedSeconds(out, 48000), 18.5 - 12.25, 1152.0 / 48000);
    EXPECT_EQ(tag(j, "title"), "Pertanyaan 2: Helm anak");
    EXPECT_EQ(tag(j, "album"), "Dialog Interaktif Kamtibmas");
    // The second moved in before the question is the programme's, then the question's chapter.
    ASSERT_EQ(j["chapters"].size(), 2u) << j["chapters"].dump(2);
    EXPECT_EQ(j["chapters"][0]["tags"]["title"], "Dialog Interaktif Kamtibmas");
    EXPECT_NEAR(std::stod(j["chapters"][0]["start_time"].get<std::string>()), 0.0, 0.05);
    EXPECT_EQ(j["chapters"][1]["tags"]["title"], "Pertanyaan 2: Helm anak");
    EXPECT_NEAR(std::stod(j["chapters"][1]["start_time"].get<std::string>()), 1.0, 0.05);
    EXPECT_NEAR(ffmpegLoudness(out).integrated, -14.0, 0.5);
    EXPECT_EQ(nlohmann::json::parse(r.output)["clip"], "question-2");
}

TEST_F(Clip, SegmentWithItsQuestionsAsChapters) {
    const auto r = exportSession("--format flac --clip segment:3");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const auto out = fx->folder() / "clip-segment-3-web.flac";
    const auto j = probe(out);
    ASSERT_TRUE(j.contains("format")) << r.output;
    EXPECT_NEAR(std::stod(j["format"]["duration"].get<std::string>()), 10.0, 0.001);
    EXPECT_EQ(tag(j, "title"), "Tanya jawab");
    ASSERT_EQ(j["chapters"].size(), 3u) << j["chapters"].dump(2);
    const std::vector<std::pair<double, std::string>> want{{0.0, "Tanya jawab"},
                                                           {0.5, "Pertanyaan 1: SIM keliling"},
                                                           {5.25, "Pertanyaan 2: Helm anak"}};
    for (std::size_t i = 0; i < want.size(); ++i) {
        EXPECT_EQ(j["chapters"][i]["tags"]["title"], want[i].second);
        EXPECT_NEAR(std::stod(j["chapters"][i]["start_time"].get<std::string>()), want[i].first,
                    0.05);
    }
}

TEST_F(Clip, UnknownQuestionNamesTheOnesThereAre) {
    const auto r = exportWithErrors("--format mp3 --clip question:9");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("no marker for question 9"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("1, 2"), std::string::npos) << r.output;
    const auto bad = exportWithErrors("--format mp3 --clip answer:2");
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_NE(bad.output.find("segment:N"), std::string::npos) << bad.output;
    const auto stray = exportWithErrors("--format mp3 --in -2");
    EXPECT_EQ(stray.exitCode, 1);
    EXPECT_NE(stray.output.find("add --clip"), std::string::npos) << stray.output;
    expectNoPartFiles(dir.path());
}

TEST(ClipFades, StartAndEndFadeFromAndToSilence) {
    // A steady sine through the exporter with 0.25 s fades: the first and last samples are
    // silent, the fades are smooth, and the middle is untouched.
    TempDir dir;
    const int rate = 48000;
    std::vector<float> tone(rate * 2 * 2);
    for (int n = 0; n < rate * 2; ++n)
        tone[2 * n] = tone[2 * n + 1] =
            static_cast<float>(0.5 * std::sin(2 * M_PI * 1000.0 * n / rate));
    writeRecording(dir / "tone.wav", tone, rate, 2);
    recordings::ExportPlan plan;
    plan.sources = {dir / "tone.wav"};
    plan.startFrame = rate / 2;
    plan.endFrame = rate * 3 / 2;
    plan.fadeInSeconds = plan.fadeOutSeconds = 0.25;
    plan.settings = recordings::ExportSettings::forPreset(recordings::ExportFormat::Flac,
                                                          recordings::ExportPreset::Archive);
    plan.output = dir / "clip.flac";
    recordings::ExportControl control;
    const auto result = recordings::Exporter(plan, control).run();
    EXPECT_EQ(result.frames, rate);
    recordings::EncodedAudioReader reader(plan.output);
    std::vector<float> all, block;
    while (reader.read(block) > 0)
        all.insert(all.end(), block.begin(), block.end());
    ASSERT_EQ(all.size(), static_cast<std::size_t>(rate) * 2);
    auto peakAround = [&](int frame, int width) {
        float p = 0.0f;
        for (int n = frame; n < frame + width; ++n)
            p = std::max(p, std::fabs(all[2 * n]));
        return p;
    };
    EXPECT_LT(std::fabs(all[0]), 1e-4f);
    EXPECT_LT(std::fabs(all[all.size() - 2]), 1e-3f);
    EXPECT_LT(peakAround(0, 240), 0.01f);                      // first 5 ms: nearly silent
    EXPECT_NEAR(peakAround(rate / 8 - 48, 96), 0.25f, 0.03f);  // half-way up the fade
    EXPECT_NEAR(peakAround(rate / 2, 480), 0.5f, 0.001f);      // the middle as it was
}
