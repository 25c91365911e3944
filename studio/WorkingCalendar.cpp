#include "studio/WorkingCalendar.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include <fmt/format.h>

#include "studio/CsvReader.h"
#include "studio/EmbeddedData.h"
#include "studio/Errors.h"
#include "studio/TextRules.h"

namespace ds {

namespace {

// Checks every row before anything is kept, so a bad file never leaves a half-read calendar.
std::vector<Holiday> holidaysFrom(const CsvTable& table) {
    table.requireColumns({"date", "kind", "name"}, {});
    std::vector<Holiday> out;
    std::map<Day, std::size_t> lineOf;  // where each date was first listed, for the message
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const std::string where = table.where(r);
        const std::string dateText = trim(table.field(r, "date"));
        const auto day = parseDay(dateText);
        if (!day) {
            throw InputError(
                fmt::format("{}field 'date': '{}' is not a date; expected "
                            "YYYY-MM-DD, for example 2026-08-17",
                            where, dateText));
        }
        const auto [it, inserted] = lineOf.emplace(*day, table.lines[r]);
        if (!inserted) {
            throw InputError(fmt::format("{}field 'date': {} is already listed on line {}", where,
                                         dateText, it->second));
        }
        std::string kind = trim(table.field(r, "kind"));
        if (kind != "national" && kind != "cuti_bersama") {
            throw InputError(
                fmt::format("{}field 'kind': '{}' is not a kind of holiday; expected "
                            "national or cuti_bersama",
                            where, kind));
        }
        std::string name = trim(table.field(r, "name"));
        requireText(name, "name", kMaxNameBytes, true, where);
        out.push_back(Holiday{*day, std::move(kind), std::move(name)});
    }
    std::sort(out.begin(), out.end(),
              [](const Holiday& a, const Holiday& b) { return a.day < b.day; });
    return out;
}

bool isWeekend(Day d) {
    const date::weekday wd{d};
    return wd == date::Saturday || wd == date::Sunday;
}

}  // namespace

WorkingCalendar WorkingCalendar::parse(std::string_view csv, std::string_view sourceName) {
    WorkingCalendar calendar;
    calendar.holidays_ = holidaysFrom(CsvReader::parse(csv, sourceName, true));
    return calendar;
}

WorkingCalendar WorkingCalendar::load(const std::filesystem::path& file) {
    WorkingCalendar calendar;
    calendar.holidays_ = holidaysFrom(CsvReader::readFile(file, true));
    return calendar;
}

WorkingCalendar WorkingCalendar::shipped() {
    return parse(embedded::kHolidaysCsv, "holidays-id.csv (built in)");
}

const Holiday* WorkingCalendar::holiday(Day d) const {
    const auto it = std::lower_bound(holidays_.begin(), holidays_.end(), d,
                                     [](const Holiday& h, Day day) { return h.day < day; });
    return it != holidays_.end() && it->day == d ? &*it : nullptr;
}

bool WorkingCalendar::isWorkingDay(Day d) const {
    return !isWeekend(d) && holiday(d) == nullptr;
}

Day WorkingCalendar::addWorkingDays(Day from, int n) const {
    if (n < 0) throw std::invalid_argument("addWorkingDays: n must not be negative");
    Day d = from;
    // Steps one day at a time: n is at most a few dozen, and holidays are few and irregular.
    for (int counted = 0; counted < n;) {
        d += date::days{1};
        if (isWorkingDay(d)) ++counted;
    }
    return d;
}

int WorkingCalendar::workingDaysBetween(Day from, Day to) const {
    int count = 0;
    for (Day d = from + date::days{1}; d <= to; d += date::days{1}) {
        if (isWorkingDay(d)) ++count;
    }
    return count;
}

Day WorkingCalendar::dueDate(TimePoint received, const std::string& tz, int workingDays) const {
    // The receipt day is the station's local date: 23:30 WIB on Tuesday is already Wednesday
    // in WIT, and the law counts days where the request was received.
    return addWorkingDays(localDay(received, tz), workingDays);
}

}  // namespace ds
