// A recorder killed with SIGKILL leaves a file that sox, ffmpeg/ffprobe and libsndfile all
// open, holding the audio up to at most one second before the kill, sample for sample. And a
// disk that fills up gives a clear error, a readable file and no crash.

#include <gtest/gtest.h>
#include <sys/mount.h>

#include "TestSupport.h"

using namespace ds::audio::test;

namespace {

constexpr int kRate = 48000;

struct Killed {
    std::uint64_t capturedAtKill = 0;  // frames the recorder had captured when it was killed
    std::string output;
};

// Runs the probe recorder on the pattern at real-time pace and kills it after `seconds`.
Killed recordAndKill(const std::filesystem::path& source, const std::filesystem::path& out,
                     const std::string& format, double seconds) {
    Child probe({DS_RECORD_PROBE, "--source", "file:" + source.string(), "--out", out.string(),
                 "--format", format, "--seconds", "60"});
    Killed k;
    std::string line;
    while (probe.readLine(line, std::chrono::seconds(20))) {
        unsigned long long captured = 0, written = 0;
        if (std::sscanf(line.c_str(), "position %llu %llu", &captured, &written) == 2) {
            k.capturedAtKill = captured;
            if (captured >= seconds * kRate) {
                probe.kill(SIGKILL);
                break;
            }
        }
        if (line.rfind("error", 0) == 0) break;
    }
    EXPECT_EQ(probe.wait(), 128 + SIGKILL) << probe.output();
    k.output = probe.output();
    return k;
}

// Frames of audio ffmpeg decodes from the file.
std::uint64_t ffmpegFrames(const std::filesystem::path& file) {
    const auto r = run("ffmpeg -v error -i " + quote(file.string()) + " -f s32le - | wc -c");
    return std::strtoull(r.output.c_str(), nullptr, 10) / 8;  // 2 channels x 4 bytes
}

void expectReadableUpToTheKill(const std::filesystem::path& file, std::uint64_t capturedAtKill) {
    const double killedAt = double(capturedAtKill) / kRate;
    const double floor = killedAt - 1.0;

    const auto sox = run("sox " + quote(file.string()) + " -n stat");
    EXPECT_EQ(sox.exitCode, 0) << sox.output;
    const double soxSeconds = numberAfter(sox.output, "Length (seconds):");
    EXPECT_GE(soxSeconds, floor) << sox.output;
    EXPECT_LE(soxSeconds, killedAt + 0.1);

    const auto probe =
        run("ffprobe -v error -show_entries stream=codec_name,channels,sample_rate -of compact " +
            quote(file.string()));
    EXPECT_EQ(probe.exitCode, 0) << probe.output;
    EXPECT_NE(probe.output.find("channels=2"), std::string::npos) << probe.output;
    const double ffSeconds = double(ffmpegFrames(file)) / kRate;
    EXPECT_GE(ffSeconds, floor);
    EXPECT_LE(ffSeconds, killedAt + 0.1);

    const Audio a = readAudio(file);
    EXPECT_GE(double(a.frames()) / kRate, floor);
    // Sample for sample: the pattern from its first frame, nothing lost or repeated.
    std::uint64_t bad = 0;
    for (std::uint64_t n = 0; n < a.frames(); ++n) {
        if (patternCount(a.at(n, 0)) != std::int64_t(n + 1) && bad++ < 5)
            ADD_FAILURE() << "frame " << n << " holds count " << patternCount(a.at(n, 0));
    }
    EXPECT_EQ(bad, 0u);
    std::printf("killed at %.3f s; sox %.3f s, ffmpeg %.3f s, libsndfile %.3f s\n", killedAt,
                soxSeconds, ffSeconds, double(a.frames()) / kRate);
}

}  // namespace

TEST(Sigkill, WavFileHoldsTheAudioUpToOneSecondBeforeTheKill) {
    TempDir dir;
    writePattern(dir / "source.wav", kRate, 30 * kRate);
    const Killed k = recordAndKill(dir / "source.wav", dir / "programme.wav", "wav", 3.3);
    ASSERT_GT(k.capturedAtKill, 3u * kRate) << k.output;
    expectReadableUpToTheKill(dir / "programme.wav", k.capturedAtKill);
    const auto info = run("sndfile-info " + quote((dir / "programme.wav").string()));
    EXPECT_NE(info.output.find("RIFF"), std::string::npos) << info.output;
}

TEST(Sigkill, FlacFileHoldsTheAudioUpToOneSecondBeforeTheKill) {
    TempDir dir;
    writePattern(dir / "source.wav", kRate, 30 * kRate);
    const Killed k = recordAndKill(dir / "source.wav", dir / "programme.flac", "flac", 3.3);
    ASSERT_GT(k.capturedAtKill, 3u * kRate) << k.output;
    expectReadableUpToTheKill(dir / "programme.flac", k.capturedAtKill);
}

TEST(FullDisk, FileSizeLimitGivesAClearErrorAndAReadableFile) {
    // A full disk, simulated with RLIMIT_FSIZE (writes past the limit fail as ENOSPC would):
    // works without privileges. FullDisk.SmallFileSystem below uses a real 1 MB tmpfs.
    TempDir dir;
    writePattern(dir / "source.wav", kRate, 10 * kRate);
    Child probe({DS_RECORD_PROBE, "--source", "file:" + (dir / "source.wav").string(), "--out",
                 (dir / "programme.wav").string(), "--seconds", "3", "--max-file-bytes", "400000"});
    std::string line;
    while (probe.readLine(line, std::chrono::seconds(20))) {
    }
    EXPECT_EQ(probe.wait(), 0) << probe.output();
    EXPECT_NE(probe.output().find("disk-error writing"), std::string::npos) << probe.output();
    const Audio a = readAudio(dir / "programme.wav");
    EXPECT_GT(a.frames(), 40000u);
    EXPECT_LT(a.frames(), 400000u / 6);
    const auto sox = run("sox " + quote((dir / "programme.wav").string()) + " -n stat");
    EXPECT_EQ(sox.exitCode, 0) << sox.output;
}

TEST(FullDisk, SmallFileSystem) {
    TempDir dir;
    const auto mountPoint = dir / "small";
    std::filesystem::create_directories(mountPoint);
    if (::mount("tmpfs", mountPoint.c_str(), "tmpfs", 0, "size=512k") != 0)
        GTEST_SKIP()
            << "cannot mount a small tmpfs here (needs CAP_SYS_ADMIN); FileSizeLimit covers this";
    struct Unmount {
        std::filesystem::path at;
        ~Unmount() { ::umount2(at.c_str(), MNT_DETACH); }
    } unmount{mountPoint};
    writePattern(dir / "source.wav", kRate, 10 * kRate);
    {
        Child probe({DS_RECORD_PROBE, "--source", "file:" + (dir / "source.wav").string(), "--out",
                     (mountPoint / "programme.wav").string(), "--seconds", "3"});
        std::string line;
        while (probe.readLine(line, std::chrono::seconds(20))) {
        }
        EXPECT_EQ(probe.wait(), 0) << probe.output();
        EXPECT_NE(probe.output().find("No space left on device"), std::string::npos)
            << probe.output();
        EXPECT_NE(probe.output().find("alarm low_disk start"), std::string::npos) << probe.output();
        const Audio a = readAudio(mountPoint / "programme.wav");
        EXPECT_GT(a.frames(), 40000u);
    }
}
