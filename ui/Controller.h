#pragma once
// Applies the windows' database commands to the record through the studio stores, exactly as
// the command line does (same stores, same rules, same journal rows), plus what the control room
// adds around them: the RecordingControl and RecordKeeping calls. The stores place the segment
// and question markers themselves. Runs on the database worker; synchronous and
// thread-free so it is unit-tested on a temporary database.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "studio/IntakeService.h"
#include "studio/Station.h"
#include "ui/Commands.h"

namespace ds {
class Database;
}

namespace ds::ui {

class RecordingControl;

class Controller {
  public:
    Controller(Database& db, std::string actor, RecordingControl& recording);

    // Applies one database command. Never throws for a refused command: the outcome carries
    // the message the person sees.
    Outcome apply(const DatabaseCommand& command);

    // The session the windows show; OpenSession and CreateDemoSession change it.
    std::optional<std::int64_t> sessionId() const { return sessionId_; }
    void setSessionId(std::optional<std::int64_t> id) { sessionId_ = id; }
    // LookupContact's contact, for the snapshot's caller history.
    const std::string& contactQuery() const { return contact_; }
    const std::string& actor() const { return actor_; }

  private:
    struct Applier;
    void refreshStation();

    Database& db_;
    std::string actor_;
    RecordingControl& recording_;
    std::optional<std::int64_t> sessionId_;
    std::string contact_;
    Station station_;
    std::string stationKey_;
    std::unique_ptr<IntakeService> intake_;
};

}  // namespace ds::ui
