// `officer add|list|remove`: who holds which post of the SOPs.
#include <fmt/format.h>

#include "publication/OfficerStore.h"
#include "publication/PublicationCommands.h"
#include "studio/StudioCommands.h"

namespace ds::publication {

void addOfficerCommands(CLI::App& app, CommandContext& ctx) {
    CLI::App* group =
        app.add_subcommand("officer", "The office's officers and their posts (pejabat/petugas)");
    group->require_subcommand(1);

    struct AddArgs {
        std::string role, login, name, rank, nip;
    };
    auto a = std::make_shared<AddArgs>();
    CLI::App* add = group->add_subcommand("add", "Add an officer to a post (or update them)");
    add->add_option("--role", a->role,
                    "Post: kasubbag, staf, kabag (SOP 001); kadis, sekdis, kabid, kasi, staf "
                    "(SOP 002)")
        ->required();
    add->add_option("--login", a->login, "The name they act under (--actor)")->required();
    add->add_option("--name", a->name, "Full name as it is signed")->required();
    add->add_option("--rank", a->rank, "Rank or title, e.g. \"Drs.\" or \"AKP\"");
    add->add_option("--nip", a->nip, "NIP (or NRP)");
    add->callback([&ctx, a] {
        OfficeOfficer o;
        o.role = requireRole(a->role, "--role");
        o.login = a->login;
        o.name = a->name;
        o.rank = a->rank;
        o.nip = a->nip;
        OfficeOfficer saved = OfficerStore(ctx.db(), ctx.station().id).put(o, ctx.actor());
        ctx.emit(saved.toJson(), [&] {
            fmt::print("{}: {} ({}) {} {}\n", ctx.t("Petugas", "Officer"), saved.displayName(),
                       saved.login, ctx.t("sebagai", "as"),
                       ctx.english() ? roleTitleEn(saved.role) : roleTitle(saved.role));
        });
    });

    auto listRole = std::make_shared<std::string>();
    CLI::App* list = group->add_subcommand("list", "List the officers and their posts");
    list->add_option("--role", *listRole, "Only this post");
    list->callback([&ctx, listRole] {
        std::optional<OfficeRole> role;
        if (!listRole->empty()) role = requireRole(*listRole, "--role");
        auto officers = OfficerStore(ctx.db(), ctx.station().id).list(role);
        nlohmann::json doc = nlohmann::json::array();
        std::vector<std::vector<std::string>> rows;
        for (const auto& o : officers) {
            doc.push_back(o.toJson());
            rows.push_back({std::string(roleCode(o.role)), o.login, o.displayName(), o.nip});
        }
        ctx.emit(doc, [&] {
            cli::printTable({ctx.t("Jabatan", "Post"), "Login", ctx.t("Nama", "Name"), "NIP"},
                            rows);
        });
    });

    auto rm = std::make_shared<AddArgs>();
    CLI::App* remove = group->add_subcommand("remove", "Remove an officer from a post");
    remove->add_option("--role", rm->role, "Post")->required();
    remove->add_option("--login", rm->login, "Login")->required();
    remove->callback([&ctx, rm] {
        OfficerStore(ctx.db(), ctx.station().id)
            .remove(requireRole(rm->role, "--role"), rm->login, ctx.actor());
        ctx.emit({{"removed", {{"role", rm->role}, {"login", rm->login}}}},
                 [&] { fmt::print("{}\n", ctx.t("Dihapus", "Removed")); });
    });
}

}  // namespace ds::publication

namespace ds {

void addPublicationCommands(CommandTable& table) {
    table.add(publication::addOfficerCommands);
    table.add(publication::addReleaseCommands);
    table.add(publication::addChannelCommands);
    table.add(publication::addCoverageCommands);
    table.add(publication::addComplianceCommands);
}

}  // namespace ds
