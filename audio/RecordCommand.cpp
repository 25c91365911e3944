// `dialogstudio record SESSION`: records the session's programme headless.
//
// Order matters so that nothing is left half-registered and the record always tells the
// truth: resolve and create the file's folder, take the flock on <file>.lock (other commands
// read "a recorder is alive" from that lock), register the recording (RecordingStore::begin,
// which first journals recordings whose recorder died and refuses a second live recorder of
// the session), then start capture. A start that fails closes the row again (journalled) and
// removes the lock file. While recording: poll ~10x a second, heartbeat once a second (other
// processes place markers from it), journal alarms and gaps. At the stop the markers of this
// recording in the database become the file's cue points.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <thread>

#include <fmt/format.h>

#include "audio/AudioCommands.h"
#include "audio/AudioError.h"
#include "audio/Recorder.h"
#include "audio/RecorderStatusLine.h"
#include "posix/UniqueFd.h"
#include "studio/Errors.h"
#include "studio/RecordingStore.h"
#include "studio/SessionStore.h"
#include "studio/StationStore.h"
#include "studio/Time.h"

namespace ds::audio {

namespace {

// Set by the signal handler, read by the control loop: the handler does nothing else.
std::atomic<bool> g_stopRequested{false};

extern "C" void onStopSignal(int) {
    g_stopRequested.store(true, std::memory_order_release);
}

struct RecordArgs {
    std::int64_t session = 0;
    std::string device;
    double seconds = 0.0;
    std::string format = "wav";
    int rate = 48000;
    int channels = 2;
    int meterRate = 1;  // --json status lines a second
    bool arm = false;   // meters only, nothing written
};

// The lock a live recorder holds for as long as it runs; removed with the lock file on a
// failed start.
class LockFile {
  public:
    explicit LockFile(std::filesystem::path path)
        : path_(std::move(path)), fd_(::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600)) {
        if (!fd_)
            throw UserError(fmt::format("cannot write in the recordings folder {}: {}",
                                        path_.parent_path().string(), std::strerror(errno)));
        if (::flock(fd_.get(), LOCK_EX | LOCK_NB) != 0)
            throw UserError(fmt::format("{} is locked by another recorder", path_.string()));
    }
    void remove() {
        std::error_code ec;
        std::filesystem::remove(path_, ec);
    }

  private:
    std::filesystem::path path_;
    posix::UniqueFd fd_;
};

// Cuts UTF-8 text to at most `bytes` bytes without splitting a character (bext fields are
// fixed-size).
std::string cutUtf8(const std::string& text, std::size_t bytes) {
    if (text.size() <= bytes) return text;
    std::size_t n = bytes;
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80)
        --n;
    return text.substr(0, n);
}

BroadcastInfo broadcastInfo(const Session& s, const Station& st, TimePoint start, int rate) {
    BroadcastInfo b;
    b.description =
        cutUtf8(s.topic.empty() ? s.programmeTitle : s.programmeTitle + ": " + s.topic, 256);
    b.originator = cutUtf8(st.name, 32);
    b.originatorReference = cutUtf8(fmt::format("{}-session-{}", st.code, s.id), 32);
    b.originationDate = formatLocal(start, st.timeZone, "%Y-%m-%d");
    b.originationTime = formatLocal(start, st.timeZone, "%H:%M:%S");
    const TimePoint midnight = parseLocal(b.originationDate + " 00:00", st.timeZone);
    b.timeReference = static_cast<std::uint64_t>((start - midnight).count()) *
                      static_cast<std::uint64_t>(rate) / 1000;
    return b;
}

// Station thresholds (audioSettings JSON) over the defaults; unknown keys are ignored.
AlarmSettings alarmSettings(const nlohmann::json& j) {
    AlarmSettings a;
    if (!j.is_object()) return a;
    a.deadAirThresholdDbfs = j.value("dead_air_dbfs", a.deadAirThresholdDbfs);
    a.deadAirSeconds = j.value("dead_air_seconds", a.deadAirSeconds);
    a.diskFloorBytes = j.value("disk_floor_bytes", a.diskFloorBytes);
    return a;
}

const char* stateName(CaptureState s) {
    switch (s) {
        case CaptureState::Stopped:
            return "stopped";
        case CaptureState::Running:
            return "running";
        case CaptureState::Reconnecting:
            return "reconnecting";
        case CaptureState::Finished:
            return "finished";
    }
    return "unknown";
}

