#include "publication/StepLog.h"

#include <fmt/format.h>

#include "studio/Database.h"
#include "studio/Errors.h"
#include "studio/Statement.h"

namespace ds::publication {

namespace {

constexpr const char* kColumns =
    "id, sop, item_id, step, role, holder, holder_name, started_at, finished_at, finished_by, "
    "outcome, note, version";

TimePoint timeOf(const std::string& text) {
    auto t = parseUtc(text);
    if (!t) throw std::runtime_error("bad time in sop_steps: " + text);
    return *t;
}

StepRecord readRow(ds::Statement& st) {
    StepRecord r;
    r.id = st.getInt(0);
    r.sop = parseSop(st.getText(1)).value_or(Sop::Release);
    r.itemId = st.getInt(2);
    r.step = static_cast<int>(st.getInt(3));
    r.role = parseRole(st.getText(4)).value_or(OfficeRole::Staff);
    r.holder = st.getText(5);
    r.holderName = st.getText(6);
    r.startedAt = timeOf(st.getText(7));
    if (auto f = st.getOptText(8)) r.finishedAt = timeOf(*f);
    r.finishedBy = st.getOptText(9).value_or("");
    if (auto o = st.getOptText(10)) r.outcome = parseOutcome(*o);
    r.note = st.getText(11);
    if (auto v = st.getOptInt(12)) r.version = static_cast<int>(*v);
    return r;
}

std::optional<std::int64_t> standardSeconds(Sop sop, int step) {
    auto s = standardOf(sopStep(sop, step));
    if (!s) return std::nullopt;
    return std::chrono::duration_cast<std::chrono::seconds>(*s).count();
}

}  // namespace

void StepLog::requireAfter(const StepRecord& open, TimePoint at) {
    if (at < open.startedAt)
        throw UserError(fmt::format("--at: {} is before the step reached its holder ({})",
                                    formatUtc(at), formatUtc(open.startedAt)));
    if (at > now() + std::chrono::minutes(1))
        throw UserError(fmt::format("--at: {} is in the future", formatUtc(at)));
}

StepRecord StepLog::open(Sop sop, std::int64_t item, int step, OfficeRole role,
                         const std::string& holder, const std::string& holderName, TimePoint at) {
    db_.prepare(
           "INSERT INTO sop_steps (sop, item_id, step, role, holder, holder_name, started_at, "
           "standard_s) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bindAll(std::string(sopCode(sop)), item, step, std::string(roleCode(role)), holder,
                 holderName, formatUtc(at), standardSeconds(sop, step))
        .run();
    return *current(sop, item);
}

StepRecord StepLog::close(const StepRecord& open, TimePoint at, StepOutcome outcome,
                          const std::string& by, const std::string& note,
                          std::optional<int> version) {
    requireAfter(open, at);
    db_.prepare(
           "UPDATE sop_steps SET finished_at = ?, finished_by = ?, outcome = ?, note = ?, "
           "version = ? WHERE id = ? AND finished_at IS NULL")
        .bindAll(formatUtc(at), by, std::string(outcomeCode(outcome)), note, version, open.id)
        .run();
    if (db_.changes() != 1) throw UserError("the step was handed on by someone else meanwhile");
    StepRecord r = open;
    r.finishedAt = at;
    r.finishedBy = by;
    r.outcome = outcome;
    r.note = note;
    r.version = version;
    return r;
}

StepRecord StepLog::skip(Sop sop, std::int64_t item, int step, OfficeRole role, TimePoint at,
                         const std::string& by, const std::string& note) {
    db_.prepare(
           "INSERT INTO sop_steps (sop, item_id, step, role, holder, holder_name, started_at, "
           "finished_at, finished_by, outcome, note, standard_s) "
           "VALUES (?, ?, ?, ?, '', '', ?, ?, ?, 'skipped', ?, ?)")
        .bindAll(std::string(sopCode(sop)), item, step, std::string(roleCode(role)), formatUtc(at),
                 formatUtc(at), by, note, standardSeconds(sop, step))
        .run();
    return list(sop, item).back();
}

std::optional<StepRecord> StepLog::current(Sop sop, std::int64_t item) {
    auto st = db_.prepare(fmt::format(
        "SELECT {} FROM sop_steps WHERE sop = ? AND item_id = ? AND finished_at IS NULL "
        "ORDER BY id DESC LIMIT 1",
        kColumns));
    st.bindAll(std::string(sopCode(sop)), item);
    if (!st.step()) return std::nullopt;
    return readRow(st);
}

std::vector<StepRecord> StepLog::list(Sop sop, std::int64_t item) {
    auto st = db_.prepare(fmt::format(
        "SELECT {} FROM sop_steps WHERE sop = ? AND item_id = ? ORDER BY id", kColumns));
    st.bindAll(std::string(sopCode(sop)), item);
    std::vector<StepRecord> out;
    while (st.step())
        out.push_back(readRow(st));
    return out;
}

std::vector<StepRecord> StepLog::list(const StepFilter& f) {
    auto st = db_.prepare(fmt::format(
        "SELECT {} FROM sop_steps WHERE (? IS NULL OR sop = ?) AND (? IS NULL OR started_at >= ?) "
        "AND (? IS NULL OR started_at < ?) ORDER BY id",
        kColumns));
    std::optional<std::string> sop, from, to;
    if (f.sop) sop = std::string(sopCode(*f.sop));
    if (f.from) from = formatUtc(*f.from);
    if (f.to) to = formatUtc(*f.to);
    st.bindAll(sop, sop, from, from, to, to);
    std::vector<StepRecord> out;
    while (st.step())
        out.push_back(readRow(st));
    return out;
}

}  // namespace ds::publication
