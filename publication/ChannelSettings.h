#pragma once
// The station's publishing settings: the hashtags its social captions end with, and its
// WordPress website (address, user, and the file holding the application password: the secret
// itself is never stored in the database or printed).
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ds {
class Database;
}

namespace ds::publication {

struct ChannelSettings {
    std::vector<std::string> hashtags;  // "#HumasSintang", with the '#'
    std::string wordpressUrl;           // "https://sintang.go.id" (the site, not /wp-json)
    std::string wordpressUser;
    std::string wordpressPasswordFile;  // owner-only file with the application password

    nlohmann::json toJson() const;
    // Reads the settings of a station (defaults when none are saved).
    static ChannelSettings load(ds::Database& db, std::int64_t stationId);
    // Validates and saves; journalled.
    static ChannelSettings save(ds::Database& db, std::int64_t stationId, const ChannelSettings& s,
                                const std::string& actor);
    // "#Humas Sintang" -> "#HumasSintang"; UserError for a tag with no letters or digits.
    static std::string normaliseHashtag(const std::string& tag);
};

}  // namespace ds::publication
