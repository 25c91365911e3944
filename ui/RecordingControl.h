#pragma once
// The control room's side of recording: what the producer window shows (RecordingStatus, plain
// data) and what its keys ask for (RecordingControl). The audio module (audio/Recorder,
// CaptureEngine, LevelMeter, AlarmMonitor) plugs in behind RecordingControl; the windows never
// see it. Until it is integrated the control room runs with NoRecording ("recording module not
// installed"), or with SimulatedRecording for training and tests, which says SIMULASI on screen.
//
// Threads: status() is called by the frame loop every frame, so it must be cheap and must not
// block (copy a latest-value slot). Every other method is called on the database worker thread
// (the "control" thread of audio/Recorder.h), with that thread's database connection, so an
// implementation may open devices, store its recording and marker rows and journal its alarms
// there. Errors are thrown (ds::UserError or std::exception); the producer sees their message.
//
// Mapping for the integrator (audio/Recorder.h):
//   arm()    -> construct Recorder with the station's device and settings, open the source, show
//              meters; no file yet (state Armed)
//   start()  -> Recorder::start(), insert the recordings row (state Recording)
//   stop()   -> Recorder::stop(), close the row (state Idle)
//   tick()   -> Recorder::poll(): copy meters/alarms into the status slot, journal alarm events,
//              count the recording's markers
// Markers are not asked of the recorder: studio stores them (a segment taken, a question put on
// air, the producer's marker key) with their sample position, and the recorder writes the
// record's markers into the file as cue points when it closes.
#include <chrono>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "studio/Time.h"

namespace ds {
class Database;
}

namespace ds::ui {

enum class RecordingState {
    Unavailable,  // no recording module (or no device): say so, never pretend
    Idle,         // ready, not recording
    Armed,        // source open, meters live, nothing written yet
    Recording,    // writing the programme file
    Failed,       // the last start or the running recording failed: message says why
};

inline constexpr double kSilenceDb = -std::numeric_limits<double>::infinity();

struct ChannelMeter {
    double peakDbfs = kSilenceDb;      // sample peak over the last meter window
    double peakHoldDbfs = kSilenceDb;  // highest recent peak (held ~2 s)
    double rmsDbfs = kSilenceDb;
    bool clipping = false;  // clipped samples in the last window
};

struct RecordingAlarm {
    std::string kind;    // dead_air, no_signal, clipping, ring_overrun, input_overflow, low_disk
    std::string detail;  // numbers for people ("-63 dBFS for 12 s", "2.1 GB free")
    Duration active{0};  // how long it has been on
};

struct RecordingStatus {
    RecordingState state = RecordingState::Unavailable;
    bool simulated = false;  // SimulatedRecording: shown as SIMULASI, records nothing
    std::string message;     // why Unavailable or Failed; empty otherwise
    std::string device;
    std::string file;     // the programme file being written
    Duration elapsed{0};  // recorded time of the current file
    int sampleRate = 0;
    std::vector<ChannelMeter> channels;  // empty until meters run
    double momentaryLufs = kSilenceDb;   // EBU R128, 400 ms
    double shortTermLufs = kSilenceDb;   // 3 s
    double integratedLufs = kSilenceDb;  // since the start of the file
    std::vector<RecordingAlarm> alarms;  // active alarms, most serious first
    std::optional<std::uint64_t> diskFreeBytes;
    int markers = 0;  // markers the record holds for the current file

    bool live() const {
        return state == RecordingState::Armed || state == RecordingState::Recording;
    }
};

// What a recording is for: the session being recorded and who acts.
struct RecordingTarget {
    std::int64_t sessionId = 0;
    std::string sessionTitle;   // for the file's bext description
    Duration plannedLength{0};  // for the low-disk alarm
    std::string actor;
};

class RecordingControl {
  public:
    virtual ~RecordingControl() = default;

    // [any thread] The latest status. Cheap: called every frame.
    virtual RecordingStatus status() const = 0;

    // [control] Opens the source and starts the meters without writing a file.
    virtual void arm(Database& db, const RecordingTarget& target) = 0;
    // [control] Starts writing the programme file (arming first if needed).
    virtual void start(Database& db, const RecordingTarget& target) = 0;
    // [control] Stops and closes the file. The producer has confirmed.
    virtual void stop(Database& db, const std::string& actor) = 0;
    // [control] About ten times a second while live(): poll meters and alarms.
    virtual void tick(Database& db) { (void)db; }
    // [control] The room shows this session (called often; act only on a change): a recorder
    // already running for it, started before a crash or from the command line, is shown.
    virtual void follow(Database& db, std::int64_t sessionId) {
        (void)db;
        (void)sessionId;
    }
};

// No recording module: every control says so.
class NoRecording final : public RecordingControl {
  public:
    RecordingStatus status() const override;
    void arm(Database& db, const RecordingTarget& target) override;
    void start(Database& db, const RecordingTarget& target) override;
    void stop(Database& db, const std::string& actor) override;
};

// For training, demos and the tests of the control room itself: walks through the states and
// makes meters move, writes nothing, and is labelled SIMULASI on every screen.
// Modes: "ok" (idle until started), "recording" (already recording), or an alarm kind
// ("dead_air", "clipping", "low_disk"...): recording, with that alarm on.
class SimulatedRecording final : public RecordingControl {
  public:
    explicit SimulatedRecording(const std::string& mode = "ok");
    ~SimulatedRecording() override;
    RecordingStatus status() const override;
    void arm(Database& db, const RecordingTarget& target) override;
    void start(Database& db, const RecordingTarget& target) override;
    void stop(Database& db, const std::string& actor) override;
    // Counts the markers the record holds for the session since the simulated start.
    void tick(Database& db) override;

  private:
    struct State;
    std::unique_ptr<State> state_;
};

const char* recordingStateCode(RecordingState s);

}  // namespace ds::ui
