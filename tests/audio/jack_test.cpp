// Real audio through a JACK dummy server (started by the CTest fixture `audio_jack`): a
// generated pattern played with jack-play is recorded through PortAudio (in the capture host)
// and checked sample by sample; the player and, separately, the JACK server are killed
// mid-recording and the recorder carries on.

#include <gtest/gtest.h>

#include <sstream>
#include <thread>

#include "TestSupport.h"
#include "audio/AudioError.h"
#include "audio/DeviceCatalogue.h"
#include "audio/Recorder.h"

using namespace ds::audio;
using namespace ds::audio::test;
using namespace std::chrono_literals;

namespace {

constexpr int kRate = 48000;

std::string serverName() {
    const char* s = std::getenv("JACK_DEFAULT_SERVER");
    return s ? s : "";
}

std::string unique(const std::string& stem) {
    return stem + std::to_string(::getpid());
}

// Whether JACK's graph holds the connection from -> into (full port names), as jack_lsp sees it.
bool connected(const std::string& from, const std::string& into) {
    const CommandResult r = run("jack_lsp -c " + quote(from));
    std::istringstream lines(r.output);
    std::string port;  // jack_lsp -c: a port name, then its connections indented below it
    for (std::string line; std::getline(lines, line);) {
        const auto start = line.find_first_not_of(" \t");
        if (start == std::string::npos) continue;
        if (start == 0)
            port = line;
        else if (port == from && line.substr(start) == into)
            return true;
    }
    return false;
}

// jack-play under an exact client name, connected to our client's input ports once its own
// ports exist. The frames it plays before the connection are lost to us; the pattern's counter
// tells exactly which frame came first.
std::unique_ptr<Child> play(const std::filesystem::path& file, const std::string& name,
                            const std::string& to) {
    // -c 3: libsamplerate's zero-order hold. jack-play always runs its resampler, even at a
    // ratio of one; the default sinc converter then changes samples by a bit or so.
    // -b 65536: a disk buffer of 1.4 s, so its (non-real-time) disk thread can be starved on a
    // busy machine without the player running dry, which would repeat a sample.
    auto player = std::make_unique<Child>(std::vector<std::string>{
        "jack-play", "-u", "-c", "3", "-b", "65536", "-n", name, file.string()});
    // Each connection is retried until jack_lsp shows it. jack_connect's own answer is no
    // proof: the player registers its ports before it activates its client, the server refuses
    // to connect an inactive client's ports, and jack_connect then says "cannot connect
    // client, already connected?" (its words for every refusal), which is how a player once
    // stayed unconnected while the test went on. The deadline is for a busy machine.
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    for (const auto& [from, into] : {std::pair{":out_1", ":in_0"}, std::pair{":out_2", ":in_1"}}) {
        const std::string source = name + from, destination = to + into;
        CommandResult r;
        while (!connected(source, destination)) {
            if (std::chrono::steady_clock::now() > deadline) {
                ADD_FAILURE() << "could not connect " << source << " to " << destination << ": "
                              << r.output;
                return player;
            }
            r = run("jack_connect " + quote(source) + " " + quote(destination));
            if (r.exitCode != 0) std::this_thread::sleep_for(10ms);
        }
    }
    return player;
}

RecorderSettings deviceSettings(const std::filesystem::path& out, const std::string& client,
                                const std::string& server) {
    RecorderSettings s;
    s.capture.device = "system";
    s.capture.jackClientName = client;
    s.capture.jackServerName = server;
    s.file.path = out;
    s.file.broadcast.description = "JACK test";
    return s;
}

// The pattern followed by two seconds of silence: jack-play leaves out the end of a file (what
// is still in its disk buffer when it reaches the end), which must not cut the pattern.
void writePaddedPattern(const std::filesystem::path& path, std::uint64_t frames) {
    writeSignal(path, kRate, 2, frames + 2 * kRate, [frames](std::uint64_t n, unsigned c) {
        return n < frames ? patternSample(n, c, kRate) : 0.0f;
    });
}

// Polls the recorder every 20 ms for `duration`, collecting events.
struct Log {
    std::vector<CaptureEvent> capture;
    std::vector<AlarmEvent> alarms;
    RecorderStatus last;
};
void pollFor(Recorder& r, std::chrono::milliseconds duration, Log& log) {
    const auto end = std::chrono::steady_clock::now() + duration;
    while (std::chrono::steady_clock::now() < end) {
        RecorderStatus s = r.poll();
        log.capture.insert(log.capture.end(), s.captureEvents.begin(), s.captureEvents.end());
        log.alarms.insert(log.alarms.end(), s.alarmEvents.begin(), s.alarmEvents.end());
        log.last = std::move(s);
        std::this_thread::sleep_for(20ms);
    }
}

// Polls until the meters show sound (a started player can take a moment on a busy machine).
void pollUntilSound(Recorder& r, Log& log) {
    const auto end = std::chrono::steady_clock::now() + 15s;
    do {
        pollFor(r, 50ms, log);
    } while (log.last.meters.digitalSilence && std::chrono::steady_clock::now() < end);
    EXPECT_FALSE(log.last.meters.digitalSilence) << "the player's sound never arrived";
}

// Polls until `audio` more of the programme is in the file. Not a wall-clock wait: the dummy
// server's clock is a timer that falls behind on a busy machine (with stress-ng --cpu 2 and
// builds beside it, 2 s of waiting brought as little as 0.9 s of audio).
void pollForAudio(Recorder& r, std::chrono::milliseconds audio, Log& log) {
    const std::uint64_t target = log.last.framesWritten + audio.count() * kRate / 1000;
    const auto end = std::chrono::steady_clock::now() + 60s;
    while (log.last.framesWritten < target && std::chrono::steady_clock::now() < end)
        pollFor(r, 50ms, log);
    EXPECT_GE(log.last.framesWritten, target) << "the recording stopped growing";
}

// Polls until an alarm of this kind has started.
void pollUntilAlarm(Recorder& r, AlarmKind kind, Log& log) {
    const auto started = [&] {
        for (const auto& e : log.alarms)
            if (e.kind == kind && e.started) return true;
        return false;
    };
    const auto end = std::chrono::steady_clock::now() + 30s;
    while (!started() && std::chrono::steady_clock::now() < end)
        pollFor(r, 50ms, log);
}

// A run of the pattern in the recording: frames [begin, end), the first holding count
// firstCount. A non-real-time JACK server on a busy machine has xruns: a client that is not
// scheduled within its 5.3 ms period misses a cycle, and a whole period is lost (or, for a late
// player, repeated). `jumps` lists those breaks (count - expected) inside the run.
struct Segment {
    std::uint64_t begin = 0, end = 0;
    std::int64_t firstCount = 0, lastCount = 0;
    std::vector<std::int64_t> jumps;
    bool playerDoubledFirst = false;  // see segments()
    std::uint64_t length() const { return end - begin; }
};

// Splits channel 0 into pattern runs separated by exact zeros. Every sample must be exactly a
// count; steps other than +1 are recorded as jumps.
std::vector<Segment> segments(const Audio& a) {
    std::vector<Segment> out;
    std::uint64_t bad = 0;
    for (std::uint64_t n = 0; n < a.frames(); ++n) {
        const float x = a.at(n, 0);
        if (x == 0.0f) continue;
        const std::int64_t count = patternCount(x);
        if (float(double(count) * kCountStep) != x && bad++ < 5)
            ADD_FAILURE() << "frame " << n << ": " << x << " is not exactly a count";
        if (!out.empty() && out.back().end == n) {
            Segment& s = out.back();
            if (count == 1 && s.lastCount == 1 && s.length() == 1) {
                // jack-play's zero-order-hold resampler starts one sample late and emits the
                // file's first sample twice; seen whenever the player is connected before it
                // starts. That is the player, not the recording.
                s.playerDoubledFirst = true;
                s.end = n + 1;
                continue;
            }
            if (count != s.lastCount + 1) {
                s.jumps.push_back(count - (s.lastCount + 1));
                std::printf("break at frame %llu (segment from %llu): count %lld after %lld\n",
                            (unsigned long long)n, (unsigned long long)s.begin, (long long)count,
                            (long long)s.lastCount);
            }
            s.lastCount = count;
            s.end = n + 1;
        } else {
            out.push_back({n, n + 1, count, count, {}, false});
        }
    }
    EXPECT_EQ(bad, 0u);
    return out;
}

constexpr std::int64_t kPeriod = 256;  // the fixture server's -p

// Every break in the pattern is a whole JACK period and was reported as an input overflow:
// nothing is lost or repeated without the recorder saying so. With no xrun, no break at all.
void expectBreaksAccountedFor(const std::vector<Segment>& segs, std::uint64_t overflowsReported) {
    std::uint64_t breaks = 0;
    for (const Segment& s : segs) {
        for (std::int64_t j : s.jumps) {
            ++breaks;
            EXPECT_EQ(j % kPeriod, 0) << "a break of " << j << " frames is not a whole JACK period";
        }
    }
    EXPECT_LE(breaks, overflowsReported)
        << "samples lost or repeated without an input-overflow report";
    if (breaks > 0)
        std::printf("JACK xruns: %llu break(s) in the pattern, %llu input overflow(s) reported\n",
                    (unsigned long long)breaks, (unsigned long long)overflowsReported);
}

double rmsDb(const Audio& a, unsigned channel, std::uint64_t begin, std::uint64_t end) {
    double sum = 0;
    for (std::uint64_t n = begin; n < end; ++n)
        sum += double(a.at(n, channel)) * a.at(n, channel);
    return 10 * std::log10(sum / double(end - begin));
}

// The longest stretch of [begin, end) whose counts step by exactly one (no xrun inside).
std::pair<std::uint64_t, std::uint64_t> longestRun(const Audio& a, std::uint64_t begin,
                                                   std::uint64_t end) {
    std::pair<std::uint64_t, std::uint64_t> best{begin, begin};
    std::uint64_t start = begin;
    for (std::uint64_t n = begin + 1; n <= end; ++n) {
        if (n == end || patternCount(a.at(n, 0)) != patternCount(a.at(n - 1, 0)) + 1) {
            if (n - start > best.second - best.first) best = {start, n};
            start = n;
        }
    }
    return best;
}

double frequency(const Audio& a, unsigned channel, std::uint64_t begin, std::uint64_t end) {
    // Rising zero crossings, interpolated, first to last.
    double first = -1, last = -1;
    int cycles = -1;
    for (std::uint64_t n = begin + 1; n < end; ++n) {
        const float x0 = a.at(n - 1, channel), x1 = a.at(n, channel);
        if (x0 < 0 && x1 >= 0) {
            const double t = double(n - 1) + x0 / (x0 - x1);
            if (first < 0) first = t;
            last = t;
            ++cycles;
        }
    }
    return cycles > 0 ? cycles * kRate / (last - first) : 0.0;
}

// Our own JACK server for the server-loss test (the fixture's must stay up for the others).
class PrivateServer {
  public:
    explicit PrivateServer(std::string name) : name_(std::move(name)) { start(); }
    ~PrivateServer() { run("sh " + script() + " stop " + name_ + " " + DS_TEST_STATE_DIR); }
    void start() {
        const auto r = run("sh " + script() + " start " + name_ + " " + DS_TEST_STATE_DIR);
        ASSERT_EQ(r.exitCode, 0) << r.output;
    }
    void kill9() {
        const auto r =
            run("kill -9 $(cat " +
                quote(std::string(DS_TEST_STATE_DIR) + "/jackd-" + name_ + ".pid") + ")");
        ASSERT_EQ(r.exitCode, 0) << r.output;
    }
    const std::string& name() const { return name_; }

