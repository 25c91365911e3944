#include "studio/AmendmentStore.h"

#include <charconv>
#include <functional>
#include <map>

#include <fmt/format.h>

#include "studio/Database.h"
#include "studio/Errors.h"
#include "studio/Journal.h"
#include "studio/PersonalSeal.h"
#include "studio/RequestStore.h"
#include "studio/SessionStore.h"
#include "studio/Statement.h"
#include "studio/TextRules.h"
#include "studio/Transaction.h"
#include "studio/Vocabulary.h"

namespace ds {

namespace {

// [SECTION] Field tables: how each amendable field is read from and written to the record.

struct RequestField {
    const char* name;
    bool decision;  // only for a decided request
    std::function<std::string(const InfoRequest&)> get;
    std::function<void(InfoRequest&, const std::string&)> set;
};

std::string dayOrEmpty(const std::optional<Day>& d) {
    return d ? formatDay(*d) : "";
}

std::optional<Day> dayValue(const std::string& v, const char* field) {
    if (v.empty()) return std::nullopt;
    if (auto d = parseDay(v)) return d;
    throw UserError(fmt::format("{}: '{}' is not a date (YYYY-MM-DD)", field, v));
}

bool boolValue(const std::string& v, const char* field) {
    if (v == "yes" || v == "ya" || v == "true" || v == "1") return true;
    if (v == "no" || v == "tidak" || v == "false" || v == "0") return false;
    throw UserError(fmt::format("{}: '{}' is not yes or no", field, v));
}

// A text field of the request: checked with the record's text rules.
RequestField text(const char* name, std::string InfoRequest::*member, std::size_t max,
                  bool required) {
    return {name, false, [member](const InfoRequest& r) { return r.*member; },
            [name, member, max, required](InfoRequest& r, const std::string& v) {
                requireText(v, name, max, required);
                r.*member = trim(v);
            }};
}
RequestField person(const char* name, std::string Requester::*member, std::size_t max) {
    return {name, false, [member](const InfoRequest& r) { return r.requester.*member; },
            [name, member, max](InfoRequest& r, const std::string& v) {
                requireText(v, name, max, false);
                r.requester.*member = trim(v);
            }};
}
RequestField decisionText(const char* name, std::string Decision::*member) {
    return {name, true, [member](const InfoRequest& r) { return r.decision.*member; },
            [name, member](InfoRequest& r, const std::string& v) {
                requireText(v, name, kMaxNoteBytes, false);
                r.decision.*member = trim(v);
            }};
}

const std::vector<RequestField>& requestTable() {
    static const std::vector<RequestField> fields = {
        text("details", &InfoRequest::details, kMaxQuestionTextBytes, true),
        text("purpose", &InfoRequest::purpose, kMaxNoteBytes, false),
        {"channel", false, [](const InfoRequest& r) { return r.channel; },
         [](InfoRequest& r, const std::string& v) {
             vocab::require(vocab::channels(), v, "channel");
             r.channel = v;
         }},
        {"written", false,
         [](const InfoRequest& r) { return std::string(r.written ? "yes" : "no"); },
         [](InfoRequest& r, const std::string& v) { r.written = boolValue(v, "written"); }},
        {"obtain_method", false, [](const InfoRequest& r) { return r.obtainMethod; },
         [](InfoRequest& r, const std::string& v) {
             vocab::require(vocab::obtainMethods(), v, "obtain_method");
             r.obtainMethod = v;
         }},
        {"delivery_method", false, [](const InfoRequest& r) { return r.deliveryMethod; },
         [](InfoRequest& r, const std::string& v) {
             vocab::require(vocab::deliveryMethods(), v, "delivery_method");
             r.deliveryMethod = v;
         }},
        person("requester.name", &Requester::name, kMaxNameBytes),
        person("requester.address", &Requester::address, kMaxNoteBytes),
        person("requester.occupation", &Requester::occupation, kMaxNameBytes),
        person("requester.phone", &Requester::phone, kMaxNameBytes),
        person("requester.email", &Requester::email, kMaxNameBytes),
        {"requester.nik", false, [](const InfoRequest& r) { return r.requester.nik; },
         [](InfoRequest& r, const std::string& v) {
             bool ok = v.empty() || (v.size() == 16 && std::all_of(v.begin(), v.end(), [](char c) {
                                         return c >= '0' && c <= '9';
                                     }));
             if (!ok) throw UserError(fmt::format("requester.nik: '{}' is not a 16-digit NIK", v));
             r.requester.nik = v;
         }},
        person("requester.power_of_attorney", &Requester::powerOfAttorney, kMaxNoteBytes),
        {"decision", true, [](const InfoRequest& r) { return r.decision.decision; },
         [](InfoRequest& r, const std::string& v) { r.decision.decision = v; }},
        {"holding", true, [](const InfoRequest& r) { return r.decision.holding; },
         [](InfoRequest& r, const std::string& v) { r.decision.holding = v; }},
        decisionText("other_body", &Decision::otherBody),
        {"ground", true, [](const InfoRequest& r) { return r.decision.ground; },
         [](InfoRequest& r, const std::string& v) { r.decision.ground = v; }},
        {"subground", true,
         [](const InfoRequest& r) {
             return r.decision.subground ? std::to_string(*r.decision.subground) : std::string();
         },
         [](InfoRequest& r, const std::string& v) {
             if (v.empty()) {
                 r.decision.subground.reset();
                 return;
             }
             int n = 0;
             auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
             if (ec != std::errc() || p != v.data() + v.size() || n < 1 || n > 5) {
                 throw UserError(fmt::format("subground: '{}' is not 1 to 5", v));
             }
             r.decision.subground = n;
         }},
        decisionText("law", &Decision::law),
        decisionText("consequence_test", &Decision::consequenceTest),
        decisionText("exemption_period", &Decision::exemptionPeriod),
        decisionText("reason", &Decision::reason),
        decisionText("material_given", &Decision::materialGiven),
        decisionText("redacted_parts", &Decision::redactedParts),
        decisionText("redaction_reason", &Decision::redactionReason),
        decisionText("medium", &Decision::medium),
        decisionText("cost", &Decision::cost),
        {"notice_date", true,
         [](const InfoRequest& r) { return dayOrEmpty(r.decision.noticeDate); },
         [](InfoRequest& r, const std::string& v) {
             r.decision.noticeDate = dayValue(v, "notice_date");
         }},
        {"handover_date", true,
         [](const InfoRequest& r) { return dayOrEmpty(r.decision.handoverDate); },
         [](InfoRequest& r, const std::string& v) {
             r.decision.handoverDate = dayValue(v, "handover_date");
         }},
    };
    return fields;
}

const RequestField& requestField(const std::string& name) {
    for (const RequestField& f : requestTable()) {
        if (name == f.name) return f;
    }
    throw UserError(fmt::format("--set: '{}' is not an amendable request field: {}", name,
                                fmt::join(AmendmentStore::requestFields(), ", ")));
}

std::optional<std::string> nonEmpty(const std::string& s) {
    return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

void requireChanges(const AmendmentStore::Changes& changes, const std::string& reason) {
    if (changes.empty())
        throw UserError("an amendment changes at least one field (--set FIELD=VALUE)");
    requireText(reason, "reason", kMaxNoteBytes, true);
}

// The amendment as the journal keeps it: changed personal fields (the requester's, a caller's
// name and contact) sealed under the subject's key, never in clear.
nlohmann::json sealed(const Amendment& a, const std::string& key) {
    nlohmann::json j = a.toJson();
    for (nlohmann::json& c : j["changes"]) {
        std::string field = c["field"].get<std::string>();
        if (field.rfind("requester.", 0) == 0 || field == "caller_name" || field == "contact") {
            c["before"] = PersonalSeal::seal(key, c["before"].get<std::string>());
            c["after"] = PersonalSeal::seal(key, c["after"].get<std::string>());
        }
    }
    return j;
}

}  // namespace

// [SECTION] Parsing and listing

std::pair<std::string, std::string> AmendmentStore::parseSet(const std::string& text) {
    auto eq = text.find('=');
    if (eq == std::string::npos || eq == 0) {
        throw UserError(fmt::format("--set: '{}' is not FIELD=VALUE", text));
    }
    return {trim(text.substr(0, eq)), text.substr(eq + 1)};
}

std::vector<std::string> AmendmentStore::requestFields() {
    std::vector<std::string> out;
    for (const RequestField& f : requestTable())
        out.emplace_back(f.name);
    return out;
}

std::vector<std::string> AmendmentStore::questionFields() {
    return {"text", "caller_name", "origin", "contact", "topic"};
}

bool AmendmentStore::sessionSigned(std::optional<std::int64_t> sessionId) {
    if (!sessionId) return false;
    Statement st = db_.prepare("SELECT status FROM sessions WHERE id = ?");
    st.bind(1, *sessionId);
    return st.step() && st.getText(0) == "signed";
}

Amendment AmendmentStore::record(std::optional<std::int64_t> sessionId, const std::string& subject,
                                 const std::string& label, const std::string& reason,
                                 std::vector<AmendmentChange> changes, const std::string& actor) {
    if (changes.empty()) {
        throw UserError("the amendment changes nothing: every value is already as given");
    }
    Amendment a;
    a.sessionId = sessionId;
    a.subject = subject;
    a.label = label;
    a.reason = trim(reason);
    a.actor = actor;
    a.at = now();
    a.afterSigning = sessionSigned(sessionId);
    a.changes = std::move(changes);
    db_.prepare(
           "INSERT INTO amendments (session_id, subject, label, reason, actor, at, after_signing) "
           "VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bindAll(sessionId, subject, label, a.reason, actor, formatUtc(a.at), int(a.afterSigning))
        .run();
    a.id = db_.lastInsertId();
    for (const AmendmentChange& c : a.changes) {
        db_.prepare(
               "INSERT INTO amendment_changes (amendment_id, field, before, after) "
               "VALUES (?, ?, ?, ?)")
            .bindAll(a.id, c.field, c.before, c.after)
            .run();
    }
    return a;
}

std::vector<Amendment> AmendmentStore::load(const std::string& where, const std::string& key) {
    Statement st = db_.prepare(
        "SELECT id, session_id, subject, label, reason, actor, at, after_signing FROM amendments "
        "WHERE " +
        where + " ORDER BY id");
    st.bind(1, key);
    std::vector<Amendment> out;
    while (st.step()) {
        Amendment a;
        a.id = st.getInt(0);
        a.sessionId = st.getOptInt(1);
        a.subject = st.getText(2);
        a.label = st.getText(3);
        a.reason = st.getText(4);
        a.actor = st.getText(5);
        a.at = parseUtc(st.getText(6)).value_or(TimePoint{});
        a.afterSigning = st.getInt(7) != 0;
        out.push_back(std::move(a));
    }
    for (Amendment& a : out) {
        Statement ch = db_.prepare(
            "SELECT field, before, after FROM amendment_changes WHERE amendment_id = ? ORDER BY "
            "id");
        ch.bind(1, a.id);
        while (ch.step())
            a.changes.push_back({ch.getText(0), ch.getText(1), ch.getText(2)});
    }
    return out;
}

std::vector<Amendment> AmendmentStore::forSession(std::int64_t sessionId) {
    return load("session_id = CAST(?1 AS INTEGER)", std::to_string(sessionId));
}

std::vector<Amendment> AmendmentStore::forSubject(const std::string& subject) {
    return load("subject = ?1", subject);
}

// [SECTION] Requests

Amendment AmendmentStore::amendRequest(std::int64_t requestId, const Changes& sets,
                                       const std::string& reason, const std::string& actor) {
    requireChanges(sets, reason);
    RequestStore requests(db_, station_, calendar_);
    Transaction tx(db_);
    InfoRequest before = requests.get(requestId);
    InfoRequest after = before;
    for (const auto& [name, value] : sets) {
        const RequestField& f = requestField(name);
        if (f.decision && !before.decided()) {
            throw UserError(
                fmt::format("{}: request {} is not decided yet; decide it with "
                            "`request decide`",
                            name, before.registrationNumber));
        }
        f.set(after, value);
    }
    if (after.decided()) RequestStore::normalizeDecision(after.decision);
    if (after.channel == "letter" || after.channel == "email") after.written = true;
    Day received = localDay(after.receivedAt, station_.timeZone);
    const Decision& d = after.decision;
    if ((d.noticeDate && *d.noticeDate < received) ||
        (d.handoverDate && *d.handoverDate < received) ||
        (d.noticeDate && d.handoverDate && *d.handoverDate < *d.noticeDate)) {
        throw UserError("the written-notice and handover dates follow the receipt, in that order");
    }
    std::vector<AmendmentChange> changes;
    for (const RequestField& f : requestTable()) {
        std::string a = f.get(before), b = f.get(after);
        if (a != b) changes.push_back({f.name, a, b});
    }
    std::string status = before.status;
    if (before.decided() && before.status == before.decision.decision) status = d.decision;
    db_.prepare(
           "UPDATE info_requests SET status = ?, channel = ?, written = ?, requester_name = ?, "
           "requester_address = ?, requester_occupation = ?, requester_phone = ?, "
           "requester_email = ?, requester_nik = ?, power_of_attorney = ?, details = ?, "
           "purpose = ?, obtain_method = ?, delivery_method = ?, holding = ?, other_body = ?, "
           "decision = ?, refusal_ground = ?, refusal_subground = ?, refusal_law = ?, "
           "consequence_test = ?, exemption_period = ?, reason = ?, material_given = ?, "
           "redacted_parts = ?, redaction_reason = ?, medium = ?, cost = ?, notice_date = ?, "
           "handover_date = ? WHERE id = ?")
        .bindAll(status, after.channel, int(after.written), after.requester.name,
                 after.requester.address, after.requester.occupation, after.requester.phone,
                 after.requester.email, after.requester.nik, after.requester.powerOfAttorney,
                 after.details, after.purpose, after.obtainMethod, after.deliveryMethod,
                 nonEmpty(d.holding), nonEmpty(d.otherBody), nonEmpty(d.decision),
                 nonEmpty(d.ground), d.subground, nonEmpty(d.law), nonEmpty(d.consequenceTest),
                 nonEmpty(d.exemptionPeriod), nonEmpty(d.reason), nonEmpty(d.materialGiven),
                 nonEmpty(d.redactedParts), nonEmpty(d.redactionReason), nonEmpty(d.medium),
                 nonEmpty(d.cost), d.noticeDate ? nonEmpty(formatDay(*d.noticeDate)) : std::nullopt,
                 d.handoverDate ? nonEmpty(formatDay(*d.handoverDate)) : std::nullopt, requestId)
        .run();
    std::string subject = fmt::format("request:{}", requestId);
    Amendment a = record(before.sessionId, subject, before.registrationNumber, reason,
                         std::move(changes), actor);
    nlohmann::json afterJson = requests.get(requestId).journalJson();
    afterJson["amendment"] = sealed(a, before.personalKey);
    Journal::append(db_, {actor, "request.amend", subject, before.journalJson(), afterJson});
    tx.commit();
    return a;
}

// [SECTION] Questions

Amendment AmendmentStore::amendQuestion(std::int64_t questionId, const Changes& sets,
                                        const std::string& reason, const std::string& actor) {
    requireChanges(sets, reason);
    Transaction tx(db_);
    Statement st = db_.prepare(
        "SELECT session_id, number, text, caller_name, origin, contact, topic, personal_key "
        "FROM questions WHERE id = ?");
    st.bind(1, questionId);
    if (!st.step()) throw NotFoundError(fmt::format("no question with id {}", questionId));
    std::int64_t sessionId = st.getInt(0);
    std::int64_t number = st.getInt(1);
    std::map<std::string, std::string> before{{"text", st.getText(2)},
                                              {"caller_name", st.getText(3)},
                                              {"origin", st.getText(4)},
                                              {"contact", st.getText(5)},
                                              {"topic", st.getText(6)}};
    const std::string key = st.getText(7);
    st.reset();
    std::map<std::string, std::string> after = before;
    for (const auto& [name, value] : sets) {
        if (!after.count(name)) {
            throw UserError(fmt::format("--set: '{}' is not an amendable question field: {}", name,
                                        fmt::join(questionFields(), ", ")));
        }
        bool isText = name == "text";
        requireText(value, name, isText ? kMaxQuestionTextBytes : kMaxNameBytes, isText);
        after[name] = isText ? value : trim(value);
    }
    std::vector<AmendmentChange> changes;
    for (const std::string& f : questionFields()) {
        if (before[f] != after[f]) changes.push_back({f, before[f], after[f]});
    }
    db_.prepare(
           "UPDATE questions SET text = ?, caller_name = ?, origin = ?, contact = ?, topic = ? "
           "WHERE id = ?")
        .bindAll(after["text"], after["caller_name"], after["origin"], after["contact"],
                 after["topic"], questionId)
        .run();
    std::string subject = fmt::format("question:{}", questionId);
    Amendment a = record(sessionId, subject, fmt::format("Pertanyaan {}", number), reason,
                         std::move(changes), actor);
    // The journal keeps the caller's name and contact only as seals (PersonalSeal).
    nlohmann::json b(before), j(after);
    for (const char* f : {"caller_name", "contact"}) {
        b[f] = PersonalSeal::seal(key, before[f]);
        j[f] = PersonalSeal::seal(key, after[f]);
    }
    j["amendment"] = sealed(a, key);
    Journal::append(db_, {actor, "question.amend", subject, b, j});
    tx.commit();
    return a;
}

// [SECTION] Sessions

Amendment AmendmentStore::amendSession(std::int64_t sessionId, const Changes& sets,
                                       const std::string& reason, const std::string& actor) {
    requireChanges(sets, reason);
    Transaction tx(db_);
    SessionStore sessions(db_);
    Session before = sessions.get(sessionId);
    Session after = before;
    auto indexOf = [](const std::string& name, std::size_t prefix, std::size_t size) {
        std::size_t dot = name.find('.', prefix);
        std::size_t n = 0;
        auto [p, ec] = std::from_chars(name.data() + prefix, name.data() + dot, n);
        if (dot == std::string::npos || ec != std::errc() || p != name.data() + dot || n < 1 ||
            n > size) {
            throw UserError(
                fmt::format("--set: '{}' names no listed person (1 to {})", name, size));
        }
        return std::pair{n - 1, name.substr(dot + 1)};
    };
    for (const auto& [name, value] : sets) {
        if (name == "topic") {
            requireText(value, name, kMaxNameBytes, true);
            after.topic = trim(value);
        } else if (name == "sprin_number") {
            requireText(value, name, kMaxNameBytes, false);
            after.sprinNumber = trim(value);
        } else if (name == "sprin_date") {
            after.sprinDate = dayValue(value, "sprin_date");
        } else if (name.rfind("officer.", 0) == 0) {
            auto [i, part] = indexOf(name, 8, after.officers.size());
            Officer& o = after.officers[i];
            requireText(value, name, kMaxNameBytes, part == "name" || part == "role");
            if (part == "role") {
                vocab::require(vocab::officerRoles(), value, name);
                o.role = value;
            } else if (part == "name") {
                o.name = trim(value);
            } else if (part == "rank") {
                o.rank = trim(value);
            } else if (part == "nrp") {
                o.nrp = trim(value);
            } else {
                throw UserError(
                    fmt::format("--set: '{}': an officer has role, name, rank, nrp", name));
            }
        } else if (name.rfind("guest.", 0) == 0) {
            auto [i, part] = indexOf(name, 6, after.guests.size());
            Guest& g = after.guests[i];
            requireText(value, name, kMaxNameBytes, part == "name");
            if (part == "name") {
                g.name = trim(value);
            } else if (part == "rank") {
                g.rank = trim(value);
            } else if (part == "position") {
                g.position = trim(value);
            } else {
                throw UserError(fmt::format("--set: '{}': a guest has name, rank, position", name));
            }
        } else {
            throw UserError(fmt::format(
                "--set: '{}' is not an amendable session field: topic, sprin_number, sprin_date, "
                "officer.N.role|name|rank|nrp, guest.N.name|rank|position",
                name));
        }
    }
    std::vector<AmendmentChange> changes;
    auto diff = [&](const std::string& field, const std::string& a, const std::string& b) {
        if (a != b) changes.push_back({field, a, b});
    };
    diff("topic", before.topic, after.topic);
    diff("sprin_number", before.sprinNumber, after.sprinNumber);
    diff("sprin_date", dayOrEmpty(before.sprinDate), dayOrEmpty(after.sprinDate));
    for (std::size_t i = 0; i < before.officers.size(); ++i) {
        const Officer &a = before.officers[i], &b = after.officers[i];
        std::string p = fmt::format("officer.{}.", i + 1);
        diff(p + "role", a.role, b.role);
        diff(p + "name", a.name, b.name);
        diff(p + "rank", a.rank, b.rank);
        diff(p + "nrp", a.nrp, b.nrp);
    }
    for (std::size_t i = 0; i < before.guests.size(); ++i) {
        const Guest &a = before.guests[i], &b = after.guests[i];
        std::string p = fmt::format("guest.{}.", i + 1);
        diff(p + "name", a.name, b.name);
        diff(p + "rank", a.rank, b.rank);
        diff(p + "position", a.position, b.position);
    }
    db_.prepare("UPDATE sessions SET topic = ?, sprin_number = ?, sprin_date = ? WHERE id = ?")
        .bindAll(after.topic, after.sprinNumber,
                 after.sprinDate ? std::optional<std::string>(formatDay(*after.sprinDate))
                                 : std::nullopt,
                 sessionId)
        .run();
    // Officers and guests keep their rows (and order); only the amended values change.
    auto update = [&](const char* table, const char* set, std::size_t index, auto... values) {
        Statement ids =
            db_.prepare(fmt::format("SELECT id FROM {} WHERE session_id = ? ORDER BY id", table));
        ids.bind(1, sessionId);
        for (std::size_t i = 0; ids.step(); ++i) {
            if (i != index) continue;
            std::int64_t rowId = ids.getInt(0);
            ids.reset();
            db_.prepare(fmt::format("UPDATE {} SET {} WHERE id = ?", table, set))
                .bindAll(values..., rowId)
                .run();
            return;
        }
    };
    for (std::size_t i = 0; i < after.officers.size(); ++i) {
        const Officer& o = after.officers[i];
        update("session_officers", "role = ?, name = ?, rank = ?, nrp = ?", i, o.role, o.name,
               o.rank, o.nrp);
    }
    for (std::size_t i = 0; i < after.guests.size(); ++i) {
        const Guest& g = after.guests[i];
        update("session_guests", "name = ?, rank = ?, position = ?", i, g.name, g.rank, g.position);
    }
    std::string subject = fmt::format("session:{}", sessionId);
    Amendment a = record(sessionId, subject, "Sesi", reason, std::move(changes), actor);
    nlohmann::json afterJson = sessions.get(sessionId).toJson();
    afterJson["amendment"] = a.toJson();
    Journal::append(db_, {actor, "session.amend", subject, before.toJson(), afterJson});
    tx.commit();
    return a;
}

}  // namespace ds
