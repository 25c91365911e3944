#include "studio/SessionReport.h"

#include <algorithm>

#include "studio/ComplaintStats.h"
#include "studio/ComplaintStore.h"
#include "studio/Database.h"
#include "studio/ReportText.h"
#include "studio/RequestStore.h"
#include "studio/SessionStore.h"
#include "studio/Statement.h"
#include "studio/Vocabulary.h"

namespace ds {

nlohmann::json SessionReport::build(Database& db, RequestStore& requests, std::int64_t sessionId,
                                    TimePoint asOf) {
    Session s = SessionStore(db).get(sessionId);
    const Station& station = requests.station();

    nlohmann::json byChannel = nlohmann::json::object();
    for (const Term& t : vocab::channels())
        byChannel[std::string(t.code)] = 0;
    nlohmann::json byStatus = nlohmann::json::object();
    for (const Term& t : vocab::questionStatuses())
        byStatus[std::string(t.code)] = 0;
    int received = 0, flagged = 0;
    {
        Statement st = db.prepare(
            "SELECT channel, status, COUNT(*), SUM(flags <> '[]') FROM questions "
            "WHERE session_id = ? GROUP BY channel, status");
        st.bind(1, sessionId);
        while (st.step()) {
            int n = static_cast<int>(st.getInt(2));
            byChannel[st.getText(0)] = byChannel.value(st.getText(0), 0) + n;
            byStatus[st.getText(1)] = byStatus.value(st.getText(1), 0) + n;
            received += n;
            flagged += static_cast<int>(st.getInt(3));
        }
    }

    nlohmann::json byGround = nlohmann::json::object();
    for (const Term& t : vocab::refusalGrounds())
        byGround[std::string(t.code)] = 0;
    int total = 0, grantedFull = 0, grantedPartial = 0, refused = 0, notHeld = 0, pending = 0,
        extended = 0, escalated = 0, overdue = 0;
    nlohmann::json times = nlohmann::json::array();
    std::vector<double> seconds;
    RequestListFilter filter;
    filter.sessionId = sessionId;
    for (const InfoRequest& r : requests.list(filter, asOf)) {
        ++total;
        if (r.extended) ++extended;
        if (r.escalated) ++escalated;
        if (!r.decided()) {
            ++pending;
            if (requests.isOverdue(r, asOf)) ++overdue;
            continue;
        }
        const std::string& d = r.decision.decision;
        if (d == "granted_full") ++grantedFull;
        if (d == "granted_partial") ++grantedPartial;
        if (d == "refused") {
            ++refused;
            byGround[r.decision.ground] = byGround.value(r.decision.ground, 0) + 1;
            if (r.decision.ground == "not_held" || r.decision.ground == "not_documented") ++notHeld;
        }
        double secs = std::chrono::duration<double>(*r.decidedAt - r.receivedAt).count();
        seconds.push_back(secs);
        int workingDays = requests.calendar().workingDaysBetween(
            localDay(r.receivedAt, station.timeZone), localDay(*r.decidedAt, station.timeZone));
        times.push_back({{"registration_number", r.registrationNumber},
                         {"received_at", formatUtc(r.receivedAt)},
                         {"decided_at", formatUtc(*r.decidedAt)},
                         {"decision", d},
                         {"seconds", secs},
                         {"working_days", workingDays}});
    }
    nlohmann::json median = nullptr;
    if (!seconds.empty()) {
        std::sort(seconds.begin(), seconds.end());
        std::size_t n = seconds.size();
        median = n % 2 ? seconds[n / 2] : (seconds[n / 2 - 1] + seconds[n / 2]) / 2.0;
    }

    const ComplaintStats complaints = ComplaintStats::build(
        ComplaintStore(db, station, requests.calendar()).list({.sessionId = sessionId}),
        station.timeZone, asOf);

    return {{"complaints", complaints.toJson()},
            {"session",
             {{"id", s.id},
              {"programme", s.programmeTitle},
              {"partner_media", s.partnerMedia},
              {"topic", s.topic},
              {"scheduled_start", formatUtc(s.scheduledStart)},
              {"status", s.status}}},
            {"station",
             {{"code", station.code}, {"name", station.name}, {"time_zone", station.timeZone}}},
            {"as_of", formatUtc(asOf)},
            {"questions",
             {{"received", received},
              {"flagged", flagged},
              {"by_channel", byChannel},
              {"by_status", byStatus}}},
            {"requests",
             {{"received", total},
              {"granted_full", grantedFull},
              {"granted_partial", grantedPartial},
              {"refused", refused},
              {"refused_by_ground", byGround},
              {"not_held", notHeld},
              {"pending", pending},
              {"extended", extended},
              {"escalated", escalated},
              {"overdue", overdue},
              {"time_to_decision", times},
              {"median_time_to_decision_seconds", median}}}};
}

std::string SessionReport::toCsv(const nlohmann::json& report) {
    std::string out =
        "\xEF\xBB\xBF"
        "section,key,value\r\n";
    auto row = [&](const std::string& section, const std::string& key, const nlohmann::json& v) {
        out += report::csvRow(section, key, v);
    };
    for (auto& [k, v] : report["session"].items())
        row("session", k, v);
    for (auto& [k, v] : report["station"].items())
        row("station", k, v);
    row("report", "as_of", report["as_of"]);
    const nlohmann::json& q = report["questions"];
    row("questions", "received", q["received"]);
    row("questions", "flagged", q["flagged"]);
    for (auto& [k, v] : q["by_channel"].items())
        row("questions_by_channel", k, v);
    for (auto& [k, v] : q["by_status"].items())
        row("questions_by_status", k, v);
    const nlohmann::json& r = report["requests"];
    for (const char* key :
         {"received", "granted_full", "granted_partial", "refused", "not_held", "pending",
          "extended", "escalated", "overdue", "median_time_to_decision_seconds"}) {
        row("requests", key, r[key]);
    }
    for (auto& [k, v] : r["refused_by_ground"].items())
        row("refused_by_ground", k, v);
    for (const nlohmann::json& t : r["time_to_decision"]) {
        row("time_to_decision_seconds", t["registration_number"], t["seconds"]);
    }
    if (report.contains("complaints")) {
        for (const auto& [section, key, value] : ComplaintStats::csvRows(report["complaints"]))
            row(section, key, value);
    }
    return out;
}

}  // namespace ds
