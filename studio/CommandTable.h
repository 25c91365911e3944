#pragma once
// The one command table of `dialogstudio`. Each module adds its commands (studio: sessions,
// questions, requests, reports; audio: devices, record; recordings: recover, export) through a
// registrar; run() parses the command line, runs the chosen command and turns errors into one
// clear line on stderr and an exit code:
//   0 success, 1 the command failed (bad input, unknown id, rule broken: nothing was changed),
//   2 the command line is wrong, 3 the database is busy (another process holds it).
#include <functional>
#include <vector>

#include <CLI/CLI.hpp>

#include "studio/CommandContext.h"

namespace ds {

class CommandTable {
  public:
    using Registrar = std::function<void(CLI::App& app, CommandContext& ctx)>;

    void add(Registrar registrar) { registrars_.push_back(std::move(registrar)); }
    // noCommand runs when no command is given (the control room, once ui/ exists).
    int run(int argc, char** argv, const std::function<int(CommandContext&)>& noCommand);

  private:
    std::vector<Registrar> registrars_;
};

// The record-keeping commands of studio/ (station, programme, session, rundown, question,
// request, report, journal, demo).
void addStudioCommands(CommandTable& table);

}  // namespace ds