// The status line of the moment (RecorderStatusLine.h is the contract with its readers).
RecorderStatusLine statusLine(const RecorderStatus& s, int rate, unsigned channels,
                              std::int64_t recordingId) {
    RecorderStatusLine line;
    line.recording = recordingId;
    line.elapsed = double(s.capture.framesCaptured) / rate;
    line.frames = s.framesWritten;
    line.state = stateName(s.capture.state);
    for (unsigned c = 0; c < channels && c < s.meters.channel.size(); ++c) {
        const ChannelLevels& l = s.meters.channel[c];
        line.channels.push_back({l.peakDbfs, l.peakHoldDbfs, l.rmsDbfs, l.truePeakDbtp,
                                 RecorderStatusLine::clippingAt(l.peakDbfs, l.truePeakDbtp)});
    }
    line.momentaryLufs = s.meters.momentaryLufs;
    line.shortTermLufs = s.meters.shortTermLufs;
    line.integratedLufs = s.meters.integratedLufs;
    line.loudnessRangeLu = s.meters.loudnessRangeLu;
    for (AlarmKind k : s.activeAlarms)
        line.alarms.push_back(std::string(alarmName(k)));
    line.dropped = s.capture.framesDropped;
    line.gaps = s.capture.gaps;
    return line;
}

// Journals what poll() or stop() reported: alarm starts and ends, and gaps.
class EventJournal {
  public:
    EventJournal(RecordingStore& store, std::int64_t recordingId, int rate, std::string actor)
        : store_(store), recordingId_(recordingId), rate_(rate), actor_(std::move(actor)) {}

    void take(const RecorderStatus& s) {
        for (const AlarmEvent& e : s.alarmEvents) {
            if (e.started) {
                open_[e.kind] = store_.alarmStarted(recordingId_, std::string(alarmName(e.kind)),
                                                    e.detail, actor_);
            } else if (auto it = open_.find(e.kind); it != open_.end()) {
                store_.alarmEnded(it->second, actor_);
                open_.erase(it);
            }
        }
        for (const CaptureEvent& e : s.captureEvents) {
            if (e.kind == CaptureEvent::Kind::DeviceRestored) {
                const auto length = Duration(static_cast<std::int64_t>(e.gapSeconds * 1000.0));
                store_.addGap(recordingId_, static_cast<std::int64_t>(e.framePosition),
                              std::chrono::time_point_cast<Duration>(e.wallTime) - length, length,
                              e.message.empty() ? "device lost" : e.message, actor_);
            } else if (e.kind == CaptureEvent::Kind::DeviceLost) {
                std::fprintf(stderr, "dialogstudio: device lost at %.1f s: %s (retrying)\n",
                             double(e.framePosition) / rate_, e.message.c_str());
            }
        }
    }

    // A recorder stopped mid-gap: the gap runs to the end of the recording.
    void closeAll() {
        for (const auto& [kind, id] : open_)
            store_.alarmEnded(id, actor_);
        open_.clear();
    }

  private:
    RecordingStore& store_;
    std::int64_t recordingId_;
    int rate_;
    std::string actor_;
    std::map<AlarmKind, std::int64_t> open_;
};

// The database may be busy for a while (another process writing): the recording must carry on
// regardless, so a failed heartbeat or journal row is reported and the loop goes on.
template <typename F>
void bestEffort(const char* what, F&& f) {
    try {
        f();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "dialogstudio: %s not saved (recording continues): %s\n", what,
                     e.what());
    }
}

// SIGINT and SIGTERM end the loop (a clean close); a closed pipe does not end anything.
void catchStopSignals() {
    g_stopRequested.store(false, std::memory_order_relaxed);
    struct sigaction sa {};
    sa.sa_handler = onStopSignal;
    sigemptyset(&sa.sa_mask);
    ::sigaction(SIGINT, &sa, nullptr);
    ::sigaction(SIGTERM, &sa, nullptr);
    // Whoever reads the status lines (a pipe to the control room, `| head`) may go away; the
    // recording must not go with it. A write to a closed pipe then just fails.
    ::signal(SIGPIPE, SIG_IGN);
}

