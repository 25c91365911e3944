#include "ui/RecordKeeping.h"

#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "studio/CommandContext.h"
#include "studio/Database.h"
#include "studio/Errors.h"
#include "studio/RequestStore.h"
#include "studio/SessionReport.h"
#include "studio/StationStore.h"
#include "ui/Jobs.h"

namespace ds::ui {

void BasicRecordKeeping::sign(Database&, std::int64_t, const std::string&) {
    throw UserError("signing the session record is not available in this version yet");
}

std::vector<ExportFormat> BasicRecordKeeping::exportFormats() const {
    return {{"csv", ".csv", "Laporan Pasal 11 (CSV)", "Pasal 11 report (CSV)"},
            {"json", ".json", "Laporan Pasal 11 (JSON)", "Pasal 11 report (JSON)"}};
}

std::string BasicRecordKeeping::exportSession(const std::string& databasePath,
                                              std::int64_t sessionId, const ExportFormat& format,
                                              const std::string& path, JobProgress& progress) {
    progress.set(0.05f, "open");
    Database::Options options;
    options.migrate = false;
    Database db = Database::open(databasePath, options);
    if (progress.cancelled()) return {};
    progress.set(0.2f, "report");
    Station station = StationStore(db).current("dialogstudio");
    RequestStore requests(db, station, StationStore::calendar(station));
    nlohmann::json report = SessionReport::build(db, requests, sessionId, now());
    if (progress.cancelled()) return {};
    progress.set(0.7f, "write");
    std::string text = format.code == "csv"
                           ? SessionReport::toCsv(report)
                           : report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
    std::filesystem::path target(path);
    std::filesystem::create_directories(target.parent_path());
    std::filesystem::path temp = target;
    temp += ".part";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out) throw UserError(fmt::format("cannot write {}", temp.string()));
    }
    if (progress.cancelled()) {
        std::filesystem::remove(temp);
        return {};
    }
    std::filesystem::rename(temp, target);
    progress.set(1.0f, "done");
    return target.string();
}

std::string defaultExportDir() {
    return CommandContext::dataDir() + "/exports";
}

}  // namespace ds::ui
