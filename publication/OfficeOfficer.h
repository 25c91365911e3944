#pragma once
// An officer of the Humas office and the post they hold for the SOPs (one row per post: a
// person acting for two posts has two rows). `login` is the name they act under
// (`--actor`, DIALOGSTUDIO_ACTOR or the login name), which is how a step knows who did it.
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "publication/OfficeRole.h"

namespace ds::publication {

struct OfficeOfficer {
    std::int64_t id = 0;
    OfficeRole role = OfficeRole::Staff;
    std::string login;
    std::string name;
    std::string rank;
    std::string nip;  // NIP (civil servant) or NRP (police)

    // "Drs. Budi Hartono" or "AKP Budi Hartono": rank before the name when there is one.
    std::string displayName() const { return rank.empty() ? name : rank + " " + name; }
    nlohmann::json toJson() const;
};

}  // namespace ds::publication
