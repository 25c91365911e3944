#include "studio/PeriodReport.h"

#include <date/tz.h>
#include <fmt/format.h>

#include "studio/ComplaintStore.h"
#include "studio/Database.h"
#include "studio/Percentile.h"
#include "studio/PpidTerms.h"
#include "studio/Progress.h"
#include "studio/ReportText.h"
#include "studio/Statement.h"
#include "studio/Timeliness.h"
#include "studio/Vocabulary.h"

namespace ds {

namespace {

// [SECTION] Fast paths for a year of rows

int digits(std::string_view s, std::size_t pos, std::size_t n) {
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

// The stored form "2026-11-25T02:00:00.000Z" without iostreams: a year's report reads some
// 150,000 of them. Anything else goes through the general parser.
TimePoint utc(std::string_view s) {
    if (s.size() == 24 && s[4] == '-' && s[7] == '-' && s[10] == 'T' && s[13] == ':' &&
        s[16] == ':' && s[19] == '.' && s[23] == 'Z') {
        int y = digits(s, 0, 4), mo = digits(s, 5, 2), d = digits(s, 8, 2), h = digits(s, 11, 2),
            mi = digits(s, 14, 2), se = digits(s, 17, 2), ms = digits(s, 20, 3);
        date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(mo)},
                                 date::day{static_cast<unsigned>(d)}};
        if (y >= 0 && mo >= 0 && d >= 0 && h >= 0 && mi >= 0 && se >= 0 && ms >= 0 && ymd.ok()) {
            return TimePoint{date::sys_days{ymd}.time_since_epoch()} + std::chrono::hours(h) +
                   std::chrono::minutes(mi) + std::chrono::seconds(se) +
                   std::chrono::milliseconds(ms);
        }
    }
    return parseUtc(s).value_or(TimePoint{});
}

// Local calendar days in one time zone, reusing the zone's offset while it holds (Indonesia's
// zones have one offset for all of a year).
class LocalDays {
  public:
    explicit LocalDays(const std::string& tz) : zone_(date::locate_zone(tz)) {}
    Day operator()(TimePoint t) {
        auto s = std::chrono::floor<std::chrono::seconds>(t);
        if (!have_ || s < info_.begin || s >= info_.end) {
            info_ = zone_->get_info(s);
            have_ = true;
        }
        return std::chrono::floor<date::days>(t + info_.offset);
    }

