#pragma once
// The posts of a Humas office that hold SOP steps: seed 001's Kasubbag Humas, Peliputan dan
// Pemberitaan, its Staf and the Kabag Humas dan Protokol; seed 002's Kadis, Sekdis, Kabid and
// Kasi. Codes are stored in the database and typed on the command line.
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace ds::publication {

enum class OfficeRole { Kasubbag, Staff, Kabag, Kadis, Sekdis, Kabid, Kasi };

std::span<const OfficeRole> allRoles();
std::string_view roleCode(OfficeRole r);  // "kasubbag", "staf", ...
// Indonesian title of the post, e.g. "Kasubbag Humas, Peliputan dan Pemberitaan".
std::string_view roleTitle(OfficeRole r);
std::string_view roleTitleEn(OfficeRole r);
std::optional<OfficeRole> parseRole(std::string_view code);
// Throws UserError naming the accepted codes.
OfficeRole requireRole(std::string_view code, const char* field);

}  // namespace ds::publication
