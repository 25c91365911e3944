#pragma once
// The headless commands of publication/, added to dialogstudio's one command table:
//   officer add|list|remove              the office's officers and their posts (SOP roles)
//   release draft|show|list|edit|submit|approve|return|publish|versions|nota|outputs|attach
//                                        a session's release through SOP 001 and its outputs
//   channel show|set                     hashtags and the WordPress website
//   coverage register|next|show|book|nota  coverage requests through SOP 002
//   sop steps|compliance                 the SOPs' time standards and how they were kept
#include <CLI/CLI.hpp>

#include "studio/CommandContext.h"
#include "studio/CommandTable.h"

namespace ds {

// The registrar app/main.cpp adds.
void addPublicationCommands(CommandTable& table);

namespace publication {
void addOfficerCommands(CLI::App& app, CommandContext& ctx);
void addReleaseCommands(CLI::App& app, CommandContext& ctx);
void addChannelCommands(CLI::App& app, CommandContext& ctx);
void addCoverageCommands(CLI::App& app, CommandContext& ctx);
void addComplianceCommands(CLI::App& app, CommandContext& ctx);
}  // namespace publication

}  // namespace ds
