#include "studio/Time.h"

#include <sstream>

#include <date/tz.h>
#include <fmt/format.h>

#include "studio/Errors.h"

namespace ds {

namespace {

// date::parse accepts one-digit months, hours and so on; the stored and documented forms are
// fixed-width, so the shape is checked first ('d' is a digit, anything else is itself).
bool hasShape(std::string_view text, std::string_view shape) {
    if (text.size() != shape.size()) return false;
    for (std::size_t i = 0; i < shape.size(); ++i) {
        const bool digit = text[i] >= '0' && text[i] <= '9';
        if (shape[i] == 'd' ? !digit : text[i] != shape[i]) return false;
    }
    return true;
}

int digitsValue(std::string_view digits) {
    int v = 0;
    for (char c : digits)
        v = v * 10 + (c - '0');
    return v;
}

// Parses the whole of `text` with a date::parse format; false if it fails or leaves text over.
template <class T>
bool parseAll(std::string_view text, const char* format, T& out) {
    std::istringstream in{std::string(text)};
    in >> date::parse(format, out);
    return !in.fail() && in.peek() == std::char_traits<char>::eof();
}

// Length of "YYYY-MM-DD?HH:MM[:SS[.f{1,3}]]" at the start of text (separator `sep` or 'T'),
// or 0 when it is not there.
std::size_t wallTimeLength(std::string_view text, char sep) {
    constexpr std::string_view kMinutes = "dddd-dd-dd dd:dd";
    if (text.size() < kMinutes.size()) return 0;
    std::string shape(kMinutes);
    shape[10] = text[10] == 'T' ? 'T' : sep;
    if (!hasShape(text.substr(0, shape.size()), shape)) return 0;
    std::size_t n = shape.size();
    if (hasShape(text.substr(n, 3), ":dd")) {
        n += 3;
        if (text.size() > n && text[n] == '.') {
            std::size_t digits = 0;
            while (n + 1 + digits < text.size() && digits < 4 && text[n + 1 + digits] >= '0' &&
                   text[n + 1 + digits] <= '9') {
                ++digits;
            }
            if (digits == 0 || digits > 3) return 0;  // milliseconds are the finest we keep
            n += 1 + digits;
        }
    }
    return n;
}

// "YYYY-MM-DD HH:MM[:SS[.fff]]" (after shape checking) as a local or UTC calendar time.
template <class TP>
bool parseWallTime(std::string_view text, TP& out) {
    std::string normal(text);
    normal[10] = 'T';
    return parseAll(normal, normal.size() == 16 ? "%Y-%m-%dT%H:%M" : "%Y-%m-%dT%H:%M:%S", out);
}

const date::time_zone* zoneOrThrow(const std::string& tz) {
    try {
        return date::locate_zone(tz);
    } catch (const std::exception&) {
        throw UserError(
            fmt::format("unknown time zone '{}' (expected an IANA name such as "
                        "Asia/Jakarta, Asia/Makassar or Asia/Jayapura)",
                        tz));
    }
}

}  // namespace

TimePoint now() {
    return std::chrono::floor<Duration>(std::chrono::system_clock::now());
}

std::string formatUtc(TimePoint t) {
    return date::format("%Y-%m-%dT%H:%M:%SZ", t);
}

std::optional<TimePoint> parseUtc(std::string_view text) {
    const std::size_t n = wallTimeLength(text, 'T');
    if (n == 0) return std::nullopt;
    TimePoint t;
    if (!parseWallTime(text.substr(0, n), t)) return std::nullopt;
    const std::string_view zone = text.substr(n);
    if (zone == "Z") return t;
    if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') ||
        !hasShape(zone.substr(1), "dd:dd")) {
        return std::nullopt;
    }
    const int hours = digitsValue(zone.substr(1, 2));
    const int minutes = digitsValue(zone.substr(4, 2));
    if (hours > 23 || minutes > 59) return std::nullopt;
    const auto offset = std::chrono::hours(hours) + std::chrono::minutes(minutes);
    // Local = UTC + offset, so UTC = local - offset.
    return zone[0] == '+' ? t - offset : t + offset;
}

bool isValidTimeZone(const std::string& tz) {
    try {
        return !tz.empty() && date::locate_zone(tz) != nullptr;
    } catch (...) {  // an unknown name, or a system without tzdata: either way, not usable
        return false;
    }
}

TimePoint parseLocal(std::string_view text, const std::string& tz) {
    const date::time_zone* zone = zoneOrThrow(tz);
    const std::size_t n = wallTimeLength(text, ' ');
    date::local_time<Duration> local;
    if (n == 0 || n != text.size() || text.find('.') != std::string_view::npos ||
        !parseWallTime(text, local)) {
        throw UserError(
            fmt::format("'{}' is not a local time; expected YYYY-MM-DD HH:MM[:SS]", text));
    }
    try {
        return zone->to_sys(local);  // throws for a time skipped or repeated by a clock change
    } catch (const date::nonexistent_local_time&) {
        throw UserError(fmt::format("'{}' does not exist in {}: the clocks skip it", text, tz));
    } catch (const date::ambiguous_local_time&) {
        throw UserError(
            fmt::format("'{}' happens twice in {} (clocks go back); give the time in "
                        "UTC instead",
                        text, tz));
    }
}

std::string formatLocal(TimePoint t, const std::string& tz, const char* fmt) {
    // Whole seconds: people read clocks, and %S would otherwise print milliseconds.
    return date::format(fmt, date::zoned_time<std::chrono::seconds>(
                                 zoneOrThrow(tz), std::chrono::floor<std::chrono::seconds>(t)));
}

Day localDay(TimePoint t, const std::string& tz) {
    const auto local = date::zoned_time<Duration>(zoneOrThrow(tz), t).get_local_time();
    return Day{date::floor<date::days>(local).time_since_epoch()};
}

std::string formatDay(Day d) {
    return date::format("%Y-%m-%d", d);
}

std::optional<Day> parseDay(std::string_view text) {
    if (!hasShape(text, "dddd-dd-dd")) return std::nullopt;
    // Digits in place, so plain arithmetic; no istream (a year's report reads 73,000 due dates
    // and the stream's locale machinery was a tenth of its time).
    auto num = [&](std::size_t pos, std::size_t n) {
        int v = 0;
        for (std::size_t i = pos; i < pos + n; ++i)
            v = v * 10 + (text[i] - '0');
        return v;
    };
    date::year_month_day ymd{date::year{num(0, 4)}, date::month{static_cast<unsigned>(num(5, 2))},
                             date::day{static_cast<unsigned>(num(8, 2))}};
    if (!ymd.ok()) return std::nullopt;  // 2026-02-30, month 13
    return Day{date::sys_days{ymd}};
}

std::string formatClock(Duration d) {
    // Whole seconds, cut toward zero, so a count-down shows 0:00 for its last fraction of a
    // second on either side of zero and "-0:01" once it is a full second over.
    const auto total = std::chrono::duration_cast<std::chrono::seconds>(d).count();
    const long long secs = total < 0 ? -total : total;
    const char* sign = total < 0 ? "-" : "";
    const long long h = secs / 3600, m = secs / 60 % 60, s = secs % 60;
    if (h > 0) return fmt::format("{}{}:{:02}:{:02}", sign, h, m, s);
    return fmt::format("{}{}:{:02}", sign, m, s);
}

}  // namespace ds
