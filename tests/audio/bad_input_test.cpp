// Bad input gives a clear AudioError, never a crash: unsupported rates and channel counts,
// unknown devices, missing or unsuitable file sources, folders that cannot be written.

#include <gtest/gtest.h>

#include "TestSupport.h"
#include "audio/AudioError.h"
#include "audio/CaptureEngine.h"
#include "audio/CaptureHostProcess.h"
#include "audio/Recorder.h"
#include "audio/RecordingWriter.h"

using namespace ds::audio;
using namespace ds::audio::test;

namespace {

// The message of the AudioError `f` throws (fails the test if it throws nothing).
template <typename F>
std::string errorOf(F f) {
    try {
        f();
    } catch (const AudioError& e) {
        return e.what();
    }
    ADD_FAILURE() << "no AudioError";
    return {};
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST(BadInput, UnsupportedRateAndChannelCount) {
    CaptureOptions o;
    o.sampleRate = 22050;
    EXPECT_TRUE(contains(errorOf([&] { CaptureEngine e(o); }),
                         "unsupported sample rate 22050 Hz: choose 48000 or 44100"));
    o.sampleRate = 48000;
    o.channels = 6;
    EXPECT_TRUE(contains(errorOf([&] { CaptureEngine e(o); }), "unsupported channel count 6"));
    RecordingSettings s;
    s.path = "/tmp/x.wav";
    s.sampleRate = 96000;
    EXPECT_TRUE(contains(errorOf([&] { RecordingWriter w(s); }), "cannot record at 96000 Hz"));
}

TEST(BadInput, UnknownDeviceIsNamedWithTheDevicesThereAre) {
    CaptureOptions o;
    o.device = "No Such Mixing Desk";
    o.jackServerName = "ds-no-server-here";  // nothing answers: no JACK devices at all
    CaptureEngine engine(o);
    const std::string message = errorOf([&] { engine.start(); });
    EXPECT_TRUE(contains(message, "no input device matches 'No Such Mixing Desk'")) << message;
    EXPECT_EQ(engine.status().state, CaptureState::Stopped);
}

TEST(BadInput, UnknownDeviceIndex) {
    CaptureOptions o;
    o.device = "4711";
    o.jackServerName = "ds-no-server-here";
    CaptureEngine engine(o);
    EXPECT_TRUE(contains(errorOf([&] { engine.start(); }), "no input device has index 4711"));
}

TEST(BadInput, MissingCaptureHostProgram) {
    const std::string message =
        errorOf([] { CaptureHostProcess::locate("/nonexistent/dialogstudio-capture"); });
    EXPECT_TRUE(contains(message, "is not an executable file")) << message;
}

TEST(BadInput, FileSourceProblems) {
    TempDir dir;
    CaptureOptions o;
    o.device = "file:" + (dir / "missing.wav").string();
    {
        CaptureEngine e(o);
        EXPECT_TRUE(contains(errorOf([&] { e.start(); }), "does not exist"));
    }
    writeSignal(dir / "cd.wav", 44100, 2, 4410, [](std::uint64_t, unsigned) { return 0.1f; });
    o.device = "file:" + (dir / "cd.wav").string();
    {
        CaptureEngine e(o);
        const std::string m = errorOf([&] { e.start(); });
        EXPECT_TRUE(contains(m, "is 44100 Hz but the recording is 48000 Hz")) << m;
    }
    writeSignal(dir / "six.wav", 48000, 6, 4800, [](std::uint64_t, unsigned) { return 0.1f; });
    o.device = "file:" + (dir / "six.wav").string();
    {
        CaptureEngine e(o);
        EXPECT_TRUE(contains(errorOf([&] { e.start(); }), "has 6 channels"));
    }
    std::FILE* junk = std::fopen((dir / "text.wav").c_str(), "w");
    std::fputs("this is not audio", junk);
    std::fclose(junk);
    o.device = "file:" + (dir / "text.wav").string();
    {
        CaptureEngine e(o);
        EXPECT_TRUE(contains(errorOf([&] { e.start(); }), "cannot play file source"));
    }
}

TEST(BadInput, UnwritableFolder) {
    TempDir dir;
    RecordingSettings s;
    s.path = dir / "no" / "such" / "folder" / "programme.wav";
    std::string m = errorOf([&] { RecordingWriter w(s); });
    EXPECT_TRUE(contains(m, "does not exist")) << m;

    // A file where the folder should be.
    writeSignal(dir / "afile", 48000, 1, 10, [](std::uint64_t, unsigned) { return 0.0f; });
    s.path = dir / "afile" / "programme.wav";
    m = errorOf([&] { RecordingWriter w(s); });
    EXPECT_TRUE(contains(m, "is not a folder")) << m;

    // A folder that refuses writes even to root: /proc.
    s.path = "/proc/programme.wav";
    m = errorOf([&] { RecordingWriter w(s); });
    EXPECT_TRUE(contains(m, "cannot create recording file '/proc/programme.wav'")) << m;
}

TEST(BadInput, RecorderLeavesNothingRunningWhenTheFileCannotBeCreated) {
    TempDir dir;
    writePattern(dir / "source.wav", 48000, 48000);
    RecorderSettings s;
    s.capture.device = "file:" + (dir / "source.wav").string();
    s.file.path = dir / "missing-folder" / "programme.wav";
    Recorder r(s);
    EXPECT_TRUE(contains(errorOf([&] { r.start(); }), "does not exist"));
    EXPECT_FALSE(r.running());
    EXPECT_EQ(r.engine().status().state, CaptureState::Stopped);
}
