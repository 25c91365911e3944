#include "ui/UiSettings.h"

#include "studio/PartFile.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "studio/Errors.h"
#include "studio/PartFile.h"

namespace ds::ui {

std::string UiSettings::toJson() const {
    nlohmann::json j;
    if (lang) j["lang"] = *lang == Lang::En ? "en" : "id";
    j["scale"] = scale;
    if (lastSession) j["last_session"] = *lastSession;
    j["guest_message"] = guestMessage;
    j["guest_visible"] = guestVisible;
    j["guest_fullscreen"] = guestFullscreen;
    j["main"] = {mainX, mainY, mainWidth, mainHeight};
    j["guest"] = {guestX, guestY, guestWidth, guestHeight};
    return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

UiSettings UiSettings::fromJson(const std::string& text) {
    UiSettings s;
    const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object()) return s;
    const auto get = [&](const char* key, auto& out) {
        try {
            if (j.contains(key)) out = j.at(key).get<std::decay_t<decltype(out)>>();
        } catch (const std::exception&) {
        }
    };
    std::string lang;
    get("lang", lang);
    if (lang == "en") s.lang = Lang::En;
    if (lang == "id") s.lang = Lang::Id;
    get("scale", s.scale);
    if (!(s.scale >= 0.5f && s.scale <= 3.0f)) s.scale = 1.0f;
    std::int64_t last = 0;
    get("last_session", last);
    if (last > 0) s.lastSession = last;
    get("guest_message", s.guestMessage);
    get("guest_visible", s.guestVisible);
    get("guest_fullscreen", s.guestFullscreen);
    std::vector<int> main, guest;
    get("main", main);
    get("guest", guest);
    if (main.size() == 4)
        s.mainX = main[0], s.mainY = main[1], s.mainWidth = main[2], s.mainHeight = main[3];
    if (guest.size() == 4)
        s.guestX = guest[0], s.guestY = guest[1], s.guestWidth = guest[2], s.guestHeight = guest[3];
    return s;
}

std::string configDir() {
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    if (xdg && *xdg) return std::string(xdg) + "/dialogstudio";
    std::string home;
    if (const char* h = std::getenv("HOME"); h && *h) home = h;
    if (home.empty()) {
        if (passwd* pw = getpwuid(getuid())) home = pw->pw_dir;
    }
    return home + "/.config/dialogstudio";
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

FileSaver::FileSaver() : thread_([this](std::stop_token stop) { run(stop); }) {}

FileSaver::~FileSaver() = default;  // the thread writes what is queued, then ends

void FileSaver::save(const std::string& path, std::string text) {
    {
        std::lock_guard lock(mutex_);
        pending_[path] = std::move(text);
    }
    cv_.notify_one();
}

void FileSaver::flush() {
    std::unique_lock lock(mutex_);
    idle_.wait(lock, [this] { return pending_.empty() && !writing_; });
}

void FileSaver::run(std::stop_token stop) {
    for (;;) {
        std::map<std::string, std::string> batch;
        {
            std::unique_lock lock(mutex_);
            cv_.wait(lock, stop, [this] { return !pending_.empty(); });
            if (pending_.empty() && stop.stop_requested()) return;
            batch.swap(pending_);
            writing_ = true;
        }
        for (const auto& [path, text] : batch) {
            std::error_code ec;
            const std::filesystem::path target(path);
            std::filesystem::create_directories(target.parent_path(), ec);
            try {
                // Owner-only and never through a link: it names the station's people.
                PartFile file(target);
                file.write(text);
                file.commit();
            } catch (const std::exception&) {
                // a settings file that cannot be written is not worth a crash
            }
        }
        {
            std::lock_guard lock(mutex_);
            writing_ = false;
        }
        idle_.notify_all();
    }
}

}  // namespace ds::ui
