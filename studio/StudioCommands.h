#pragma once
// Registrars for studio's command groups (each defined in its own *Commands.cpp) and the small
// helpers they share for turning command-line text into record values.
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "studio/CommandContext.h"
#include "studio/Session.h"

namespace ds {

void addStationCommands(CLI::App& app, CommandContext& ctx);
void addSessionCommands(CLI::App& app, CommandContext& ctx);
void addQuestionCommands(CLI::App& app, CommandContext& ctx);
void addRequestCommands(CLI::App& app, CommandContext& ctx);
void addReportCommands(CLI::App& app, CommandContext& ctx);
void addDemoCommand(CLI::App& app, CommandContext& ctx);
// Issue 4, the PPID record: `session sign|amend|history` (added to the session group) and
// `retention show|set|apply`.
void addSigningCommands(CLI::App& app, CommandContext& ctx);
void addRetentionCommands(CLI::App& app, CommandContext& ctx);

namespace cli {
// Splits "a|b|c" into at most n fields (missing ones empty).
std::vector<std::string> splitFields(const std::string& text, std::size_t n);
Officer parseOfficer(const std::string& text);  // "role|name|rank|nrp"
Guest parseGuest(const std::string& text);      // "name|rank|position"
// A local time "YYYY-MM-DD HH:MM" in tz, or ISO 8601 with Z/offset. Throws UserError naming field.
TimePoint parseTime(const std::string& text, const std::string& tz, const char* field);
Day parseDate(const std::string& text, const char* field);
// Prints a table of rows with left-aligned columns sized to their content.
void printTable(const std::vector<std::string>& header,
                const std::vector<std::vector<std::string>>& rows);
}  // namespace cli

}  // namespace ds
