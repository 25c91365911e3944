#pragma once
// The period of a periodic report (UU KIP Pasal 12, Perki 1/2021 Pasal 56): a month
// ("2026-11"), a quarter ("2026Q4"), a year ("2026") or any range of local dates, both ends
// included. Requests belong to the period by the local date of their receipt in the station's
// time zone.
#include <string>
#include <string_view>

#include "studio/Time.h"

namespace ds {

struct DateRange {
    Day from{};                  // first day, included
    Day to{};                    // last day, included
    std::string kind = "range";  // range, month, quarter, year

    static DateRange between(Day from, Day to);         // throws UserError when to < from
    static DateRange month(std::string_view yyyyMm);    // "2026-11"
    static DateRange quarter(std::string_view yyyyQn);  // "2026Q4" (or "2026-Q4")
    static DateRange year(std::string_view yyyy);       // "2026"

    // Indonesian label: "November 2026", "Triwulan IV 2026", "Tahun 2026",
    // "1 Januari 2026 s.d. 15 Februari 2026".
    std::string label() const;
    // "2026-11", "2026Q4", "2026" or "2026-01-01_2026-02-15": for file names and JSON.
    std::string code() const;
    // The instants the period covers in time zone tz: [startUtc, endUtc).
    TimePoint startUtc(const std::string& tz) const;
    TimePoint endUtc(const std::string& tz) const;
    int days() const { return static_cast<int>((to - from).count()) + 1; }
};

}  // namespace ds
