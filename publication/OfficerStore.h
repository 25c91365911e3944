#pragma once
// The station's office officers and their posts (office_officers). The SOP steps take their
// holders from here: a step is done only by an officer holding the step's post.
#include <optional>
#include <string>
#include <vector>

#include "publication/OfficeOfficer.h"

namespace ds {
class Database;
}

namespace ds::publication {

class OfficerStore {
  public:
    OfficerStore(ds::Database& db, std::int64_t stationId) : db_(db), stationId_(stationId) {}

    // Adds (or updates the name, rank and NIP of) the officer `login` in `role`; journalled.
    OfficeOfficer put(const OfficeOfficer& officer, const std::string& actor);
    void remove(OfficeRole role, const std::string& login, const std::string& actor);
    std::vector<OfficeOfficer> list(std::optional<OfficeRole> role = {});
    std::optional<OfficeOfficer> find(OfficeRole role, const std::string& login);
    // The officer `login` in `role`, or a UserError saying who holds the post (or that nobody
    // does and how to add one).
    OfficeOfficer require(OfficeRole role, const std::string& login);
    // `login` when given (it must hold the role), else the only holder of the role; a UserError
    // when there is none or several to choose from (naming the option to choose with).
    OfficeOfficer pick(OfficeRole role, const std::string& login, const char* option);

  private:
    ds::Database& db_;
    std::int64_t stationId_;
};

}  // namespace ds::publication
