// CPU time to build one control-room frame (ImGui NewFrame to Render: the draw data is ready,
// the GPU's part is not counted) with 5,000 questions and a 200-segment rundown, every window
// of the main OS window drawn plus the guests' window. Goal: under 2 ms median.
// Also: the database worker's cost of building a snapshot of such a session from SQLite.
//
//   ninja -C build/release bench_ui_frame && build/release/bench/bench_ui_frame
#include <benchmark/benchmark.h>

#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <filesystem>

#include "studio/Database.h"
#include "studio/Demo.h"
#include "studio/IntakeService.h"
#include "studio/QuestionStore.h"
#include "studio/SessionStore.h"
#include "studio/Statement.h"
#include "studio/StationStore.h"
#include "studio/Transaction.h"
#include "ui/ControlRoomView.h"
#include "ui/HeadlessUi.h"
#include "ui/SnapshotBuilder.h"
#include "ui/Translations.h"

namespace ds::ui {
namespace {

const char* kTexts[] = {
    "Selamat pagi Pak, bagaimana cara melaporkan kehilangan STNK, apakah bisa secara online?",
    "Apakah ada patroli di Jalan Suprapto malam hari? Banyak warga resah karena balap liar.",
    "Syarat membuat SKCK untuk melamar kerja apa saja, Pak?",
    "Kapan jadwal SIM keliling di Kecamatan Selebar bulan depan?",
    "Lampu jalan di depan Polsek Teluk Segara mati sudah seminggu, rawan kejahatan.",
};
const char* kStatuses[] = {"new", "screened", "approved", "answered", "rejected", "deferred"};

// A live session at its 100th of 200 segments with 5,000 questions in every state.
Snapshot syntheticSnapshot(int questions, int segments) {
    Snapshot s;
    s.generation = 1;
    s.builtAt = now();
    s.station.name = "Polres Bengkulu";
    s.station.code = "BKL";
    s.station.timeZone = "Asia/Jakarta";
    Session session;
    session.id = 1;
    session.programmeTitle = "Dialog Interaktif Kamtibmas";
    session.topic = "Keselamatan berlalu lintas dan pelayanan SIM, SKCK bagi masyarakat";
    session.partnerMedia = "RRI Bengkulu Pro 1 FM";
    session.status = "live";
    const TimePoint start = now() - std::chrono::minutes(100 * 2);
    session.scheduledStart = start;
    session.plannedLength = std::chrono::minutes(2 * segments);
    for (int i = 0; i < segments; ++i) {
        Segment seg;
        seg.id = i + 1;
        seg.ord = i;
        seg.kind = i % 3 == 0 ? "qa" : "material";
        seg.title = "Segmen " + std::to_string(i + 1) + ": materi Kamtibmas dan tanya jawab";
        seg.planned = std::chrono::minutes(2);
        if (i < 100) {
            seg.actualStart = start + std::chrono::minutes(2 * i);
            seg.actualEnd = start + std::chrono::minutes(2 * i + 2);
        } else if (i == 100) {
            seg.actualStart = start + std::chrono::minutes(2 * i);
        }
        session.segments.push_back(seg);
    }
    s.session = session;
    for (int i = 0; i < questions; ++i) {
        Question q;
        q.id = i + 1;
        q.sessionId = 1;
        q.number = i + 1;
        q.channel = i % 2 ? "whatsapp" : "phone";
        q.receivedAt = start + std::chrono::seconds(i);
        q.callerName = "Penanya " + std::to_string(i + 1);
        q.origin = "Kec. Teluk Segara";
        q.contact = "0812" + std::to_string(10000000 + i);
        q.text = kTexts[i % 5];
        q.status = kStatuses[i % 6];
        if (q.status == "approved") q.queuePos = i / 6 + 1;
        s.questions.push_back(std::move(q));
    }
    s.questions[7].status = "on_air";
    indexQuestions(s);
    for (int i = 0; i < 200; ++i) {
        RequestRow r;
        r.request.id = i + 1;
        r.request.registrationNumber = std::to_string(i + 1) + "/PPID-BKL/XI/2026";
        r.request.receivedAt = start;
        r.request.requester.name = "Pemohon " + std::to_string(i);
        r.request.status = i % 3 ? "pending" : "granted_full";
        r.request.dueDate = localDay(now(), "Asia/Jakarta") + date::days(10);
        r.workingDaysLeft = 8;
        r.request.details = kTexts[i % 5];
        s.requests.push_back(std::move(r));
    }
    s.report.received = 200;
    return s;
}

std::vector<double> frameTimes(benchmark::State& state, HeadlessUi& ui,
                               const std::function<void()>& draw) {
    for (int i = 0; i < 10; ++i)
        ui.frame(draw, false);  // layout settles, tables size
    std::vector<double> ms;
    for (auto _ : state) {
        ui.frame(draw, false);
        ms.push_back(ui.lastFrameMs());
        state.SetIterationTime(ui.lastFrameMs() / 1000.0);
    }
    return ms;
}

void report(benchmark::State& state, std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    state.counters["median_ms"] = ms[ms.size() / 2];
    state.counters["p99_ms"] = ms[std::min(ms.size() - 1, ms.size() * 99 / 100)];
    state.counters["max_ms"] = ms.back();
}

// The main OS window: menu, status strip, producer, screener, PPID officer, message bar.
void BM_MainWindowFrame(benchmark::State& state) {
    setLanguage(Lang::Id);
    const Snapshot snap = syntheticSnapshot(static_cast<int>(state.range(0)), 200);
    HeadlessUi ui(1920, 1080);
    ControlRoomView view;
    AppState app;
    RecordingStatus rec;
    rec.state = RecordingState::Recording;
    rec.channels.resize(2);
    CommandList out;
    const auto draw = [&] {
        const TimePoint t = now();
        const RundownFigures fig = figuresAt(snap, t);
        Frame f{snap, t, &fig, rec, ui.fonts(), app, out};
        view.drawMain(f);
        out.clear();
    };
    auto ms = frameTimes(state, ui, draw);
    state.counters["vertices"] = ui.drawVertices();
    report(state, std::move(ms));
}
BENCHMARK(BM_MainWindowFrame)
    ->Arg(5000)
    ->Iterations(500)
    ->UseManualTime()
    ->Unit(benchmark::kMicrosecond);

// The guests' window (its own context, big fonts).
void BM_GuestWindowFrame(benchmark::State& state) {
    setLanguage(Lang::Id);
    const Snapshot snap = syntheticSnapshot(5000, 200);
    HeadlessUi ui(1920, 1080, HeadlessUi::Role::Guest);
    ControlRoomView view;
    AppState app;
    app.guestMessage = "Mohon jawab singkat, waktu tinggal 2 menit";
    RecordingStatus rec;
    CommandList out;
    const auto draw = [&] {
        const TimePoint t = now();
        const RundownFigures fig = figuresAt(snap, t);
        Frame f{snap, t, &fig, rec, ui.fonts(), app, out};
        view.drawGuest(f);
    };
    report(state, frameTimes(state, ui, draw));
}
BENCHMARK(BM_GuestWindowFrame)->Iterations(500)->UseManualTime()->Unit(benchmark::kMicrosecond);

// The rundown clock alone (200 segments), computed every frame.
void BM_RundownFigures(benchmark::State& state) {
    const Snapshot snap = syntheticSnapshot(10, 200);
    for (auto _ : state)
        benchmark::DoNotOptimize(figuresAt(snap, now()));
}
BENCHMARK(BM_RundownFigures)->Unit(benchmark::kMicrosecond);

// The database worker's snapshot of a live session with 5,000 questions (SQLite, WAL).
void BM_SnapshotFromDatabase(benchmark::State& state) {
    setLanguage(Lang::Id);
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("ds-bench-snap-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    {
        Database db = Database::open(dir / "bench.db");
        const std::int64_t session = Demo::create(db, "bench");
        Station st = StationStore(db).current("bench");
        IntakeService intake(db);
        Transaction tx(db);
        for (int i = 0; i < state.range(0); ++i) {
            Question q;
            q.sessionId = session;
            q.channel = "whatsapp";
            q.callerName = "Penanya " + std::to_string(i);
            q.origin = "Kec. Selebar";
            q.contact = "0813" + std::to_string(20000000 + i);
            q.text = kTexts[i % 5];
            intake.receive(q, "bench");
        }
        tx.commit();
        Database::Options o;
        Database read = Database::open(dir / "bench.db", o);
        SnapshotBuilder builder(read, "bench");
        for (auto _ : state) {
            Snapshot s = builder.build(session, "081273451290", now());
            benchmark::DoNotOptimize(s.questions.data());
        }
    }
    std::filesystem::remove_all(dir);
}
BENCHMARK(BM_SnapshotFromDatabase)->Arg(5000)->Iterations(20)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace ds::ui

BENCHMARK_MAIN();
