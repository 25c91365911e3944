// Repair of WAV/RF64 files as a killed recorder leaves them: header behind the audio, a torn
// last frame, a cue chunk cut in half, a file past 4 GB still under a RIFF header. Each is
// repaired in place so libsndfile, FFmpeg and sox read every whole frame; a file that is fine
// is not touched (checksum); a file that is not a WAV is refused and left as it was.
#include <gtest/gtest.h>
#include <sndfile.h>

#include "RecordingsTestSupport.h"
#include "audio/WaveChunks.h"
#include "recordings/WaveRepair.h"
#include "studio/Errors.h"

using namespace ds;
using namespace ds::recordings;
using ds::test::TempDir;

namespace {

constexpr int kRate = 48000;

// What a killed recorder leaves: `headerFrames` covered by the last header update, then
// `moreFrames` written after it. Returns the interleaved audio written.
std::vector<float> killedFile(const std::filesystem::path& path, std::size_t headerFrames,
                              std::size_t moreFrames) {
    const std::filesystem::path live = path.string() + ".live.wav";
    std::vector<float> audio = test::speechLike(
        static_cast<double>(headerFrames + moreFrames) / kRate + 0.01, kRate, 2, -12.0);
    audio.resize((headerFrames + moreFrames) * 2);
    audio::RecordingSettings s;
    s.path = live;
    s.sampleRate = kRate;
    s.channels = 2;
    s.broadcast.description = "test";
    audio::RecordingWriter w(s);
    w.write(audio.data(), headerFrames);
    w.updateHeader();
    w.write(audio.data() + headerFrames * 2, moreFrames);
    std::filesystem::copy_file(live, path);  // the file as it is at the kill
    return audio;
}

struct Read {
    std::int64_t frames = 0;
    std::vector<float> audio;
};

Read readBack(const std::filesystem::path& path) {
    SF_INFO info{};
    SNDFILE* f = sf_open(path.c_str(), SFM_READ, &info);
    Read r;
    if (!f) return r;
    r.frames = info.frames;
    r.audio.resize(static_cast<std::size_t>(info.frames) * info.channels);
    sf_readf_float(f, r.audio.data(), info.frames);
    sf_close(f);
    return r;
}

double ffprobeSeconds(const std::filesystem::path& path) {
    const auto j = test::probe(path);
    if (!j.contains("format")) return -1.0;
    return std::stod(j["format"].value("duration", "-1"));
}

}  // namespace

TEST(WaveRepair, HeaderBehindTheAudioIsBroughtUpToDate) {
    TempDir dir;
    const auto file = dir / "programme.wav";
    const auto audio = killedFile(file, kRate, kRate / 2 + 123);
    const std::int64_t written = static_cast<std::int64_t>(audio.size() / 2);
    ASSERT_LT(readBack(file).frames, written);  // readers stop at the stale header

    const std::vector<CueMarker> marks{{1000, "Pembukaan"}, {kRate, "Pertanyaan 1: SIM"}};
    const RepairReport dry = WaveRepair::repair(file, marks, true);
    EXPECT_TRUE(dry.modified);
    const std::string before = test::sha256(file);
    EXPECT_EQ(test::sha256(file), before);  // a dry run writes nothing

    const RepairReport r = WaveRepair::repair(file, marks, false);
    EXPECT_TRUE(r.modified);
    EXPECT_EQ(r.framesOnDisk, written);
    EXPECT_EQ(r.framesInHeader, kRate);
    EXPECT_EQ(r.bytesDropped, 0u);
    EXPECT_EQ(r.cuePointsWritten, 2);

    const Read back = readBack(file);
    ASSERT_EQ(back.frames, written);
    // 24-bit: every sample within half a step of what was written.
    for (std::size_t i = 0; i < audio.size(); i += 97)
        ASSERT_NEAR(back.audio[i], audio[i], 1.0 / (1 << 23)) << i;
    EXPECT_NEAR(ffprobeSeconds(file), static_cast<double>(written) / kRate, 1e-4);
    const auto sox = test::run("sox " + test::quote(file.string()) + " -n stat 2>&1");
    EXPECT_NE(sox.output.find("Samples read:"), std::string::npos) << sox.output;
    EXPECT_NE(sox.output.find(std::to_string(written * 2)), std::string::npos) << sox.output;

    const auto cues = audio::WaveChunks::readCuePoints(file);
    ASSERT_EQ(cues.size(), 2u);
    EXPECT_EQ(cues[1].frame, static_cast<std::uint64_t>(kRate));
    EXPECT_EQ(cues[1].label, "Pertanyaan 1: SIM");
    ASSERT_TRUE(audio::WaveChunks::readBext(file).has_value());

    // Run again: the file is fine now, so not one byte changes.
    const std::string repaired = test::sha256(file);
    const RepairReport again = WaveRepair::repair(file, marks, false);
    EXPECT_FALSE(again.modified);
    EXPECT_EQ(test::sha256(file), repaired);
}

