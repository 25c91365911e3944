// `retention show|set|apply`: the station's retention period for personal data and its
// application (UU 27/2022 PDP).
#include <fmt/format.h>

#include "studio/Errors.h"
#include "studio/Progress.h"
#include "studio/RetentionStore.h"
#include "studio/StudioCommands.h"

namespace ds {

void addRetentionCommands(CLI::App& app, CommandContext& ctx) {
    CLI::App* retention = app.add_subcommand(
        "retention", "Retention of personal data (UU PDP): the period and erasing what expired");
    retention->require_subcommand(1);

    retention->add_subcommand("show", "Show the retention period")->callback([&ctx] {
        std::optional<int> days = RetentionStore(ctx.db(), ctx.station()).days();
        ctx.emit({{"retention_days", days ? nlohmann::json(*days) : nlohmann::json(nullptr)}}, [&] {
            if (days) {
                fmt::print("{}: {} {}\n",
                           ctx.t("Masa retensi data pribadi", "Personal data retention"), *days,
                           ctx.t("hari", "days"));
            } else {
                fmt::print("{}\n", ctx.t("Masa retensi belum ditetapkan: data pribadi disimpan",
                                         "No retention period: personal data is kept"));
            }
        });
    });

    struct SetArgs {
        std::optional<int> days;
        bool off = false;
    };
    auto sa = std::make_shared<SetArgs>();
    CLI::App* set = retention->add_subcommand("set", "Set the retention period (journalled)");
    set->add_option("--days", sa->days, "Days after a request is closed (or a question received)");
    set->add_flag("--off", sa->off, "No retention period: keep personal data");
    set->callback([&ctx, sa] {
        if (sa->days.has_value() == sa->off) throw UserError("give --days N or --off");
        RetentionStore store(ctx.db(), ctx.station());
        store.setDays(sa->off ? std::nullopt : sa->days, ctx.actor());
        std::optional<int> days = store.days();
        ctx.emit({{"retention_days", days ? nlohmann::json(*days) : nlohmann::json(nullptr)}}, [&] {
            fmt::print("{}: {}\n", ctx.t("Masa retensi", "Retention"),
                       days ? std::to_string(*days) : "-");
        });
    });

    struct ApplyArgs {
        std::string asOf;
        bool dryRun = false;
    };
    auto aa = std::make_shared<ApplyArgs>();
    CLI::App* apply = retention->add_subcommand(
        "apply",
        "Erase expired personal data (names, contacts, addresses, NIK); counts remain; journalled");
    apply->add_option("--as-of", aa->asOf, "Judge expiry as at this time instead of now");
    apply->add_flag("--dry-run", aa->dryRun, "Only list what would be erased");
    apply->callback([&ctx, aa] {
        Station st = ctx.station();
        TimePoint asOf =
            aa->asOf.empty() ? now() : cli::parseTime(aa->asOf, st.timeZone, "--as-of");
        RetentionStore store(ctx.db(), st);
        Progress progress("dialogstudio: retensi");
        RetentionResult r = store.apply(asOf, aa->dryRun, ctx.actor(), progress);
        progress.finish();
        ctx.emit(r.toJson(), [&] {
            if (!r.days) {
                fmt::print("{}\n", ctx.t("Masa retensi belum ditetapkan; tidak ada yang dihapus",
                                         "No retention period set; nothing erased"));
                return;
            }
            fmt::print("{}: {} {}, {} {}\n",
                       r.dryRun ? ctx.t("Akan dihapus", "Would erase") : ctx.t("Dihapus", "Erased"),
                       r.requests.size(), ctx.t("permohonan", "requests"), r.questions,
                       ctx.t("pertanyaan", "questions"));
        });
    });
}

}  // namespace ds
