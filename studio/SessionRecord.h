#pragma once
// Everything the printable session record shows, gathered once (issue 4; SOP 000 Pasal 11):
// the station and its letterhead, the session's details with its guests, officers and
// assignment order, the Pasal 11 counts (SessionReport's figures, same keys), the register of
// requests with their follow-ups and objections and personal data as the export may show it,
// the amendments, the steps taken after signing, and the signature with its journal anchor.
// Renderers (SessionRecordPdf, SessionRecordXlsx) only lay it out.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "studio/Amendment.h"
#include "studio/FollowUp.h"
#include "studio/InfoRequest.h"
#include "studio/Objection.h"
#include "studio/PersonalDataPolicy.h"
#include "studio/Session.h"
#include "studio/Signature.h"
#include "studio/Station.h"
#include "studio/WorkingCalendar.h"

namespace ds {

class Database;

struct RegisterEntry {
    InfoRequest request;  // personal fields already reduced to what the export may show
    ExportedPerson person;
    bool overdue = false;
    int workingDaysToDecision = -1;  // -1 while undecided
    std::vector<FollowUp> followUps;
    std::vector<Objection> objections;
};

// A journalled step on the session or its requests after the record was signed.
struct HistoryEntry {
    std::int64_t journalId = 0;
    TimePoint at{};
    std::string actor;
    std::string action;   // journal action code
    std::string subject;  // registration number, "Sesi" or "Pertanyaan N"
    std::string detail;   // what changed, in Indonesian
};

struct SessionRecord {
    Station station;
    Session session;
    std::optional<Signature> signature;
    nlohmann::json report;  // SessionReport::build
    std::vector<RegisterEntry> entries;
    std::vector<Amendment> amendments;  // personal values masked unless unmasked
    std::vector<HistoryEntry> afterSigning;
    TimePoint asOf{};
    TimePoint printedAt{};
    bool unmasked = false;
    std::int64_t journalRows = 0;  // the journal's head when the record was put together
    std::string journalHead;

    // asOf judges deadlines (overdue); unmasked shows personal data in full (the caller
    // journals that). NIK and Pasal 17a(2) identities are left out either way.
    static SessionRecord build(Database& db, const Station& station,
                               const WorkingCalendar& calendar, std::int64_t sessionId,
                               TimePoint asOf, bool unmasked);

    // The register as JSON rows (`report register --format json`) and as a CSV table (UTF-8
    // with a byte-order mark, header row).
    nlohmann::json registerJson() const;
    std::string registerCsv() const;
};

}  // namespace ds
