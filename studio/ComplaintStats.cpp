#include "studio/ComplaintStats.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "studio/Percentile.h"

namespace ds {

namespace {

std::string groupKey(const std::string& s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\t') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

std::string areaOf(const Complaint& c) {
    if (!c.kelurahan.empty()) return "Kel. " + c.kelurahan;
    if (!c.kecamatan.empty()) return "Kec. " + c.kecamatan;
    return "-";
}

int monthIndex(Day d) {
    const auto ymd = date::year_month_day(d);
    return static_cast<int>(ymd.year()) * 12 +
           static_cast<int>(static_cast<unsigned>(ymd.month())) - 1;
}

std::vector<std::pair<std::string, int>> ranked(const std::map<std::string, int>& counts) {
    std::vector<std::pair<std::string, int>> out(counts.begin(), counts.end());
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    return out;
}

ComplaintTimes timesOf(std::vector<double> days) {
    ComplaintTimes t;
    t.count = static_cast<int>(days.size());
    std::sort(days.begin(), days.end());
    t.medianDays = percentileOfSorted(days, 0.5);
    t.p90Days = percentileOfSorted(days, 0.9);
    return t;
}

nlohmann::json pairsJson(const std::vector<std::pair<std::string, int>>& pairs) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [k, v] : pairs)
        out[k] = v;
    return out;
}

nlohmann::json timesJson(const ComplaintTimes& t) {
    return {{"count", t.count},
            {"median", t.medianDays ? nlohmann::json(*t.medianDays) : nlohmann::json(nullptr)},
            {"p90", t.p90Days ? nlohmann::json(*t.p90Days) : nlohmann::json(nullptr)}};
}

std::string number(const nlohmann::json& v) {
    if (v.is_null()) return "";
    if (v.is_number_float()) return fmt::format("{:.2f}", v.get<double>());
    return v.dump();
}

}  // namespace

std::string RecurringProblem::text() const {
    return fmt::format("{}, {}: {} kali dalam {} bulan", topic, area, count, months);
}

ComplaintStats ComplaintStats::build(const std::vector<Complaint>& complaints,
                                     const std::string& tz, TimePoint asOf, std::optional<Day> from,
                                     std::optional<Day> to) {
    ComplaintStats s;
    std::map<std::string, int> byKind, byStatus, byTopic, byUnit, byArea;
    for (const Term& t : complaint::kinds())
        byKind[std::string(t.code)] = 0;
    for (const Term& t : complaint::statuses())
        byStatus[std::string(t.code)] = 0;
    std::vector<double> toForward, toFinish;
    struct Group {
        std::string topic, area;
        int count = 0;
        std::set<std::int64_t> sessions;
        Day first{Day::max()}, last{Day::min()};
    };
    std::map<std::pair<std::string, std::string>, Group> groups;
    std::map<std::string, std::string> topicNames;  // key -> first spelling
    std::map<std::string, std::map<int, int>> areaMonth;
    const Day asOfDay = localDay(asOf, tz);
    std::optional<int> firstMonth, lastMonth;
    for (const Complaint& c : complaints) {
        ++s.total;
        if (c.infoRequest) ++s.infoRequests;
        ++byKind[std::string(complaint::code(c.kind))];
        ++byStatus[std::string(complaint::code(c.status))];
        const std::string key = groupKey(c.topic);
        topicNames.emplace(key, c.topic);
        const std::string& topic = topicNames[key];
        ++byTopic[topic];
        if (!c.unitName.empty()) ++byUnit[c.unitName];
        const std::string area = areaOf(c);
        ++byArea[area];
        if (c.status == ComplaintStatus::Diteruskan && c.dueDate && asOfDay > *c.dueDate)
            ++s.overdue;
        const auto days = [&](TimePoint t) {
            return std::chrono::duration<double>(t - c.receivedAt).count() / 86400.0;
        };
        if (c.forwardedAt) toForward.push_back(days(*c.forwardedAt));
        if (c.closedAt) toFinish.push_back(days(*c.closedAt));
        const Day day = localDay(c.receivedAt, tz);
        Group& g = groups[{key, area}];
        g.topic = topic;
        g.area = area;
        ++g.count;
        g.sessions.insert(c.sessionId);
        g.first = std::min(g.first, day);
        g.last = std::max(g.last, day);
        const int m = monthIndex(day);
        ++areaMonth[area][m];
        firstMonth = firstMonth ? std::min(*firstMonth, m) : m;
        lastMonth = lastMonth ? std::max(*lastMonth, m) : m;
    }
    for (const Term& t : complaint::statuses())
        s.byStatus.emplace_back(std::string(t.code), byStatus[std::string(t.code)]);
    for (const Term& t : complaint::kinds())
        s.byKind.emplace_back(std::string(t.code), byKind[std::string(t.code)]);
    s.byTopic = ranked(byTopic);
    s.byUnit = ranked(byUnit);
    s.byArea = ranked(byArea);
    s.toForward = timesOf(std::move(toForward));
    s.toFinish = timesOf(std::move(toFinish));

    for (const auto& [key, g] : groups) {
        if (g.count < 2) continue;
        RecurringProblem r{g.topic,
                           g.area,
                           g.count,
                           static_cast<int>(g.sessions.size()),
                           monthIndex(g.last) - monthIndex(g.first) + 1,
                           g.first,
                           g.last};
        s.recurring.push_back(std::move(r));
    }
    std::stable_sort(s.recurring.begin(), s.recurring.end(),
                     [](const RecurringProblem& a, const RecurringProblem& b) {
                         if (a.count != b.count) return a.count > b.count;
                         return a.months < b.months;  // the same count in less time first
                     });

    if (from) firstMonth = monthIndex(*from);
    if (to) lastMonth = monthIndex(*to);
    if (firstMonth && lastMonth && *lastMonth >= *firstMonth) {
        for (int m = *firstMonth; m <= *lastMonth; ++m)
            s.months.push_back(fmt::format("{:04}-{:02}", m / 12, m % 12 + 1));
        for (const auto& [area, n] : s.byArea) {
            AreaMonths am{area, {}, 0};
            for (int m = *firstMonth; m <= *lastMonth; ++m) {
                const auto it = areaMonth[area].find(m);
                const int count = it == areaMonth[area].end() ? 0 : it->second;
                am.counts.push_back(count);
                am.total += count;
            }
            s.areaMonths.push_back(std::move(am));
        }
    }
    return s;
}

