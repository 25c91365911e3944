#pragma once
// Creates and reads programmes (recurring shows) of the station.
#include <string>
#include <vector>

#include "studio/Programme.h"

namespace ds {

class Database;

class ProgrammeStore {
  public:
    explicit ProgrammeStore(Database& db) : db_(db) {}

    // Validates (title, weekday 1..7, "HH:MM", length 1..600 minutes, template segments) and
    // saves with a journal row. Returns the stored programme.
    Programme create(const Programme& p, const std::string& actor);
    Programme get(std::int64_t id);
    std::vector<Programme> list(std::int64_t stationId);

  private:
    Database& db_;
};

}  // namespace ds
