#pragma once
// Working days for legal deadlines (UU KIP Pasal 22): Monday to Friday, less national holidays
// and cuti bersama from the station's holiday calendar file (studio/data/holidays-id.csv format).
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "studio/Time.h"

namespace ds {

struct Holiday {
    Day day;
    std::string kind;  // "national" or "cuti_bersama"
    std::string name;
};

class WorkingCalendar {
public:
    WorkingCalendar() = default;  // weekends only

    // Parses the CSV calendar (header "date,kind,name", '#' comment lines). Throws InputError
    // naming sourceName, the line and the field for any bad row; nothing is half-loaded.
    static WorkingCalendar parse(std::string_view csv, std::string_view sourceName);
    static WorkingCalendar load(const std::filesystem::path& file);
    // The calendar shipped with Dialog Studio (embedded copy of studio/data/holidays-id.csv).
    static WorkingCalendar shipped();

    bool isWorkingDay(Day d) const;
    const Holiday* holiday(Day d) const;  // nullptr when d is not a holiday
    const std::vector<Holiday>& holidays() const { return holidays_; }

    // The n-th working day after `from` (from itself never counts; n >= 0; n == 0 returns from).
    // n < 0 throws std::invalid_argument.
    Day addWorkingDays(Day from, int n) const;
    // Working days in (from, to]: 0 when to <= from. Used for "time to fulfil" in working days.
    int workingDaysBetween(Day from, Day to) const;
    // Deadline for something received at instant `received` in time zone tz: the n-th working
    // day after the local receipt date (a request received on Saturday counts from Monday).
    Day dueDate(TimePoint received, const std::string& tz, int workingDays) const;

private:
    std::vector<Holiday> holidays_;  // sorted by day, unique
};

}  // namespace ds
