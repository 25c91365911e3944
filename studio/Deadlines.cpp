#include "studio/Deadlines.h"

#include <algorithm>

#include <fmt/format.h>

#include "studio/Database.h"
#include "studio/Errors.h"
#include "studio/Statement.h"

namespace ds {

nlohmann::json Deadline::toJson() const {
    return {{"kind", kind},
            {"request_id", requestId},
            {"registration_number", registrationNumber},
            {"session_id", sessionId ? nlohmann::json(*sessionId) : nlohmann::json(nullptr)},
            {"what", what},
            {"due_date", formatDay(due)},
            {"working_days_left", workingDaysLeft},
            {"overdue", overdue}};
}

std::vector<Deadline> Deadlines::list(Database& db, const Station& station,
                                      const WorkingCalendar& calendar, TimePoint asOf,
                                      std::optional<int> within, bool overdueOnly) {
    // The longest legal clock is 30 working days; a year of them is plenty for a look ahead,
    // and a negative or huge count is a typing error, not a question.
    if (within && (*within < 0 || *within > kMaxLookAhead)) {
        throw UserError(
            fmt::format("--within: {} is not 0 to {} working days", *within, kMaxLookAhead));
    }
    const Day today = localDay(asOf, station.timeZone);
    std::vector<Deadline> out;
    auto add = [&](std::string kind, Statement& st) {
        Deadline d;
        d.kind = std::move(kind);
        d.requestId = st.getInt(0);
        d.registrationNumber = st.getText(1);
        d.sessionId = st.getOptInt(2);
        d.what = st.getText(3);
        d.due = parseDay(st.getText(4)).value_or(Day{});
        d.overdue = today > d.due;
        d.workingDaysLeft = d.overdue ? -calendar.workingDaysBetween(d.due, today)
                                      : calendar.workingDaysBetween(today, d.due);
        if (overdueOnly && !d.overdue) return;
        if (within && !d.overdue && d.due > calendar.addWorkingDays(today, *within)) return;
        out.push_back(std::move(d));
    };
    {
        Statement st = db.prepare(
            "SELECT id, reg_number, session_id, '', due_date FROM info_requests "
            "WHERE station_id = ? AND decided_at IS NULL");
        st.bind(1, station.id);
        while (st.step())
            add("notice", st);
    }
    {
        Statement st = db.prepare(
            "SELECT r.id, r.reg_number, r.session_id, f.unit_name, f.due_date FROM follow_ups f "
            "JOIN info_requests r ON r.id = f.request_id WHERE r.station_id = ? AND "
            "f.answered_at IS NULL");
        st.bind(1, station.id);
        while (st.step())
            add("follow_up", st);
    }
    {
        Statement st = db.prepare(
            "SELECT r.id, r.reg_number, r.session_id, o.number, o.due_date FROM objections o "
            "JOIN info_requests r ON r.id = o.request_id WHERE o.station_id = ? AND "
            "o.outcome IS NULL");
        st.bind(1, station.id);
        while (st.step())
            add("objection_answer", st);
    }
    std::stable_sort(out.begin(), out.end(), [](const Deadline& a, const Deadline& b) {
        return a.due != b.due ? a.due < b.due : a.registrationNumber < b.registrationNumber;
    });
    return out;
}

}  // namespace ds
