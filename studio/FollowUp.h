#pragma once
// A request passed to a unit for the information it holds (SOP 000 Pasal 6(5) and 12(1): the
// PPID coordinates with the PID officer of a Satker, Satfung, Polsek or a Bhabinkamtibmas),
// with the unit's own due date and its reply.
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "studio/Time.h"

namespace ds {

struct FollowUp {
    std::int64_t id = 0;
    std::int64_t requestId = 0;
    std::string unitKind;  // vocab::unitKinds()
    std::string unitName;  // one of the station's units
    TimePoint sentAt{};
    Day dueDate{};
    std::string note;
    std::string sentBy;
    std::optional<TimePoint> answeredAt;
    std::string answer;
    std::string answeredBy;

    bool answered() const { return answeredAt.has_value(); }
    nlohmann::json toJson() const;
};

}  // namespace ds
