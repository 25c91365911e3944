#pragma once
// Recovery: finds the recordings whose recorder died and makes them whole again.
//
// noticeInterrupted() (studio) marks every "recording" whose lock file is free as interrupted;
// then each interrupted recording's file is repaired (WaveRepair, FlacRepair), compared with
// what the database last heard from the recorder (frames on disk at the last heartbeat), marked
// recovered, and journalled: what was done to the file and how many seconds were lost. It runs
// before every recordings command and on `dialogstudio recover`.
//
// "Seconds lost" is the audio the database knew was on disk but the file does not hold (a file
// truncated by a crash of the machine, not of the recorder). After a SIGKILL it is 0: libsndfile
// had written everything the recorder received, and what was still in flight (the ring, tens of
// milliseconds) left no trace to count. A file that cannot be repaired (missing, not audio)
// stays interrupted with the reason, and nothing is written to it.
//
// Threads: the thread that owns the database connection.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "recordings/RepairReport.h"
#include "studio/Recording.h"

namespace ds {
class Database;
}

namespace ds::recordings {

struct RecoveryOutcome {
    Recording recording;  // as it is after recovery
    RepairReport repair;
    std::int64_t framesAtHeartbeat = 0;
    double secondsOnDisk = 0.0;
    double secondsLost = 0.0;
    double secondsAfterHeartbeat = 0.0;  // audio on disk the database had not heard of yet
    std::string error;                   // set when the file could not be repaired

    nlohmann::json toJson() const;
};

class Recovery {
  public:
    explicit Recovery(Database& db) : db_(db) {}

    // dryRun: report what would be done; the files and the database stay as they are (the
    // interrupted recordings are still noticed and marked, as any command would).
    std::vector<RecoveryOutcome> run(const std::string& actor, bool dryRun = false);

  private:
    RecoveryOutcome recover(const Recording& r, const std::string& actor, bool dryRun);

    Database& db_;
};

}  // namespace ds::recordings
