#pragma once
// `dialogstudio` with no command: the control room. Opens the main window (producer, screener,
// PPID officer) and the guests' window, and runs the frame loop until Quit. GLFW is touched only
// here, so every headless command runs without a display.
#include <cstdint>
#include <optional>
#include <string>

namespace ds {
class CommandContext;
}

namespace ds::ui {

struct ControlRoomOptions {
    bool demo = false;                    // --demo: the live session, else a new demo session
    std::optional<std::int64_t> session;  // --session ID
    std::string screenshotDir;            // --screenshot DIR: where screenshots go (also SIGUSR1)
    int frames = 0;                       // --frames N: N frames after the first data, shots, exit
    bool noGuest = false;                 // --no-guest: no guests' window
    bool guestFullscreen = false;         // --guest-fullscreen
    std::string simulateRecording;        // --simulate-recording [ok|dead_air|...]
    float scale = 0;                      // --scale: 0 keeps the saved setting
    int width = 0, height = 0;            // --size WxH of the main window
    bool timing = false;                  // --timing: print start-up figures on stdout
};

// Returns the process exit code: 0, or 1 with one line on stderr (no display, no OpenGL).
int runControlRoom(CommandContext& ctx, const ControlRoomOptions& options);

}  // namespace ds::ui
