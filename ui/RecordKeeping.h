#pragma once
// The PPID officer's sign-off and the session's exports, seen from the control room.
//
// Signing runs on the database worker through studio's SessionStore (the record is then
// frozen; corrections are amendments). Exports run the same headless commands a person would
// type (`dialogstudio report session ... --format pdf|xlsx|csv|json`, `dialogstudio export ...
// --format mp3|m4a`) as child processes on the job thread: one code path for the command line
// and the room, the journal rows the commands write, their progress lines on stderr shown as the
// job's progress, and cancel as the Ctrl-C they already handle (nothing is left under the final
// name). The room's frame loop never waits on any of it.
#include <cstdint>
#include <string>
#include <vector>

#include "ui/Translations.h"

namespace ds {
class Database;
}

namespace ds::ui {

class JobProgress;

struct ExportFormat {
    std::string code;       // pdf, xlsx, csv, json, mp3, m4a
    std::string extension;  // ".pdf"
    std::string stem;       // file name before the session id: "catatan-sesi"
    Tx label;               // tr(label): "Catatan sesi (PDF)"
};

struct Signer {
    std::string name;  // as on the signature
    std::string nrp;   // NRP (8 digits) or NIP (18 digits)
};

class RecordKeeping {
  public:
    // `program`: the dialogstudio binary that runs exports.
    explicit RecordKeeping(std::string program) : program_(std::move(program)) {}

    // [database worker] Signs and freezes an ended session's record. Throws UserError.
    static void sign(Database& db, std::int64_t sessionId, const Signer& signer,
                     const std::string& actor);

    static const std::vector<ExportFormat>& exportFormats();

    // [job thread] Writes the export of the session to `path`; returns the file written, or an
    // empty string when cancelled. Throws UserError with the command's own message on failure.
    std::string exportSession(const std::string& databasePath, std::int64_t sessionId,
                              const ExportFormat& format, const std::string& path,
                              const std::string& actor, JobProgress& progress) const;

  private:
    std::string program_;
};

// Where exports go by default: $XDG_DATA_HOME/dialogstudio/exports.
std::string defaultExportDir();

}  // namespace ds::ui
