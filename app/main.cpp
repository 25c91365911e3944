// dialogstudio: the one binary. Headless commands from every module share one command table;
// with no command it will open the control room (ui/, a later issue) and until then says how
// to start.
#include <cstdio>

#include "studio/CommandTable.h"

int main(int argc, char** argv) {
    ds::CommandTable table;
    ds::addStudioCommands(table);
    return table.run(argc, argv, [](ds::CommandContext& ctx) {
        std::printf("%s\n", ctx.t("Ruang kendali (ui/) belum tersedia di versi ini. Coba "
                                  "`dialogstudio demo`, lalu `dialogstudio --help`.",
                                  "The control room (ui/) is not in this version yet. Try "
                                  "`dialogstudio demo`, then `dialogstudio --help`."));
        return 0;
    });
}