// `record --arm`: the device open and the meters running, nothing written and nothing in the
// record; status lines as a recording prints them (its "recording" is 0) until a stop signal.
int runArm(CommandContext& ctx, const RecordArgs& a, const std::string& device) {
    RecorderSettings settings;
    settings.capture.device = device;
    settings.capture.sampleRate = a.rate;
    settings.capture.channels = static_cast<unsigned>(a.channels);
    settings.capture.jackClientName = fmt::format("DialogStudio-{}", ::getpid());
    settings.file.metersOnly = true;
    settings.alarms = alarmSettings(ctx.station().audioSettings);
    Recorder recorder(settings);
    try {
        recorder.start();
    } catch (const std::exception& e) {
        throw UserError(e.what());
    }
    catchStopSignals();
    if (!ctx.options.json) std::fprintf(stderr, "meters on %s (Ctrl-C stops)\n", device.c_str());
    const auto lineEvery = std::chrono::milliseconds(1000 / a.meterRate);
    auto nextLine = std::chrono::steady_clock::now() + lineEvery;
    while (!g_stopRequested.load(std::memory_order_acquire)) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        const RecorderStatus s = recorder.poll();
        if (s.capture.state == CaptureState::Finished) break;
        if (std::chrono::steady_clock::now() < nextLine) continue;
        nextLine += lineEvery;
        if (ctx.options.json) {
            std::printf(
                "%s\n",
                statusLine(s, a.rate, settings.capture.channels, 0).toJson().dump().c_str());
            std::fflush(stdout);
        }
    }
    recorder.stop();
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGTERM, SIG_DFL);
    return 0;
}

