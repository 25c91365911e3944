#pragma once
// A year of PPID data for the benchmarks: daily sessions of 20 questions and 200 information
// requests each, through the real stores (registration numbers, deadlines, journal rows), in
// one outer transaction. Of every 20 requests 5 are granted in full, 2 in part, 7 refused (3
// under Pasal 17a with its sub-grounds, 1 under 17h, 2 spread over the other grounds, 1 not
// held) and 6 left undecided (2 extended, 1 escalated); decisions land 1 to 12 days after
// receipt. Requesters have names, addresses and phone numbers, so the masking code runs as it
// would on a real register. Used by bench/studio/YearReportBench.cpp and bench/ppid/SeedYear.cpp.
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "studio/Database.h"
#include "studio/ProgrammeStore.h"
#include "studio/IntakeService.h"
#include "studio/RequestStore.h"
#include "studio/SessionStore.h"
#include "studio/StationStore.h"
#include "studio/Transaction.h"

namespace ds::bench {

inline constexpr int kRequestsPerSession = 200;
inline constexpr int kQuestionsPerSession = 20;
inline const std::string kActor = "bench";

// Outcome of request i of a session: 20 shapes, so each session has 10 of each.
inline Decision decisionFor(int i) {
    Decision d;
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
            return d;  // 14..19: left undecided (pending, some extended or escalated)
    }
    if (d.decision == "refused") {
        d.reason = "Alasan penolakan sesuai uji konsekuensi";
        if (d.ground.rfind("P17", 0) == 0) d.consequenceTest = "Uji konsekuensi Pasal 19";
        if (d.ground == "P17j") d.law = "UU 8/1981 Pasal 1";
    }
    return d;
}

// Seeds `days` daily sessions from `first` at the station `st`; returns the sessions' ids.
inline std::vector<std::int64_t> seedYear(Database& db, const Station& st, TimePoint first,
                                          int days) {
    static const std::array<const char*, 7> kChannels{"phone",  "sms",    "whatsapp", "email",
                                                      "social", "letter", "studio"};
    RequestStore requests(db, st, StationStore::calendar(st));
    IntakeService intake(db);
    Programme p;
    p.stationId = st.id;
    p.title = "Dialog Interaktif Kamtibmas";
    p.partnerMedia = "RRI Bengkulu Pro 1";
    p = ProgrammeStore(db).create(p, kActor);

    std::vector<std::int64_t> sessions;
    Transaction tx(db);
    for (int day = 0; day < days; ++day) {
        const TimePoint start = first + std::chrono::days(day);
        Session s;
        s.programmeId = p.id;
        s.topic = fmt::format("Dialog hari ke-{}: pelayanan SKCK, SIM dan pengaduan", day + 1);
        s.scheduledStart = start;
        s.plannedLength = std::chrono::minutes(60);
        const std::int64_t sid = SessionStore(db).create(s, kActor).id;
        sessions.push_back(sid);
        for (int i = 0; i < kQuestionsPerSession; ++i) {
            Question q;
            q.sessionId = sid;
            q.channel = kChannels[i % kChannels.size()];
            q.receivedAt = start + std::chrono::minutes(i);
            q.text = fmt::format("Pertanyaan pendengar nomor {} tentang pelayanan SKCK", i);
            intake.receive(q, kActor);
        }
        for (int i = 0; i < kRequestsPerSession; ++i) {
            InfoRequest r;
            r.sessionId = sid;
            r.channel = kChannels[i % kChannels.size()];
            r.requester.name = fmt::format("Pemohon Nomor {} Hari {}", i, day);
            r.requester.address =
                fmt::format("Jl. Merdeka No. {}, Kec. Gading Cempaka, Kota Bengkulu", i);
            r.requester.phone = fmt::format("0812{:08}", day * 1000 + i);
            r.details = fmt::format("Salinan data nomor {} tahun berjalan", i);
            r.receivedAt = start + std::chrono::seconds(17 * i);
            const std::int64_t id = requests.open(r, kActor).id;
            if (i % 20 == 15 || i % 20 == 16) requests.extend(id, "Data di Polsek", kActor);
            if (i % 20 == 17 || i % 20 == 12)
                requests.escalate(id, "Informasi dikecualikan", kActor);
            if (i % 20 == 12) {
                requests.leadership(id, "AKBP Budi Santoso, Kapolres", "withhold", std::nullopt, "",
                                    kActor);
            }
            const Decision d = decisionFor(i);
            if (!d.decision.empty()) requests.decide(id, d, kActor);
        }
        if (day % 30 == 29) std::fprintf(stderr, "seeded %d days\n", day + 1);
    }
    // decide() stamps "now"; a real year's decisions come 1 to 12 days after receipt, which is
    // what the per-request working-day counts walk over.
    db.exec(
        "UPDATE info_requests SET decided_at = strftime('%Y-%m-%dT%H:%M:%fZ', received_at, "
        "'+' || (1 + id % 12) || ' days') WHERE decided_at IS NOT NULL");
    tx.commit();
    return sessions;
}

}  // namespace ds::bench
