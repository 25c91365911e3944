#include "studio/RundownFile.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "studio/CsvReader.h"
#include "studio/Errors.h"
#include "studio/TextRules.h"
#include "studio/Vocabulary.h"

namespace ds {

namespace {

constexpr std::size_t kMaxSegments = 500;

std::optional<int> parseUint(std::string_view s) {
    int v = 0;
    if (s.empty()) return std::nullopt;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size() || v < 0) return std::nullopt;
    return v;
}

// A local time "HH:MM" on the session's day, or a full "YYYY-MM-DD HH:MM".
TimePoint parseLocalOnDay(const std::string& text, const std::string& tz, Day day) {
    if (text.size() <= 5) return parseLocal(formatDay(day) + " " + text, tz);
    return parseLocal(text, tz);
}

struct RawSegment {
    std::string kind, title, planned, notes, fixedStart, hardOut;
};

Segment convert(const RawSegment& raw, const std::string& where, const std::string& tz,
                std::optional<Day> day) {
    Segment s;
    const Term* kind = vocab::find(vocab::segmentKinds(), trim(raw.kind));
    if (!kind) {
        throw InputError(fmt::format("{}field 'kind': '{}' is not one of {}", where, raw.kind,
                                     vocab::codes(vocab::segmentKinds())));
    }
    s.kind = std::string(kind->code);
    requireText(raw.title, "title", kMaxNameBytes, true, where);
    s.title = trim(raw.title);
    auto planned = RundownFile::parsePlanned(trim(raw.planned));
    if (!planned) {
        throw InputError(fmt::format(
            "{}field 'planned': '{}' is not a length (minutes such as 5 or 2.5, or m:ss)", where,
            raw.planned));
    }
    if (*planned > std::chrono::hours(10)) {
        throw InputError(
            fmt::format("{}field 'planned': '{}' is longer than 10 hours", where, raw.planned));
    }
    s.planned = *planned;
    requireText(raw.notes, "notes", kMaxNoteBytes, false, where);
    s.notes = raw.notes;
    auto timeField = [&](const std::string& value, const char* field) -> std::optional<TimePoint> {
        std::string v = trim(value);
        if (v.empty()) return std::nullopt;
        if (!day) {
            throw InputError(
                fmt::format("{}field '{}': a template cannot fix clock times", where, field));
        }
        try {
            return parseLocalOnDay(v, tz, *day);
        } catch (const UserError& e) {
            throw InputError(fmt::format("{}field '{}': {}", where, field, e.what()));
        }
    };
    s.fixedStart = timeField(raw.fixedStart, "fixed_start");
    s.hardOut = timeField(raw.hardOut, "hard_out");
    return s;
}

std::vector<Segment> fromJson(const nlohmann::json& j, std::string_view source,
                              const std::string& tz, std::optional<Day> day) {
    if (!j.is_array()) {
        throw InputError(fmt::format("{}: a rundown in JSON is an array of segments", source));
    }
    if (j.size() > kMaxSegments) {
        throw InputError(
            fmt::format("{}: {} segments; at most {} are allowed", source, j.size(), kMaxSegments));
    }
    std::vector<Segment> out;
    for (std::size_t i = 0; i < j.size(); ++i) {
        std::string where = fmt::format("{} segment {}: ", source, i + 1);
        const nlohmann::json& e = j[i];
        if (!e.is_object()) throw InputError(where + "is not an object");
        for (auto it = e.begin(); it != e.end(); ++it) {
            static const std::array kKnown{"kind",  "title",       "planned",
                                           "notes", "fixed_start", "hard_out"};
            if (std::find(kKnown.begin(), kKnown.end(), it.key()) == kKnown.end()) {
                throw InputError(
                    fmt::format("{}unknown field '{}' (known: kind, title, planned, "
                                "notes, fixed_start, hard_out)",
                                where, it.key()));
            }
        }
        auto str = [&](const char* key, bool required) -> std::string {
            if (!e.contains(key)) {
                if (required) throw InputError(fmt::format("{}field '{}' is missing", where, key));
                return {};
            }
            const nlohmann::json& v = e[key];
            if (v.is_string()) return v.get<std::string>();
            if (v.is_number()) return v.dump();
            if (v.is_null()) return {};
            throw InputError(fmt::format("{}field '{}' must be text or a number", where, key));
        };
        RawSegment raw{str("kind", true),   str("title", true),        str("planned", true),
                       str("notes", false), str("fixed_start", false), str("hard_out", false)};
        out.push_back(convert(raw, where, tz, day));
        out.back().ord = static_cast<int>(i);
    }
    return out;
}

}  // namespace

