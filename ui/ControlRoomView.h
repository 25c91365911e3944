#pragma once
// Every window of the control room, drawn for one frame. The frame loop (ControlRoom.cpp), the
// headless harness (tests) and the frame benchmark all draw through this, so what the tests
// exercise is what a person sees. Adding a window is one member and one line in drawMain().
#include "ui/Frame.h"
#include "ui/GuestWindow.h"
#include "ui/MainMenu.h"
#include "ui/PpidWindow.h"
#include "ui/ProducerWindow.h"
#include "ui/ScreenerWindow.h"
#include "ui/SessionsWindow.h"
#include "ui/StatusWindow.h"

namespace ds::ui {

class ControlRoomView {
  public:
    // The main OS window: menu, status strip, the role windows, sessions, message bar.
    void drawMain(const Frame& f);
    // The guests' OS window (its own ImGui context).
    void drawGuest(const Frame& f);

    // A database command's outcome (message bar, the screener's form).
    void onOutcome(const Outcome& outcome, double now);
    // FocusWindow: brings the window forward next frame (the screener: into its form).
    void focus(WindowId window);

    StatusWindow status;
    ProducerWindow producer;
    ScreenerWindow screener;
    PpidWindow ppid;
    SessionsWindow sessions;
    MainMenu menu;
    MessageBar messages;
    GuestWindow guest;

  private:
    int focus_ = -1;  // WindowId to focus, -1 none
};

}  // namespace ds::ui