  private:
    static std::string script() { return quote(DS_JACK_SERVER_SCRIPT); }
    std::string name_;
};

}  // namespace

TEST(JackDevices, TheSystemDeviceIsListedAndChosenByName) {
    PortAudioSession::Options o;
    o.jackClientName = unique("dslist");
    PortAudioSession session(o);
    DeviceCatalogue catalogue(session);
    const DeviceInfo& d = catalogue.choose("SYST");
    EXPECT_EQ(d.name, "system");
    EXPECT_EQ(d.hostApi, "JACK Audio Connection Kit");
    EXPECT_EQ(d.maxInputChannels, 2);
    EXPECT_EQ(d.defaultSampleRate, 48000.0);
    EXPECT_EQ(catalogue.choose(std::to_string(d.index)).name, "system");
    EXPECT_NO_THROW(catalogue.checkFormat(d, 48000, 2));
    EXPECT_THROW(catalogue.checkFormat(d, 44100, 2), AudioError);
    EXPECT_NE(DeviceCatalogue::describe(catalogue.inputs())
                  .find("system (JACK Audio Connection Kit, 2 ch, 48000 Hz)"),
              std::string::npos);
}

TEST(JackRecording, PatternPlayedThroughJackIsRecordedSampleForSample) {
    TempDir dir;
    const std::uint64_t patternFrames = 6 * kRate;
    writePaddedPattern(dir / "pattern.wav", patternFrames);
    const Audio source = readAudio(dir / "pattern.wav");
    const std::string client = unique("dsrec");
    Recorder r(deviceSettings(dir / "programme.wav", client, serverName()));
    r.start();
    EXPECT_EQ(r.poll().capture.hostApi, "JACK Audio Connection Kit");

    Log log;
    pollFor(r, 300ms, log);
    const auto wallStart = std::chrono::steady_clock::now();
    const std::uint64_t framesStart = r.poll().capture.framesCaptured;
    auto player = play(dir / "pattern.wav", unique("dsplay"), client);
    while (player->pid() > 0 && std::chrono::steady_clock::now() - wallStart < 30s) {
        pollFor(r, 100ms, log);
        std::string line;
        if (!player->readLine(line, 1ms) && ::waitpid(player->pid(), nullptr, WNOHANG) != 0) break;
    }
    pollFor(r, 500ms, log);
    const auto wallEnd = std::chrono::steady_clock::now();
    const std::uint64_t framesEnd = r.poll().capture.framesCaptured;
    const RecorderStatus last = r.stop();

    EXPECT_TRUE(log.capture.empty());
    EXPECT_EQ(last.capture.framesDropped, 0u);
    EXPECT_EQ(last.capture.gaps, 0u);
    // The dummy server's clock is a timer: on a loaded machine it falls behind the system clock
    // by whole periods (its log says "JackTimedDriver::Process XRun"; we have seen 12 % at a
    // load of 15 on two cores). So only: it runs, and never faster than real time. The duration
    // that matters, the programme's, is checked to the sample below.
    const double measuredRate = double(framesEnd - framesStart) /
                                std::chrono::duration<double>(wallEnd - wallStart).count();
    EXPECT_GT(measuredRate, kRate * 0.5);
    EXPECT_LT(measuredRate, kRate * 1.01);

    const Audio a = readAudio(dir / "programme.wav");
    EXPECT_EQ(a.frames(), last.framesWritten);
    const auto segs = segments(a);
    ASSERT_EQ(segs.size(), 1u);
    const Segment& s = segs[0];
    expectBreaksAccountedFor(segs, last.capture.inputOverflows);
    // Everything from the first frame that reached us to the last frame of the pattern: the
    // recorded programme is as long as the played one, to the sample (well within 0.1 %),
    // once the periods JACK dropped (reported) are counted back in.
    EXPECT_EQ(s.lastCount, std::int64_t(patternFrames));
    std::int64_t dropped = 0;
    for (std::int64_t j : s.jumps)
        dropped += j;
    EXPECT_EQ(std::int64_t(s.length()) - s.playerDoubledFirst + dropped,
              s.lastCount - s.firstCount + 1);
    EXPECT_LT(s.firstCount, kRate / 2) << "the player was connected late";
    // Channel 1 is the source's channel 1, sample for sample, from the moment its port was
    // connected (jack_connect joins the two ports one after the other).
    std::uint64_t right = s.begin;
    while (right < s.end && a.at(right, 1) == 0.0f)
        ++right;
    EXPECT_LT(right - s.begin, std::uint64_t(3 * kRate)) << "channel 1 connected late";
    std::uint64_t bad = 0;
    for (std::uint64_t n = right; n < s.end; ++n) {
        const std::uint64_t k = std::uint64_t(patternCount(a.at(n, 0)) - 1);  // the frame played
        if (a.at(n, 1) != source.at(k, 1) && bad++ < 5)
            ADD_FAILURE() << "channel 1 differs at frame " << n << " (pattern frame " << k
                          << "): " << a.at(n, 1) << " != " << source.at(k, 1);
    }
    EXPECT_EQ(bad, 0u);
    // Level and pitch of the sine: -20 dBFS peak is -23.01 dBFS RMS; 1 kHz.
    EXPECT_NEAR(rmsDb(a, 1, right, s.end), -23.01, 0.1);
    const auto [runBegin, runEnd] = longestRun(a, right, s.end);
    EXPECT_GT(runEnd - runBegin, std::uint64_t(kRate / 2));
    EXPECT_NEAR(frequency(a, 1, runBegin, runEnd), 1000.0, 0.5);
    const auto sox =
        run("sox " + quote((dir / "programme.wav").string()) + " -n trim " + std::to_string(right) +
            "s " + std::to_string(s.end - right) + "s remix 2 stat");
    EXPECT_NEAR(20 * std::log10(numberAfter(sox.output, "RMS     amplitude:")), -23.01, 0.1)
        << sox.output;
    EXPECT_NEAR(numberAfter(sox.output, "Rough   frequency:"), 1000.0, 10.0) << sox.output;
    // Before the player: the dummy server's capture ports, exact digital silence.
    for (std::uint64_t n = 0; n < s.begin; ++n)
        ASSERT_EQ(a.at(n, 1), 0.0f);
    std::printf(
        "recorded %llu frames; pattern from count %lld for %llu frames; device rate %.2f Hz\n",
        (unsigned long long)a.frames(), (long long)s.firstCount, (unsigned long long)s.length(),
        measuredRate);
}

