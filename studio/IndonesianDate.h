#pragma once
// Dates and times as Indonesian official documents write them: "Kamis, 26 November 2026",
// "09.00 WIB". Used by the printable record and reports; the stored forms stay ISO 8601.
#include <string>

#include "studio/Time.h"

namespace ds::idn {

// "26 November 2026"
std::string longDate(Day d);
// "Kamis"
std::string dayName(Day d);
// "November"
std::string monthName(int month);  // 1..12
// WIB, WITA or WIT for Indonesia's zones; otherwise the zone's own abbreviation ("UTC").
std::string zoneAbbreviation(const std::string& tz, TimePoint at);
// "09.00 WIB"
std::string clock(TimePoint t, const std::string& tz);
// "26 November 2026 09.00 WIB"
std::string dateTime(TimePoint t, const std::string& tz);
// "26-11-2026": the day-first numeric date of Indonesian tables and registers (ISO 8601 reads
// as foreign on a filed document; the long form does not fit a narrow column).
std::string shortDate(Day d);
// "26-11-2026 09.00" (local time of the station; the zone is named once in the document).
std::string shortDateTime(TimePoint t, const std::string& tz);
// "2,5" for 2.5 (Indonesian decimal comma), with `decimals` digits after it.
std::string decimal(double v, int decimals);

}  // namespace ds::idn
