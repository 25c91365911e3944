#include "studio/Programme.h"

namespace ds {

nlohmann::json Programme::toJson() const {
    return {{"id", id},
            {"station_id", stationId},
            {"title", title},
            {"partner_media", partnerMedia},
            {"weekday", weekday ? nlohmann::json(*weekday) : nlohmann::json(nullptr)},
            {"start_time", startTime},
            {"length_min", lengthMinutes},
            {"rundown_template", rundownTemplate}};
}

}  // namespace ds
