// dialogstudio: the one binary. Headless commands from every module share one command table;
// with no command it opens the control room (ui/). The control room's options are global
// options that only matter when no command is given; GLFW is not touched by any command.
#include <string>

#include "audio/AudioCommands.h"
#include "publication/PublicationCommands.h"
#include "recordings/RecordingsCommands.h"
#include "service/ServiceCommands.h"
#include "studio/CommandTable.h"
#include "ui/ControlRoom.h"

namespace {

void addControlRoomOptions(CLI::App& app, ds::ui::ControlRoomOptions& o) {
    const char* group = "Control room (no command)";
    app.add_flag("--demo", o.demo,
                 "Open the live session, or create the demo session if none is live")
        ->group(group);
    app.add_option("--session", o.session, "Open this session")->group(group);
    app.add_option("--screenshot", o.screenshotDir,
                   "Folder for screenshots (with --frames, or on SIGUSR1): one PNG per window, "
                   "the drawn text and regions.json")
        ->group(group);
    app.add_option("--frames", o.frames,
                   "Draw this many frames once the data is loaded, save screenshots, exit")
        ->check(CLI::Range(1, 100000))
        ->group(group);
    app.add_flag("--no-guest", o.noGuest, "Do not open the guests' window")->group(group);
    app.add_flag("--guest-fullscreen", o.guestFullscreen,
                 "Guests' window full screen (on the second monitor when there is one)")
        ->group(group);
    app.add_option("--simulate-recording", o.simulateRecording,
                   "Training/tests: a simulated recorder (records nothing, shows SIMULASI): ok "
                   "(idle), recording, or an alarm to show while recording (dead_air, clipping, "
                   "low_disk...)")
        ->expected(0, 1)
        ->default_str("ok")
        ->group(group);
    app.add_option("--scale", o.scale, "UI scale (0.75 to 2; default: the saved setting)")
        ->check(CLI::Range(0.5, 3.0))
        ->group(group);
    app.add_option_function<std::string>(
           "--size",
           [&o](const std::string& v) {
               const auto x = v.find('x');
               if (x == std::string::npos) throw CLI::ValidationError("--size", "use WIDTHxHEIGHT");
               o.width = std::stoi(v.substr(0, x));
               o.height = std::stoi(v.substr(x + 1));
           },
           "Main window size, e.g. 1600x900")
        ->group(group);
    app.add_flag("--timing", o.timing, "Print start-to-first-frame times on stdout")->group(group);
}

}  // namespace

int main(int argc, char** argv) {
    ds::ui::ControlRoomOptions options;
    ds::CommandTable table;
    table.add(
        [&options](CLI::App& app, ds::CommandContext&) { addControlRoomOptions(app, options); });
    ds::addStudioCommands(table);
    ds::addAudioCommands(table);
    ds::addRecordingsCommands(table);
    ds::addServiceCommands(table);
    ds::addPublicationCommands(table);
    return table.run(argc, argv, [&options](ds::CommandContext& ctx) {
        return ds::ui::runControlRoom(ctx, options);
    });
}