TEST(WaveRepair, TornLastFrameIsCutOffAndNothingElse) {
    TempDir dir;
    const auto file = dir / "programme.wav";
    const auto audio = killedFile(file, kRate / 2, 1000);
    {
        std::ofstream out(file, std::ios::app | std::ios::binary);
        out.write("\x01\x02\x03\x04", 4);  // four of a frame's six bytes
    }
    const RepairReport r = WaveRepair::repair(file, {}, false);
    EXPECT_EQ(r.bytesDropped, 4u);
    EXPECT_EQ(r.framesOnDisk, static_cast<std::int64_t>(audio.size() / 2));
    EXPECT_EQ(readBack(file).frames, r.framesOnDisk);
    EXPECT_EQ(r.cuePointsWritten, 0);
}

TEST(WaveRepair, CleanFileIsNeverTouched) {
    TempDir dir;
    const auto file = dir / "programme.wav";
    test::writeRecording(file, test::speechLike(1.0, kRate, 2, -12.0), kRate, 2);
    audio::WaveChunks::appendCuePoints(file, {{1, 100, "Pembukaan"}});
    const std::string before = test::sha256(file);
    const auto mtime = std::filesystem::last_write_time(file);
    const RepairReport r = WaveRepair::repair(file, {{200, "Pembukaan"}}, false);
    EXPECT_FALSE(r.modified);
    EXPECT_TRUE(r.actions.empty());
    EXPECT_EQ(test::sha256(file), before);
    EXPECT_EQ(std::filesystem::last_write_time(file), mtime);
}

TEST(WaveRepair, CueChunkTornWhileClosingIsWrittenAgain) {
    TempDir dir;
    const auto file = dir / "programme.wav";
    test::writeRecording(file, test::speechLike(1.0, kRate, 2, -12.0), kRate, 2);
    const auto size = std::filesystem::file_size(file);
    audio::WaveChunks::appendCuePoints(file, {{1, 100, "Pembukaan"}, {2, 2000, "Materi"}});
    // Killed half-way through writing the markers: the RIFF size was not updated either.
    std::filesystem::resize_file(file, size + 30);
    const RepairReport r = WaveRepair::repair(file, {{100, "Pembukaan"}, {2000, "Materi"}}, false);
    EXPECT_TRUE(r.modified);
    EXPECT_EQ(r.framesOnDisk, kRate);
    EXPECT_EQ(r.bytesDropped, 30u);
    EXPECT_EQ(readBack(file).frames, kRate);
    const auto cues = audio::WaveChunks::readCuePoints(file);
    ASSERT_EQ(cues.size(), 2u);
    EXPECT_EQ(cues[1].label, "Materi");
}

TEST(WaveRepair, MarkersPastTheAudioAreNotWritten) {
    TempDir dir;
    const auto file = dir / "programme.wav";
    killedFile(file, kRate / 2, kRate / 2);
    const RepairReport r =
        WaveRepair::repair(file, {{100, "Pembukaan"}, {10 * kRate, "Penutup"}}, false);
    EXPECT_EQ(r.cuePointsWritten, 1);
    EXPECT_EQ(r.markersPastEnd, 1);
    EXPECT_EQ(audio::WaveChunks::readCuePoints(file).size(), 1u);
}

TEST(WaveRepair, PastFourGigabytesTheHeaderBecomesRf64) {
    // A sparse file: a real recorder header and one second of audio, then zeros to 4.3 GB, as
    // a recorder killed after four hours would leave under its last RIFF header.
    TempDir dir;
    const auto file = dir / "programme.wav";
    killedFile(file, kRate / 2, kRate / 2);
    const std::uint64_t big = 4'300'000'000ull;
    std::filesystem::resize_file(file, big);
    // Where the audio starts (WaveChunks::list would walk the zeros as empty chunks).
    std::string head(4096, '\0');
    std::ifstream(file, std::ios::binary).read(head.data(), 4096);
    const auto dataAt = head.find("data");
    ASSERT_NE(dataAt, std::string::npos);
    const std::uint64_t payload = dataAt + 8;
    const std::uint64_t frames = (big - payload) / 6;

    const RepairReport r = WaveRepair::repair(file, {{100, "Pembukaan"}}, false);
    EXPECT_EQ(r.container, "rf64");
    EXPECT_EQ(r.framesOnDisk, static_cast<std::int64_t>(frames));
    std::ifstream in(file, std::ios::binary);
    char magic[4];
    in.read(magic, 4);
    EXPECT_EQ(std::string(magic, 4), "RF64");
    EXPECT_NEAR(ffprobeSeconds(file), static_cast<double>(frames) / kRate, 0.001);
    SF_INFO info{};
    SNDFILE* f = sf_open(file.c_str(), SFM_READ, &info);
    ASSERT_NE(f, nullptr) << sf_strerror(nullptr);
    EXPECT_EQ(info.frames, static_cast<sf_count_t>(frames));
    sf_close(f);
    EXPECT_EQ(audio::WaveChunks::readCuePoints(file).size(), 1u);
    EXPECT_FALSE(WaveRepair::repair(file, {{100, "Pembukaan"}}, false).modified);
}

TEST(WaveRepair, NotAWaveFileIsRefusedAndLeftAlone) {
    TempDir dir;
    const auto file = dir / "programme.wav";
    {
        std::ofstream out(file, std::ios::binary);
        out << "this is not audio at all, just text that happens to be here";
    }
    const std::string before = test::sha256(file);
    EXPECT_THROW(WaveRepair::repair(file, {}, false), UserError);
    EXPECT_EQ(test::sha256(file), before);
}
