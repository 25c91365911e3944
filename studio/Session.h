#pragma once
// One broadcast of a programme: its schedule, assignment order (Sprin), officers and guests,
// the SOP 000 Pasal 5 preparation checklist, status and rundown.
//
// Status: planned -> live -> ended -> signed. A signed session is frozen.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "studio/Time.h"

namespace ds {

struct Officer {
    std::string role;  // vocab::officerRoles()
    std::string name;
    std::string rank;
    std::string nrp;  // NRP (police) or NIP (civil servant)
};

struct Guest {
    std::string name;
    std::string rank;
    std::string position;
};

struct Segment {
    std::int64_t id = 0;
    int ord = 0;       // 0-based position in the rundown
    std::string kind;  // vocab::segmentKinds()
    std::string title;
    Duration planned{0};
    std::string notes;
    std::optional<TimePoint> fixedStart;
    std::optional<TimePoint> hardOut;
    std::optional<TimePoint> actualStart;
    std::optional<TimePoint> actualEnd;
    Duration held{0};
    std::optional<TimePoint> holdSince;
};

// SOP 000 Pasal 5(1): the four preparations before a dialogue programme.
enum ChecklistItem { kPersonnel = 0, kMaterials = 1, kSchedule = 2, kGuestInput = 3 };
inline constexpr std::array<const char*, 4> kChecklistCodes{"personnel", "materials", "schedule",
                                                            "guest_input"};

struct Session {
    std::int64_t id = 0;
    std::int64_t programmeId = 0;
    std::int64_t stationId = 0;
    std::string programmeTitle;
    std::string partnerMedia;
    std::string topic;
    TimePoint scheduledStart{};
    Duration plannedLength{0};
    std::string sprinNumber;
    std::optional<Day> sprinDate;
    std::string status = "planned";
    std::array<bool, 4> checklist{};
    std::optional<TimePoint> startedAt;
    std::optional<TimePoint> endedAt;
    std::vector<Officer> officers;
    std::vector<Guest> guests;
    std::vector<Segment> segments;

    TimePoint plannedEnd() const { return scheduledStart + plannedLength; }
    nlohmann::json toJson() const;
};

}  // namespace ds
