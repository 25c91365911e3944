#include "studio/IntakeService.h"

#include <algorithm>

#include <fmt/format.h>

#include "studio/ContactRules.h"
#include "studio/CsvReader.h"
#include "studio/Database.h"
#include "studio/Errors.h"
#include "studio/QuestionStore.h"
#include "studio/RequestStore.h"
#include "studio/StationStore.h"
#include "studio/TextRules.h"
#include "studio/Transaction.h"
#include "studio/Vocabulary.h"

namespace ds {

namespace {

std::optional<bool> parseYesNo(std::string_view v) {
    std::string s = trim(v);
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    if (s.empty() || s == "0" || s == "no" || s == "tidak" || s == "false" || s == "n")
        return false;
    if (s == "1" || s == "yes" || s == "ya" || s == "true" || s == "y") return true;
    return std::nullopt;
}

}  // namespace

IntakeService::IntakeService(Database& db)
    : db_(db),
      station_(StationStore(db).current("system")),
      calendar_(StationStore::calendar(station_)),
      filter_(StationStore::contentFilter(station_)) {}

Question IntakeService::validated(const Question& in, const std::string& where) const {
    Question q = in;
    q.channel = std::string(
        vocab::require(vocab::channels(), trim(q.channel), where + "field 'channel'").code);
    requireText(q.text, "text", kMaxQuestionTextBytes, true, where);
    requireText(q.callerName, "caller_name", kMaxNameBytes, false, where);
    requireText(q.origin, "origin", kMaxNameBytes, false, where);
    requireText(q.contact, "contact", kMaxNameBytes, false, where);
    requireText(q.topic, "topic", kMaxNameBytes, false, where);
    requireText(q.purpose, "purpose", kMaxNoteBytes, false, where);
    q.callerName = trim(q.callerName);
    q.origin = trim(q.origin);
    q.contact = trim(q.contact);
    q.topic = trim(q.topic);
    requireContact(q.contact, "contact", q.channel == "social", where);
    // Letters, e-mails and messages are written requests; spoken ones are not (PPID.md 22(1)).
    if (q.channel == "letter" || q.channel == "email") q.written = true;
    // A receipt in the future would also number its information request from the wrong year.
    if (q.receivedAt != TimePoint{} && q.receivedAt > now() + std::chrono::minutes(5)) {
        throw InputError(fmt::format("{}field 'received_at': {} is in the future", where,
                                     formatUtc(q.receivedAt)));
    }
    q.flags = filter_.scan(q.text);
    return q;
}

Question IntakeService::store(const Question& q, const std::string& actor) {
    Question stored = QuestionStore(db_).insert(q, actor);
    if (stored.infoRequest) {
        RequestStore(db_, station_, calendar_)
            .openFromQuestion(stored.id, Requester{}, stored.purpose, actor);
    }
    return stored;
}

Question IntakeService::receive(const Question& q, const std::string& actor) {
    Question v = validated(q, "");
    Transaction tx(db_);
    Question stored = store(v, actor);
    tx.commit();
    return stored;
}

std::vector<Question> IntakeService::receiveAll(std::span<const Question> qs,
                                                const std::string& actor) {
    std::vector<Question> checked;
    checked.reserve(qs.size());
    for (std::size_t i = 0; i < qs.size(); ++i) {
        std::string where = qs.size() > 1 ? fmt::format("question {}: ", i + 1) : std::string();
        checked.push_back(validated(qs[i], where));
    }
    Transaction tx(db_);
    std::vector<Question> out;
    out.reserve(checked.size());
    for (const Question& q : checked)
        out.push_back(store(q, actor));
    tx.commit();
    return out;
}

ImportResult IntakeService::importCsv(std::int64_t sessionId, const std::filesystem::path& file,
                                      const std::string& actor) {
    CsvTable t = CsvReader::readFile(file);
    t.requireColumns({"text"}, {"channel", "received_at", "caller_name", "origin", "contact",
                                "written", "topic", "info_request", "purpose"});
    if (t.rows.empty()) throw InputError(fmt::format("{}: no questions to import", t.source));
    // Validate every row before writing any, so a bad row 900 leaves nothing half-imported.
    std::vector<Question> rows;
    rows.reserve(t.rows.size());
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        std::string where = t.where(r);
        Question q;
        q.sessionId = sessionId;
        q.text = t.field(r, "text");
        q.channel = t.field(r, "channel").empty() ? "phone" : t.field(r, "channel");
        q.callerName = t.field(r, "caller_name");
        q.origin = t.field(r, "origin");
        q.contact = t.field(r, "contact");
        q.topic = t.field(r, "topic");
        q.purpose = t.field(r, "purpose");
        auto written = parseYesNo(t.field(r, "written"));
        auto info = parseYesNo(t.field(r, "info_request"));
        if (!written)
            throw InputError(fmt::format("{}field 'written': '{}' is not yes or no", where,
                                         t.field(r, "written")));
        if (!info)
            throw InputError(fmt::format("{}field 'info_request': '{}' is not yes or no", where,
                                         t.field(r, "info_request")));
        q.written = *written;
        q.infoRequest = *info;
        std::string received = trim(t.field(r, "received_at"));
        if (!received.empty()) {
            if (auto utc = parseUtc(received)) {
                q.receivedAt = *utc;
            } else {
                try {
                    q.receivedAt = parseLocal(received, station_.timeZone);
                } catch (const UserError&) {
                    throw InputError(fmt::format(
                        "{}field 'received_at': '{}' is not a time (YYYY-MM-DD HH:MM local, or "
                        "ISO 8601 with Z or an offset)",
                        where, received));
                }
            }
        }
        rows.push_back(validated(q, where));
    }
    Transaction tx(db_);
    ImportResult result;
    for (const Question& q : rows) {
        Question stored = store(q, actor);
        result.ids.push_back(stored.id);
        ++result.imported;
    }
    tx.commit();
    return result;
}

std::optional<InfoRequest> IntakeService::requestFor(std::int64_t questionId) {
    return RequestStore(db_, station_, calendar_).forQuestion(questionId);
}

}  // namespace ds
