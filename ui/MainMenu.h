#pragma once
// The menu bar, the keys that work everywhere, the message bar at the bottom (what the last
// command did, background jobs with progress and cancel) and the key reference (F1).
//
// Everywhere: F1 keys, F2 producer, F3 screener (its form), F4 PPID officer, F11 guests' screen
// full screen, Shift+F11 show/hide the guests' screen, Ctrl+O sessions, Ctrl+L language,
// Ctrl+= / Ctrl+- / Ctrl+0 UI scale, Ctrl+1..4 with Alt: layouts, Ctrl+Q quit.
#include <string>

#include "ui/Frame.h"

namespace ds::ui {

class SessionsWindow;

class MainMenu {
  public:
    void draw(const Frame& f, SessionsWindow& sessions);

  private:
    void handleKeys(const Frame& f, SessionsWindow& sessions);
    void drawHelp(const Frame& f);
    bool help_ = false;
};

class MessageBar {
  public:
    void draw(const Frame& f);
    // A command's outcome to show (the latest wins; errors stay longer).
    void show(const Outcome& outcome, double now);
    const std::string& text() const { return text_; }

  private:
    std::string text_;
    bool error_ = false;
    double shownAt_ = -1e9;
};

// The scale steps the menu and Ctrl+=/Ctrl+- walk through.
float nextScale(float scale, int direction);

}  // namespace ds::ui