TEST(JackRecording, KillingThePlayerGivesNoSignalAndTheRecordingCarriesOn) {
    TempDir dir;
    writePaddedPattern(dir / "pattern.wav", 30 * kRate);
    const std::string client = unique("dsrec");
    Recorder r(deviceSettings(dir / "programme.wav", client, serverName()));
    r.start();
    Log log;
    auto player = play(dir / "pattern.wav", unique("dsplay"), client);
    pollUntilSound(r, log);
    pollForAudio(r, 2s, log);
    player->kill(SIGKILL);
    player->wait();
    const auto killedAt = std::chrono::steady_clock::now();
    // The alarm wants a second of silence in audio time; under load that takes longer.
    pollFor(r, 2500ms, log);
    pollUntilAlarm(r, AlarmKind::NoSignal, log);
    EXPECT_EQ(log.last.capture.state, CaptureState::Running);
    const AlarmEvent* noSignal = nullptr;
    for (const auto& e : log.alarms)
        if (e.kind == AlarmKind::NoSignal && e.started) noSignal = &e;
    ASSERT_NE(noSignal, nullptr) << "no alarm for the silent source";

    // A new name: the killed player's may linger in the graph until the server notices.
    player = play(dir / "pattern.wav", unique("dsplayb"), client);
    pollUntilSound(r, log);
    const auto backAt = std::chrono::steady_clock::now();
    pollForAudio(r, 2s, log);
    player.reset();
    const RecorderStatus last = r.stop();

    EXPECT_TRUE(log.capture.empty()) << "the device itself was never lost";
    EXPECT_EQ(last.capture.gaps, 0u);
    const AlarmEvent* ended = nullptr;
    for (const auto& e : log.alarms)
        if (e.kind == AlarmKind::NoSignal && !e.started) ended = &e;
    ASSERT_NE(ended, nullptr) << "the no-signal alarm never ended";
    const double gap = std::chrono::duration<double>(backAt - killedAt).count();

    const Audio a = readAudio(dir / "programme.wav");
    const auto segs = segments(a);
    for (const Segment& s : segs)
        std::printf("pattern from frame %llu to %llu (counts %lld..%lld)\n",
                    (unsigned long long)s.begin, (unsigned long long)s.end, (long long)s.firstCount,
                    (long long)s.lastCount);
    ASSERT_EQ(segs.size(), 2u);
    expectBreaksAccountedFor(segs, last.capture.inputOverflows);
    const double silence = double(segs[1].begin - segs[0].end) / kRate;
    // The alarm measures audio time in 100 ms meter windows, so it matches the silence in the
    // file to a window or two. Both can be much shorter than the wall-clock gap: the dummy
    // server's clock falls behind under load.
    EXPECT_NEAR(silence, ended->durationSeconds, 0.25);
    EXPECT_LT(silence, gap + 0.2);
    EXPECT_GT(silence, 0.3 * gap);
    EXPECT_GT(segs[0].length(), std::uint64_t(1.5 * kRate));
    EXPECT_GT(segs[1].length(), std::uint64_t(1.5 * kRate));
    std::printf("player gone for %.3f s: %.3f s of silence in the file, no-signal alarm %.3f s\n",
                gap, silence, ended->durationSeconds);
}

