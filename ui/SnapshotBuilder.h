#pragma once
// Builds a Snapshot from the database through the studio stores. Runs on the database worker
// (never on the frame loop); its cost with 5,000 questions is measured in bench/ui.
#include <cstdint>
#include <optional>
#include <string>

#include "studio/Station.h"
#include "studio/WorkingCalendar.h"
#include "ui/Snapshot.h"

namespace ds {
class Database;
}

namespace ds::ui {

class SnapshotBuilder {
  public:
    SnapshotBuilder(Database& db, std::string actor);

    // The whole picture for session `sessionId` (none: only station and session list) and the
    // earlier questions of `contact` (empty: none), as of `at`.
    Snapshot build(std::optional<std::int64_t> sessionId, const std::string& contact, TimePoint at);

    // The station's clock as of `at` (offset and abbreviation from the time-zone database).
    static LocalClock clockFor(const std::string& timeZone, TimePoint at);

  private:
    const WorkingCalendar& calendar(const Station& station);

    Database& db_;
    std::string actor_;
    std::optional<std::string> calendarKey_;  // the holiday file the calendar came from
    WorkingCalendar calendar_;
};

}  // namespace ds::ui
