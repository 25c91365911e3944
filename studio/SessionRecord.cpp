#include "studio/SessionRecord.h"

#include <fmt/format.h>

#include "studio/AmendmentStore.h"
#include "studio/Database.h"
#include "studio/FollowUpStore.h"
#include "studio/IndonesianDate.h"
#include "studio/ObjectionStore.h"
#include "studio/PpidTerms.h"
#include "studio/ReportText.h"
#include "studio/RequestStore.h"
#include "studio/SessionReport.h"
#include "studio/SessionStore.h"
#include "studio/Statement.h"
#include "studio/Vocabulary.h"

namespace ds {

namespace {

std::string label(std::span<const Term> list, const std::string& code) {
    const Term* t = vocab::find(list, code);
    return t ? std::string(t->id) : code;
}

std::string str(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// A stored day ("2026-04-17") as the document writes it ("17-04-2026").
std::string day(const nlohmann::json& j, const char* key) {
    std::string text = str(j, key);
    auto d = parseDay(text);
    return d ? idn::shortDate(*d) : text;
}

// What a journalled step did, in Indonesian, from its "after" document. Only fields without
// personal data are used.
std::string describe(const std::string& action, const nlohmann::json& after) {
    if (action == "request.decide") {
        const nlohmann::json& d = after["decision"];
        std::string text = label(vocab::requestStatuses(), str(d, "decision"));
        if (!str(d, "ground").empty()) {
            std::optional<int> sub;
            if (d["subground"].is_number()) sub = d["subground"].get<int>();
            text += ": " + report::shortGround(str(d, "ground"), sub);
        }
        return text;
    }
    if (action == "request.extend") {
        return fmt::format("batas waktu baru {}: {}", day(after, "due_date"),
                           str(after, "extension_reason"));
    }
    if (action == "request.escalate") return str(after, "escalation_reason");
    if (action == "request.leadership") {
        const nlohmann::json& l = after["leadership"];
        return fmt::format("{} oleh {}",
                           str(l, "decision") == "release" ? "dibuka" : "dikecualikan",
                           str(l, "decided_by"));
    }
    if (action == "request.follow_up") {
        return fmt::format("{}, batas {}", str(after, "unit_name"), day(after, "due_date"));
    }
    if (action == "request.follow_up_reply") return str(after, "unit_name") + " menjawab";
    if (action == "request.notice") return "pemberitahuan " + day(after["decision"], "notice_date");
    if (action == "request.handover") {
        return "penyerahan " + day(after["decision"], "handover_date");
    }
    if (action == "request.objection") {
        return fmt::format("{} ({})", str(after, "number"), str(after, "ground"));
    }
    if (action == "request.objection_answer") {
        return fmt::format("{}: {}", str(after, "number"),
                           label(vocab::objectionOutcomes(), str(after, "outcome")));
    }
    if (action == "request.dispute") {
        return fmt::format("{}: {}", str(after, "number"), str(after["dispute"], "body"));
    }
    if (action == "request.dispute_outcome") {
        return label(vocab::disputeOutcomes(), str(after["dispute"], "outcome"));
    }
    return {};
}

bool isPersonalField(const std::string& field) {
    return field.rfind("requester.", 0) == 0 || field == "caller_name" || field == "contact";
}

}  // namespace

SessionRecord SessionRecord::build(Database& db, const Station& station,
                                   const WorkingCalendar& calendar, std::int64_t sessionId,
                                   TimePoint asOf, bool unmasked) {
    SessionRecord rec;
    rec.station = station;
    rec.asOf = asOf;
    rec.printedAt = now();
    rec.unmasked = unmasked;
    SessionStore sessions(db);
    rec.session = sessions.get(sessionId);
    rec.signature = sessions.signature(sessionId);
    RequestStore requests(db, station, calendar);
    rec.report = SessionReport::build(db, requests, sessionId, asOf);

    std::vector<std::int64_t> erased;
    {
        Statement st = db.prepare(
            "SELECT id FROM info_requests WHERE session_id = ? AND personal_data_erased_at IS NOT "
            "NULL");
        st.bind(1, sessionId);
        while (st.step())
            erased.push_back(st.getInt(0));
    }
    const PersonalDataPolicy pd = PersonalDataPolicy::exportFor(unmasked);
    FollowUpStore followUps(db, station, calendar);
    ObjectionStore objections(db, station, calendar);
    RequestListFilter filter;
    filter.sessionId = sessionId;
    for (InfoRequest& r : requests.list(filter, asOf)) {
        RegisterEntry e;
        bool wasErased = std::find(erased.begin(), erased.end(), r.id) != erased.end();
        e.person = pd.requester(r, wasErased);
        e.overdue = requests.isOverdue(r, asOf);
        if (r.decidedAt) {
            e.workingDaysToDecision = calendar.workingDaysBetween(
                localDay(r.receivedAt, station.timeZone), localDay(*r.decidedAt, station.timeZone));
        }
        e.followUps = followUps.forRequest(r.id);
        e.objections = objections.forRequest(r.id);
        // The record carries only what this export may show.
        r.requester = {e.person.name,
                       e.person.address,
                       e.person.occupation,
                       e.person.phone,
                       e.person.email,
                       "",
                       ""};
        for (Objection& o : e.objections) {
            if (e.person.withheld || e.person.erased) {
                o.objector = e.person.name;
            } else {
                o.objector = pd.field("requester.name", o.objector);
            }
        }
        e.request = std::move(r);
        rec.entries.push_back(std::move(e));
    }

    AmendmentStore amendmentStore(db, station, calendar);
    rec.amendments = amendmentStore.forSession(sessionId);
    for (Amendment& a : rec.amendments) {
        const RegisterEntry* entry = nullptr;
        for (const RegisterEntry& e : rec.entries) {
            if (a.subject == fmt::format("request:{}", e.request.id)) entry = &e;
        }
        for (AmendmentChange& c : a.changes) {
            if (!isPersonalField(c.field)) continue;
            if (entry && (entry->person.withheld || entry->person.erased)) {
                c.before = c.after = std::string(entry->person.name);
            } else if (c.field == "requester.nik") {
                // The NIK never leaves the record, unmasked or not.
                c.before = PersonalDataPolicy(Audience::PublicExport).field(c.field, c.before);
                c.after = PersonalDataPolicy(Audience::PublicExport).field(c.field, c.after);
            } else {
                c.before = pd.field(c.field, c.before);
                c.after = pd.field(c.field, c.after);
            }
        }
    }

    if (rec.signature) {
        std::string subjects = fmt::format("'session:{}'", sessionId);
        for (const RegisterEntry& e : rec.entries)
            subjects += fmt::format(", 'request:{}'", e.request.id);
        Statement st = db.prepare(fmt::format(
            "SELECT id, at, actor, action, subject, after FROM journal WHERE id > ? AND subject "
            "IN ({}) AND action NOT LIKE '%.amend' ORDER BY id",
            subjects));
        st.bind(1, rec.signature->journalId);
        while (st.step()) {
            HistoryEntry h;
            h.journalId = st.getInt(0);
            h.at = parseUtc(st.getText(1)).value_or(TimePoint{});
            h.actor = st.getText(2);
            h.action = st.getText(3);
            std::string subject = st.getText(4);
            h.subject = "Sesi";
            for (const RegisterEntry& e : rec.entries) {
                if (subject == fmt::format("request:{}", e.request.id)) {
                    h.subject = e.request.registrationNumber;
                }
            }
            nlohmann::json after = nlohmann::json::parse(st.getText(5), nullptr, false);
            if (!after.is_discarded()) h.detail = describe(h.action, after);
            rec.afterSigning.push_back(std::move(h));
        }
    }
    Statement head = db.prepare("SELECT id, hash FROM journal ORDER BY id DESC LIMIT 1");
    if (head.step()) {
        rec.journalRows = head.getInt(0);
        rec.journalHead = head.getText(1);
    }
    return rec;
}

nlohmann::json SessionRecord::registerJson() const {
    nlohmann::json rows = nlohmann::json::array();
    for (const RegisterEntry& e : entries) {
        nlohmann::json j = e.request.toJson();
        j["requester"].erase("nik");
        j["requester"]["withheld"] = e.person.withheld;
        j["requester"]["erased"] = e.person.erased;
        j["overdue"] = e.overdue;
        j["follow_ups"] = nlohmann::json::array();
        for (const FollowUp& f : e.followUps)
            j["follow_ups"].push_back(f.toJson());
        j["objections"] = nlohmann::json::array();
        for (const Objection& o : e.objections)
            j["objections"].push_back(o.toJson());
        rows.push_back(std::move(j));
    }
    return rows;
}

std::string SessionRecord::registerCsv() const {
    std::string out =
        "\xEF\xBB\xBF"
        "registration_number,received_at,channel,written,requester_name,requester_address,"
        "requester_occupation,requester_phone,requester_email,details,purpose,status,decision,"
        "ground,subground,reason,due_date,notice_date,handover_date,decided_at,"
        "working_days_to_decision,overdue,extended,escalated,objections\r\n";
    const std::string& tz = station.timeZone;
    for (const RegisterEntry& e : entries) {
        const InfoRequest& r = e.request;
        std::vector<std::string> f = {
            r.registrationNumber,
            formatLocal(r.receivedAt, tz),
            r.channel,
            r.written ? "yes" : "no",
            e.person.name,
            e.person.address,
            e.person.occupation,
            e.person.phone,
            e.person.email,
            r.details,
            r.purpose,
            r.status,
            r.decision.decision,
            r.decision.ground,
            r.decision.subground ? std::to_string(*r.decision.subground) : "",
            r.decision.reason,
            formatDay(r.dueDate),
            r.decision.noticeDate ? formatDay(*r.decision.noticeDate) : "",
            r.decision.handoverDate ? formatDay(*r.decision.handoverDate) : "",
            r.decidedAt ? formatLocal(*r.decidedAt, tz) : "",
            e.workingDaysToDecision >= 0 ? std::to_string(e.workingDaysToDecision) : "",
            e.overdue ? "yes" : "no",
            r.extended ? "yes" : "no",
            r.escalated ? "yes" : "no",
            std::to_string(e.objections.size())};
        for (std::size_t i = 0; i < f.size(); ++i)
            out += (i ? "," : "") + report::csvField(f[i]);
        out += "\r\n";
    }
    return out;
}

}  // namespace ds
