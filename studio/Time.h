#pragma once
// Instants, local times and dates. Instants are stored in UTC as fixed-width ISO-8601 text with
// milliseconds ("2026-11-25T02:00:00.000Z") so that text order is time order in SQLite; each
// station's IANA time zone turns them into local times and dates for display and deadlines.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>

namespace ds {

using Duration = std::chrono::milliseconds;
using TimePoint = std::chrono::sys_time<Duration>;
using Day = date::sys_days;  // a calendar date (no time zone attached)

TimePoint now();

// "2026-11-25T02:00:00.000Z": always this width.
std::string formatUtc(TimePoint t);
// Accepts "YYYY-MM-DDTHH:MM[:SS[.fff]]" followed by "Z" or "+07:00"-style offset. nullopt if not.
std::optional<TimePoint> parseUtc(std::string_view text);

bool isValidTimeZone(const std::string& tz);
// Local wall time "YYYY-MM-DD HH:MM[:SS]" (a 'T' is accepted in place of the space) in time zone tz.
// Throws UserError naming the text if it is malformed or does not exist in that zone.
TimePoint parseLocal(std::string_view text, const std::string& tz);
// Local wall time in tz, formatted with a date::format string (default "%Y-%m-%d %H:%M").
// Throws UserError naming tz if it is not a known time zone (as does localDay).
std::string formatLocal(TimePoint t, const std::string& tz, const char* fmt = "%Y-%m-%d %H:%M");
// The calendar date of instant t in tz.
Day localDay(TimePoint t, const std::string& tz);

// "YYYY-MM-DD" <-> Day; parseDay returns nullopt for malformed or impossible dates (2026-02-30).
std::string formatDay(Day d);
std::optional<Day> parseDay(std::string_view text);

// "1:05:03", "-0:42", "12:00": hours only when non-zero; sign only when negative. For clocks.
// Whole seconds, cut toward zero: -0.5 s shows "0:00", -1 s "-0:01".
std::string formatClock(Duration d);

}  // namespace ds
