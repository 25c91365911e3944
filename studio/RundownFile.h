#pragma once
// Reading a rundown from a file (`rundown set SESSION FILE`) or a programme's template.
//
// CSV (UTF-8, header row) columns: kind, title, planned (required); notes, fixed_start,
// hard_out (optional). JSON: an array of objects with the same keys. planned is minutes ("5",
// "2.5") or "m:ss" / "h:mm:ss"; fixed_start and hard_out are local times "HH:MM" on the session's
// date or "YYYY-MM-DD HH:MM". Errors name the file, the row and the field; nothing is half-read.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "studio/Session.h"

namespace ds {

class RundownFile {
  public:
    // Reads CSV or JSON (chosen by extension .json / .csv, else by the first character).
    static std::vector<Segment> read(const std::filesystem::path& file, const std::string& tz,
                                     Day sessionDay);
    static std::vector<Segment> parse(std::string_view data, std::string_view source,
                                      const std::string& tz, Day sessionDay);
    // Template segments have no times: fixed_start and hard_out are not allowed there.
    static std::vector<Segment> parseJsonTemplate(const nlohmann::json& segments,
                                                  std::string_view source);
    // "5" -> 5 min, "2.5" -> 150 s, "4:30" -> 270 s, "1:02:03"; nullopt if none of these.
    static std::optional<Duration> parsePlanned(std::string_view text);
};

}  // namespace ds
