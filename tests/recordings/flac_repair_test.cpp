// Repair of a FLAC recording cut short by a kill: the torn last frame is cut off and the total
// sample count written into STREAMINFO (a killed libFLAC leaves it 0), so players show the real
// length; a FLAC file that is whole is not touched.
#include <gtest/gtest.h>
#include <sndfile.h>

#include "RecordingsTestSupport.h"
#include "recordings/FlacRepair.h"
#include "studio/Errors.h"

using namespace ds;
using namespace ds::recordings;
using ds::test::TempDir;

namespace {

constexpr int kRate = 48000;

std::int64_t libsndfileFrames(const std::filesystem::path& path) {
    SF_INFO info{};
    SNDFILE* f = sf_open(path.c_str(), SFM_READ, &info);
    if (!f) return -1;
    // Count by decoding: a FLAC file's declared length may be 0 (unknown).
    std::vector<float> buf(4096 * 2);
    std::int64_t n = 0;
    while (sf_count_t got = sf_readf_float(f, buf.data(), 4096))
        n += got;
    sf_close(f);
    return n;
}

}  // namespace

TEST(FlacRepair, KilledFileGetsItsLengthAndLosesTheTornFrame) {
    TempDir dir;
    const auto live = dir / "live.flac";
    const auto file = dir / "programme.flac";
    const auto audio = test::speechLike(3.0, kRate, 2, -12.0);
    audio::RecordingSettings s;
    s.path = live;
    s.format = audio::RecordingFormat::Flac;
    s.sampleRate = kRate;
    s.channels = 2;
    {
        audio::RecordingWriter w(s);
        w.write(audio.data(), audio.size() / 2);
        std::filesystem::copy_file(live, file);  // as the kill leaves it
    }
    // Cut into the last frame, as a kill in the middle of a write would.
    std::filesystem::resize_file(file, std::filesystem::file_size(file) - 700);

    const RepairReport r = FlacRepair::repair(file, false);
    EXPECT_TRUE(r.modified);
    EXPECT_EQ(r.container, "flac");
    EXPECT_GT(r.bytesDropped, 0u);
    EXPECT_GT(r.framesOnDisk, 2 * kRate);
    EXPECT_EQ(r.framesOnDisk % 4096, 0);  // whole frames of libFLAC's 4096-sample blocks
    EXPECT_EQ(libsndfileFrames(file), r.framesOnDisk);

    // STREAMINFO now says how long it is: ffprobe reads the length from it.
    const auto j = test::probe(file);
    ASSERT_TRUE(j.contains("streams")) << j.dump();
    EXPECT_EQ(j["streams"][0].value("duration_ts", std::int64_t{0}), r.framesOnDisk);
    const auto sox = test::run("sox " + test::quote(file.string()) + " -n stat 2>&1");
    EXPECT_EQ(sox.exitCode, 0) << sox.output;

    const std::string repaired = test::sha256(file);
    EXPECT_FALSE(FlacRepair::repair(file, false).modified);
    EXPECT_EQ(test::sha256(file), repaired);
}

TEST(FlacRepair, WholeFileIsNotTouched) {
    TempDir dir;
    const auto file = dir / "programme.flac";
    test::writeRecording(file, test::speechLike(2.0, kRate, 2, -12.0), kRate, 2,
                         audio::RecordingFormat::Flac);
    const std::string before = test::sha256(file);
    const RepairReport r = FlacRepair::repair(file, false);
    EXPECT_FALSE(r.modified);
    EXPECT_EQ(r.framesOnDisk, 2 * kRate);
    EXPECT_EQ(test::sha256(file), before);
}

TEST(FlacRepair, NotFlacIsRefused) {
    TempDir dir;
    const auto file = dir / "programme.flac";
    test::writeRecording(file, test::speechLike(0.5, kRate, 2, -12.0), kRate, 2);  // a WAV
    const std::string before = test::sha256(file);
    EXPECT_THROW(FlacRepair::repair(file, false), UserError);
    EXPECT_EQ(test::sha256(file), before);
}
