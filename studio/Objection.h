#pragma once
// An objection (keberatan) to the PPID's superior under UU KIP Pasal 35-36, with its register
// number, ground (Pasal 35(1) a-g), the superior's answer within 30 working days, and the
// dispute (sengketa) the requester may then bring to the Information Commission (Pasal 37).
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "studio/Time.h"

namespace ds {

struct Objection {
    std::int64_t id = 0;
    std::int64_t stationId = 0;
    std::int64_t requestId = 0;
    std::string number;  // "KEB-0001/PPID-BKL/XI/2026": its own sequence per station and year
    TimePoint filedAt{};
    std::string ground;    // vocab::objectionGrounds(): P35a .. P35g
    std::string reason;    // the objector's words
    std::string objector;  // who objects (the requester or their attorney)
    std::string superior;  // who answers, e.g. "Kabag Ops Polres Bengkulu" (Perkap 16/2010)
    Day dueDate{};         // the superior's answer: 30 working days after filing (Pasal 36(2))
    std::string loggedBy;
    std::string outcome;  // vocab::objectionOutcomes(); empty while open
    std::string answer;
    std::optional<TimePoint> answeredAt;
    std::string answeredBy;
    std::optional<TimePoint> disputeFiledAt;
    std::string disputeBody;  // e.g. "Komisi Informasi Provinsi Bengkulu"
    std::string disputeNote;
    std::string disputeOutcome;  // vocab::disputeOutcomes(); empty while open
    std::optional<TimePoint> disputeDecidedAt;

    bool open() const { return outcome.empty(); }
    bool disputed() const { return disputeFiledAt.has_value(); }
    bool disputeOpen() const { return disputed() && disputeOutcome.empty(); }
    nlohmann::json toJson() const;
};

}  // namespace ds
