#include "studio/DateRange.h"

#include <charconv>

#include <fmt/format.h>

#include "studio/Errors.h"
#include "studio/IndonesianDate.h"

namespace ds {

namespace {

// Whole-string decimal number, or -1.
int number(std::string_view s) {
    int v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    return ec == std::errc() && p == s.data() + s.size() && !s.empty() ? v : -1;
}

int checkedYear(std::string_view s, std::string_view what) {
    int y = s.size() == 4 ? number(s) : -1;
    if (y < 1970 || y > 9999) {
        throw UserError(fmt::format("{}: '{}' is not a year (YYYY)", what, s));
    }
    return y;
}

constexpr const char* kRoman[] = {"I", "II", "III", "IV"};

}  // namespace

DateRange DateRange::between(Day from, Day to) {
    if (to < from) {
        throw UserError(fmt::format("--to {} is before --from {}", formatDay(to), formatDay(from)));
    }
    if ((to - from).count() > 366 * 10) throw UserError("a report period is at most ten years");
    return {from, to, "range"};
}

DateRange DateRange::month(std::string_view s) {
    int m = s.size() == 7 && s[4] == '-' ? number(s.substr(5)) : -1;
    if (m < 1 || m > 12) throw UserError(fmt::format("--month: '{}' is not a month (YYYY-MM)", s));
    int y = checkedYear(s.substr(0, 4), "--month");
    date::year_month ym{date::year{y}, date::month{static_cast<unsigned>(m)}};
    return {date::sys_days{ym / 1}, date::sys_days{ym / date::last}, "month"};
}

DateRange DateRange::quarter(std::string_view s) {
    std::string t(s);
    if (t.size() == 7 && t[4] == '-') t.erase(4, 1);
    int q = t.size() == 6 && (t[4] == 'Q' || t[4] == 'q') ? number(t.substr(5)) : -1;
    if (q < 1 || q > 4) {
        throw UserError(fmt::format("--quarter: '{}' is not a quarter (YYYYQn, n = 1..4)", s));
    }
    int y = checkedYear(std::string_view(t).substr(0, 4), "--quarter");
    auto first = date::year{y} / date::month{static_cast<unsigned>(3 * q - 2)} / 1;
    auto last = date::year{y} / date::month{static_cast<unsigned>(3 * q)} / date::last;
    return {date::sys_days{first}, date::sys_days{last}, "quarter"};
}

DateRange DateRange::year(std::string_view s) {
    int y = checkedYear(s, "--year");
    return {date::sys_days{date::year{y} / 1 / 1}, date::sys_days{date::year{y} / 12 / 31}, "year"};
}

std::string DateRange::label() const {
    date::year_month_day a{from};
    int y = static_cast<int>(a.year());
    int m = static_cast<int>(static_cast<unsigned>(a.month()));
    if (kind == "month") return fmt::format("{} {}", idn::monthName(m), y);
    if (kind == "quarter") return fmt::format("Triwulan {} {}", kRoman[(m - 1) / 3], y);
    if (kind == "year") return fmt::format("Tahun {}", y);
    return fmt::format("{} s.d. {}", idn::longDate(from), idn::longDate(to));
}

std::string DateRange::code() const {
    date::year_month_day a{from};
    int y = static_cast<int>(a.year());
    int m = static_cast<int>(static_cast<unsigned>(a.month()));
    if (kind == "month") return fmt::format("{}-{:02}", y, m);
    if (kind == "quarter") return fmt::format("{}Q{}", y, (m - 1) / 3 + 1);
    if (kind == "year") return fmt::format("{}", y);
    return formatDay(from) + "_" + formatDay(to);
}

TimePoint DateRange::startUtc(const std::string& tz) const {
    return parseLocal(formatDay(from) + " 00:00", tz);
}

TimePoint DateRange::endUtc(const std::string& tz) const {
    return parseLocal(formatDay(to + date::days{1}) + " 00:00", tz);
}

}  // namespace ds
