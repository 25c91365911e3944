#pragma once
// Reads and changes the station. A database holds one station in normal use (the schema allows
// more); a fresh database gets the embedded default station so everything works at once.
#include <optional>
#include <string>

#include "studio/ContentFilter.h"
#include "studio/Station.h"
#include "studio/WorkingCalendar.h"

namespace ds {

class Database;

class StationStore {
  public:
    explicit StationStore(Database& db) : db_(db) {}

    // The station of this database, created from the embedded defaults if there is none.
    Station current(const std::string& actor);
    Station get(std::int64_t id);
    // Validates every field (code format, time zone, files readable and well-formed, text
    // rules), then saves and journals before/after. Throws UserError naming the field.
    Station update(const Station& changed, const std::string& actor);

    // The calendar and word list the station uses (its files, or the shipped ones).
    static WorkingCalendar calendar(const Station& station);
    static ContentFilter contentFilter(const Station& station);

  private:
    Database& db_;
};

}  // namespace ds
