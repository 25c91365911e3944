#include "publication/OfficeRole.h"

#include <array>

#include <fmt/format.h>

#include "studio/Errors.h"

namespace ds::publication {

namespace {

struct RoleInfo {
    OfficeRole role;
    std::string_view code, id, en;
};

constexpr std::array kRoles{
    RoleInfo{OfficeRole::Kasubbag, "kasubbag", "Kasubbag Humas, Peliputan dan Pemberitaan",
             "Head of the PR, coverage and news sub-section"},
    RoleInfo{OfficeRole::Staff, "staf", "Staf Fungsional Umum", "Staff"},
    RoleInfo{OfficeRole::Kabag, "kabag", "Kabag Humas dan Protokol",
             "Head of the PR and protocol section"},
    RoleInfo{OfficeRole::Kadis, "kadis", "Kepala Dinas", "Head of the office"},
    RoleInfo{OfficeRole::Sekdis, "sekdis", "Sekretaris Dinas", "Secretary of the office"},
    RoleInfo{OfficeRole::Kabid, "kabid", "Kepala Bidang", "Head of division"},
    RoleInfo{OfficeRole::Kasi, "kasi", "Kepala Seksi", "Head of section"},
};
constexpr std::array kAll{OfficeRole::Kasubbag, OfficeRole::Staff,  OfficeRole::Kabag,
                          OfficeRole::Kadis,    OfficeRole::Sekdis, OfficeRole::Kabid,
                          OfficeRole::Kasi};

const RoleInfo& info(OfficeRole r) {
    for (const RoleInfo& i : kRoles)
        if (i.role == r) return i;
    return kRoles[0];
}

}  // namespace

std::span<const OfficeRole> allRoles() {
    return kAll;
}
std::string_view roleCode(OfficeRole r) {
    return info(r).code;
}
std::string_view roleTitle(OfficeRole r) {
    return info(r).id;
}
std::string_view roleTitleEn(OfficeRole r) {
    return info(r).en;
}

std::optional<OfficeRole> parseRole(std::string_view code) {
    for (const RoleInfo& i : kRoles)
        if (i.code == code) return i.role;
    return std::nullopt;
}

OfficeRole requireRole(std::string_view code, const char* field) {
    if (auto r = parseRole(code)) return *r;
    throw UserError(fmt::format(
        "{}: unknown role '{}' (use kasubbag, staf, kabag, kadis, sekdis, kabid or kasi)", field,
        code));
}

}  // namespace ds::publication
