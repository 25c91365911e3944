#include "studio/RetentionStore.h"

#include <fmt/format.h>

#include "studio/Database.h"
#include "studio/Errors.h"
#include "studio/Journal.h"
#include "studio/Progress.h"
#include "studio/Statement.h"
#include "studio/Transaction.h"

namespace ds {

nlohmann::json RetentionResult::toJson() const {
    return {{"retention_days", days ? nlohmann::json(*days) : nlohmann::json(nullptr)},
            {"cutoff", formatUtc(cutoff)},
            {"dry_run", dryRun},
            {"requests_erased", requests.size()},
            {"registration_numbers", requests},
            {"questions_erased", questions}};
}

std::optional<int> RetentionStore::days() {
    Statement st = db_.prepare("SELECT retention_days FROM ppid_settings WHERE station_id = ?");
    st.bind(1, station_.id);
    if (!st.step()) return std::nullopt;
    auto v = st.getOptInt(0);
    return v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
}

void RetentionStore::setDays(std::optional<int> value, const std::string& actor) {
    if (value && (*value < 1 || *value > 36500)) {
        throw UserError(fmt::format("--days: {} is not 1 to 36500 days", *value));
    }
    Transaction tx(db_);
    std::optional<int> before = days();
    db_.prepare(
           "INSERT INTO ppid_settings (station_id, retention_days) VALUES (?, ?) "
           "ON CONFLICT (station_id) DO UPDATE SET retention_days = excluded.retention_days")
        .bindAll(station_.id, value)
        .run();
    auto j = [](std::optional<int> d) { return d ? nlohmann::json(*d) : nlohmann::json(nullptr); };
    Journal::append(db_, {actor,
                          "retention.set",
                          fmt::format("station:{}", station_.id),
                          {{"retention_days", j(before)}},
                          {{"retention_days", j(value)}}});
    tx.commit();
}

RetentionResult RetentionStore::apply(TimePoint asOf, bool dryRun, const std::string& actor,
                                      Progress& progress) {
    RetentionResult result;
    result.dryRun = dryRun;
    Transaction tx(db_);
    result.days = days();
    if (!result.days) return result;
    result.cutoff = asOf - std::chrono::hours(24) * *result.days;
    std::string cutoff = formatUtc(result.cutoff);
    progress.phase("mencari data kedaluwarsa");

    // A request is closed by its decision, or by the last answer to an objection or dispute.
    std::vector<std::pair<std::int64_t, std::string>> expired;
    {
        Statement st = db_.prepare(
            "SELECT r.id, r.reg_number, MAX(r.decided_at, COALESCE(MAX(o.answered_at), ''), "
            "COALESCE(MAX(o.dispute_decided_at), '')) AS closed "
            "FROM info_requests r LEFT JOIN objections o ON o.request_id = r.id "
            "WHERE r.station_id = ? AND r.decided_at IS NOT NULL "
            "AND r.personal_data_erased_at IS NULL AND r.status NOT IN ('objection', 'dispute') "
            "GROUP BY r.id HAVING closed < ? ORDER BY r.reg_year, r.reg_seq");
        st.bindAll(station_.id, cutoff);
        while (st.step())
            expired.emplace_back(st.getInt(0), st.getText(1));
    }
    for (const auto& e : expired)
        result.requests.push_back(e.second);
    {
        Statement st = db_.prepare(
            "SELECT COUNT(*) FROM questions q JOIN sessions s ON s.id = q.session_id "
            "JOIN programmes p ON p.id = s.programme_id WHERE p.station_id = ? "
            "AND q.personal_data_erased_at IS NULL AND q.received_at < ? "
            "AND (q.caller_name <> '' OR q.contact <> '') "
            "AND NOT EXISTS (SELECT 1 FROM info_requests r WHERE r.question_id = q.id)");
        st.bindAll(station_.id, cutoff);
        st.step();
        result.questions = static_cast<int>(st.getInt(0));
    }
    if (dryRun || (expired.empty() && result.questions == 0)) return result;

    progress.phase("menghapus data pribadi");
    std::string at = formatUtc(now());
    std::size_t done = 0;
    for (const auto& [id, number] : expired) {
        if (++done % 1024 == 0) progress.update(done, expired.size());
        db_.prepare(
               "UPDATE info_requests SET requester_name = '', requester_address = '', "
               "requester_phone = '', requester_email = '', requester_nik = '', "
               "power_of_attorney = '', personal_key = '', personal_data_erased_at = ? "
               "WHERE id = ?")
            .bindAll(at, id)
            .run();
        db_.prepare("UPDATE objections SET objector = '' WHERE request_id = ?").bind(1, id).run();
        db_.prepare(
               "UPDATE questions SET caller_name = '', contact = '', personal_key = '', "
               "personal_data_erased_at = ? "
               "WHERE id = (SELECT question_id FROM info_requests WHERE id = ?)")
            .bindAll(at, id)
            .run();
        db_.prepare(
               "UPDATE amendment_changes SET before = '', after = '' WHERE field LIKE "
               "'requester.%' "
               "AND amendment_id IN (SELECT id FROM amendments WHERE subject = ?)")
            .bind(1, fmt::format("request:{}", id))
            .run();
    }
    db_.prepare(
           "UPDATE questions SET caller_name = '', contact = '', personal_key = '', "
           "personal_data_erased_at = ? "
           "WHERE personal_data_erased_at IS NULL AND received_at < ? "
           "AND (caller_name <> '' OR contact <> '') "
           "AND session_id IN (SELECT s.id FROM sessions s JOIN programmes p ON p.id = "
           "s.programme_id WHERE p.station_id = ?) "
           "AND NOT EXISTS (SELECT 1 FROM info_requests r WHERE r.question_id = questions.id)")
        .bindAll(at, cutoff, station_.id)
        .run();
    db_.prepare(
           "UPDATE amendment_changes SET before = '', after = '' "
           "WHERE field IN ('caller_name', 'contact') AND amendment_id IN (SELECT a.id FROM "
           "amendments a JOIN questions q ON a.subject = 'question:' || q.id "
           "WHERE q.personal_data_erased_at IS NOT NULL)")
        .run();
    progress.check();
    nlohmann::json after = result.toJson();
    Journal::append(
        db_, {actor, "retention.apply", fmt::format("station:{}", station_.id), nullptr, after});
    tx.commit();
    return result;
}

}  // namespace ds
