#pragma once
// The control room's real recorder: `dialogstudio record SESSION --json --meter-rate 10`, run as
// a child process, the same recorder the command line uses (audio/RecordCommand.cpp: lock file,
// recordings row, heartbeat, alarms and gaps journalled, markers written as cue points).
//
// Why a process and not a Recorder object inside the room: the recording must outlive anything
// that happens to the window. The child runs in its own session, ignores a closed pipe and
// keeps recording if the room crashes or is killed; the room that opens next finds it through
// its lock file and shows it (without meters, which only the room that started it reads). A
// frozen frame loop or a GL driver fault cannot stall the capture either.
//
// Meters come from the child's JSON status lines (10 a second) on a reader thread; status() is
// a copy of the latest. Markers are studio's (stored with their sample position from the
// heartbeat); tick() counts those of the running recording for the producer's window.
#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>

#include "ui/RecordingControl.h"

namespace ds::ui {

class ChildProcess;

class RecorderProcess final : public RecordingControl {
  public:
    // `program`: the dialogstudio binary (normally /proc/self/exe); `databasePath`: the
    // database the room uses, passed to the child.
    RecorderProcess(std::string program, std::string databasePath);
    // Leaves a running child recording (it is its own process); stops reading it.
    ~RecorderProcess() override;
    RecorderProcess(const RecorderProcess&) = delete;
    RecorderProcess& operator=(const RecorderProcess&) = delete;

    RecordingStatus status() const override;  // [any]
    void arm(Database& db, const RecordingTarget& target) override;
    void start(Database& db, const RecordingTarget& target) override;
    void stop(Database& db, const std::string& actor) override;
    void tick(Database& db) override;
    void follow(Database& db, std::int64_t sessionId) override;

  private:
    void spawn(const RecordingTarget& target, bool arming);
    void awaitFirstLine();
    void readLoop(std::stop_token stop, int out, int err);
    void onLine(const std::string& line);
    // Reaps the child if it has exited; true when it has (its exit is then in the status).
    bool reap(bool block);
    void adopt(Database& db, std::int64_t sessionId);
    void setState(RecordingState state, const std::string& message);

    const std::string program_;
    const std::string databasePath_;
    mutable std::mutex mutex_;
    RecordingStatus status_;  // guarded by mutex_
    std::string lastError_;   // the child's last stderr line, guarded by mutex_
    std::map<std::string, std::chrono::steady_clock::time_point> alarmSince_;  // mutex_
    std::unique_ptr<ChildProcess> child_;  // our recorder [control]
    pid_t adopted_ = -1;                   // a recorder another process started [control]
    std::int64_t sessionId_ = 0;
    std::int64_t recordingId_ = 0;
    std::int64_t followed_ = -1;
    bool armed_ = false;     // the child shows meters only [control]
    bool lineSeen_ = false;  // the child has printed a status line, guarded by mutex_
    std::jthread reader_;    // last: stopped and joined before the rest goes
};

}  // namespace ds::ui
