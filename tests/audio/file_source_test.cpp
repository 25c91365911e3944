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

TEST(FileSource, AlarmsFollowTheAudioHoweverSeldomTheRecorderIsPolled) {
    // 1 s of tone, 2.35 s of exact zeros, 1 s of tone, written as fast as the writer goes and
    // polled only every 250 ms: many meter windows are published between two polls, as when a
    // writer on a busy machine drains the ring in bursts. The no-signal alarm must still start
    // and end at the windows where the audio changed.
    TempDir dir;
    const std::uint64_t silenceBegin = kRate, silenceEnd = kRate + 2 * kRate + kRate * 35 / 100;
    writeSignal(dir / "source.wav", kRate, 2, silenceEnd + kRate, [&](std::uint64_t n, unsigned) {
        return n >= silenceBegin && n < silenceEnd ? 0.0f : patternSample(n, 0, kRate);
    });
    auto settings = fileSettings(dir / "source.wav", dir / "programme.wav");
    settings.capture.fileSpeed = 0;
    Recorder r(settings);
    r.start();
    std::vector<AlarmEvent> alarms;
    const auto deadline = std::chrono::steady_clock::now() + 60s;
    for (;;) {
        std::this_thread::sleep_for(250ms);
        const RecorderStatus s = r.poll();
        alarms.insert(alarms.end(), s.alarmEvents.begin(), s.alarmEvents.end());
        if ((s.capture.state == CaptureState::Finished &&
             s.framesWritten == s.capture.framesCaptured) ||
            std::chrono::steady_clock::now() > deadline)
            break;
    }
    const RecorderStatus last = r.stop();
    alarms.insert(alarms.end(), last.alarmEvents.begin(), last.alarmEvents.end());

    const AlarmEvent *started = nullptr, *ended = nullptr;
    for (const AlarmEvent& e : alarms) {
        if (e.kind != AlarmKind::NoSignal) continue;
        (e.started ? started : ended) = &e;
    }
    ASSERT_NE(started, nullptr) << "no no-signal alarm";
    ASSERT_NE(ended, nullptr) << "the no-signal alarm never ended";
    // 100 ms windows: the silence starts with the window after the last sound (frame 48000)
    // and ends with the window in which the sound returns (ending at frame 163200).
    EXPECT_EQ(started->framePosition, silenceBegin);
    EXPECT_EQ(ended->framePosition, 163200u);
    EXPECT_EQ(ended->detail, "condition cleared");
    EXPECT_NEAR(ended->durationSeconds, double(silenceEnd - silenceBegin) / kRate, 0.1);
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
