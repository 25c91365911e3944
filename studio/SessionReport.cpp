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

Pasal11Figures SessionReport::figures(Database& db, RequestStore& requests, std::int64_t sessionId,
                                      TimePoint asOf) {
    SessionStore(db).get(sessionId);  // NotFoundError for an unknown session
    const Station& station = requests.station();
    Pasal11Figures f;
    for (const Term& t : vocab::channels())
        f.byChannel[std::string(t.code)] = 0;
    for (const Term& t : vocab::questionStatuses())
        f.byStatus[std::string(t.code)] = 0;
    {
        Statement st = db.prepare(
            "SELECT channel, status, COUNT(*), SUM(flags <> '[]') FROM questions "
            "WHERE session_id = ? GROUP BY channel, status");
        st.bind(1, sessionId);
        while (st.step()) {
            int n = static_cast<int>(st.getInt(2));
            f.byChannel[st.getText(0)] += n;
            f.byStatus[st.getText(1)] += n;
            f.questionsReceived += n;
            f.questionsFlagged += static_cast<int>(st.getInt(3));
        }
    }
    for (const Term& t : vocab::refusalGrounds())
        f.refusedByGround[std::string(t.code)] = 0;
    std::vector<double> seconds;
    RequestListFilter filter;
    filter.sessionId = sessionId;
    for (const InfoRequest& r : requests.list(filter, asOf)) {
        ++f.received;
        if (r.extended) ++f.extended;
        if (r.escalated) ++f.escalated;
        if (!r.decided()) {
            ++f.pending;
            if (requests.isOverdue(r, asOf)) ++f.overdue;
            continue;
        }
        const std::string& d = r.decision.decision;
        if (d == "granted_full") ++f.grantedFull;
        if (d == "granted_partial") ++f.grantedPartial;
        if (d == "refused") {
            ++f.refused;
            ++f.refusedByGround[r.decision.ground];
            if (r.decision.ground == "not_held" || r.decision.ground == "not_documented")
                ++f.notHeld;
        }
        DecisionTime t;
        t.registrationNumber = r.registrationNumber;
        t.receivedAt = r.receivedAt;
        t.decidedAt = *r.decidedAt;
        t.decision = d;
        t.seconds = std::chrono::duration<double>(*r.decidedAt - r.receivedAt).count();
        t.workingDays = requests.calendar().workingDaysBetween(
            localDay(r.receivedAt, station.timeZone), localDay(*r.decidedAt, station.timeZone));
        seconds.push_back(t.seconds);
        f.timeToDecision.push_back(std::move(t));
    }
    if (!seconds.empty()) {
        std::sort(seconds.begin(), seconds.end());
        std::size_t n = seconds.size();
        f.medianSecondsToDecision =
            n % 2 ? seconds[n / 2] : (seconds[n / 2 - 1] + seconds[n / 2]) / 2.0;
    }
    return f;
}

nlohmann::json SessionReport::build(Database& db, RequestStore& requests, std::int64_t sessionId,
                                    TimePoint asOf) {
    Session s = SessionStore(db).get(sessionId);
    const Station& station = requests.station();
    const Pasal11Figures f = figures(db, requests, sessionId, asOf);
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
            {"questions", f.questionsJson()},
            {"requests", f.requestsJson()}};
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
