// `demo`: create a realistic sample session and show it.
#include <fmt/format.h>

#include "studio/Demo.h"
#include "studio/NewDatabase.h"
#include "studio/RequestStore.h"
#include "studio/SessionReport.h"
#include "studio/SessionStore.h"
#include "studio/StationStore.h"
#include "studio/StudioCommands.h"

namespace ds {

void addDemoCommand(CLI::App& app, CommandContext& ctx) {
    app.add_subcommand("demo", "Create a realistic sample session (in Indonesian) and show it")
        ->callback([&ctx] {
            allowNewDatabase();  // the demo may start its database
            std::int64_t id = Demo::create(ctx.db(), ctx.actor());
            Station st = ctx.station();
            Session s = SessionStore(ctx.db()).get(id);
            RequestStore requests(ctx.db(), st, StationStore::calendar(st));
            nlohmann::json report = SessionReport::build(ctx.db(), requests, id, now());
            nlohmann::json doc = {{"session_id", id}, {"session", s.toJson()}, {"report", report}};
            ctx.emit(doc, [&] {
                fmt::print("{} {} — {}\n{}: {}\n\n",
                           ctx.t("Sesi demo dibuat:", "Demo session created:"), id, s.topic,
                           ctx.t("Basis data", "Database"), ctx.databasePath());
                fmt::print("{}\n", ctx.t("Coba:", "Try:"));
                fmt::print("  dialogstudio rundown show {}\n", id);
                fmt::print("  dialogstudio question list {}\n", id);
                fmt::print("  dialogstudio request list --session {}\n", id);
                fmt::print("  dialogstudio report session {}\n", id);
                fmt::print("  dialogstudio session next {}\n", id);
            });
        });
}

}  // namespace ds