TEST(JackRecording, AHungCaptureHostIsReplaced) {
    // A driver that stops delivering without saying so: the host process is frozen (SIGSTOP).
    // After the stall timeout the engine kills it, fills the gap and opens the device again.
    TempDir dir;
    const std::string client = unique("dsrec");
    auto settings = deviceSettings(dir / "programme.wav", client, serverName());
    settings.capture.stallTimeout = 1000ms;
    Recorder r(settings);
    r.start();
    Log log;
    pollFor(r, 500ms, log);
    const int pid = log.last.capture.hostProcessId;
    ASSERT_GT(pid, 0);
    const auto frozenAt = std::chrono::steady_clock::now();
    ASSERT_EQ(::kill(pid, SIGSTOP), 0);
    while (log.capture.size() < 2 && std::chrono::steady_clock::now() - frozenAt < 15s)
        pollFor(r, 50ms, log);
    pollFor(r, 500ms, log);
    const RecorderStatus last = r.stop();
    ASSERT_GE(log.capture.size(), 2u);
    EXPECT_EQ(log.capture[0].kind, CaptureEvent::Kind::DeviceLost);
    EXPECT_NE(log.capture[0].message.find("no audio from the input device"), std::string::npos)
        << log.capture[0].message;
    EXPECT_EQ(log.capture.back().kind, CaptureEvent::Kind::DeviceRestored);
    EXPECT_NE(log.last.capture.hostProcessId, pid);
    EXPECT_GT(log.capture.back().gapSeconds, 0.9);
    EXPECT_EQ(last.capture.gaps, 1u);
    EXPECT_EQ(readAudio(dir / "programme.wav").frames(), last.framesWritten);
}

