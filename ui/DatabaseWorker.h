#pragma once
// The control room's database thread. It owns the SQLite connection, applies the windows'
// database commands through the Controller, drives the recording's control calls, and publishes
// a fresh Snapshot after every change: its own, or another process's (PRAGMA data_version,
// checked a few times a second). The frame loop never touches the database, so a slow disk or a
// second process holding the write lock shows as "saving..." instead of a frozen window.
//
// Everything it hands back (snapshots, outcomes) goes through the UiQueue, drained once per frame.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "ui/Commands.h"
#include "ui/Snapshot.h"

namespace ds::ui {

class RecordingControl;
class UiQueue;

// How the session to open at start is chosen (pure; tested).
struct StartupRequest {
    std::optional<std::int64_t> session;      // --session ID
    bool demo = false;                        // --demo: open the live session, else create the demo
    std::optional<std::int64_t> lastSession;  // what was open when the room last ran (crash too)
};
struct SessionChoice {
    std::optional<std::int64_t> open;
    bool createDemo = false;
};
// --session wins; then --demo (a live session, else a new demo session); then the last session
// if it is still live or planned (after a crash the room comes back where it was); then the
// live session; then the next planned one; else the most recent.
SessionChoice chooseSession(const StartupRequest& request,
                            const std::vector<SessionSummary>& sessions);

class DatabaseWorker {
  public:
    struct Config {
        std::string databasePath;
        std::string actor;
        StartupRequest startup;
        std::chrono::milliseconds poll{250};  // how often other processes' changes are looked for
    };

    // Starts the thread. `onSnapshot` and `onOutcome` run on the frame loop (through `ui`).
    DatabaseWorker(Config config, RecordingControl& recording, UiQueue& ui,
                   std::function<void(std::shared_ptr<const Snapshot>)> onSnapshot,
                   std::function<void(Outcome)> onOutcome);
    ~DatabaseWorker();  // finishes the command being applied, then stops
    DatabaseWorker(const DatabaseWorker&) = delete;
    DatabaseWorker& operator=(const DatabaseWorker&) = delete;

    void post(DatabaseCommand command);                                  // [frame loop]
    bool busy() const { return busy_.load(std::memory_order_acquire); }  // [any]
    // [any] Commands applied so far (tests wait on it).
    std::uint64_t applied() const { return applied_.load(std::memory_order_acquire); }

  private:
    void run(std::stop_token stop);

    Config config_;
    RecordingControl& recording_;
    UiQueue& ui_;
    std::function<void(std::shared_ptr<const Snapshot>)> onSnapshot_;
    std::function<void(Outcome)> onOutcome_;

    std::mutex mutex_;
    std::condition_variable_any cv_;
    std::deque<DatabaseCommand> commands_;
    std::atomic<bool> busy_{false};
    std::atomic<std::uint64_t> applied_{0};
    std::jthread thread_;  // last: stopped and joined before the rest goes
};

}  // namespace ds::ui
