#pragma once
// The PPID officer's sign-off and exports, seen from the control room. Signing the session
// record (it is then frozen) and the PDF/XLSX exports come with the PPID issue (issue 4,
// studio/); the PPID window calls them only through this interface, so plugging them in is one
// class and one line in ControlRoom.cpp (see BasicRecordKeeping below for what exists now).
//
// Threads: canSign() and exportFormats() are called on the frame loop and on the database
// worker (keep them constant); sign() runs on the database worker with its connection; export
// runs on the job thread, opens its own connection from the database path, reports progress
// and stops when cancelled.
#include <cstdint>
#include <string>
#include <vector>

namespace ds {
class Database;
}

namespace ds::ui {

class JobProgress;

struct ExportFormat {
    std::string code;       // "csv", "json", later "pdf", "xlsx"
    std::string extension;  // ".csv"
    std::string labelId;    // "Laporan Pasal 11 (CSV)"
    std::string labelEn;
};

class RecordKeeping {
  public:
    virtual ~RecordKeeping() = default;

    virtual bool canSign() const = 0;
    // [database worker] Signs and freezes the session record. Throws UserError.
    virtual void sign(Database& db, std::int64_t sessionId, const std::string& actor) = 0;

    virtual std::vector<ExportFormat> exportFormats() const = 0;
    // [job thread] Writes the export of the session to `path`; returns what to tell the user.
    virtual std::string exportSession(const std::string& databasePath, std::int64_t sessionId,
                                      const ExportFormat& format, const std::string& path,
                                      JobProgress& progress) = 0;
};

// What studio/ offers today: the SOP 000 Pasal 11 report as JSON and CSV (SessionReport).
// Signing is not available yet: canSign() is false and the PPID window says so.
class BasicRecordKeeping : public RecordKeeping {
  public:
    bool canSign() const override { return false; }
    void sign(Database& db, std::int64_t sessionId, const std::string& actor) override;
    std::vector<ExportFormat> exportFormats() const override;
    std::string exportSession(const std::string& databasePath, std::int64_t sessionId,
                              const ExportFormat& format, const std::string& path,
                              JobProgress& progress) override;
};

// Where exports go by default: $XDG_DATA_HOME/dialogstudio/exports.
std::string defaultExportDir();

}  // namespace ds::ui
