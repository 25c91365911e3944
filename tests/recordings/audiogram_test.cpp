// The audiogram video for social media (`export --format mp4`): H.264 at 1080x1080 and
// 1080x1920 with the clip's AAC, as long as the clip, checked with ffprobe; a frame is decoded
// with ffmpeg and its pixels looked at (the card is not blank, the bars move with the sound).
#include "ExportFixture.h"

using namespace ds;
using namespace ds::test;

class Audiogram : public ExportFixture {};

namespace {

const nlohmann::json* streamOf(const nlohmann::json& j, const char* type) {
    for (const auto& s : j["streams"])
        if (s.value("codec_type", "") == type) return &s;
    return nullptr;
}

// The RGB pixels of the frame at `seconds` (ffmpeg decodes it to raw rgb24).
std::string framePixels(const std::filesystem::path& file, double seconds) {
    return run("ffmpeg -v error -ss " + std::to_string(seconds) + " -i " + quote(file.string()) +
               " -frames:v 1 -f rawvideo -pix_fmt rgb24 -")
        .output;
}

}  // namespace

TEST_F(Audiogram, BothSizesWithTheClipsSound) {
    const auto base = dir / "audiogram.mp4";
    const auto r = exportSession("--format mp4 --preset social --clip question:2 --output " +
                                 quote(base.string()));
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const auto doc = nlohmann::json::parse(r.output);
    ASSERT_EQ(doc["videos"].size(), 2u) << r.output;
    const std::vector<std::pair<int, int>> sizes{{1080, 1080}, {1080, 1920}};
    for (std::size_t i = 0; i < sizes.size(); ++i) {
        const auto [w, h] = sizes[i];
        const auto file = dir / ("audiogram-" + std::to_string(w) + "x" + std::to_string(h) +
                                 ".mp4");
        EXPECT_EQ(doc["videos"][i]["output"], file.string());
        const auto j = probe(file);
        ASSERT_TRUE(j.contains("streams")) << file;
        EXPECT_EQ(j["format"]["format_name"].get<std::string>().find("mp4") != std::string::npos,
                  true);
        const auto* v = streamOf(j, "video");
        const auto* a = streamOf(j, "audio");
        ASSERT_TRUE(v && a) << j.dump(2);
        EXPECT_EQ((*v)["codec_name"], "h264");
        EXPECT_EQ((*v)["width"], w);
        EXPECT_EQ((*v)["height"], h);
        EXPECT_EQ((*v)["pix_fmt"], "yuv420p");
        EXPECT_EQ((*a)["codec_name"], "aac");
        // Pertanyaan 2 runs from 13.25 s to the next marker at 18 s.
        const double clip = 18.0 - 13.25;
        EXPECT_NEAR(std::stod((*v)["duration"].get<std::string>()), clip, 0.1);
        EXPECT_NEAR(std::stod((*a)["duration"].get<std::string>()), clip, 0.1);
        EXPECT_EQ(tag(j, "title"), "Pertanyaan 2: Helm anak");
        // The sound is the social export's: -14 LUFS.
        EXPECT_NEAR(ffmpegLoudness(file).integrated, -14.0, 0.7);
        // A frame: the full size, not one flat colour, and the bars differ from a second on.
        const std::string f1 = framePixels(file, 1.0), f3 = framePixels(file, 3.0);
        ASSERT_EQ(f1.size(), static_cast<std::size_t>(w * h * 3));
        std::set<std::uint32_t> colours;
        for (std::size_t p = 0; p < f1.size(); p += 3 * 97)
            colours.insert((std::uint8_t(f1[p]) << 16) | (std::uint8_t(f1[p + 1]) << 8) |
                           std::uint8_t(f1[p + 2]));
        EXPECT_GT(colours.size(), 20u) << "the card has text, bars and a gradient";
        EXPECT_NE(f1, f3) << "the level bars and the progress line move";
    }
    // The M4A the video was made around is not left behind.
    EXPECT_FALSE(std::filesystem::exists(dir / "audiogram.audiogram-audio.m4a"));
    expectNoPartFiles(dir.path());
}

TEST_F(Audiogram, OneSizeAndBadSizes) {
    const auto out = dir / "square.mp4";
    const auto r = exportSession("--format mp4 --size 1080x1080 --clip segment:2 --output " +
                                 quote(out.string()));
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const auto j = probe(out);
    const auto* v = streamOf(j, "video");
    ASSERT_TRUE(v) << r.output;
    EXPECT_EQ((*v)["height"], 1080);
    const auto again = exportWithErrors("--format mp4 --size 1080x1080 --clip segment:2 --output " +
                                        quote(out.string()));
    EXPECT_EQ(again.exitCode, 1);
    EXPECT_NE(again.output.find("--overwrite"), std::string::npos) << again.output;
    const auto bad = exportWithErrors("--format mp4 --size 720x99");
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_NE(bad.output.find("--size 720x99"), std::string::npos) << bad.output;
    const auto notVideo = exportWithErrors("--format mp3 --size 1080x1080");
    EXPECT_EQ(notVideo.exitCode, 1);
    EXPECT_NE(notVideo.output.find("--format mp4"), std::string::npos) << notVideo.output;
}
