#pragma once
// What the control room remembers between runs, in the XDG config folder
// ($XDG_CONFIG_HOME/dialogstudio, else ~/.config/dialogstudio): ui.json (language, scale, the
// session that was open, the guests' message and screen) and imgui.ini (where the windows are).
// Both are written by a background FileSaver (temporary file, then rename), so a frame never
// waits on the disk and a crash never leaves half a file. The session that was open is saved as
// soon as it changes: after a crash the room reopens it.
#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <thread>

#include "ui/Commands.h"

namespace ds::ui {

struct UiSettings {
    std::optional<Lang> lang;  // unset: --lang / DIALOGSTUDIO_LANG / Indonesian
    float scale = 1.0f;
    std::optional<std::int64_t> lastSession;
    std::string guestMessage;
    bool guestVisible = true;
    bool guestFullscreen = false;
    int mainX = -1, mainY = -1, mainWidth = 0, mainHeight = 0;
    int guestX = -1, guestY = -1, guestWidth = 0, guestHeight = 0;

    std::string toJson() const;
    // Unknown or bad values fall back to the defaults: a broken file never stops the room.
    static UiSettings fromJson(const std::string& text);
};

// $XDG_CONFIG_HOME/dialogstudio (or ~/.config/dialogstudio).
std::string configDir();
// The file's text, or empty when it cannot be read.
std::string readFile(const std::string& path);

class FileSaver {
  public:
    FileSaver();
    ~FileSaver();  // writes what is pending, then stops
    FileSaver(const FileSaver&) = delete;
    FileSaver& operator=(const FileSaver&) = delete;

    // [frame loop] Queues `text` for `path`; a later save of the same path replaces it.
    void save(const std::string& path, std::string text);
    // [any] Waits until everything queued so far is on disk (tests, exit).
    void flush();

  private:
    void run(std::stop_token stop);
    std::mutex mutex_;
    std::condition_variable_any cv_;
    std::condition_variable idle_;
    std::map<std::string, std::string> pending_;
    bool writing_ = false;
    std::jthread thread_;  // last: stopped and joined before the rest goes
};

}  // namespace ds::ui
