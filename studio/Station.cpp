#include "studio/Station.h"

namespace ds {

nlohmann::json Station::toJson() const {
    nlohmann::json units_json = nlohmann::json::array();
    for (const Unit& u : units)
        units_json.push_back({{"kind", u.kind}, {"name", u.name}});
    return {{"id", id},
            {"code", code},
            {"name", name},
            {"time_zone", timeZone},
            {"letterhead", letterhead},
            {"holiday_file", holidayFile},
            {"content_words_file", contentWordsFile},
            {"partner_media", partnerMedia},
            {"units", units_json},
            {"recordings_dir", recordingsDir},
            {"audio_device", audioDevice},
            {"audio_settings", audioSettings}};
}

}  // namespace ds
