#include "publication/OfficerStore.h"

#include <fmt/format.h>

#include "publication/TextCheck.h"
#include "studio/Database.h"
#include "studio/Errors.h"
#include "studio/Journal.h"
#include "studio/Statement.h"
#include "studio/Transaction.h"

namespace ds::publication {

namespace {

OfficeOfficer readRow(ds::Statement& st) {
    OfficeOfficer o;
    o.id = st.getInt(0);
    o.role = requireRole(st.getText(1), "role");
    o.login = st.getText(2);
    o.name = st.getText(3);
    o.rank = st.getText(4);
    o.nip = st.getText(5);
    return o;
}

constexpr const char* kColumns = "id, role, login, name, rank, nip";

}  // namespace

OfficeOfficer OfficerStore::put(const OfficeOfficer& in, const std::string& actor) {
    OfficeOfficer o = in;
    o.login = requireLine(o.login, "--login", 100);
    o.name = requireLine(o.name, "--name", 200);
    o.rank = optionalLine(o.rank, "--rank", 100);
    o.nip = optionalLine(o.nip, "--nip", 40);
    ds::Transaction tx(db_);
    auto before = find(o.role, o.login);
    db_.prepare(
           "INSERT INTO office_officers (station_id, role, login, name, rank, nip) "
           "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (station_id, role, login) DO UPDATE SET "
           "name = excluded.name, rank = excluded.rank, nip = excluded.nip")
        .bindAll(stationId_, std::string(roleCode(o.role)), o.login, o.name, o.rank, o.nip)
        .run();
    OfficeOfficer after = *find(o.role, o.login);
    ds::Journal::append(db_, {actor, before ? "officer.update" : "officer.add",
                              fmt::format("office_officer:{}", after.id),
                              before ? before->toJson() : nlohmann::json(), after.toJson()});
    tx.commit();
    return after;
}

void OfficerStore::remove(OfficeRole role, const std::string& login, const std::string& actor) {
    ds::Transaction tx(db_);
    auto before = find(role, login);
    if (!before)
        throw ds::NotFoundError(
            fmt::format("no officer '{}' holds the post {}", login, roleCode(role)));
    db_.prepare("DELETE FROM office_officers WHERE id = ?").bindAll(before->id).run();
    ds::Journal::append(db_, {actor, "officer.remove", fmt::format("office_officer:{}", before->id),
                              before->toJson(), nullptr});
    tx.commit();
}

std::vector<OfficeOfficer> OfficerStore::list(std::optional<OfficeRole> role) {
    auto st = db_.prepare(fmt::format(
        "SELECT {} FROM office_officers WHERE station_id = ? AND (? IS NULL OR role = ?) "
        "ORDER BY role, name",
        kColumns));
    std::optional<std::string> code;
    if (role) code = std::string(roleCode(*role));
    st.bindAll(stationId_, code, code);
    std::vector<OfficeOfficer> out;
    while (st.step())
        out.push_back(readRow(st));
    return out;
}

std::optional<OfficeOfficer> OfficerStore::find(OfficeRole role, const std::string& login) {
    auto st = db_.prepare(fmt::format(
        "SELECT {} FROM office_officers WHERE station_id = ? AND role = ? AND login = ?",
        kColumns));
    st.bindAll(stationId_, std::string(roleCode(role)), login);
    if (!st.step()) return std::nullopt;
    return readRow(st);
}

OfficeOfficer OfficerStore::require(OfficeRole role, const std::string& login) {
    if (auto o = find(role, login)) return *o;
    auto holders = list(role);
    if (holders.empty())
        throw ds::UserError(
            fmt::format("nobody holds the post {} ({}): add one with `officer add --role {}`",
                        roleCode(role), roleTitleEn(role), roleCode(role)));
    std::string names;
    for (const auto& h : holders)
        names += (names.empty() ? "" : ", ") + h.login;
    throw ds::UserError(
        fmt::format("'{}' does not hold the post {} (held by: {})", login, roleCode(role), names));
}

OfficeOfficer OfficerStore::pick(OfficeRole role, const std::string& login, const char* option) {
    if (!login.empty()) return require(role, login);
    auto holders = list(role);
    if (holders.size() == 1) return holders.front();
    if (holders.empty())
        throw ds::UserError(
            fmt::format("nobody holds the post {} ({}): add one with `officer add --role {}`",
                        roleCode(role), roleTitleEn(role), roleCode(role)));
    throw ds::UserError(fmt::format("{} officers hold the post {}: choose one with {}",
                                    holders.size(), roleCode(role), option));
}

}  // namespace ds::publication
