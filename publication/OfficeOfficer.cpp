#include "publication/OfficeOfficer.h"

namespace ds::publication {

nlohmann::json OfficeOfficer::toJson() const {
    return {{"id", id},
            {"role", std::string(roleCode(role))},
            {"login", login},
            {"name", name},
            {"rank", rank},
            {"nip", nip},
            {"post", std::string(roleTitle(role))}};
}

}  // namespace ds::publication
