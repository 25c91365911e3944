#pragma once
// An information request (permohonan informasi) with the fields of UU KIP Pasal 22 and the
// Perki forms (PPID.md), its registration number, deadline and decision.
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "studio/Time.h"

namespace ds {

struct Requester {
    std::string name;
    std::string address;
    std::string occupation;
    std::string phone;
    std::string email;
    std::string nik;              // identity number: never exported
    std::string powerOfAttorney;  // when asking on someone else's behalf
};

struct Decision {
    std::string decision;  // granted_full, granted_partial, refused
    std::string holding;   // held, other_body, not_documented
    std::string otherBody;
    std::string ground;            // vocab::refusalGrounds() code, for a refusal
    std::optional<int> subground;  // 1..5 for P17a and P17h
    std::string law;               // the law and article, for P17j
    std::string consequenceTest;   // Pasal 19, for a refusal on exempted information
    std::string exemptionPeriod;   // Pasal 20
    std::string reason;
    std::string materialGiven;
    std::string redactedParts;
    std::string redactionReason;
    std::string medium;
    std::string cost;
    std::optional<Day> noticeDate;  // written notice (22(7))
    std::optional<Day> handoverDate;
};

struct InfoRequest {
    std::int64_t id = 0;
    std::int64_t stationId = 0;
    std::optional<std::int64_t> sessionId;
    std::optional<std::int64_t> questionId;
    std::string registrationNumber;
    TimePoint receivedAt{};
    bool written = false;
    std::string channel;
    Requester requester;
    std::string details;
    std::string purpose;
    std::string obtainMethod = "view";
    std::string deliveryMethod = "in_person";
    std::string status = "pending";
    Day dueDate{};
    Day originalDueDate{};
    bool extended = false;
    std::string extensionReason;
    std::optional<TimePoint> extendedAt;
    bool escalated = false;
    std::optional<TimePoint> escalatedAt;
    std::string escalatedBy;
    std::string escalationReason;
    std::string leadershipDecidedBy;  // who in the leadership decided (SOP 000 Pasal 12(2))
    std::optional<TimePoint> leadershipDecidedAt;
    std::string leadershipDecision;  // release or withhold
    std::string leadershipNote;
    Decision decision;
    std::optional<TimePoint> decidedAt;
    std::string decidedBy;
    std::string loggedBy;
    // The key of this request's journal seals (PersonalSeal); never exported, erased with the
    // personal data by the retention rule.
    std::string personalKey;

    bool decided() const { return decidedAt.has_value(); }
    nlohmann::json toJson() const;
    // toJson() for the journal: the requester's personal data sealed, never in clear.
    nlohmann::json journalJson() const;
};

}  // namespace ds
