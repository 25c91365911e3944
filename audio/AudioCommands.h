#pragma once
// The headless commands of audio/, added to dialogstudio's one command table:
//   devices [--json]                      the input devices PortAudio offers
//   record SESSION [--device D] [...]     records the session's programme until SIGINT/SIGTERM
//                                         or --seconds (RecordCommand.cpp)
//   marker add SESSION --label TEXT       a manual marker (MarkerCommand.cpp)
// They live in their own library (audio_commands) so the audio library itself stays free of
// SQLite and the command framework: the capture host and the audio tests link audio only.
#include <CLI/CLI.hpp>

#include "studio/CommandContext.h"
#include "studio/CommandTable.h"

namespace ds {

// The registrar app/main.cpp adds: all of the commands above.
void addAudioCommands(CommandTable& table);

namespace audio {

void addDevicesCommand(CLI::App& app, CommandContext& ctx);
void addRecordCommand(CLI::App& app, CommandContext& ctx);
void addMarkerCommand(CLI::App& app, CommandContext& ctx);

}  // namespace audio
}  // namespace ds
