#include "ui/DatabaseWorker.h"

#include "studio/Database.h"
#include "studio/Errors.h"
#include "studio/Statement.h"
#include "ui/Controller.h"
#include "ui/Jobs.h"
#include "ui/RecordingControl.h"
#include "ui/SnapshotBuilder.h"

namespace ds::ui {

SessionChoice chooseSession(const StartupRequest& request,
                            const std::vector<SessionSummary>& sessions) {
    SessionChoice c;
    const auto find = [&](auto pred) -> std::optional<std::int64_t> {
        for (const SessionSummary& s : sessions) {
            if (pred(s)) return s.id;
        }
        return std::nullopt;
    };
    if (request.session) {
        c.open = request.session;
        return c;
    }
    const auto live = find([](const SessionSummary& s) { return s.status == "live"; });
    if (request.demo) {
        if (live) {
            c.open = live;
        } else {
            c.createDemo = true;
        }
        return c;
    }
    if (request.lastSession) {
        const auto last = find([&](const SessionSummary& s) {
            return s.id == *request.lastSession && (s.status == "live" || s.status == "planned");
        });
        if (last) {
            c.open = last;
            return c;
        }
    }
    if (live) {
        c.open = live;
        return c;
    }
    // Sessions come newest scheduled first: the last planned one in the list is the next due.
    std::optional<std::int64_t> planned;
    for (const SessionSummary& s : sessions) {
        if (s.status == "planned") planned = s.id;
    }
    c.open =
        planned ? planned : (sessions.empty() ? std::nullopt : std::optional(sessions.front().id));
    return c;
}

DatabaseWorker::DatabaseWorker(Config config, RecordingControl& recording, UiQueue& ui,
                               std::function<void(std::shared_ptr<const Snapshot>)> onSnapshot,
                               std::function<void(Outcome)> onOutcome)
    : config_(std::move(config)),
      recording_(recording),
      ui_(ui),
      onSnapshot_(std::move(onSnapshot)),
      onOutcome_(std::move(onOutcome)),
      thread_([this](std::stop_token stop) { run(stop); }) {}

DatabaseWorker::~DatabaseWorker() = default;  // the jthread asks the loop to stop and joins it

void DatabaseWorker::post(DatabaseCommand command) {
    {
        std::lock_guard lock(mutex_);
        commands_.push_back(std::move(command));
    }
    busy_.store(true, std::memory_order_release);
    cv_.notify_one();
}

namespace {

std::int64_t dataVersion(Database& db) {
    Statement st = db.prepare("PRAGMA data_version");
    st.step();
    return st.getInt(0);
}

}  // namespace

void DatabaseWorker::run(std::stop_token stop) {
    std::uint64_t generation = 0;
    std::shared_ptr<const Snapshot> last;
    const auto publish = [&](Snapshot s) {
        s.generation = ++generation;
        auto shared = std::make_shared<const Snapshot>(std::move(s));
        last = shared;
        ui_.post([this, shared] { onSnapshot_(shared); });
    };
    const auto publishError = [&](const std::string& message) {
        Snapshot s = last ? *last : Snapshot{};
        s.error = message;
        s.databasePath = config_.databasePath;
        s.actor = config_.actor;
        publish(std::move(s));
    };
    const auto stopping = [&] { return stop.stop_requested(); };

    // Open the record; a busy or broken database is said on screen and retried.
    std::unique_ptr<Database> db;
    while (!db) {
        try {
            db = std::make_unique<Database>(Database::open(config_.databasePath));
        } catch (const std::exception& e) {
            publishError(e.what());
            std::unique_lock lock(mutex_);
            cv_.wait_for(lock, stop, std::chrono::seconds(1), [] { return false; });
            if (stop.stop_requested()) return;
        }
    }
    SnapshotBuilder builder(*db, config_.actor);
    Controller controller(*db, config_.actor, recording_);

    try {
        const Snapshot first = builder.build(std::nullopt, "", now());
        const SessionChoice choice = chooseSession(config_.startup, first.sessions);
        if (choice.createDemo) {
            Outcome o = controller.apply(cmd::CreateDemoSession{});
            ui_.post([this, o = std::move(o)] { onOutcome_(o); });
        } else {
            controller.setSessionId(choice.open);
        }
        publish(builder.build(controller.sessionId(), controller.contactQuery(), now()));
    } catch (const std::exception& e) {
        publishError(e.what());
    }

    std::int64_t version = dataVersion(*db);
    auto lastBuild = std::chrono::steady_clock::now();
    for (;;) {
        std::deque<DatabaseCommand> batch;
        {
            std::unique_lock lock(mutex_);
            const auto wait =
                recording_.status().live() ? std::chrono::milliseconds(100) : config_.poll;
            cv_.wait_for(lock, stop, wait, [this] { return !commands_.empty(); });
            if (stop.stop_requested()) break;
            batch.swap(commands_);
        }
        bool changed = false;
        for (const DatabaseCommand& c : batch) {
            Outcome o = controller.apply(c);
            changed = true;
            applied_.fetch_add(1, std::memory_order_acq_rel);
            ui_.post([this, o = std::move(o)] { onOutcome_(o); });
        }
        try {
            recording_.follow(*db, controller.sessionId().value_or(0));
        } catch (const std::exception& e) {
            publishError(e.what());
        }
        if (recording_.status().live()) {
            try {
                recording_.tick(*db);
            } catch (const std::exception& e) {
                ui_.post([this, m = std::string(e.what())] {
                    onOutcome_({0, "Recording", false, m, 0});
                });
            }
        }
        try {
            const std::int64_t v = dataVersion(*db);
            if (v != version) changed = true, version = v;
            // Overdue flags and the report's "as of" move with the clock even when nothing changes.
            if (std::chrono::steady_clock::now() - lastBuild > std::chrono::seconds(15))
                changed = true;
            if (changed) {
                publish(builder.build(controller.sessionId(), controller.contactQuery(), now()));
                lastBuild = std::chrono::steady_clock::now();
            }
        } catch (const std::exception& e) {
            publishError(e.what());
        }
        {
            std::lock_guard lock(mutex_);
            if (commands_.empty()) busy_.store(false, std::memory_order_release);
        }
        if (stopping()) break;
    }
}

}  // namespace ds::ui
