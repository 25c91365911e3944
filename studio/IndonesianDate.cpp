#include "studio/IndonesianDate.h"

#include <array>
#include <cmath>

#include <date/tz.h>
#include <fmt/format.h>

namespace ds::idn {

namespace {

constexpr std::array<const char*, 12> kMonths{"Januari",   "Februari", "Maret",    "April",
                                              "Mei",       "Juni",     "Juli",     "Agustus",
                                              "September", "Oktober",  "November", "Desember"};
// date::weekday: 0 = Sunday.
constexpr std::array<const char*, 7> kDays{"Minggu", "Senin", "Selasa", "Rabu",
                                           "Kamis",  "Jumat", "Sabtu"};

}  // namespace

std::string monthName(int month) {
    if (month < 1 || month > 12) return "?";
    return kMonths[static_cast<std::size_t>(month - 1)];
}

std::string longDate(Day d) {
    date::year_month_day ymd{d};
    return fmt::format("{} {} {}", static_cast<unsigned>(ymd.day()),
                       monthName(static_cast<int>(static_cast<unsigned>(ymd.month()))),
                       static_cast<int>(ymd.year()));
}

std::string dayName(Day d) {
    return kDays[date::weekday{d}.c_encoding()];
}

std::string zoneAbbreviation(const std::string& tz, TimePoint at) {
    if (tz == "Asia/Jakarta" || tz == "Asia/Pontianak") return "WIB";
    if (tz == "Asia/Makassar") return "WITA";
    if (tz == "Asia/Jayapura") return "WIT";
    try {
        return date::locate_zone(tz)->get_info(at).abbrev;
    } catch (const std::exception&) {
        return tz;
    }
}

std::string clock(TimePoint t, const std::string& tz) {
    return formatLocal(t, tz, "%H.%M") + " " + zoneAbbreviation(tz, t);
}

std::string dateTime(TimePoint t, const std::string& tz) {
    return longDate(localDay(t, tz)) + " " + clock(t, tz);
}

std::string shortDate(Day d) {
    date::year_month_day ymd{d};
    return fmt::format("{:02}-{:02}-{}", static_cast<unsigned>(ymd.day()),
                       static_cast<unsigned>(ymd.month()), static_cast<int>(ymd.year()));
}

std::string shortDateTime(TimePoint t, const std::string& tz) {
    return shortDate(localDay(t, tz)) + " " + formatLocal(t, tz, "%H.%M");
}

std::string decimal(double v, int decimals) {
    std::string s = fmt::format("{:.{}f}", v, decimals);
    for (char& c : s) {
        if (c == '.') c = ',';
    }
    return s;
}

}  // namespace ds::idn
