#pragma once
// Figures on complaints for the session and period reports (SOP 003, SOP 004): by kind, topic,
// unit, area and status; time from receipt to forwarding and to closing (median and 90th
// percentile, calendar days); and early detection (deteksi dini): the same problem in the same
// area coming back across sessions and months, ranked, with complaints per area and month for
// the chart. Areas are the kelurahan (else the kecamatan); topics are grouped ignoring case and
// spacing.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "studio/Complaint.h"
#include "studio/Time.h"

namespace ds {

struct ComplaintTimes {
    int count = 0;
    std::optional<double> medianDays, p90Days;
};

struct RecurringProblem {
    std::string topic;
    std::string area;  // "Kel. Pantai Panjang"
    int count = 0;
    int sessions = 0;
    int months = 0;  // calendar months from the first to the last, both counted
    Day first{}, last{};
    // "balap liar, Kel. Pantai Panjang: 7 kali dalam 3 bulan"
    std::string text() const;
};

struct AreaMonths {
    std::string area;
    std::vector<int> counts;  // one per ComplaintStats::months
    int total = 0;
};

struct ComplaintStats {
    int total = 0;
    int infoRequests = 0;  // complaints that are information requests too
    int overdue = 0;
    std::vector<std::pair<std::string, int>> byKind, byStatus;         // every code, zeros included
    std::vector<std::pair<std::string, int>> byTopic, byUnit, byArea;  // most first
    ComplaintTimes toForward, toFinish;
    std::vector<RecurringProblem> recurring;  // twice or more, most first
    std::vector<std::string> months;          // "2026-09": the chart's months, in order
    std::vector<AreaMonths> areaMonths;       // areas, most complaints first

    // Complaints of the period (or session); `from`/`to` set the months of the chart (both
    // included), else the months the complaints span. tz: the station's, for local days.
    static ComplaintStats build(const std::vector<Complaint>& complaints, const std::string& tz,
                                TimePoint asOf, std::optional<Day> from = {},
                                std::optional<Day> to = {});
    nlohmann::json toJson() const;
    // Rows for the "section,key,value" CSV of the reports.
    std::vector<std::array<std::string, 3>> csvRows() const;
    // The same rows from the JSON form (the session report keeps only its JSON).
    static std::vector<std::array<std::string, 3>> csvRows(const nlohmann::json& stats);
};

}  // namespace ds
