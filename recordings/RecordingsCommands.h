#pragma once
// The headless commands of recordings/, added to dialogstudio's one command table:
//   recordings list [SESSION] [--cached]   every recording with format, length, size, loudness
//   recordings show ID                     one recording with its markers
//   recover [--dry-run]                    repair the recordings whose recorder died
//   export SESSION --format F [...]        publication copies, clips, loudness (ExportCommand)
// The recordings commands first recover interrupted recordings (Recovery), so what they show
// and export is always the repaired file.
#include <CLI/CLI.hpp>

#include "studio/CommandContext.h"
#include "studio/CommandTable.h"

namespace ds {

// The registrar app/main.cpp adds: all of the commands above.
void addRecordingsCommands(CommandTable& table);

namespace recordings {

void addArchiveCommands(CLI::App& app, CommandContext& ctx);
void addRecoverCommand(CLI::App& app, CommandContext& ctx);
void addExportCommand(CLI::App& app, CommandContext& ctx);

// Runs recovery before a command; says on stderr what it recovered or could not.
void recoverBeforeCommand(CommandContext& ctx);

// "1:02:03" or "2:03.4"; "12.3 MB"; "-16.0 LUFS" ("-" when there is no value).
std::string formatSeconds(double seconds);
std::string formatBytes(std::uintmax_t bytes);
std::string formatLufs(double lufs);

}  // namespace recordings

}  // namespace ds