int runRecord(CommandContext& ctx, const RecordArgs& a) {
    if (a.rate != 48000 && a.rate != 44100)
        throw UserError(fmt::format("unsupported sample rate {} Hz: use 48000 or 44100", a.rate));
    if (a.channels != 1 && a.channels != 2)
        throw UserError(fmt::format("unsupported channel count {}: use 1 or 2", a.channels));
    if (a.format != "wav" && a.format != "flac")
        throw UserError(fmt::format("unknown format '{}': use wav or flac", a.format));
    if (a.seconds < 0) throw UserError("--seconds must be positive");
    if (a.meterRate < 1 || a.meterRate > 10)
        throw UserError(fmt::format("--meter-rate {}: use 1 to 10 lines a second", a.meterRate));

    Database& database = ctx.db();
    const Session session = SessionStore(database).get(a.session);
    Station station = ctx.station();
    const std::string device = a.device.empty() ? station.audioDevice : a.device;
    if (a.arm) return runArm(ctx, a, device);

    const std::filesystem::path folder =
        RecordingStore::sessionFolder(station, session, CommandContext::dataDir());
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec)
        throw UserError(fmt::format("cannot create the recordings folder {}: {}", folder.string(),
                                    ec.message()));
    RecordingStore store(database);
    const std::filesystem::path file = store.nextFile(folder, a.format);
    LockFile lock(file.string() + ".lock");

    const TimePoint startedAt = now();
    Recording row;
    row.sessionId = session.id;
    row.path = file.string();
    row.format = a.format;
    row.sampleRate = a.rate;
    row.channels = a.channels;
    row.device = device;
    row.startedAt = startedAt;
    try {
        row = store.begin(row, ctx.actor());
    } catch (...) {
        lock.remove();
        throw;
    }

    RecorderSettings settings;
    settings.capture.device = device;
    settings.capture.sampleRate = a.rate;
    settings.capture.channels = static_cast<unsigned>(a.channels);
    settings.capture.jackClientName = fmt::format("DialogStudio-{}", ::getpid());
    settings.file.path = file;
    settings.file.format = a.format == "flac" ? RecordingFormat::Flac : RecordingFormat::Wav;
    settings.file.broadcast = broadcastInfo(session, station, startedAt, a.rate);
    settings.alarms = alarmSettings(station.audioSettings);
    if (a.seconds > 0) settings.writer.maxFrames = static_cast<std::uint64_t>(a.seconds * a.rate);
    settings.plannedSeconds =
        a.seconds > 0 ? a.seconds : std::chrono::duration<double>(session.plannedLength).count();

    std::unique_ptr<Recorder> recorder;
    try {
        recorder = std::make_unique<Recorder>(settings);
        recorder->start();
    } catch (const std::exception& e) {
        // Nothing half-registered: no row is left without its file; the journal keeps the
        // attempt and the reason.
        store.withdraw(row.id, fmt::format("did not start: {}", e.what()), ctx.actor());
        recorder.reset();
        lock.remove();
        std::filesystem::remove(file, ec);
        throw UserError(e.what());
    }

    if (!a.device.empty() && a.device != station.audioDevice) {
        // The station remembers its choice, once the device has proved it opens.
        Station changed = station;
        changed.audioDevice = a.device;
        try {
            StationStore(database).update(changed, ctx.actor());
        } catch (const std::exception& e) {
            std::fprintf(stderr, "dialogstudio: the device choice was not saved: %s\n", e.what());
        }
    }

    catchStopSignals();

    if (!ctx.options.json)
        std::fprintf(stderr, "recording session %lld to %s (Ctrl-C stops)\n",
                     static_cast<long long>(session.id), file.string().c_str());

    EventJournal journal(store, row.id, a.rate, ctx.actor());
    const auto begun = std::chrono::steady_clock::now();
    auto nextSecond = begun + std::chrono::seconds(1);
    const auto lineEvery = std::chrono::milliseconds(1000 / a.meterRate);
    auto nextLine = begun + lineEvery;
    std::string diskError;
    while (!g_stopRequested.load(std::memory_order_acquire)) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        const RecorderStatus s = recorder->poll();
        bestEffort("journal", [&] { journal.take(s); });
        if (!s.diskError.empty()) {
            diskError = s.diskError;
            break;
        }
        const auto t = std::chrono::steady_clock::now();
        if (t >= nextLine) {
            nextLine += lineEvery;
            // The status line first: its "elapsed" is as of the poll a moment ago.
            if (ctx.options.json) {
                std::printf("%s\n", statusLine(s, a.rate, settings.capture.channels, row.id)
                                        .toJson()
                                        .dump()
                                        .c_str());
                std::fflush(stdout);
            }
        }
        if (t >= nextSecond) {
            nextSecond += std::chrono::seconds(1);
            // The engine's position, read just before the heartbeat's own time stamp: markers
            // other processes place are extrapolated from this pair.
            bestEffort("heartbeat", [&] {
                store.heartbeat(row.id, static_cast<std::int64_t>(recorder->engine().position()));
            });
        }
        if (s.capture.state == CaptureState::Finished) break;
        if (a.seconds > 0 &&
            recorder->engine().position() >= static_cast<std::uint64_t>(a.seconds * a.rate))
            break;
    }

    // The markers placed in the database while we recorded become the file's cue points.
    for (const Marker& m : store.markers(session.id, row.id)) {
        if (m.samplePos) recorder->addMarkerAt(static_cast<std::uint64_t>(*m.samplePos), m.label);
    }
    std::string note = diskError.empty() ? "" : "disk: " + diskError;
    std::int64_t frames = 0;
    try {
        const RecorderStatus last = recorder->stop();
        journal.take(last);
        frames = static_cast<std::int64_t>(last.framesWritten);
    } catch (const std::exception& e) {
        note = fmt::format("close failed: {}", e.what());
        diskError = e.what();
    }
    journal.closeAll();
    const Recording closed = store.finish(row.id, frames, note, ctx.actor());
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGTERM, SIG_DFL);
    if (!diskError.empty())
        throw UserError(fmt::format("recording stopped: {} (the file {} holds {:.1f} s)", diskError,
                                    file.string(), double(frames) / a.rate));
    if (!ctx.options.json)
        std::fprintf(stderr, "recorded %.1f s to %s\n", double(frames) / a.rate,
                     closed.path.c_str());
    return 0;
}

}  // namespace

void addRecordCommand(CLI::App& app, CommandContext& ctx) {
    auto a = std::make_shared<RecordArgs>();
    CLI::App* record = app.add_subcommand(
        "record", "Record a session's programme until Ctrl-C/SIGTERM or --seconds");
    record->add_option("SESSION", a->session, "Session id")->required();
    record->add_option("--device", a->device,
                       "Input device: name (or a unique part), index, or file:PATH; remembered "
                       "by the station (default: the station's last choice)");
    record->add_option("--seconds", a->seconds, "Stop after this many seconds");
    record->add_option("--format", a->format, "wav (24-bit WAV/RF64, default) or flac");
    record->add_option("--rate", a->rate, "48000 (default) or 44100");
    record->add_option("--channels", a->channels, "1 or 2 (default)");
    record->add_flag("--arm", a->arm,
                     "Meters only: open the device and show its levels (with --json), write "
                     "nothing, until Ctrl-C/SIGTERM");
    record->add_option("--meter-rate", a->meterRate,
                       "With --json: status lines a second, 1 (default) to 10 (live meters)");
    record->callback([&ctx, a] {
        const int code = runRecord(ctx, *a);
        if (code != 0) throw CLI::RuntimeError(code);
    });
}

}  // namespace ds::audio
