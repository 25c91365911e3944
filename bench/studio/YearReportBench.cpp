// The statistics for a year of data: 365 sessions with 200 information requests each (73,000),
// decisions spread over every outcome and legal ground and taken 1 to 12 days after receipt,
// some extended, escalated or still pending, and 20 questions per session; then
// SessionReport::build for all 365 sessions. Goal (issue 2): under 1 s in total.
//
// The year is built once (store calls, so numbers, deadlines and journal rows are real) in one
// outer transaction, in a file under std::filesystem::temp_directory_path() ($TMPDIR), removed
// afterwards. DS_BENCH_YEAR_DB=PATH keeps the year in PATH instead and reuses it on the next run
// (building it takes a minute or more; handy when profiling the report).
// One benchmark iteration = the 365 reports.
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "studio/Database.h"
#include "studio/ProgrammeStore.h"
#include "studio/QuestionStore.h"
#include "studio/RequestStore.h"
#include "studio/SessionReport.h"
#include "studio/SessionStore.h"
#include "studio/Statement.h"
#include "studio/StationStore.h"
#include "studio/Transaction.h"

namespace {

constexpr int kSessions = 365;
constexpr int kRequestsPerSession = 200;
constexpr int kQuestionsPerSession = 20;
const std::string kActor = "bench";

// Outcome of request i of a session: 20 shapes, so each session has 10 of each.
ds::Decision decisionFor(int i) {
    ds::Decision d;
    static const std::array<const char*, 10> kGrounds{"P17b", "P17c", "P17d", "P17e", "P17f",
                                                      "P17g", "P17i", "P17j", "not_documented", "P6"};
    switch (i % 20) {
        case 0: case 1: case 2: case 3: case 4: d.decision = "granted_full"; break;
        case 5: case 6:
            d.decision = "granted_partial";
            d.redactedParts = "Identitas pelapor";
            d.redactionReason = "Pasal 17 huruf h";
            break;
        case 7: case 8: case 9:
            d.decision = "refused";
            d.ground = "P17a";
            d.subground = 1 + i % 5;
            break;
        case 10:
            d.decision = "refused";
            d.ground = "P17h";
            d.subground = 1 + i % 5;
            break;
        case 11: case 12:
            d.decision = "refused";
            d.ground = kGrounds[(i / 20) % kGrounds.size()];
            break;
        case 13: d.decision = "refused"; d.ground = "not_held"; break;
        default: return d;  // 14..19: left undecided (pending, some extended or escalated)
    }
    if (d.decision == "refused") {
        d.reason = "Alasan penolakan";
        if (d.ground.rfind("P17", 0) == 0) d.consequenceTest = "Uji konsekuensi Pasal 19";
        if (d.ground == "P17j") d.law = "UU 8/1981 Pasal 1";
    }
    return d;
}

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
            dir = std::filesystem::temp_directory_path() / fmt::format("ds-bench-year-{}", ::getpid());
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
            while (ids.step()) sessions.push_back(ids.getInt(0));
        } else {
            build(st);
        }
        setupSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    }

    void build(const ds::Station& st) {
        ds::QuestionStore questions(*db, ds::StationStore::contentFilter(st), st.timeZone);
        ds::Programme p;
        p.stationId = st.id;
        p.title = "Dialog Interaktif Kamtibmas";
        p = ds::ProgrammeStore(*db).create(p, kActor);

        // The year ends two weeks ago, so every decision below lies in the past.
        ds::TimePoint first = asOf - std::chrono::days(kSessions + 15);
        ds::Transaction tx(*db);
        for (int d = 0; d < kSessions; ++d) {
            ds::TimePoint start = first + std::chrono::days(d);
            ds::Session s;
            s.programmeId = p.id;
            s.topic = fmt::format("Topik hari ke-{}", d + 1);
            s.scheduledStart = start;
            s.plannedLength = std::chrono::minutes(60);
            std::int64_t sid = ds::SessionStore(*db).create(s, kActor).id;
            sessions.push_back(sid);
            addQuestions(questions, sid, start);
            addRequests(sid, start);
        }
        // decide() stamps "now"; a real year's decisions come 1 to 12 days after receipt, which
        // is what the per-request working-day count in the report walks over.
        db->exec(
            "UPDATE info_requests SET decided_at = strftime('%Y-%m-%dT%H:%M:%fZ', received_at, "
            "'+' || (1 + id % 12) || ' days') WHERE decided_at IS NOT NULL");
        tx.commit();
    }

    void addQuestions(ds::QuestionStore& questions, std::int64_t sid, ds::TimePoint start) {
        static const std::array<const char*, 7> kChannels{"phone", "sms", "whatsapp", "email",
                                                          "social", "letter", "studio"};
        for (int i = 0; i < kQuestionsPerSession; ++i) {
            ds::Question q;
            q.sessionId = sid;
            q.channel = kChannels[i % kChannels.size()];
            q.receivedAt = start + std::chrono::minutes(i);
            q.text = fmt::format("Pertanyaan pendengar nomor {} tentang pelayanan SKCK", i);
            questions.add(q, kActor);
        }
    }

    void addRequests(std::int64_t sid, ds::TimePoint start) {
        for (int i = 0; i < kRequestsPerSession; ++i) {
            ds::InfoRequest r;
            r.sessionId = sid;
            r.channel = i % 2 ? "letter" : "email";
            r.requester.name = fmt::format("Pemohon {}", i);
            r.details = fmt::format("Salinan data nomor {} tahun berjalan", i);
            r.receivedAt = start + std::chrono::seconds(17 * i);
            std::int64_t id = requests->open(r, kActor).id;
            if (i % 20 == 15 || i % 20 == 16) requests->extend(id, "Data di Polsek", kActor);
            if (i % 20 == 17 || i % 20 == 12) requests->escalate(id, "Informasi dikecualikan", kActor);
            if (i % 20 == 12) {
                requests->leadership(id, "AKBP Budi Santoso, Kapolres", "withhold", std::nullopt,
                                     "", kActor);
            }
            ds::Decision d = decisionFor(i);
            if (!d.decision.empty()) requests->decide(id, d, kActor);
        }
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
