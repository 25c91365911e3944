#include "studio/CommandTable.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include <fmt/format.h>

#include "studio/Errors.h"
#include "studio/NewDatabase.h"

namespace ds {

namespace {

void printError(const std::string& message) {
    std::fprintf(stderr, "dialogstudio: %s\n", message.c_str());
}

// CLI11 reads integers with strtoll, which turns 99999999999999999999 into the largest int64
// without a word: an id out of range would silently name another record.
void refuseHugeNumbers(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        std::string_view arg(argv[i]);
        std::size_t start = !arg.empty() && (arg[0] == '-' || arg[0] == '+') ? 1 : 0;
        if (arg.size() <= start || arg.size() - start < 19) continue;
        if (arg.find_first_not_of("0123456789", start) != std::string_view::npos) continue;
        errno = 0;
        std::strtoll(argv[i], nullptr, 10);
        if (errno == ERANGE) {
            throw CLI::ValidationError(fmt::format(
                "'{}' is too large a number: ids and counts have at most 19 digits", arg));
        }
    }
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
    app.add_flag_callback(
        "--create", [] { allowNewDatabase(); },
        "Start a new database at --db if there is none (`station set` and `demo` do "
        "without it)");
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
        refuseHugeNumbers(argc, argv);
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
