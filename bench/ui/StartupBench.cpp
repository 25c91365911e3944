// From start to first frame with a database holding five years of sessions (goal under 1 s):
// a weekly programme since five years ago (260 sessions with rundowns, 40 questions and 8
// information requests each, decided), plus today's live session. The real dialogstudio is
// started on it (--timing --frames 1) and timed from spawn to its first frame showing the
// session; it needs a display:
//
//   xvfb-run -a -s "-screen 0 1920x1080x24" build/release/bench/bench_ui_startup
//
// The database is built once and kept in $TMPDIR (DS_BENCH_KEEP_DB=0 rebuilds it).
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "studio/Database.h"
#include "studio/Demo.h"
#include "studio/IntakeService.h"
#include "studio/ProgrammeStore.h"
#include "studio/RequestStore.h"
#include "studio/SessionStore.h"
#include "studio/Statement.h"
#include "studio/StationStore.h"
#include "studio/Transaction.h"

extern char** environ;

namespace ds {
namespace {

namespace fs = std::filesystem;

const fs::path kDir = fs::temp_directory_path() / "ds-bench-ui-startup";

fs::path fiveYears() {
    const fs::path file = kDir / "five-years.db";
    const char* keep = std::getenv("DS_BENCH_KEEP_DB");
    if (fs::exists(file) && !(keep && std::string(keep) == "0")) return file;
    fs::create_directories(kDir);
    for (const char* suffix : {"", "-wal", "-shm"})
        fs::remove(file.string() + suffix);
    Database db = Database::open(file);
    Demo::create(db, "bench");  // station, programme, and one live session today
    Station st = StationStore(db).current("bench");
    const Programme programme = ProgrammeStore(db).list(st.id).front();
    SessionStore sessions(db);
    IntakeService intake(db);
    RequestStore requests(db, st, StationStore::calendar(st));
    const TimePoint today = now();
    Transaction tx(db);
    for (int week = 260; week >= 1; --week) {
        const TimePoint start = today - std::chrono::hours(24 * 7 * week);
        Session s;
        s.programmeId = programme.id;
        s.topic = "Kamtibmas minggu ke-" + std::to_string(261 - week);
        s.scheduledStart = start;
        s.plannedLength = std::chrono::minutes(60);
        s.checklist = {true, true, true, true};
        s = sessions.create(s, "bench");
        for (int i = 0; i < 40; ++i) {
            Question q;
            q.sessionId = s.id;
            q.channel = i % 3 ? "whatsapp" : "phone";
            q.receivedAt = start + std::chrono::minutes(i);
            q.callerName = "Penanya " + std::to_string(i);
            q.origin = "Kec. Teluk Segara";
            q.contact = "0812" + std::to_string(30000000 + (week * 40 + i) % 5000);
            q.text =
                "Pertanyaan pendengar nomor " + std::to_string(i) + " tentang lalu lintas dan SKCK";
            q.infoRequest = i % 5 == 0;
            q.purpose = q.infoRequest ? "Penelitian" : "";
            intake.receive(q, "bench");
        }
        // Past sessions are over: answered and ended (status set directly, as history).
        db.prepare("UPDATE questions SET status = 'answered' WHERE session_id = ?")
            .bind(1, s.id)
            .run();
        db.prepare(
              "UPDATE sessions SET status = 'signed', started_at = ?, ended_at = ? WHERE id = ?")
            .bindAll(formatUtc(start), formatUtc(start + std::chrono::minutes(60)), s.id)
            .run();
    }
    tx.commit();
    Transaction decide(db);
    RequestListFilter pending;
    pending.status = "pending";
    int i = 0;
    for (const InfoRequest& r : requests.list(pending, today)) {
        if (r.sessionId && ++i % 4 != 0) {
            Decision d;
            d.decision = "granted_full";
            d.materialGiven = "Data";
            requests.decide(r.id, d, "bench");
        }
    }
    decide.commit();
    return file;
}

// Starts dialogstudio; returns milliseconds until its stdout says `marker`.
double timeToOutput(const fs::path& db, const std::string& marker, std::string& output) {
    const fs::path out = kDir / "room.out";
    const fs::path shots = kDir / "shots";
    std::vector<std::string> argv = {DS_DIALOGSTUDIO, "--db", db.string(),    "--timing",
                                     "--frames",      "1",    "--screenshot", shots.string()};
    std::vector<char*> args;
    for (auto& a : argv)
        args.push_back(a.data());
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    setenv("XDG_CONFIG_HOME", (kDir / "config").c_str(), 1);
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    double ms = -1;
    for (;;) {
        std::ifstream in(out);
        std::stringstream text;
        text << in.rdbuf();
        output = text.str();
        if (ms < 0 && output.find(marker) != std::string::npos) {
            ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                     .count();
        }
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) == pid) break;
        usleep(500);
    }
    return ms;
}

double field(const std::string& output, const std::string& name) {
    const auto at = output.find(name + " ");
    return at == std::string::npos ? -1 : std::stod(output.substr(at + name.size() + 1));
}

void BM_StartToFirstFrame(benchmark::State& state) {
    if (!std::getenv("DISPLAY") || !*std::getenv("DISPLAY")) {
        state.SkipWithError("needs a display: run under xvfb-run");
        return;
    }
    const fs::path db = fiveYears();
    std::string output;
    timeToOutput(db, "first-data-frame-ms", output);  // warm the page cache once
    double own = 0, ownData = 0;
    std::vector<double> times;
    for (auto _ : state) {
        const double ms = timeToOutput(db, "first-data-frame-ms", output);
        times.push_back(ms);
        state.SetIterationTime(ms / 1000.0);
        own = field(output, "first-frame-ms");
        ownData = field(output, "first-data-frame-ms");
    }
    Database check = Database::open(db);
    Statement st = check.prepare(
        "SELECT COUNT(*), (SELECT COUNT(*) FROM questions), "
        "(SELECT COUNT(*) FROM info_requests) FROM sessions");
    st.step();
    state.counters["sessions"] = static_cast<double>(st.getInt(0));
    state.counters["questions"] = static_cast<double>(st.getInt(1));
    state.counters["requests"] = static_cast<double>(st.getInt(2));
    std::sort(times.begin(), times.end());
    state.counters["median_ms"] = times[times.size() / 2];
    state.counters["max_ms"] = times.back();
    state.counters["app_first_frame_ms"] = own;
    state.counters["app_first_data_frame_ms"] = ownData;
}
BENCHMARK(BM_StartToFirstFrame)->Iterations(7)->UseManualTime()->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace ds

BENCHMARK_MAIN();
