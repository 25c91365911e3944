#include "studio/ComplaintStore.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "studio/Database.h"
#include "studio/Errors.h"
#include "studio/Journal.h"
#include "studio/Statement.h"
#include "studio/TextRules.h"
#include "studio/Transaction.h"

namespace ds {

namespace {

constexpr const char* kSelect =
    "SELECT c.id, c.question_id, q.session_id, q.number, q.received_at, q.caller_name, "
    "q.contact, q.origin, q.text, q.info_request, c.kind, c.topic, c.kelurahan, c.kecamatan, "
    "c.marked_at, c.marked_by, c.status, c.unit_kind, c.unit_name, c.forwarded_at, "
    "c.forwarded_by, c.due_date, c.contact_shared, c.forward_note, c.answer, c.action, "
    "c.pillars, c.followed_up_at, c.followed_up_by, c.closed_at, c.closed_by, "
    "c.caller_informed, c.caller_informed_on, c.letter_id, l.number "
    "FROM complaints c JOIN questions q ON q.id = c.question_id "
    "LEFT JOIN complaint_letters l ON l.id = c.letter_id ";

std::optional<TimePoint> optTime(const Statement& st, int col) {
    if (auto t = st.getOptText(col)) return parseUtc(*t);
    return std::nullopt;
}

std::optional<Day> optDay(const Statement& st, int col) {
    if (auto t = st.getOptText(col)) return parseDay(*t);
    return std::nullopt;
}

Complaint read(const Statement& st) {
    Complaint c;
    c.id = st.getInt(0);
    c.questionId = st.getInt(1);
    c.sessionId = st.getInt(2);
    c.questionNumber = static_cast<int>(st.getInt(3));
    c.receivedAt = parseUtc(st.getText(4)).value_or(TimePoint{});
    c.callerName = st.getText(5);
    c.contact = st.getText(6);
    c.origin = st.getText(7);
    c.text = st.getText(8);
    c.infoRequest = st.getInt(9) != 0;
    c.kind = complaint::parseKind(st.getText(10), "kind");
    c.topic = st.getText(11);
    c.kelurahan = st.getText(12);
    c.kecamatan = st.getText(13);
    c.markedAt = parseUtc(st.getText(14)).value_or(TimePoint{});
    c.markedBy = st.getText(15);
    c.status = complaint::parseStatus(st.getText(16), "status");
    c.unitKind = st.getText(17);
    c.unitName = st.getText(18);
    c.forwardedAt = optTime(st, 19);
    c.forwardedBy = st.getText(20);
    c.dueDate = optDay(st, 21);
    c.contactShared = st.getInt(22) != 0;
    c.forwardNote = st.getText(23);
    c.answer = st.getText(24);
    c.action = st.getText(25);
    const std::string pillars = st.getText(26);
    for (std::size_t start = 0; start < pillars.size();) {
        std::size_t comma = pillars.find(',', start);
        if (comma == std::string::npos) comma = pillars.size();
        c.pillars.push_back(
            complaint::parsePillar(pillars.substr(start, comma - start), "pillars"));
        start = comma + 1;
    }
    c.followedUpAt = optTime(st, 27);
    c.followedUpBy = st.getText(28);
    c.closedAt = optTime(st, 29);
    c.closedBy = st.getText(30);
    if (auto i = st.getOptText(31)) c.informed = complaint::parseInformed(*i, "caller_informed");
    c.informedOn = optDay(st, 32);
    c.letterId = st.getOptInt(33);
    c.letterNumber = st.getOptText(34).value_or("");
    return c;
}

std::string pillarText(const std::vector<Pillar>& pillars) {
    std::string out;
    for (Pillar p : pillars)
        out += (out.empty() ? "" : ",") + std::string(complaint::code(p));
    return out;
}

std::string unitNames(const Station& s) {
    std::string out;
    for (const Unit& u : s.units)
        out += (out.empty() ? "" : "; ") + u.name;
    return out.empty() ? "(none: add them with `station set --unit \"kind|name\"`)" : out;
}

constexpr std::array<const char*, 12> kRoman{"I",   "II",   "III", "IV", "V",  "VI",
                                             "VII", "VIII", "IX",  "X",  "XI", "XII"};

}  // namespace

Complaint ComplaintStore::get(std::int64_t id) {
    Statement st = db_.prepare(std::string(kSelect) + "WHERE c.id = ?");
    st.bind(1, id);
    if (!st.step()) throw NotFoundError(fmt::format("no complaint with id {}", id));
    return read(st);
}

std::optional<Complaint> ComplaintStore::forQuestion(std::int64_t questionId) {
    Statement st = db_.prepare(std::string(kSelect) + "WHERE c.question_id = ?");
    st.bind(1, questionId);
    if (!st.step()) return std::nullopt;
    return read(st);
}

std::vector<Complaint> ComplaintStore::list(const ComplaintFilter& f) {
    std::string sql = std::string(kSelect) + "WHERE 1 = 1";
    if (f.sessionId) sql += " AND q.session_id = ?1";
    if (f.status) sql += " AND c.status = ?2";
    if (!f.unitName.empty()) sql += " AND c.unit_name = ?3";
    if (f.from) sql += " AND q.received_at >= ?4";
    if (f.to) sql += " AND q.received_at < ?5";
    sql += " ORDER BY q.received_at, c.id";
    Statement st = db_.prepare(sql);
    if (f.sessionId) st.bind(1, *f.sessionId);
    if (f.status) st.bind(2, complaint::code(*f.status));
    if (!f.unitName.empty()) st.bind(3, f.unitName);
    if (f.from) st.bind(4, formatUtc(*f.from));
    if (f.to) st.bind(5, formatUtc(*f.to));
    std::vector<Complaint> out;
    while (st.step())
        out.push_back(read(st));
    return out;
}

bool ComplaintStore::isOverdue(const Complaint& c, TimePoint asOf) const {
    return c.status == ComplaintStatus::Diteruskan && c.dueDate &&
           localDay(asOf, station_.timeZone) > *c.dueDate;
}

std::vector<Complaint> ComplaintStore::overdue(TimePoint asOf) {
    std::vector<Complaint> out;
    for (Complaint& c : list({.status = ComplaintStatus::Diteruskan})) {
        if (isOverdue(c, asOf)) out.push_back(std::move(c));
    }
    std::stable_sort(out.begin(), out.end(), [](const Complaint& a, const Complaint& b) {
        return *a.dueDate < *b.dueDate;
    });
    return out;
}

TimePoint ComplaintStore::checkedTime(std::optional<TimePoint> at, TimePoint notBefore,
                                      const char* field) {
    const TimePoint t = at.value_or(now());
    if (t > now() + std::chrono::minutes(5))
        throw UserError(fmt::format("{}: {} is in the future", field, formatUtc(t)));
    if (t < notBefore)
        throw UserError(fmt::format("{}: {} is before the step it follows ({})", field,
                                    formatUtc(t), formatUtc(notBefore)));
    return t;
}

Complaint ComplaintStore::update(const Complaint& before, const std::string& action,
                                 const std::string& actor) {
    Complaint after = get(before.id);
    Journal::append(db_, {actor, action, fmt::format("complaint:{}", before.id),
                          before.toJson(true), after.toJson(true)});
    return after;
}

Complaint ComplaintStore::mark(std::int64_t questionId, ComplaintKind kind,
                               const std::string& topic, const std::string& kelurahan,
                               const std::string& kecamatan, const std::string& actor) {
    requireText(topic, "topic", kMaxNameBytes, true);
    requireText(kelurahan, "kelurahan", kMaxNameBytes, false);
    requireText(kecamatan, "kecamatan", kMaxNameBytes, false);
    if (trim(kelurahan).empty() && trim(kecamatan).empty())
        throw UserError("give the area the complaint concerns: --kelurahan and/or --kecamatan");
    Transaction tx(db_);
    Statement q = db_.prepare("SELECT status FROM questions WHERE id = ?");
    q.bind(1, questionId);
    if (!q.step()) throw NotFoundError(fmt::format("no question with id {}", questionId));
    if (q.getText(0) == "merged")
        throw UserError(
            fmt::format("question {} was merged into another; mark the question it was merged into",
                        questionId));
    std::optional<Complaint> existing = forQuestion(questionId);
    if (existing && existing->status != ComplaintStatus::Dicatat)
        throw UserError(
            fmt::format("complaint {} is already {}; its kind, topic and area stay as "
                        "forwarded",
                        existing->id, complaint::code(existing->status)));
    const std::string t = trim(topic), kel = trim(kelurahan), kec = trim(kecamatan);
    if (existing) {
        db_.prepare(
               "UPDATE complaints SET kind = ?, topic = ?, kelurahan = ?, kecamatan = ? "
               "WHERE id = ?")
            .bindAll(complaint::code(kind), t, kel, kec, existing->id)
            .run();
        Complaint after = update(*existing, "complaint.mark", actor);
        tx.commit();
        return after;
    }
    db_.prepare(
           "INSERT INTO complaints (question_id, kind, topic, kelurahan, kecamatan, "
           "marked_at, marked_by) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bindAll(questionId, complaint::code(kind), t, kel, kec, formatUtc(now()), actor)
        .run();
    Complaint after = get(db_.lastInsertId());
    Journal::append(db_, {actor, "complaint.mark", fmt::format("complaint:{}", after.id), nullptr,
                          after.toJson(true)});
    tx.commit();
    return after;
}

Complaint ComplaintStore::forward(std::int64_t id, const std::string& unitName,
                                  std::optional<Day> due, bool shareContact,
                                  const std::string& note, std::optional<TimePoint> at,
                                  const std::string& actor) {
    requireText(note, "note", kMaxNoteBytes, false);
    const Unit* unit = nullptr;
    for (const Unit& u : station_.units) {
        if (u.name == trim(unitName)) unit = &u;
    }
    if (!unit)
        throw UserError(fmt::format("--unit: '{}' is not one of the station's units: {}", unitName,
                                    unitNames(station_)));
    Transaction tx(db_);
    Complaint before = get(id);
    if (before.status != ComplaintStatus::Dicatat)
        throw UserError(fmt::format("complaint {} is already {} (to {}); it is forwarded once", id,
                                    complaint::code(before.status), before.unitName));
    const TimePoint t = checkedTime(at, before.receivedAt, "--at");
    const Day day = localDay(t, station_.timeZone);
    const Day dueDay = due ? *due : calendar_.addWorkingDays(day, dueWorkingDays());
    if (dueDay < day)
        throw UserError(fmt::format("--due {} is before the day of forwarding ({})",
                                    formatDay(dueDay), formatDay(day)));
    if (shareContact && trim(before.contact).empty())
        throw UserError(fmt::format("--share-contact: question {} has no contact to share",
                                    before.questionNumber));
    db_.prepare(
           "UPDATE complaints SET status = 'diteruskan', unit_kind = ?, unit_name = ?, "
           "forwarded_at = ?, forwarded_by = ?, due_date = ?, contact_shared = ?, "
           "forward_note = ? WHERE id = ?")
        .bindAll(unit->kind, unit->name, formatUtc(t), actor, formatDay(dueDay), int(shareContact),
                 trim(note), id)
        .run();
    Complaint after = update(before, "complaint.forward", actor);
    tx.commit();
    return after;
}

Complaint ComplaintStore::followUp(std::int64_t id, const std::string& answer,
                                   const std::string& action, const std::vector<Pillar>& pillars,
                                   std::optional<TimePoint> at, const std::string& actor) {
    requireText(answer, "answer", kMaxNoteBytes, true);
    requireText(action, "action", kMaxNoteBytes, false);
    Transaction tx(db_);
    Complaint before = get(id);
    if (before.status != ComplaintStatus::Diteruskan &&
        before.status != ComplaintStatus::Ditindaklanjuti)
        throw UserError(
            fmt::format("complaint {} is {}; a follow-up comes after forwarding and "
                        "before closing",
                        id, complaint::code(before.status)));
    const TimePoint t = checkedTime(at, *before.forwardedAt, "--at");
    std::vector<Pillar> unique;
    for (Pillar p : pillars)
        if (std::find(unique.begin(), unique.end(), p) == unique.end()) unique.push_back(p);
    std::sort(unique.begin(), unique.end());
    db_.prepare(
           "UPDATE complaints SET status = 'ditindaklanjuti', answer = ?, action = ?, "
           "pillars = ?, followed_up_at = ?, followed_up_by = ? WHERE id = ?")
        .bindAll(trim(answer), trim(action), pillarText(unique), formatUtc(t), actor, id)
        .run();
    Complaint after = update(before, "complaint.follow_up", actor);
    tx.commit();
    return after;
}

Complaint ComplaintStore::close(std::int64_t id, CallerInformed informed,
                                std::optional<Day> informedOn, std::optional<TimePoint> at,
                                const std::string& actor) {
    Transaction tx(db_);
    Complaint before = get(id);
    if (before.status != ComplaintStatus::Ditindaklanjuti)
        throw UserError(
            fmt::format("complaint {} is {}; it is closed after the unit's follow-up "
                        "(`complaint follow-up`)",
                        id, complaint::code(before.status)));
    const TimePoint t = checkedTime(at, *before.followedUpAt, "--at");
    const Day closedDay = localDay(t, station_.timeZone);
    const Day told = informedOn.value_or(closedDay);
    if (told > closedDay || told < localDay(before.receivedAt, station_.timeZone))
        throw UserError(fmt::format(
            "--informed-on {}: between the question ({}) and closing ({})", formatDay(told),
            formatDay(localDay(before.receivedAt, station_.timeZone)), formatDay(closedDay)));
    if ((informed == CallerInformed::Telepon) && trim(before.contact).empty())
        throw UserError(
            fmt::format("--informed telepon: question {} has no contact; use siaran, "
                        "surat or tanpa_kontak",
                        before.questionNumber));
    db_.prepare(
           "UPDATE complaints SET status = 'selesai', closed_at = ?, closed_by = ?, "
           "caller_informed = ?, caller_informed_on = ? WHERE id = ?")
        .bindAll(formatUtc(t), actor, complaint::code(informed),
                 informed == CallerInformed::TanpaKontak ? std::optional<std::string>()
                                                         : std::optional(formatDay(told)),
                 id)
        .run();
    Complaint after = update(before, "complaint.close", actor);
    tx.commit();
    return after;
}

int ComplaintStore::dueWorkingDays() {
    Statement st =
        db_.prepare("SELECT due_working_days FROM complaint_settings WHERE station_id = ?");
    st.bind(1, station_.id);
    return st.step() ? static_cast<int>(st.getInt(0)) : kDefaultDueWorkingDays;
}

void ComplaintStore::setDueWorkingDays(int days, const std::string& actor) {
    if (days < 1 || days > 60)
        throw UserError(fmt::format("--complaint-due-days: {} is not 1 to 60 working days", days));
    Transaction tx(db_);
    const int before = dueWorkingDays();
    db_.prepare(
           "INSERT INTO complaint_settings (station_id, due_working_days) VALUES (?, ?) "
           "ON CONFLICT (station_id) DO UPDATE SET due_working_days = excluded.due_working_days")
        .bindAll(station_.id, days)
        .run();
    Journal::append(db_, {actor,
                          "station.complaint_due_days",
                          fmt::format("station:{}", station_.id),
                          {{"due_working_days", before}},
                          {{"due_working_days", days}}});
    tx.commit();
}

ComplaintLetter ComplaintStore::createLetter(const std::string& unitName,
                                             const std::string& actor) {
    const std::string unit = trim(unitName);
    Transaction tx(db_);
    std::vector<Complaint> items;
    for (Complaint& c : list({.unitName = unit})) {
        if (!c.letterId && c.status != ComplaintStatus::Dicatat) items.push_back(std::move(c));
    }
    if (items.empty())
        throw UserError(fmt::format("no forwarded complaint to '{}' without a letter yet", unit));
    const TimePoint t = now();
    const auto ymd = date::year_month_day(localDay(t, station_.timeZone));
    const int year = static_cast<int>(ymd.year());
    const unsigned month = static_cast<unsigned>(ymd.month());
    Statement seqSt = db_.prepare(
        "SELECT COALESCE(MAX(reg_seq), 0) + 1 FROM complaint_letters WHERE station_id = ? AND "
        "reg_year = ?");
    seqSt.bindAll(station_.id, year);
    seqSt.step();
    const int seq = static_cast<int>(seqSt.getInt(0));
    const std::string number =
        fmt::format("B/{:04}/KLH-{}/{}/{}", seq, station_.code, kRoman[month - 1], year);
    db_.prepare(
           "INSERT INTO complaint_letters (station_id, number, reg_year, reg_seq, unit_name, "
           "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bindAll(station_.id, number, year, seq, unit, formatUtc(t), actor)
        .run();
    const std::int64_t letterId = db_.lastInsertId();
    nlohmann::json ids = nlohmann::json::array(), shared = nlohmann::json::array();
    for (const Complaint& c : items) {
        db_.prepare("UPDATE complaints SET letter_id = ? WHERE id = ?")
            .bindAll(letterId, c.id)
            .run();
        ids.push_back(c.id);
        if (c.contactShared) shared.push_back(c.id);
    }
    // The unit sees the callers' contacts of these complaints unmasked: the journal says so.
    Journal::append(
        db_,
        {actor,
         "complaint.letter",
         fmt::format("complaint_letter:{}", letterId),
         nullptr,
         {{"number", number}, {"unit", unit}, {"complaints", ids}, {"contact_shared", shared}}});
    tx.commit();
    return letter(number);
}

ComplaintLetter ComplaintStore::letter(const std::string& number) {
    Statement st = db_.prepare(
        "SELECT id, number, unit_name, created_at, created_by FROM complaint_letters WHERE number "
        "= ?");
    st.bind(1, trim(number));
    if (!st.step()) throw NotFoundError(fmt::format("no complaint letter numbered '{}'", number));
    ComplaintLetter l;
    l.id = st.getInt(0);
    l.number = st.getText(1);
    l.unitName = st.getText(2);
    l.createdAt = parseUtc(st.getText(3)).value_or(TimePoint{});
    l.createdBy = st.getText(4);
    Statement items = db_.prepare(std::string(kSelect) + "WHERE c.letter_id = ? ORDER BY c.id");
    items.bind(1, l.id);
    while (items.step())
        l.complaints.push_back(read(items));
    return l;
}

}  // namespace ds
