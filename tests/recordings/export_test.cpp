// Exports through the real dialogstudio binary, checked with the tools people use: ffprobe for
// codec, duration (within one codec frame), bit rate, metadata and chapters (titles, and times
// within 50 ms) in every format; FFmpeg's own ebur128 filter for the loudness (within 0.5 LU of
// the target) and the true peak (under the ceiling).
#include "ExportFixture.h"

using namespace ds;
using namespace ds::test;

namespace {

struct FormatCase {
    std::string format;
    std::string extension;
    std::string codec;        // ffprobe's codec_name
    int frameSize;            // samples per codec frame: the duration tolerance
    long bitRate;             // expected bit rate (0: lossless)
    double bitRateTolerance;  // fraction
};

void checkExport(ExportFixture& t, const RunResult& r, const std::filesystem::path& out,
                 const FormatCase& c, double targetLufs) {
    ASSERT_EQ(r.exitCode, 0) << r.output;
    ASSERT_TRUE(std::filesystem::exists(out)) << r.output;
    const auto doc = nlohmann::json::parse(r.output);
    const auto j = probe(out);
    ASSERT_TRUE(j.contains("streams")) << out;
    const auto& audio = j["streams"][0];
    EXPECT_EQ(audio["codec_type"], "audio");
    EXPECT_EQ(audio["codec_name"], c.codec);
    EXPECT_EQ(audio["channels"], 2);

    // Duration: the programme's 24 s, within one codec frame, as ffprobe reads the file and as
    // FFmpeg decodes it.
    const int sampleRate = std::stoi(audio["sample_rate"].get<std::string>());
    const double frame = static_cast<double>(c.frameSize) / sampleRate;
    EXPECT_NEAR(playedSeconds(j), ExportFixture::kSeconds, frame) << c.format;
    EXPECT_NEAR(decodedSeconds(out, sampleRate), ExportFixture::kSeconds, frame) << c.format;

    if (c.bitRate > 0) {
        const std::string rate = audio.value("bit_rate", j["format"].value("bit_rate", "0"));
        EXPECT_NEAR(std::stod(rate), static_cast<double>(c.bitRate), c.bitRate * c.bitRateTolerance)
            << c.format;
    }

    // Metadata.
    EXPECT_EQ(tag(j, "title"), "Keselamatan lalu lintas") << j.dump(2);
    EXPECT_EQ(tag(j, "album"), "Dialog Interaktif Kamtibmas");
    EXPECT_EQ(tag(j, "artist"), "AKP Dedi Kurniawan (Kasat Lantas)");
    EXPECT_EQ(tag(j, "album_artist"), "Polres Bengkulu");
    EXPECT_EQ(tag(j, "date").substr(0, 4),
              formatLocal(t.fx->session.scheduledStart, "Asia/Jakarta", "%Y"));
    EXPECT_EQ(tag(j, "date").size(), 10u) << tag(j, "date");

    // Chapters: titles and start times within 50 ms.
    const auto& want = programmeChapters();
    ASSERT_EQ(j["chapters"].size(), want.size()) << j["chapters"].dump(2);
    for (std::size_t i = 0; i < want.size(); ++i) {
        const auto& ch = j["chapters"][i];
        EXPECT_EQ(ch["tags"]["title"], want[i].title) << c.format << " chapter " << i;
        EXPECT_NEAR(std::stod(ch["start_time"].get<std::string>()), want[i].start, 0.05)
            << c.format << " chapter " << i;
        const double end = i + 1 < want.size() ? want[i + 1].start : ExportFixture::kSeconds;
        EXPECT_NEAR(std::stod(ch["end_time"].get<std::string>()), end, frame + 0.05)
            << c.format << " chapter " << i;
    }

    // Loudness, as FFmpeg measures the file, and as we reported it.
    const Ebur128 e = ffmpegLoudness(out);
    EXPECT_NEAR(e.integrated, targetLufs, 0.5) << c.format;
    EXPECT_LE(e.truePeak, -1.0) << c.format;
    const auto& loud = doc["loudness"];
    EXPECT_NEAR(loud["after"]["integrated_lufs"].get<double>(), targetLufs, 0.5);
    EXPECT_LE(loud["after"]["true_peak_dbtp"].get<double>(), -1.0);
    EXPECT_LT(loud["before"]["integrated_lufs"].get<double>(), targetLufs - 10.0);
    t.expectNoPartFiles(t.dir.path());
}

void exportAndCheck(ExportFixture& t, const FormatCase& c) {
    const auto out = t.dir / ("programme." + c.extension);
    const auto r =
        t.exportSession("--format " + c.format + " --preset web --output " + quote(out.string()));
    checkExport(t, r, out, c, -16.0);
}

}  // namespace

class Export : public ExportFixture {};

