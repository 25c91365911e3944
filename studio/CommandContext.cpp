#include "studio/CommandContext.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include <filesystem>

#include <fmt/format.h>

#include "studio/Errors.h"
#include "studio/NewDatabase.h"
#include "studio/StationStore.h"

namespace ds {

namespace {

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

bool g_newDatabaseAllowed = false;

}  // namespace

void allowNewDatabase() {
    g_newDatabaseAllowed = true;
}

bool newDatabaseAllowed() {
    return g_newDatabaseAllowed;
}

std::string CommandContext::dataDir() {
    std::string xdg = env("XDG_DATA_HOME");
    if (!xdg.empty()) return xdg + "/dialogstudio";
    std::string home = env("HOME");
    if (home.empty()) {
        if (passwd* pw = getpwuid(getuid())) home = pw->pw_dir;
    }
    return home + "/.local/share/dialogstudio";
}

std::string CommandContext::databasePath() const {
    if (!options.dbPath.empty()) return options.dbPath;
    std::string fromEnv = env("DIALOGSTUDIO_DB");
    if (!fromEnv.empty()) return fromEnv;
    return dataDir() + "/dialogstudio.db";
}

Database& CommandContext::db() {
    if (!db_) {
        const std::string path = databasePath();
        std::error_code ec;
        if (!options.dbPath.empty() && !newDatabaseAllowed() &&
            !std::filesystem::exists(std::filesystem::symlink_status(path, ec))) {
            throw UserError(fmt::format(
                "there is no database {}; check the path given with --db, or add --create to "
                "start a new database there",
                path));
        }
        db_ = std::make_unique<Database>(Database::open(path));
    }
    return *db_;
}

Station CommandContext::station() {
    return StationStore(db()).current(actor());
}

std::string CommandContext::actor() const {
    if (!options.actor.empty()) return options.actor;
    std::string fromEnv = env("DIALOGSTUDIO_ACTOR");
    if (!fromEnv.empty()) return fromEnv;
    if (passwd* pw = getpwuid(getuid())) return pw->pw_name;
    return "operator";
}

bool CommandContext::english() const {
    std::string lang = options.lang.empty() ? env("DIALOGSTUDIO_LANG") : options.lang;
    return lang.rfind("en", 0) == 0;
}

void CommandContext::emit(const nlohmann::json& document, const std::function<void()>& text) const {
    if (options.json) {
        // Replace invalid UTF-8 rather than throw: output must never fail half-way.
        std::string out = document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
        std::fwrite(out.data(), 1, out.size(), stdout);
        std::fputc('\n', stdout);
    } else {
        text();
    }
}

}  // namespace ds
