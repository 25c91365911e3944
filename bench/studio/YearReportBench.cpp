// The statistics for a year of data: 365 sessions with 200 information requests each (73,000),
// decisions spread over every outcome and legal ground and taken 1 to 12 days after receipt,
// some extended, escalated or still pending, and 20 questions per session; then
// SessionReport::build for all 365 sessions. Goal: under 1 s in total.
//
// The year is built once (store calls, so numbers, deadlines and journal rows are real) in one
// outer transaction, in a file under std::filesystem::temp_directory_path() ($TMPDIR), removed
// afterwards. DS_BENCH_YEAR_DB=PATH keeps the year in PATH instead and reuses it on the next run
// (building it takes a minute or more; handy when profiling the report).
// One benchmark iteration = the 365 reports.
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "bench/YearOfRequests.h"
#include "studio/SessionReport.h"
#include "studio/Statement.h"

namespace {

constexpr int kSessions = 365;
using ds::bench::kActor;
using ds::bench::kRequestsPerSession;

struct Year {
    std::filesystem::path dir;
    std::unique_ptr<ds::Database> db;
    std::unique_ptr<ds::RequestStore> requests;
    std::vector<std::int64_t> sessions;
    double setupSeconds = 0;
    ds::TimePoint asOf;

    Year() {
        auto t0 = std::chrono::steady_clock::now();
        asOf = ds::now();
        const char* keep = std::getenv("DS_BENCH_YEAR_DB");
        std::filesystem::path file;
        if (keep && *keep) {
            file = keep;
        } else {
            dir = std::filesystem::temp_directory_path() /
                  fmt::format("ds-bench-year-{}", ::getpid());
            std::filesystem::remove_all(dir);
            std::filesystem::create_directories(dir);
            file = dir / "year.db";
        }
        bool reuse = std::filesystem::exists(file);
        db = std::make_unique<ds::Database>(ds::Database::open(file));
        ds::StationStore stations(*db);
        ds::Station st = stations.current(kActor);
        if (!reuse) {
            st.code = "BKL";
            st = stations.update(st, kActor);
        }
        requests = std::make_unique<ds::RequestStore>(*db, st, ds::StationStore::calendar(st));
        if (reuse) {
            ds::Statement ids = db->prepare("SELECT id FROM sessions ORDER BY id");
            while (ids.step())
                sessions.push_back(ids.getInt(0));
        } else {
            build(st);
        }
        setupSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    }

    void build(const ds::Station& st) {
        // The year ends two weeks ago, so every decision lies in the past.
        sessions =
            ds::bench::seedYear(*db, st, asOf - std::chrono::days(kSessions + 15), kSessions);
    }

    ~Year() {
        requests.reset();
        db.reset();
        std::error_code ec;
        if (!dir.empty()) std::filesystem::remove_all(dir, ec);
    }
};

Year& year() {
    static Year y;
    return y;
}

void BM_YearOfSessionReports(benchmark::State& state) {
    Year& y = year();
    long long received = 0, refused = 0, pending = 0;
    for (auto _ : state) {
        received = refused = pending = 0;
        for (std::int64_t sid : y.sessions) {
            nlohmann::json r = ds::SessionReport::build(*y.db, *y.requests, sid, y.asOf);
            received += r["requests"]["received"].get<long long>();
            refused += r["requests"]["refused"].get<long long>();
            pending += r["requests"]["pending"].get<long long>();
        }
    }
    // Each session: 200 received, 7 of every 20 refused, 6 of every 20 undecided.
    if (received != kSessions * kRequestsPerSession || refused != kSessions * 70 ||
        pending != kSessions * 60) {
        state.SkipWithError("the reports do not add up to the data that was built");
    }
    state.SetItemsProcessed(state.iterations() * kSessions);
    state.counters["sessions"] = kSessions;
    state.counters["requests"] = static_cast<double>(received);
    state.counters["setup_s"] = y.setupSeconds;
}

}  // namespace

BENCHMARK(BM_YearOfSessionReports)->UseRealTime()->Unit(benchmark::kMillisecond)->MinTime(3.0);

BENCHMARK_MAIN();
