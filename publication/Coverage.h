#pragma once
// A coverage request through SOP 002 (peliputan dan dokumentasi): a letter from a regional
// office, the region head's agenda, or a Dialog Interaktif session, which is one kind of
// coverage. It goes from registration through the Kadis's and Kabid's disposition to the Kasi,
// who schedules it and names the team; an SPT when the coverage is off the island; then the
// coverage, the report, publication on the website, social media and mass media, and the
// archive. For a session the team and the assignment order are the session's own officers and
// Sprin (read from the session, never copied).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "publication/StepRecord.h"
#include "studio/Time.h"

namespace ds::publication {

enum class CoverageSource { Letter, Agenda, Session };
std::string_view sourceCode(CoverageSource s);
CoverageSource requireSource(const std::string& code);

struct TeamMember {
    std::string name;
    std::string rank;
    std::string nip;
    std::string task;  // "foto", "video", "berita", or the Sprin role
};

struct Coverage {
    std::int64_t id = 0;
    std::int64_t stationId = 0;
    std::optional<std::int64_t> sessionId;
    CoverageSource source = CoverageSource::Letter;
    std::string letterNumber;
    std::string requester;
    std::string title;
    std::string place;
    TimePoint eventStart{};
    bool needsSpt = false;
    std::string sptNumber;  // for a session: its Sprin
    int step = 1;           // the open step (15 and done: archived)
    bool done = false;
    TimePoint createdAt{};
    std::string createdBy;
    std::vector<TeamMember> team;  // for a session: its officers
    std::vector<StepRecord> steps;

    nlohmann::json toJson(TimePoint now) const;
};

}  // namespace ds::publication
