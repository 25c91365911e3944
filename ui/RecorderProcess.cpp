#include "ui/RecorderProcess.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "audio/RecorderStatusLine.h"
#include "studio/Database.h"
#include "studio/Errors.h"
#include "studio/RecordingStore.h"
#include "studio/SessionStore.h"
#include "ui/ChildProcess.h"
#include "ui/Translations.h"

namespace ds::ui {

namespace {

using Clock = std::chrono::steady_clock;

// How long start() waits for the child's first status line (it prints after its device opened
// and the file exists), and stop() for the child to close its file.
constexpr auto kStartWait = std::chrono::seconds(8);
constexpr auto kStopWait = std::chrono::seconds(15);

}  // namespace

RecorderProcess::RecorderProcess(std::string program, std::string databasePath)
    : program_(std::move(program)), databasePath_(std::move(databasePath)) {
    status_.state = RecordingState::Idle;
}

RecorderProcess::~RecorderProcess() {
    // The reader's jthread is asked to stop and joined. A child still running is left recording:
    // closing the room never ends a recording (the producer stops it, and quitting while recording
    // asks first). It is reaped by init.
}

RecordingStatus RecorderProcess::status() const {
    std::lock_guard lock(mutex_);
    return status_;
}

void RecorderProcess::setState(RecordingState state, const std::string& message) {
    std::lock_guard lock(mutex_);
    status_.state = state;
    status_.message = message;
    if (state != RecordingState::Recording) {
        status_.channels.clear();
        status_.alarms.clear();
        status_.momentaryLufs = status_.shortTermLufs = status_.integratedLufs = kSilenceDb;
    }
}

void RecorderProcess::arm(Database& db, const RecordingTarget& target) {
    if (child_ && !reap(false)) return;  // armed or recording already
    if (adopted_ > 0) return;
    sessionId_ = target.sessionId;
    if (RecordingStore(db).active(target.sessionId)) {
        adopt(db, target.sessionId);
        return;
    }
    spawn(target, true);
    awaitFirstLine();
}

void RecorderProcess::spawn(const RecordingTarget& target, bool arming) {
    std::vector<std::string> argv = {program_,
                                     "--db",
                                     databasePath_,
                                     "--actor",
                                     target.actor,
                                     "--lang",
                                     language() == Lang::En ? "en" : "id",
                                     "--json",
                                     "record",
                                     std::to_string(target.sessionId),
                                     "--meter-rate",
                                     "10"};
    if (arming) argv.push_back("--arm");
    child_ = std::make_unique<ChildProcess>(
        argv, ChildProcess::Options{.ownSession = true, .nonBlockingOutput = true});
    armed_ = arming;
    adopted_ = -1;
    {
        std::lock_guard lock(mutex_);
        lastError_.clear();
        lineSeen_ = false;
        status_ = RecordingStatus{};
        status_.state = arming ? RecordingState::Armed : RecordingState::Recording;
    }
    // Replacing the reader stops and joins the previous child's.
    reader_ = std::jthread([this, o = child_->releaseOut(), e = child_->releaseErr()](
                               std::stop_token stop) { readLoop(stop, o, e); });
}

void RecorderProcess::awaitFirstLine() {
    // The first status line says the device is open (and, recording, that the file exists and
    // the row is in the record); a child that ends first says why it could not.
    const auto deadline = Clock::now() + kStartWait;
    while (Clock::now() < deadline) {
        {
            std::lock_guard lock(mutex_);
            if (lineSeen_) return;
        }
        if (reap(false)) {
            std::string why;
            {
                std::lock_guard lock(mutex_);
                why = lastError_.empty() ? status_.message : lastError_;
            }
            throw UserError(why);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    // Slow to open (a JACK server starting up): it carries on; tick() watches it.
}

void RecorderProcess::start(Database& db, const RecordingTarget& target) {
    if (child_ && armed_ && !reap(false)) {
        // From armed to recording: the meters' process gives the device back first.
        child_->signal(SIGTERM);
        if (!child_->wait(kStopWait)) child_->signal(SIGKILL);
        reap(true);
    }
    if (child_ && !reap(false)) return;  // already recording
    if (adopted_ > 0) return;
    sessionId_ = target.sessionId;
    if (RecordingStore(db).active(target.sessionId)) {
        adopt(db, target.sessionId);
        return;
    }
    spawn(target, false);
    awaitFirstLine();
}

void RecorderProcess::stop(Database& db, const std::string& actor) {
    (void)actor;
    if (adopted_ > 0) {
        // Someone else's child: ask it to stop and wait until its lock is free.
        ::kill(adopted_, SIGTERM);
        const auto deadline = Clock::now() + kStopWait;
        while (Clock::now() < deadline && RecordingStore(db).active(sessionId_))
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        if (RecordingStore(db).active(sessionId_))
            throw UserError(fmt::format("the recorder (process {}) did not stop", adopted_));
        adopted_ = -1;
        setState(RecordingState::Idle, "");
        return;
    }
    if (!child_) return;
    child_->signal(SIGTERM);  // a clean close: the rest of the ring, the cue points, the row
    if (!child_->wait(kStopWait)) {
        // Never wait forever on the producer's key; the file is valid whatever happens (its
        // header is rewritten twice a second) and recovery closes the row.
        child_->signal(SIGKILL);
    }
    reap(true);
}

void RecorderProcess::tick(Database& db) {
    if (child_) {
        if (reap(false)) return;
        std::int64_t id = 0;
        {
            std::lock_guard lock(mutex_);
            if (status_.file.empty()) id = recordingId_;
        }
        if (id != 0) {
            // The status lines carry meters; the file and device are in the record.
            const Recording r = RecordingStore(db).get(id);
            std::lock_guard lock(mutex_);
            status_.file = r.path;
            status_.device = r.device;
            status_.sampleRate = r.sampleRate;
        }
        {
            std::lock_guard lock(mutex_);
            id = recordingId_;
        }
        if (id != 0) {
            const auto count = RecordingStore(db).markers(sessionId_, id).size();
            std::lock_guard lock(mutex_);
            status_.markers = static_cast<int>(count);
        }
        return;
    }
    if (adopted_ > 0) {
        const auto live = RecordingStore(db).active(sessionId_);
        if (!live) {
            adopted_ = -1;
            setState(RecordingState::Idle, "");
            return;
        }
        std::lock_guard lock(mutex_);
        status_.elapsed = std::chrono::duration_cast<Duration>(
            std::chrono::duration<double>(double(live->frames) / std::max(1, live->sampleRate)));
    }
}

void RecorderProcess::follow(Database& db, std::int64_t sessionId) {
    if (sessionId == followed_ || child_) return;
    followed_ = sessionId;
    if (adopted_ > 0 && sessionId != sessionId_) {
        adopted_ = -1;
        setState(RecordingState::Idle, "");
    }
    if (sessionId > 0 && RecordingStore(db).active(sessionId)) adopt(db, sessionId);
}

void RecorderProcess::adopt(Database& db, std::int64_t sessionId) {
    const auto live = RecordingStore(db).active(sessionId);
    if (!live) return;
    sessionId_ = sessionId;
    recordingId_ = live->id;
    adopted_ = static_cast<pid_t>(live->pid.value_or(-1));
    std::lock_guard lock(mutex_);
    status_ = RecordingStatus{};
    status_.state = RecordingState::Recording;
    status_.file = live->path;
    status_.device = live->device;
    status_.sampleRate = live->sampleRate;
    status_.message = fmtTx(Tx::RecorderElsewhere, live->pid.value_or(0));
    status_.elapsed = std::chrono::duration_cast<Duration>(
        std::chrono::duration<double>(double(live->frames) / std::max(1, live->sampleRate)));
}

bool RecorderProcess::reap(bool block) {
    if (!child_) return true;
    const std::optional<int> st =
        child_->wait(block ? std::chrono::milliseconds(60000) : std::chrono::milliseconds(0));
    if (!st) return false;
    child_.reset();
    reader_ = std::jthread();  // stops and joins the reader
    std::string why;
    {
        std::lock_guard lock(mutex_);
        why = lastError_;
        recordingId_ = 0;
    }
    if (WIFEXITED(*st) && WEXITSTATUS(*st) == 0) {
        setState(RecordingState::Idle, "");
    } else {
        if (why.empty()) why = "the recorder stopped: " + ChildProcess::describe(*st);
        setState(RecordingState::Failed, why);
    }
    return true;
}

void RecorderProcess::readLoop(std::stop_token stop, int out, int err) {
    ChildProcess::readLines(
        out, err,
        [this](int stream, std::string line) {
            if (stream == 1) {
                onLine(line);
            } else if (!line.empty()) {
                // "dialogstudio: <why>" is what the command line prints on failure.
                const std::string prefix = "dialogstudio: ";
                if (line.rfind(prefix, 0) == 0) line.erase(0, prefix.size());
                std::lock_guard lock(mutex_);
                lastError_ = line;
            }
        },
        [&stop] { return stop.stop_requested(); });
}

void RecorderProcess::onLine(const std::string& line) {
    const auto parsed =
        audio::RecorderStatusLine::fromJson(nlohmann::json::parse(line, nullptr, false));
    if (!parsed) return;  // a line cut short: the next comes
    const audio::RecorderStatusLine& j = *parsed;
    std::lock_guard lock(mutex_);
    lineSeen_ = true;
    recordingId_ = j.recording;  // 0 while armed
    RecordingStatus& s = status_;
    s.state = recordingId_ != 0 ? RecordingState::Recording : RecordingState::Armed;
    s.message.clear();
    s.elapsed = std::chrono::duration_cast<Duration>(std::chrono::duration<double>(j.elapsed));
    s.channels.clear();
    for (const audio::StatusLineChannel& c : j.channels)
        s.channels.push_back({c.peakDbfs, c.peakHoldDbfs, c.rmsDbfs, c.clipping});
    s.momentaryLufs = j.momentaryLufs;
    s.shortTermLufs = j.shortTermLufs;
    s.integratedLufs = j.integratedLufs;

    // Alarms keep the time they were first seen, so the banner says how long they have been on.
    std::vector<std::string> kinds = j.alarms;
    if (j.state == "reconnecting") kinds.insert(kinds.begin(), "device_lost");
    std::vector<RecordingAlarm> alarms;
    for (const std::string& k : kinds) {
        RecordingAlarm a;
        a.kind = k;
        const auto since = alarmSince_.try_emplace(k, Clock::now()).first->second;
        a.active = std::chrono::duration_cast<Duration>(Clock::now() - since);
        if (k == "ring_overrun") a.detail = fmt::format("{} frames", j.dropped);
        alarms.push_back(std::move(a));
    }
    std::erase_if(alarmSince_, [&](const auto& kv) {
        return std::find(kinds.begin(), kinds.end(), kv.first) == kinds.end();
    });
    s.alarms = std::move(alarms);
}

}  // namespace ds::ui
