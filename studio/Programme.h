#pragma once
// A recurring show, e.g. "Dialog Interaktif Kamtibmas" every Thursday 09:00 on RRI.
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace ds {

struct Programme {
    std::int64_t id = 0;
    std::int64_t stationId = 0;
    std::string title;
    std::string partnerMedia;    // the partner radio station
    std::optional<int> weekday;  // ISO: 1 = Monday .. 7 = Sunday
    std::string startTime;       // "HH:MM" local, or empty
    int lengthMinutes = 60;
    nlohmann::json rundownTemplate = nlohmann::json::array();  // segments as in `rundown set` JSON

    nlohmann::json toJson() const;
};

}  // namespace ds