std::optional<Duration> RundownFile::parsePlanned(std::string_view text) {
    if (text.empty()) return std::nullopt;
    if (text.find(':') == std::string_view::npos) {
        // Minutes, possibly with a decimal part ("2.5").
        std::size_t dot = text.find('.');
        auto whole = parseUint(text.substr(0, dot));
        if (!whole) return std::nullopt;
        long long ms = static_cast<long long>(*whole) * 60000;
        if (dot != std::string_view::npos) {
            std::string_view frac = text.substr(dot + 1);
            if (frac.empty() || frac.size() > 3 || !parseUint(frac)) return std::nullopt;
            long long f = *parseUint(frac);
            for (std::size_t i = frac.size(); i < 3; ++i)
                f *= 10;
            ms += f * 60;  // thousandths of a minute
        }
        return Duration(ms);
    }
    std::vector<int> parts;
    std::size_t start = 0;
    while (true) {
        std::size_t colon = text.find(':', start);
        auto v = parseUint(
            text.substr(start, colon == std::string_view::npos ? text.npos : colon - start));
        if (!v) return std::nullopt;
        parts.push_back(*v);
        if (colon == std::string_view::npos) break;
        start = colon + 1;
    }
    if (parts.size() == 2 && parts[1] < 60) {
        return Duration((parts[0] * 60LL + parts[1]) * 1000);
    }
    if (parts.size() == 3 && parts[1] < 60 && parts[2] < 60) {
        return Duration((parts[0] * 3600LL + parts[1] * 60 + parts[2]) * 1000);
    }
    return std::nullopt;
}

std::vector<Segment> RundownFile::parseJsonTemplate(const nlohmann::json& segments,
                                                    std::string_view source) {
    return fromJson(segments, source, "UTC", std::nullopt);
}

std::vector<Segment> RundownFile::parse(std::string_view data, std::string_view source,
                                        const std::string& tz, Day sessionDay) {
    std::size_t first = data.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    bool json = first != std::string_view::npos && data[first] == '[';
    if (std::string_view(source).ends_with(".json")) json = true;
    if (std::string_view(source).ends_with(".csv")) json = false;
    if (json) {
        if (auto bad = firstInvalidUtf8(data)) {
            throw InputError(fmt::format("{}: invalid UTF-8 at byte {}", source, *bad));
        }
        nlohmann::json j;
        try {
            j = nlohmann::json::parse(data);
        } catch (const nlohmann::json::parse_error& e) {
            throw InputError(fmt::format("{}: not valid JSON at byte {}", source, e.byte));
        } catch (const nlohmann::json::exception& e) {
            // A number out of range (1e400) is not a parse error to the library.
            std::string why = e.what();
            if (auto p = why.find("] "); p != std::string::npos) why = why.substr(p + 2);
            throw InputError(fmt::format("{}: not a rundown: {}", source, why));
        }
        std::vector<Segment> out = fromJson(j, source, tz, sessionDay);
        if (out.empty()) throw InputError(fmt::format("{}: the rundown has no segments", source));
        return out;
    }
    CsvTable t = CsvReader::parse(data, source);
    t.requireColumns({"kind", "title", "planned"}, {"notes", "fixed_start", "hard_out"});
    if (t.rows.empty()) throw InputError(fmt::format("{}: the rundown has no segments", source));
    if (t.rows.size() > kMaxSegments) {
        throw InputError(fmt::format("{}: {} segments; at most {} are allowed", source,
                                     t.rows.size(), kMaxSegments));
    }
    std::vector<Segment> out;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        RawSegment raw{t.field(r, "kind"),  t.field(r, "title"),       t.field(r, "planned"),
                       t.field(r, "notes"), t.field(r, "fixed_start"), t.field(r, "hard_out")};
        out.push_back(convert(raw, t.where(r), tz, sessionDay));
        out.back().ord = static_cast<int>(r);
    }
    return out;
}

std::vector<Segment> RundownFile::read(const std::filesystem::path& file, const std::string& tz,
                                       Day sessionDay) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw InputError(fmt::format("{}: cannot be read", file.string()));
    std::ostringstream buf;
    buf << in.rdbuf();
    std::string data = buf.str();
    if (data.empty()) throw InputError(fmt::format("{}: the file is empty", file.string()));
    return parse(data, file.string(), tz, sessionDay);
}

}  // namespace ds
