#include "studio/CommandTable.h"

#include <cstdio>

#include <fmt/format.h>

#include "studio/Errors.h"

namespace ds {

namespace {

void printError(const std::string& message) {
    std::fprintf(stderr, "dialogstudio: %s\n", message.c_str());
}

}  // namespace

int CommandTable::run(int argc, char** argv, const std::function<int(CommandContext&)>& noCommand) {
    CommandContext ctx;
    CLI::App app{
        "Dialog Studio: ruang kendali siaran Dialog Interaktif (live dialogue programme control "
        "room).\nWithout a command it opens the control room; with a command it runs headless.",
        "dialogstudio"};
    app.option_defaults()->always_capture_default();
    app.add_option("--db", ctx.options.dbPath,
                   "Database file (default: $DIALOGSTUDIO_DB, else "
                   "$XDG_DATA_HOME/dialogstudio/dialogstudio.db)");
    app.add_flag("--json", ctx.options.json, "Machine output: one JSON document on stdout");
    app.add_option(
        "--actor", ctx.options.actor,
        "Who is acting, for the journal (default: $DIALOGSTUDIO_ACTOR, else login name)");
    app.add_option("--lang", ctx.options.lang, "Language of text output: id (default) or en")
        ->check(CLI::IsMember({"id", "en"}));
    app.require_subcommand(0, 1);
    app.fallthrough();
    for (const Registrar& r : registrars_)
        r(app, ctx);

    try {
        app.parse(argc, argv);
        if (app.get_subcommands().empty()) return noCommand(ctx);
        return 0;
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        printError(fmt::format("{} (see `dialogstudio --help`)", e.what()));
        return 2;
    } catch (const BusyError& e) {
        printError(e.what());
        return 3;
    } catch (const UserError& e) {
        printError(e.what());
        return 1;
    } catch (const std::exception& e) {
        printError(fmt::format("internal error: {}", e.what()));
        return 1;
    }
}

}  // namespace ds
