// Durable question intake: IntakeService::receive on a real SQLite file in WAL mode with
// synchronous=FULL (what Database::open sets), one committed transaction per question, as the
// screener's "take in" does. Goal: at least 2,000 committed questions per second.
//
// The database lives in a fresh folder under std::filesystem::temp_directory_path() ($TMPDIR):
// point TMPDIR at the disk you want to measure; a tmpfs makes fsync free and the figure
// meaningless. Wall-clock time is used (fsync waits are not CPU time).
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "studio/Database.h"
#include "studio/IntakeService.h"
#include "studio/ProgrammeStore.h"
#include "studio/RequestStore.h"
#include "studio/SessionStore.h"
#include "studio/StationStore.h"

namespace {

const std::string kActor = "bench";

// A fresh database with a station, a programme and a planned session to take questions into.
struct IntakeFixture {
    std::filesystem::path dir;
    std::unique_ptr<ds::Database> db;
    ds::Station station;
    std::int64_t sessionId = 0;

    IntakeFixture() {
        dir =
            std::filesystem::temp_directory_path() / fmt::format("ds-bench-intake-{}", ::getpid());
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        db = std::make_unique<ds::Database>(ds::Database::open(dir / "intake.db"));
        ds::StationStore stations(*db);
        station = stations.current(kActor);
        station.code = "BKL";
        station.name = "Polres Bengkulu";
        station = stations.update(station, kActor);
        ds::Programme p;
        p.stationId = station.id;
        p.title = "Dialog Interaktif Kamtibmas";
        p = ds::ProgrammeStore(*db).create(p, kActor);
        ds::Session s;
        s.programmeId = p.id;
        s.topic = "Keselamatan berlalu lintas";
        s.scheduledStart = ds::now();
        s.plannedLength = std::chrono::minutes(60);
        sessionId = ds::SessionStore(*db).create(s, kActor).id;
    }
    ~IntakeFixture() {
        db.reset();
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
};

ds::Question question(std::int64_t sessionId, std::int64_t n, bool infoRequest) {
    ds::Question q;
    q.sessionId = sessionId;
    q.channel = n % 3 == 0 ? "whatsapp" : "phone";
    q.callerName = fmt::format("Penelepon {}", n);
    q.origin = "Kel. Pasar Melintang";
    q.contact = fmt::format("0812{:08}", n % 100000000);
    q.text = fmt::format(
        "Selamat pagi Pak, bagaimana cara melaporkan kehilangan STNK dan berapa lama prosesnya? "
        "Pertanyaan nomor {}.",
        n);
    q.infoRequest = infoRequest;
    if (infoRequest) q.purpose = "uji";
    return q;
}

void runIntake(benchmark::State& state, bool infoRequests, bool fsyncEachCommit = true) {
    IntakeFixture f;
    if (!fsyncEachCommit) f.db->exec("PRAGMA synchronous=NORMAL");
    ds::IntakeService intake(*f.db);
    std::int64_t n = 0;
    for (auto _ : state) {
        ds::Question stored = intake.receive(question(f.sessionId, ++n, infoRequests), kActor);
        benchmark::DoNotOptimize(stored.id);
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["questions_per_s"] =
        benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

// A flood of webhook deliveries taken in batches of state.range(0), one commit (one fsync) per
// batch: the figure is questions per second, to set against BM_QuestionIntake.
void BM_QuestionIntakeGroupCommit(benchmark::State& state) {
    IntakeFixture f;
    ds::IntakeService intake(*f.db);
    std::int64_t n = 0;
    std::vector<ds::Question> batch(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) {
        for (ds::Question& q : batch) {
            ++n;
            q = question(f.sessionId, n, n % 10 == 0);
        }
        auto stored = intake.receiveAll(batch, kActor);
        benchmark::DoNotOptimize(stored.data());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
    state.counters["questions_per_s"] = benchmark::Counter(
        static_cast<double>(state.iterations() * state.range(0)), benchmark::Counter::kIsRate);
}

// One committed question per iteration.
void BM_QuestionIntake(benchmark::State& state) {
    runIntake(state, false);
}
// The same with each question an information request registered in the same transaction.
void BM_QuestionIntakeWithInfoRequest(benchmark::State& state) {
    runIntake(state, true);
}
// For comparison only (not the goal): WAL with synchronous=NORMAL, where a commit survives a
// killed process but not a power cut, so commits do not wait for fsync.
void BM_QuestionIntakeNoFsyncComparison(benchmark::State& state) {
    runIntake(state, false, false);
}

}  // namespace

BENCHMARK(BM_QuestionIntake)->UseRealTime()->MinTime(2.0)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_QuestionIntakeWithInfoRequest)
    ->UseRealTime()
    ->MinTime(2.0)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_QuestionIntakeGroupCommit)
    ->Arg(32)
    ->UseRealTime()
    ->MinTime(2.0)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_QuestionIntakeNoFsyncComparison)
    ->UseRealTime()
    ->MinTime(2.0)
    ->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
