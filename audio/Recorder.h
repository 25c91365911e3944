#pragma once
// Recorder: one recording, put together: CaptureEngine -> ring -> DiskWriter -> RecordingWriter
// (-> LevelMeter), with AlarmMonitor judging every meter window (all those published since the
// last poll, in order, so alarm positions follow the audio, not the polling). This is what a
// `record` command or the control room drives; it knows nothing of sessions or the journal: the
// caller journals the events poll() returns and stores the markers' positions.
//
// Each public method says which thread may call it: [control] is the owner's thread (start,
// poll about ten times a second or at least once a second, stop); [any] is any thread.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "audio/AlarmMonitor.h"
#include "audio/CaptureEngine.h"
#include "audio/DiskWriter.h"
#include "audio/LevelMeter.h"
#include "audio/RecordingWriter.h"

namespace ds::audio {

struct RecorderSettings {
    CaptureOptions capture;
    RecordingSettings file;  // its sampleRate and channels are taken from `capture`
    MeterSettings meters;
    AlarmSettings alarms;
    DiskWriterOptions writer;
    double plannedSeconds = 0.0;  // the session's planned length, for the low-disk alarm
};

struct RecorderStatus {
    CaptureStatus capture;
    MeterSnapshot meters;
    std::uint64_t framesWritten = 0;
    std::uint64_t framesLost = 0;  // refused by the disk
    std::string diskError;         // the first disk error, if any
    std::optional<std::uint64_t> diskFreeBytes;
    std::vector<CaptureEvent> captureEvents;  // new since the last poll
    std::vector<AlarmEvent> alarmEvents;      // new since the last poll
    std::vector<AlarmKind> activeAlarms;
};

class Recorder {
  public:
    // Checks the settings; throws AudioError. Opens nothing yet.
    explicit Recorder(RecorderSettings settings);
    ~Recorder();  // stops; errors on the way are swallowed (call stop() to hear them)
    Recorder(const Recorder&) = delete;
    Recorder& operator=(const Recorder&) = delete;

    // [control] Opens the source, then creates the file and starts writing. Throws AudioError;
    // on failure nothing is left running (and no file is left for a device that never opened).
    void start();

    // [control] Gathers meters, counters, events and alarms as of now.
    RecorderStatus poll();

    // [any] Places a marker at the current capture position; returns that frame position.
    std::uint64_t addMarker(std::string label);

    // [any] Places a marker at an explicit frame position, for markers another process
    // stored in the database (their position comes from the recorder's heartbeat). Markers
    // added before stop() are written into the file as cue points; later ones are ignored.
    void addMarkerAt(std::uint64_t frame, std::string label);

    // [control] Stops capture, writes the rest, closes the file with its markers. Returns the
    // last events (the end of any active alarm). Throws AudioError if the file cannot be closed.
    RecorderStatus stop();

    bool running() const { return running_; }  // [control]
    const RecorderSettings& settings() const { return settings_; }
    CaptureEngine& engine() { return *engine_; }

  private:
    RecorderStatus gather(std::chrono::steady_clock::time_point now, bool final);

    RecorderSettings settings_;
    std::unique_ptr<CaptureEngine> engine_;
    std::unique_ptr<LevelMeter> meter_;
    std::unique_ptr<RecordingWriter> file_;
    std::unique_ptr<DiskWriter> writer_;
    AlarmMonitor alarms_;
    bool running_ = false;
    std::chrono::steady_clock::time_point lastDiskCheck_{};
    std::optional<std::uint64_t> diskFree_;
};

}  // namespace ds::audio
