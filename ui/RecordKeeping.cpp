#include "ui/RecordKeeping.h"

#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <regex>

#include <fmt/format.h>

#include "studio/CommandContext.h"
#include "studio/Database.h"
#include "studio/Errors.h"
#include "studio/SessionStore.h"
#include "studio/StationStore.h"
#include "studio/Time.h"
#include "ui/ChildProcess.h"
#include "ui/Jobs.h"

namespace ds::ui {

namespace {

// Runs a command to its end, its "task: phase NN%" stderr lines as the job's progress; a cancel
// is the Ctrl-C the command handles. Returns stdout; throws UserError with the command's last
// stderr line if it fails.
std::string runCommand(const std::vector<std::string>& argv, JobProgress& progress) {
    ChildProcess child(argv, {});
    std::string out, lastError;
    static const std::regex percent(R"(^(?:[^:]*: )?(.*?)\s+(\d+)%\s*$)");
    bool interrupted = false;
    child.readLines(
        [&](int stream, const std::string& line) {
            std::smatch m;
            if (stream == 1) {
                out += line + "\n";
            } else if (std::regex_match(line, m, percent)) {
                progress.set(std::stof(m[2].str()) / 100.0f, m[1].str());
            } else if (!line.empty()) {
                lastError = line;
            }
        },
        [&] {
            if (progress.cancelled() && !interrupted) {
                child.signal(SIGINT);
                interrupted = true;
            }
            return false;  // read to the end: the command cleans up and says so
        });
    const int status = child.wait(std::chrono::minutes(10)).value_or(-1);
    if (progress.cancelled()) return {};
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        const std::string prefix = "dialogstudio: ";
        if (lastError.rfind(prefix, 0) == 0) lastError.erase(0, prefix.size());
        throw UserError(lastError.empty()
                            ? "the export failed (" + ChildProcess::describe(status) + ")"
                            : lastError);
    }
    return out;
}

}  // namespace

void RecordKeeping::sign(Database& db, std::int64_t sessionId, const Signer& signer,
                         const std::string& actor) {
    const Station station = StationStore(db).current(actor);
    const WorkingCalendar calendar = StationStore::calendar(station);
    Signature sig;
    sig.name = signer.name;
    sig.nrp = signer.nrp;
    sig.signedOn = localDay(now(), station.timeZone);
    SessionStore(db).sign(sessionId, sig, station, calendar, actor);
}

const std::vector<ExportFormat>& RecordKeeping::exportFormats() {
    static const std::vector<ExportFormat> formats = {
        {"pdf", ".pdf", "catatan-sesi", Tx::FormatRecordPdf},
        {"xlsx", ".xlsx", "catatan-sesi", Tx::FormatRecordXlsx},
        {"csv", ".csv", "laporan-pasal11", Tx::FormatReportCsv},
        {"json", ".json", "laporan-pasal11", Tx::FormatReportJson},
        {"mp3", ".mp3", "siaran-web", Tx::FormatWebMp3},
        {"m4a", ".m4a", "siaran-sosmed", Tx::FormatSocialM4a},
    };
    return formats;
}

std::string RecordKeeping::exportSession(const std::string& databasePath, std::int64_t sessionId,
                                         const ExportFormat& format, const std::string& path,
                                         const std::string& actor, JobProgress& progress) const {
    std::vector<std::string> argv = {program_, "--db", databasePath, "--actor", actor};
    const std::string id = std::to_string(sessionId);
    if (format.code == "mp3" || format.code == "m4a") {
        argv.insert(argv.end(), {"export", id, "--format", format.code, "--preset",
                                 format.code == "mp3" ? "web" : "social", "--output", path});
    } else {
        argv.insert(argv.end(),
                    {"report", "session", id, "--format", format.code, "--output", path});
    }
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
    progress.set(0.0f, tr(format.label));
    runCommand(argv, progress);
    if (progress.cancelled()) return {};
    progress.set(1.0f, "");
    return path;
}

std::string defaultExportDir() {
    return CommandContext::dataDir() + "/exports";
}

}  // namespace ds::ui
