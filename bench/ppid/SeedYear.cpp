// Seeds a year of PPID data for the export benchmark (bench/ppid/run_bench.py): 365 daily
// sessions of calendar year YEAR (default 2025) with 200 information requests each (73,000),
// through the real stores (registration numbers, deadlines, journal rows), in one outer
// transaction. The mix follows bench/studio/YearReportBench.cpp: of every 20 requests 5 granted
// in full, 2 in part, 7 refused (3 under Pasal 17a with its sub-grounds, 1 under 17h, 2 spread
// over the other grounds, 1 not held), 6 left undecided (2 extended, 1 escalated); decisions
// land 1 to 12 days after receipt. Requesters have names, addresses and phone numbers, so the
// masking code runs as it would on a real register.
//
//   bench_ppid_seed PATH [YEAR]     (PATH must not exist yet)
#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include <date/date.h>
#include <fmt/format.h>

#include "studio/Database.h"
#include "studio/ProgrammeStore.h"
#include "studio/QuestionStore.h"
#include "studio/RequestStore.h"
#include "studio/SessionStore.h"
#include "studio/StationStore.h"
#include "studio/Transaction.h"

namespace {

constexpr int kRequestsPerSession = 200;
constexpr int kQuestionsPerSession = 20;
const std::string kActor = "bench";

ds::Decision decisionFor(int i) {
    ds::Decision d;
    static const std::array<const char*, 10> kGrounds{
        "P17b", "P17c", "P17d", "P17e", "P17f", "P17g", "P17i", "P17j", "not_documented", "P6"};
    switch (i % 20) {
        case 0:
        case 1:
        case 2:
        case 3:
        case 4:
            d.decision = "granted_full";
            d.materialGiven = "Salinan data";
            break;
        case 5:
        case 6:
            d.decision = "granted_partial";
            d.redactedParts = "Identitas pelapor";
            d.redactionReason = "Pasal 17 huruf h";
            break;
        case 7:
        case 8:
        case 9:
            d.decision = "refused";
            d.ground = "P17a";
            d.subground = 1 + i % 5;
            break;
        case 10:
            d.decision = "refused";
            d.ground = "P17h";
            d.subground = 1 + i % 5;
            break;
        case 11:
        case 12:
            d.decision = "refused";
            d.ground = kGrounds[(i / 20) % kGrounds.size()];
            break;
        case 13:
            d.decision = "refused";
            d.ground = "not_held";
            break;
        default:
            return d;  // 14..19: undecided
    }
    if (d.decision == "refused") {
        d.reason = "Alasan penolakan sesuai uji konsekuensi";
        if (d.ground.rfind("P17", 0) == 0) d.consequenceTest = "Uji konsekuensi Pasal 19";
        if (d.ground == "P17j") d.law = "UU 8/1981 Pasal 1";
    }
    return d;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3) {
        std::fprintf(stderr, "usage: %s PATH [YEAR]\n", argv[0]);
        return 2;
    }
    std::filesystem::path file = argv[1];
    int year = argc == 3 ? std::stoi(argv[2]) : 2025;
    if (std::filesystem::exists(file)) {
        std::fprintf(stderr, "%s exists already\n", file.c_str());
        return 2;
    }
    auto t0 = std::chrono::steady_clock::now();
    ds::Database db = ds::Database::open(file);
    ds::StationStore stations(db);
    ds::Station st = stations.current(kActor);
    st.code = "BKL";
    st.name = "Polres Bengkulu";
    st.timeZone = "Asia/Jakarta";
    st.letterhead = "KEPOLISIAN NEGARA REPUBLIK INDONESIA\nDAERAH BENGKULU\nRESOR BENGKULU";
    st = stations.update(st, kActor);
    ds::RequestStore requests(db, st, ds::StationStore::calendar(st));
    ds::QuestionStore questions(db, ds::StationStore::contentFilter(st), st.timeZone);
    ds::Programme p;
    p.stationId = st.id;
    p.title = "Dialog Interaktif Kamtibmas";
    p.partnerMedia = "RRI Bengkulu Pro 1";
    p = ds::ProgrammeStore(db).create(p, kActor);

    static const std::array<const char*, 7> kChannels{"phone",  "sms",    "whatsapp", "email",
                                                      "social", "letter", "studio"};
    // 09:00 WIB (02:00 UTC) on 1 January.
    ds::TimePoint first{date::sys_days{date::year{year} / 1 / 1}.time_since_epoch() +
                        std::chrono::hours(2)};
    ds::Transaction tx(db);
    for (int day = 0; day < 365; ++day) {
        ds::TimePoint start = first + std::chrono::days(day);
        ds::Session s;
        s.programmeId = p.id;
        s.topic = fmt::format("Dialog hari ke-{}: pelayanan SKCK, SIM dan pengaduan", day + 1);
        s.scheduledStart = start;
        s.plannedLength = std::chrono::minutes(60);
        std::int64_t sid = ds::SessionStore(db).create(s, kActor).id;
        for (int i = 0; i < kQuestionsPerSession; ++i) {
            ds::Question q;
            q.sessionId = sid;
            q.channel = kChannels[i % kChannels.size()];
            q.receivedAt = start + std::chrono::minutes(i);
            q.text = fmt::format("Pertanyaan pendengar nomor {} tentang pelayanan SKCK", i);
            questions.add(q, kActor);
        }
        for (int i = 0; i < kRequestsPerSession; ++i) {
            ds::InfoRequest r;
            r.sessionId = sid;
            r.channel = kChannels[i % kChannels.size()];
            r.requester.name = fmt::format("Pemohon Nomor {} Hari {}", i, day);
            r.requester.address =
                fmt::format("Jl. Merdeka No. {}, Kec. Gading Cempaka, Kota Bengkulu", i);
            r.requester.phone = fmt::format("0812{:08}", day * 1000 + i);
            r.details = fmt::format("Salinan data nomor {} tahun berjalan", i);
            r.receivedAt = start + std::chrono::seconds(17 * i);
            std::int64_t id = requests.open(r, kActor).id;
            if (i % 20 == 15 || i % 20 == 16) requests.extend(id, "Data di Polsek", kActor);
            if (i % 20 == 17 || i % 20 == 12)
                requests.escalate(id, "Informasi dikecualikan", kActor);
            if (i % 20 == 12)
                requests.leadership(id, "AKBP Budi Santoso, Kapolres", "withhold", std::nullopt, "",
                                    kActor);
            ds::Decision d = decisionFor(i);
            if (!d.decision.empty()) requests.decide(id, d, kActor);
        }
        if (day % 30 == 29) std::fprintf(stderr, "seeded %d days\n", day + 1);
    }
    // decide() stamps "now"; a real year's decisions come 1 to 12 days after receipt.
    db.exec(
        "UPDATE info_requests SET decided_at = strftime('%Y-%m-%dT%H:%M:%fZ', received_at, "
        "'+' || (1 + id % 12) || ' days') WHERE decided_at IS NOT NULL");
    tx.commit();
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("seeded %s: 365 sessions, %d requests, year %d, in %.1f s\n", file.c_str(),
                365 * kRequestsPerSession, year, secs);
    return 0;
}
