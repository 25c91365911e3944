#pragma once
// Opening a session: recent and coming sessions with their state, and the demo session for
// newcomers. Shown when no session is open and from the menu (Ctrl+O). Up/Down choose, Enter
// opens, Esc closes.
#include <cstdint>

#include "ui/Frame.h"

namespace ds::ui {

class SessionsWindow {
  public:
    static constexpr const char* kId = "sessions";

    void draw(const Frame& f);
    void open() { open_ = true, focus_ = true; }
    bool isOpen() const { return open_; }

  private:
    bool open_ = false;
    bool focus_ = false;
    std::int64_t selected_ = 0;
};

}  // namespace ds::ui