TEST(JackServerLoss, TheRecorderSurvivesReportsTheGapAndResumes) {
    TempDir dir;
    writePaddedPattern(dir / "pattern.wav", 30 * kRate);
    const std::string fixtureServer = serverName();
    PrivateServer server(fixtureServer + "-loss");
    // Everything in this test (jack-play, jack_connect) talks to the private server.
    ::setenv("JACK_DEFAULT_SERVER", server.name().c_str(), 1);
    struct Restore {
        std::string name;
        ~Restore() { ::setenv("JACK_DEFAULT_SERVER", name.c_str(), 1); }
    } restore{fixtureServer};
    const std::string client = unique("dsrec");
    Recorder r(deviceSettings(dir / "programme.wav", client, server.name()));
    r.start();
    Log log;
    auto player = play(dir / "pattern.wav", unique("dsplay"), client);
    pollUntilSound(r, log);
    pollFor(r, 2s, log);

    const auto start = std::chrono::steady_clock::now();
    server.kill9();
    const auto killedAt = std::chrono::steady_clock::now();
    pollFor(r, 2500ms, log);
    EXPECT_EQ(log.last.capture.state, CaptureState::Reconnecting);
    player.reset();

    server.start();
    const auto restartedAt = std::chrono::steady_clock::now();
    // The engine tries again every second: it is back within about two.
    while (log.last.capture.state != CaptureState::Running &&
           std::chrono::steady_clock::now() - restartedAt < 10s)
        pollFor(r, 50ms, log);
    ASSERT_EQ(log.last.capture.state, CaptureState::Running) << log.last.capture.lastError;
    const auto resumedAt = std::chrono::steady_clock::now();
    player = play(dir / "pattern.wav", unique("dsplay2"), client);
    pollUntilSound(r, log);
    pollFor(r, 2s, log);
    player.reset();
    const auto end = std::chrono::steady_clock::now();
    const RecorderStatus last = r.stop();

    ASSERT_GE(log.capture.size(), 2u);
    EXPECT_EQ(log.capture.front().kind, CaptureEvent::Kind::DeviceLost);
    const CaptureEvent* restored = nullptr;
    for (const auto& e : log.capture)
        if (e.kind == CaptureEvent::Kind::DeviceRestored) restored = &e;
    ASSERT_NE(restored, nullptr);
    const double outage = std::chrono::duration<double>(resumedAt - killedAt).count();
    EXPECT_NEAR(restored->gapSeconds, outage, 0.3);
    EXPECT_EQ(restored->framePosition, log.capture.front().framePosition);
    EXPECT_EQ(last.capture.gaps, 1u);
    EXPECT_LT(std::chrono::duration<double>(resumedAt - restartedAt).count(), 3.0);

    // The file: pattern, then the gap as silence, then the pattern again; its length follows
    // the clock (the timeline stayed true through the gap).
    const Audio a = readAudio(dir / "programme.wav");
    const auto segs = segments(a);
    for (const Segment& s : segs)
        std::printf("pattern from frame %llu to %llu (counts %lld..%lld)\n",
                    (unsigned long long)s.begin, (unsigned long long)s.end, (long long)s.firstCount,
                    (long long)s.lastCount);
    ASSERT_EQ(segs.size(), 2u) << "gap at " << restored->framePosition << " for "
                               << restored->gapFrames;
    expectBreaksAccountedFor(segs, last.capture.inputOverflows);
    EXPECT_LE(segs[0].end, restored->framePosition);
    EXPECT_GE(segs[1].begin, restored->framePosition + restored->gapFrames);
    for (std::uint64_t n = restored->framePosition;
         n < restored->framePosition + restored->gapFrames; ++n)
        ASSERT_EQ(a.at(n, 0), 0.0f) << "the gap is digital silence";
    const double fileSeconds = double(a.frames()) / kRate;
    const double wallSeconds =
        std::chrono::duration<double>(end - start).count() + double(segs[0].end) / kRate;
    // The gap follows the wall clock exactly; the audio around it follows the dummy server's
    // clock, which lags on a loaded machine: a sanity check only.
    EXPECT_LT(fileSeconds, wallSeconds + 0.5);
    EXPECT_GT(fileSeconds, 0.8 * wallSeconds);
    std::printf(
        "server down for %.3f s: gap of %.3f s (%llu frames) at frame %llu; resumed %.3f s after "
        "restart\n",
        outage, restored->gapSeconds, (unsigned long long)restored->gapFrames,
        (unsigned long long)restored->framePosition,
        std::chrono::duration<double>(resumedAt - restartedAt).count());
}