TEST_F(Export, Mp3WithId3ChaptersAtMinus16) {
    exportAndCheck(*this, {"mp3", "mp3", "mp3", 1152, 128000, 0.001});
}

TEST_F(Export, M4aWithChaptersAtMinus16) {
    exportAndCheck(*this, {"m4a", "m4a", "aac", 1024, 128000, 0.15});
}

TEST_F(Export, OggOpusWithChapterCommentsAtMinus16) {
    exportAndCheck(*this, {"opus", "opus", "opus", 960, 64000, 0.3});
}

TEST_F(Export, FlacWithChapterCommentsAtMinus16) {
    exportAndCheck(*this, {"flac", "flac", "flac", 4608, 0, 0.0});
}

TEST_F(Export, MatroskaWithChaptersAtMinus16) {
    exportAndCheck(*this, {"mka", "mka", "opus", 960, 64000, 0.3});
}

TEST_F(Export, EbuR128BroadcastTargetMinus23) {
    const auto out = dir / "programme-r128.mp3";
    const auto r = exportSession("--format mp3 --loudness -23 --output " + quote(out.string()));
    checkExport(*this, r, out, {"mp3", "mp3", "mp3", 1152, 128000, 0.001}, -23.0);
}

TEST_F(Export, SocialPresetMinus14) {
    const auto out = dir / "programme-social.m4a";
    const auto r = exportSession("--format m4a --preset social --output " + quote(out.string()));
    checkExport(*this, r, out, {"m4a", "m4a", "aac", 1024, 128000, 0.15}, -14.0);
}

TEST_F(Export, ArchivePresetKeepsTheLevelsIn24BitFlac) {
    const auto out = dir / "programme-archive.flac";
    const auto r = exportSession("--format flac --preset archive --output " + quote(out.string()));
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const auto j = probe(out);
    EXPECT_EQ(j["streams"][0]["bits_per_raw_sample"], "24");
    EXPECT_EQ(j["chapters"].size(), programmeChapters().size());
    // Lossless and untouched: the same loudness as the recording, to the hundredth.
    EXPECT_NEAR(ffmpegLoudness(out).integrated, ffmpegLoudness(source).integrated, 0.05);
    EXPECT_TRUE(nlohmann::json::parse(r.output)["loudness"].is_null());
}

TEST_F(Export, DefaultOutputGoesBesideTheRecordingAndIsJournalled) {
    const auto r = exportSession("--format opus");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const auto out = fx->folder() / "programme-web.opus";
    EXPECT_TRUE(std::filesystem::exists(out));
    EXPECT_EQ(nlohmann::json::parse(r.output)["output"], out.string());
    EXPECT_EQ(fx->count("SELECT COUNT(*) FROM journal WHERE action = 'recording.export'"), 1);
    // A second export to the same name is refused rather than overwriting it.
    const std::string first = sha256(out);
    const auto again = exportWithErrors("--format opus");
    EXPECT_EQ(again.exitCode, 1) << again.output;
    EXPECT_NE(again.output.find("already exists"), std::string::npos) << again.output;
    EXPECT_EQ(sha256(out), first);
    const auto replaced = exportSession("--format opus --overwrite");
    EXPECT_EQ(replaced.exitCode, 0) << replaced.output;
}

TEST_F(Export, ArchiveListsDurationSizeLoudnessAndMarkers) {
    const auto r = dialogstudio(fx->dbPath, "--json recordings list", false);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const auto list = nlohmann::json::parse(r.output);
    ASSERT_EQ(list.size(), 1u);
    EXPECT_NEAR(list[0]["seconds"].get<double>(), kSeconds, 0.001);
    EXPECT_EQ(list[0]["container"], "WAV");
    EXPECT_EQ(list[0]["encoding"], "PCM 24-bit");
    EXPECT_EQ(list[0]["markers"], 7);
    EXPECT_EQ(list[0]["bytes"], std::filesystem::file_size(source));
    const double lufs = list[0]["loudness"]["integrated_lufs"];
    EXPECT_NEAR(lufs, ffmpegLoudness(source).integrated, 0.2);
    // Measured once: the figures are cached beside the file and used next time.
    EXPECT_TRUE(std::filesystem::exists(source.string() + ".loudness.json"));
    const auto cached = dialogstudio(fx->dbPath, "--json recordings list --cached", false);
    EXPECT_EQ(nlohmann::json::parse(cached.output)[0]["loudness"]["integrated_lufs"], lufs);

    const auto text = dialogstudio(fx->dbPath, "recordings show " + std::to_string(recording.id));
    ASSERT_EQ(text.exitCode, 0) << text.output;
    EXPECT_NE(text.output.find("Pertanyaan 2: Helm anak"), std::string::npos) << text.output;
    EXPECT_NE(text.output.find("0:13.2"), std::string::npos) << text.output;
    EXPECT_NE(text.output.find("LUFS"), std::string::npos) << text.output;
}