  private:
    const date::time_zone* zone_;
    date::sys_info info_{};
    bool have_ = false;
};

PeriodCounts emptyCounts() {
    PeriodCounts c;
    for (const Term& t : vocab::refusalGrounds())
        c.byGround[std::string(t.code)] = 0;
    return c;
}

struct Row {
    std::string decision, ground;
    bool extended = false, escalated = false, decided = false, onTime = false, overdue = false;
};

void tally(PeriodCounts& c, const Row& r) {
    ++c.received;
    if (r.extended) ++c.extended;
    if (r.escalated) ++c.escalated;
    if (!r.decided) {
        ++c.pending;
        if (r.overdue) ++c.overdue;
        return;
    }
    ++c.decided;
    ++(r.onTime ? c.decidedOnTime : c.decidedLate);
    if (r.decision == "granted_full") ++c.grantedFull;
    if (r.decision == "granted_partial") ++c.grantedPartial;
    if (r.decision == "refused") {
        ++c.refused;
        ++c.byGround[r.ground];
        if (r.ground == "not_held" || r.ground == "not_documented") ++c.notHeld;
    }
}

nlohmann::json countsJson(const PeriodCounts& c) {
    return {{"received", c.received},
            {"granted_full", c.grantedFull},
            {"granted_partial", c.grantedPartial},
            {"refused", c.refused},
            {"refused_by_ground", c.byGround},
            {"not_held", c.notHeld},
            {"pending", c.pending},
            {"extended", c.extended},
            {"escalated", c.escalated},
            {"overdue", c.overdue},
            {"decided", c.decided},
            {"decided_on_time", c.decidedOnTime},
            {"decided_late", c.decidedLate}};
}

nlohmann::json opt(const std::optional<double>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

std::map<std::string, int> zeros(std::span<const Term> terms) {
    std::map<std::string, int> m;
    for (const Term& t : terms)
        m[std::string(t.code)] = 0;
    return m;
}

}  // namespace

// [SECTION] Building

PeriodReport PeriodReport::build(Database& db, const Station& station,
                                 const WorkingCalendar& calendar, const DateRange& range,
                                 TimePoint asOf, Progress& progress) {
    PeriodReport rep;
    rep.station = station;
    rep.range = range;
    rep.asOf = asOf;
    rep.generatedAt = now();
    rep.totals = emptyCounts();
    for (const Term& t : vocab::channels())
        rep.byChannel[std::string(t.code)] = 0;
    const std::string& tz = station.timeZone;
    LocalDays localDays(tz);
    const Day today = localDays(asOf);
    const std::string from = formatUtc(range.startUtc(tz));
    const std::string to = formatUtc(range.endUtc(tz));

    // Months of the period, in order.
    std::map<int, std::size_t> monthIndex;  // year * 12 + month - 1 -> index
    for (Day d = range.from; d <= range.to;) {
        date::year_month_day ymd{d};
        int y = static_cast<int>(ymd.year());
        int m = static_cast<int>(static_cast<unsigned>(ymd.month()));
        monthIndex[y * 12 + m - 1] = rep.months.size();
        rep.months.push_back({y, m, emptyCounts(), std::nullopt});
        d = date::sys_days{(ymd.year() / ymd.month() / 1) + date::months{1}};
    }
    std::vector<std::vector<double>> monthWorkingDays(rep.months.size());

    // Sessions held in the period or holding requests of it.
    progress.phase("membaca sesi");
    std::map<std::int64_t, std::size_t> sessionIndex;
    {
        Statement st = db.prepare(
            "SELECT s.id, s.scheduled_start, s.topic, p.partner_media, s.status FROM sessions s "
            "JOIN programmes p ON p.id = s.programme_id WHERE p.station_id = ?1 AND "
            "((s.scheduled_start >= ?2 AND s.scheduled_start < ?3) OR s.id IN (SELECT "
            "session_id FROM info_requests WHERE station_id = ?1 AND received_at >= ?2 AND "
            "received_at < ?3)) ORDER BY s.scheduled_start, s.id");
        st.bindAll(station.id, from, to);
        while (st.step()) {
            PeriodSession s;
            s.id = st.getInt(0);
            s.day = localDays(utc(st.getText(1)));
            s.topic = st.getText(2);
            s.partnerMedia = st.getText(3);
            s.status = st.getText(4);
            s.counts = emptyCounts();
            sessionIndex[*s.id] = rep.sessions.size();
            rep.sessions.push_back(std::move(s));
        }
    }
    std::optional<std::size_t> outside;  // requests without a session

    progress.phase("membaca permohonan");
    std::size_t total = 0;
    {
        Statement n = db.prepare(
            "SELECT COUNT(*) FROM info_requests WHERE station_id = ? AND received_at >= ? AND "
            "received_at < ?");
        n.bindAll(station.id, from, to);
        n.step();
        total = static_cast<std::size_t>(n.getInt(0));
    }
    rep.fulfilments.reserve(total);
    std::vector<double> days, workingDays;
    days.reserve(total);
    workingDays.reserve(total);
    Statement st = db.prepare(
        "SELECT reg_number, session_id, received_at, channel, written, decision, refusal_ground, "
        "extended, escalated, due_date, decided_at FROM info_requests WHERE station_id = ? AND "
        "received_at >= ? AND received_at < ? ORDER BY reg_year, reg_seq");
    st.bindAll(station.id, from, to);
    std::size_t done = 0;
    while (st.step()) {
        if (++done % 4096 == 0) progress.update(done, total);
        TimePoint received = utc(st.getText(2));
        Day receivedDay = localDays(received);
        Day due = parseDay(st.getText(9)).value_or(Day{});
        Row row;
        row.decision = st.getOptText(5).value_or("");
        row.ground = st.getOptText(6).value_or("");
        row.extended = st.getInt(7) != 0;
        row.escalated = st.getInt(8) != 0;
        auto decidedText = st.getOptText(10);
        row.decided = decidedText.has_value();
        std::optional<std::int64_t> sessionId = st.getOptInt(1);
        std::string channel = st.getText(3);
        ++rep.byChannel[channel];
        ++(st.getInt(4) ? rep.written : rep.unwritten);
        auto monthIt = monthIndex.find(
            static_cast<int>(date::year_month_day{receivedDay}.year()) * 12 +
            static_cast<int>(static_cast<unsigned>(date::year_month_day{receivedDay}.month())) - 1);
        if (row.decided) {
            TimePoint decided = utc(*decidedText);
            Day decidedDay = localDays(decided);
            row.onTime = timeliness(due, decidedDay, today) == Timeliness::OnTime;
            Fulfilment f;
            f.registrationNumber = st.getText(0);
            f.sessionId = sessionId;
            f.receivedAt = received;
            f.decidedAt = decided;
            f.decision = row.decision;
            f.days = std::chrono::duration<double>(decided - received).count() / 86400.0;
            f.workingDays = calendar.workingDaysBetween(receivedDay, decidedDay);
            f.onTime = row.onTime;
            days.push_back(f.days);
            workingDays.push_back(f.workingDays);
            if (monthIt != monthIndex.end())
                monthWorkingDays[monthIt->second].push_back(f.workingDays);
            rep.fulfilments.push_back(std::move(f));
        } else {
            row.overdue = timeliness(due, std::nullopt, today) == Timeliness::Overdue;
        }
        tally(rep.totals, row);
        if (monthIt != monthIndex.end()) tally(rep.months[monthIt->second].counts, row);
        std::size_t si;
        if (sessionId && sessionIndex.count(*sessionId)) {
            si = sessionIndex[*sessionId];
        } else {
            if (!outside) {
                outside = rep.sessions.size();
                PeriodSession s;
                s.topic = "(di luar sesi siaran)";
                s.counts = emptyCounts();
                rep.sessions.push_back(std::move(s));
            }
            si = *outside;
        }
        tally(rep.sessions[si].counts, row);
    }
    st.reset();

    progress.phase("menghitung waktu layanan");
    rep.time.decided = static_cast<int>(days.size());
    std::sort(days.begin(), days.end());
    std::sort(workingDays.begin(), workingDays.end());
    rep.time.medianDays = percentileOfSorted(days, 0.5);
    rep.time.p90Days = percentileOfSorted(days, 0.9);
    rep.time.medianWorkingDays = percentileOfSorted(workingDays, 0.5);
    rep.time.p90WorkingDays = percentileOfSorted(workingDays, 0.9);
    for (std::size_t i = 0; i < rep.months.size(); ++i) {
        rep.months[i].medianWorkingDays = percentile(monthWorkingDays[i], 0.5);
    }

    progress.phase("membaca keberatan");
    rep.objections.byGround = zeros(vocab::objectionGrounds());
    rep.objections.outcomes = zeros(vocab::objectionOutcomes());
    rep.objections.disputeOutcomes = zeros(vocab::disputeOutcomes());
    {
        Statement o = db.prepare(
            "SELECT ground, due_date, outcome, answered_at, dispute_filed_at, dispute_outcome "
            "FROM objections WHERE station_id = ? AND filed_at >= ? AND filed_at < ?");
        o.bindAll(station.id, from, to);
        while (o.step()) {
            ObjectionCounts& c = rep.objections;
            ++c.filed;
            ++c.byGround[o.getText(0)];
            Day due = parseDay(o.getText(1)).value_or(Day{});
            if (auto outcome = o.getOptText(2)) {
                ++c.outcomes[*outcome];
                Day answered = localDays(utc(o.getOptText(3).value_or("")));
                ++(answered <= due ? c.answeredOnTime : c.answeredLate);
            } else {
                ++c.open;
            }
            if (!o.isNull(4)) {
                ++c.disputes;
                if (auto d = o.getOptText(5)) {
                    ++c.disputeOutcomes[*d];
                } else {
                    ++c.disputesOpen;
                }
            }
        }
    }
    {
        Statement f = db.prepare(
            "SELECT f.unit_name, f.due_date, f.answered_at FROM follow_ups f JOIN info_requests r "
            "ON r.id = f.request_id WHERE r.station_id = ? AND f.sent_at >= ? AND f.sent_at < ?");
        f.bindAll(station.id, from, to);
        while (f.step()) {
            FollowUpCounts& c = rep.followUps;
            ++c.sent;
            ++c.byUnit[f.getText(0)];
            Day due = parseDay(f.getText(1)).value_or(Day{});
            if (auto answered = f.getOptText(2)) {
                ++c.answered;
                if (localDays(utc(*answered)) <= due) ++c.answeredOnTime;
            } else if (today > due) {
                ++c.overdue;
            }
        }
    }
    progress.update(1, 1);
    {
        ComplaintStore store(db, station, calendar);
        rep.complaints = ComplaintStats::build(store.list({.from = range.startUtc(station.timeZone),
                                                           .to = range.endUtc(station.timeZone)}),
                                               station.timeZone, asOf, range.from, range.to);
    }
    return rep;
}

// [SECTION] JSON and CSV

nlohmann::json PeriodReport::toJson() const {
    nlohmann::json months_json = nlohmann::json::array();
    for (const PeriodMonth& m : months) {
        nlohmann::json j = countsJson(m.counts);
        j["month"] = fmt::format("{}-{:02}", m.year, m.month);
        j["median_working_days"] = opt(m.medianWorkingDays);
        months_json.push_back(std::move(j));
    }
    nlohmann::json sessions_json = nlohmann::json::array();
    for (const PeriodSession& s : sessions) {
        nlohmann::json j = countsJson(s.counts);
        j.erase("refused_by_ground");
        j["session_id"] = s.id ? nlohmann::json(*s.id) : nlohmann::json(nullptr);
        j["date"] = s.day ? nlohmann::json(formatDay(*s.day)) : nlohmann::json(nullptr);
        j["topic"] = s.topic;
        j["partner_media"] = s.partnerMedia;
        j["status"] = s.status;
        sessions_json.push_back(std::move(j));
    }
    nlohmann::json fulfil = nlohmann::json::array();
    for (const Fulfilment& f : fulfilments) {
        fulfil.push_back({{"registration_number", f.registrationNumber},
                          {"session_id", f.sessionId ? nlohmann::json(*f.sessionId) : nullptr},
                          {"received_at", formatUtc(f.receivedAt)},
                          {"decided_at", formatUtc(f.decidedAt)},
                          {"decision", f.decision},
                          {"days", f.days},
                          {"working_days", f.workingDays},
                          {"on_time", f.onTime}});
    }
    nlohmann::json req = countsJson(totals);
    req["by_channel"] = byChannel;
    req["written"] = written;
    req["unwritten"] = unwritten;
    req["time_to_fulfil"] = {{"decided", time.decided},
                             {"median_days", opt(time.medianDays)},
                             {"p90_days", opt(time.p90Days)},
                             {"median_working_days", opt(time.medianWorkingDays)},
                             {"p90_working_days", opt(time.p90WorkingDays)}};
    const ObjectionCounts& o = objections;
    return {
        {"period",
         {{"from", formatDay(range.from)},
          {"to", formatDay(range.to)},
          {"kind", range.kind},
          {"code", range.code()},
          {"label", range.label()}}},
        {"station",
         {{"code", station.code}, {"name", station.name}, {"time_zone", station.timeZone}}},
        {"as_of", formatUtc(asOf)},
        {"generated_at", formatUtc(generatedAt)},
        {"requests", req},
        {"objections",
         {{"filed", o.filed},
          {"open", o.open},
          {"by_ground", o.byGround},
          {"outcomes", o.outcomes},
          {"answered_on_time", o.answeredOnTime},
          {"answered_late", o.answeredLate},
          {"disputes",
           {{"filed", o.disputes}, {"open", o.disputesOpen}, {"outcomes", o.disputeOutcomes}}}}},
        {"follow_ups",
         {{"sent", followUps.sent},
          {"answered", followUps.answered},
          {"answered_on_time", followUps.answeredOnTime},
          {"overdue", followUps.overdue},
          {"by_unit", followUps.byUnit}}},
        {"by_month", months_json},
        {"sessions", sessions_json},
        {"fulfilment", fulfil},
        {"complaints", complaints.toJson()},
        {"obstacles", obstacles},
        {"plans", plans}};
}

std::string PeriodReport::toCsv() const {
    nlohmann::json j = toJson();
    std::string out =
        "\xEF\xBB\xBF"
        "section,key,value\r\n";
    auto row = [&](const std::string& section, const std::string& key, const nlohmann::json& v) {
        out += report::csvRow(section, key, v);
    };
    for (auto& [k, v] : j["period"].items())
        row("period", k, v);
    for (auto& [k, v] : j["station"].items())
        row("station", k, v);
    row("report", "as_of", j["as_of"]);
    row("report", "generated_at", j["generated_at"]);
    const nlohmann::json& r = j["requests"];
    for (const char* key : {"received", "granted_full", "granted_partial", "refused", "not_held",
                            "pending", "extended", "escalated", "overdue", "decided",
                            "decided_on_time", "decided_late", "written", "unwritten"}) {
        row("requests", key, r[key]);
    }
    for (auto& [k, v] : r["refused_by_ground"].items())
        row("refused_by_ground", k, v);
    for (auto& [k, v] : r["by_channel"].items())
        row("requests_by_channel", k, v);
    for (auto& [k, v] : r["time_to_fulfil"].items())
        row("time_to_fulfil", k, v);
    const nlohmann::json& o = j["objections"];
    for (const char* key : {"filed", "open", "answered_on_time", "answered_late"}) {
        row("objections", key, o[key]);
    }
    for (auto& [k, v] : o["by_ground"].items())
        row("objections_by_ground", k, v);
    for (auto& [k, v] : o["outcomes"].items())
        row("objection_outcomes", k, v);
    row("disputes", "filed", o["disputes"]["filed"]);
    row("disputes", "open", o["disputes"]["open"]);
    for (auto& [k, v] : o["disputes"]["outcomes"].items())
        row("dispute_outcomes", k, v);
    const nlohmann::json& f = j["follow_ups"];
    for (const char* key : {"sent", "answered", "answered_on_time", "overdue"}) {
        row("follow_ups", key, f[key]);
    }
    for (auto& [k, v] : f["by_unit"].items())
        row("follow_ups_by_unit", k, v);
    for (const nlohmann::json& m : j["by_month"]) {
        std::string section = "month:" + m["month"].get<std::string>();
        for (const char* key : {"received", "granted_full", "granted_partial", "refused", "pending",
                                "decided_on_time", "decided_late", "median_working_days"}) {
            row(section, key, m[key]);
        }
    }
    for (const nlohmann::json& s : j["sessions"]) {
        std::string section =
            s["session_id"].is_null() ? "session:none" : "session:" + s["session_id"].dump();
        for (const char* key :
             {"received", "granted_full", "granted_partial", "refused", "pending"}) {
            row(section, key, s[key]);
        }
    }
    for (const Fulfilment& x : fulfilments) {
        row("fulfilment_days", x.registrationNumber, x.days);
        row("fulfilment_working_days", x.registrationNumber, x.workingDays);
    }
    for (const auto& [section, key, value] : complaints.csvRows())
        row(section, key, value);
    row("notes", "obstacles", obstacles);
    row("notes", "plans", plans);
    return out;
}

}  // namespace ds