TEST(JackBadInput, WrongRateAndTooManyChannelsAreClearErrors) {
    TempDir dir;
    CaptureOptions o;
    o.device = "system";
    o.jackClientName = unique("dsbad");
    o.jackServerName = serverName();
    o.sampleRate = 44100;
    {
        CaptureEngine e(o);
        try {
            e.start();
            ADD_FAILURE() << "44.1 kHz on a 48 kHz JACK server opened";
        } catch (const AudioError& x) {
            EXPECT_NE(std::string(x.what()).find(
                          "cannot record 2 channel(s) at 44100 Hz: it runs at 48000 Hz"),
                      std::string::npos)
                << x.what();
        }
    }
    // A mono player is a one-channel device.
    writeSignal(dir / "mono.wav", kRate, 1, 20 * kRate,
                [](std::uint64_t, unsigned) { return 0.01f; });
    const std::string name = unique("dsmono");
    Child player({"jack-play", "-u", "-n", name, (dir / "mono.wav").string()});
    for (int i = 0;
         i < 300 && run("jack_lsp " + name + ":out_1").output.find("out_1") == std::string::npos;
         ++i)
        std::this_thread::sleep_for(10ms);
    o.sampleRate = 48000;
    o.device = name;
    CaptureEngine e(o);
    try {
        e.start();
        ADD_FAILURE() << "stereo from a mono device opened";
    } catch (const AudioError& x) {
        EXPECT_NE(std::string(x.what()).find("has 1 input channel(s); cannot record 2"),
                  std::string::npos)
            << x.what();
    }
}
