// The whole recorder in-process with the file source: real-time pace, the pattern arriving
// intact in the file, markers at their positions, meters, the end of the source reported; and
// the file source as fast as the writer goes.

#include <gtest/gtest.h>

#include <thread>

#include "TestSupport.h"
#include "audio/Recorder.h"
#include "audio/WaveChunks.h"

using namespace ds::audio;
using namespace ds::audio::test;
using namespace std::chrono_literals;

namespace {

constexpr int kRate = 48000;

RecorderSettings fileSettings(const std::filesystem::path& source,
                              const std::filesystem::path& out) {
    RecorderSettings s;
    s.capture.device = "file:" + source.string();
    s.file.path = out;
    return s;
}

// Polls until the source has ended and everything is written (or the timeout passes).
RecorderStatus runToEnd(Recorder& r, std::vector<CaptureEvent>& events,
                        std::chrono::seconds timeout) {
    const auto end = std::chrono::steady_clock::now() + timeout;
    RecorderStatus s;
    while (std::chrono::steady_clock::now() < end) {
        s = r.poll();
        events.insert(events.end(), s.captureEvents.begin(), s.captureEvents.end());
        if (s.capture.state == CaptureState::Finished &&
            s.framesWritten == s.capture.framesCaptured)
            break;
        std::this_thread::sleep_for(10ms);
    }
    return s;
}

}  // namespace

TEST(FileSource, PlaysAtRealTimePaceIntoTheFileWithMarkers) {
    TempDir dir;
    writePattern(dir / "source.wav", kRate, 2 * kRate);
    Recorder r(fileSettings(dir / "source.wav", dir / "programme.wav"));
    const auto start = std::chrono::steady_clock::now();
    r.start();
    std::this_thread::sleep_for(500ms);
    const std::uint64_t marker = r.addMarker("Segmen 2: tanya jawab");
    std::vector<CaptureEvent> events;
    const RecorderStatus s = runToEnd(r, events, 20s);
    const double took =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    r.stop();

    EXPECT_EQ(s.capture.hostApi, "file");
    EXPECT_NEAR(took, 2.0, 0.3) << "real-time pace";
    EXPECT_NEAR(double(marker) / kRate, 0.5, 0.15);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].kind, CaptureEvent::Kind::SourceEnded);
    EXPECT_NEAR(s.meters.channel[1].peakHoldDbfs, -20.0, 0.05);

    const Audio a = readAudio(dir / "programme.wav");
    ASSERT_EQ(a.frames(), 2u * kRate);
    for (std::uint64_t n = 0; n < a.frames(); ++n)
        ASSERT_EQ(patternCount(a.at(n, 0)), std::int64_t(n + 1));
    const auto cues = WaveChunks::readCuePoints(dir / "programme.wav");
    ASSERT_EQ(cues.size(), 1u);
    EXPECT_EQ(cues[0].frame, marker);
    EXPECT_EQ(cues[0].label, "Segmen 2: tanya jawab");
}

TEST(FileSource, AsFastAsTheWriterGoesWithoutDropping) {
    TempDir dir;
    writePattern(dir / "source.wav", kRate, 60 * kRate);
    auto settings = fileSettings(dir / "source.wav", dir / "programme.wav");
    settings.capture.fileSpeed = 0;
    Recorder r(settings);
    const auto start = std::chrono::steady_clock::now();
    r.start();
    std::vector<CaptureEvent> events;
    const RecorderStatus s = runToEnd(r, events, 60s);
    const double took =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    r.stop();
    EXPECT_EQ(s.capture.framesDropped, 0u);
    EXPECT_LT(took, 30.0);
    const Audio a = readAudio(dir / "programme.wav");
    ASSERT_EQ(a.frames(), 60u * kRate);
    for (std::uint64_t n = 0; n < a.frames(); ++n)
        ASSERT_EQ(patternCount(a.at(n, 0)), std::int64_t(n + 1));
    std::printf("60 s of stereo recorded in %.2f s (%.0fx real time, sanitizer build)\n", took,
                60.0 / took);
}

TEST(FileSource, MonoFileIntoAStereoRecordingAndLooping) {
    TempDir dir;
    writeSignal(dir / "mono.wav", kRate, 1, kRate / 2,
                [](std::uint64_t n, unsigned) { return float((n + 1) * kCountStep); });
    auto settings = fileSettings(dir / "mono.wav", dir / "programme.wav");
    settings.capture.fileLoop = true;
    settings.capture.fileSpeed = 0;
    Recorder r(settings);
    r.start();
    while (r.poll().framesWritten < 2u * kRate)
        std::this_thread::sleep_for(10ms);
    r.stop();
    const Audio a = readAudio(dir / "programme.wav");
    ASSERT_GE(a.frames(), 2u * kRate);
    for (std::uint64_t n = 0; n < 2u * kRate; ++n) {
        ASSERT_EQ(a.at(n, 0), a.at(n, 1));
        ASSERT_EQ(patternCount(a.at(n, 0)), std::int64_t(n % (kRate / 2) + 1));
    }
}