nlohmann::json ComplaintStats::toJson() const {
    nlohmann::json recurringJson = nlohmann::json::array();
    for (const RecurringProblem& r : recurring) {
        recurringJson.push_back({{"topic", r.topic},
                                 {"area", r.area},
                                 {"count", r.count},
                                 {"sessions", r.sessions},
                                 {"months", r.months},
                                 {"first", formatDay(r.first)},
                                 {"last", formatDay(r.last)},
                                 {"text", r.text()}});
    }
    nlohmann::json areas = nlohmann::json::array();
    for (const AreaMonths& a : areaMonths)
        areas.push_back({{"area", a.area}, {"counts", a.counts}, {"total", a.total}});
    return {{"total", total},
            {"info_requests", infoRequests},
            {"overdue", overdue},
            {"by_kind", pairsJson(byKind)},
            {"by_status", pairsJson(byStatus)},
            {"by_topic", pairsJson(byTopic)},
            {"by_unit", pairsJson(byUnit)},
            {"by_area", pairsJson(byArea)},
            {"time_to_forward_days", timesJson(toForward)},
            {"time_to_finish_days", timesJson(toFinish)},
            {"recurring", recurringJson},
            {"by_area_month", {{"months", months}, {"areas", areas}}}};
}

std::vector<std::array<std::string, 3>> ComplaintStats::csvRows() const {
    return csvRows(toJson());
}

std::vector<std::array<std::string, 3>> ComplaintStats::csvRows(const nlohmann::json& j) {
    std::vector<std::array<std::string, 3>> rows;
    for (const char* key : {"total", "info_requests", "overdue"})
        rows.push_back({"complaints", key, number(j[key])});
    for (const char* times : {"time_to_forward_days", "time_to_finish_days"}) {
        for (const char* key : {"median", "p90"})
            rows.push_back({"complaints", fmt::format("{}_{}", times, key), number(j[times][key])});
    }
    for (const char* section : {"by_kind", "by_status", "by_topic", "by_unit", "by_area"}) {
        for (const auto& [k, v] : j[section].items())
            rows.push_back({fmt::format("complaints_{}", section), k, number(v)});
    }
    for (const nlohmann::json& r : j["recurring"])
        rows.push_back({"complaints_recurring",
                        r["topic"].get<std::string>() + " | " + r["area"].get<std::string>(),
                        number(r["count"])});
    const nlohmann::json& months = j["by_area_month"]["months"];
    for (const nlohmann::json& a : j["by_area_month"]["areas"]) {
        for (std::size_t m = 0; m < months.size(); ++m)
            rows.push_back({"complaints_by_area_month",
                            a["area"].get<std::string>() + " | " + months[m].get<std::string>(),
                            number(a["counts"][m])});
    }
    return rows;
}

}  // namespace ds
