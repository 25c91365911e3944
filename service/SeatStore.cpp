#include "service/SeatStore.h"

#include <fmt/format.h>

#include "service/Secrets.h"
#include "studio/Database.h"
#include "studio/Errors.h"
#include "studio/Journal.h"
#include "studio/Statement.h"
#include "studio/TextRules.h"
#include "studio/Transaction.h"

namespace ds::service {

namespace {

constexpr const char* kColumns = "id, name, role, created_at, revoked_at";

Seat readSeat(const Statement& st) {
    Seat s;
    s.id = st.getInt(0);
    s.name = st.getText(1);
    s.role = parseRole(st.getText(2));
    s.createdAt = parseUtc(st.getText(3)).value_or(TimePoint{});
    if (auto r = st.getOptText(4)) s.revokedAt = parseUtc(*r);
    return s;
}

}  // namespace

NewSeat SeatStore::add(SeatRole role, const std::string& rawName, const std::string& actor) {
    requireText(rawName, "name", kMaxNameBytes, true);
    const std::string name = trim(rawName);
    Transaction tx(db_);
    Statement exists = db_.prepare("SELECT 1 FROM seats WHERE name = ?");
    exists.bind(1, name);
    if (exists.step()) throw UserError(fmt::format("name: a seat named '{}' already exists", name));
    NewSeat out;
    out.token = newToken();
    db_.prepare("INSERT INTO seats (name, role, token_hash, created_at) VALUES (?, ?, ?, ?)")
        .bindAll(name, std::string(roleCode(role)), sha256Hex(out.token), formatUtc(now()))
        .run();
    out.seat = find(std::to_string(db_.lastInsertId()));
    Journal::append(
        db_, {actor, "seat.add", fmt::format("seat:{}", out.seat.id), nullptr, out.seat.toJson()});
    tx.commit();
    return out;
}

std::vector<Seat> SeatStore::list() {
    std::vector<Seat> out;
    Statement st = db_.prepare(fmt::format("SELECT {} FROM seats ORDER BY id", kColumns));
    while (st.step())
        out.push_back(readSeat(st));
    return out;
}

Seat SeatStore::find(const std::string& nameOrId) {
    Statement st = db_.prepare(
        fmt::format("SELECT {} FROM seats WHERE name = ? OR CAST(id AS TEXT) = ?", kColumns));
    st.bindAll(nameOrId, nameOrId);
    if (!st.step()) throw NotFoundError(fmt::format("no seat named '{}'", nameOrId));
    return readSeat(st);
}

Seat SeatStore::revoke(const std::string& nameOrId, const std::string& actor) {
    Transaction tx(db_);
    Seat before = find(nameOrId);
    if (before.revokedAt)
        throw UserError(fmt::format("seat '{}' was already revoked at {}", before.name,
                                    formatUtc(*before.revokedAt)));
    db_.prepare("UPDATE seats SET revoked_at = ? WHERE id = ?")
        .bindAll(formatUtc(now()), before.id)
        .run();
    Seat after = find(std::to_string(before.id));
    Journal::append(db_, {actor, "seat.revoke", fmt::format("seat:{}", after.id), before.toJson(),
                          after.toJson()});
    tx.commit();
    return after;
}

std::optional<Seat> SeatStore::byTokenHash(const std::string& tokenHash) {
    Statement st = db_.prepare(fmt::format("SELECT {} FROM seats WHERE token_hash = ?", kColumns));
    st.bind(1, tokenHash);
    if (!st.step()) return std::nullopt;
    return readSeat(st);
}

std::vector<std::pair<std::string, Seat>> SeatStore::activeByHash() {
    std::vector<std::pair<std::string, Seat>> out;
    Statement st = db_.prepare(
        fmt::format("SELECT {}, token_hash FROM seats WHERE revoked_at IS NULL", kColumns));
    while (st.step())
        out.emplace_back(st.getText(5), readSeat(st));
    return out;
}

bool SeatStore::anyActive() {
    Statement st = db_.prepare("SELECT 1 FROM seats WHERE revoked_at IS NULL LIMIT 1");
    return st.step();
}

}  // namespace ds::service
