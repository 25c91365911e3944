// `channel show|set`: the station's hashtags and WordPress website.
#include <fmt/format.h>

#include "publication/ChannelSettings.h"
#include "publication/PublicationCommands.h"

namespace ds::publication {

void addChannelCommands(CLI::App& app, CommandContext& ctx) {
    CLI::App* group = app.add_subcommand(
        "publishing", "The station's publishing channels: hashtags and the WordPress website");
    group->require_subcommand(1);
    auto print = [&ctx](const ChannelSettings& s) {
        fmt::print("{}: {}\n", ctx.t("Tagar", "Hashtags"),
                   s.hashtags.empty() ? "-" : fmt::format("{}", fmt::join(s.hashtags, " ")));
        fmt::print("WordPress: {} ({})\n", s.wordpressUrl.empty() ? "-" : s.wordpressUrl,
                   s.wordpressUser.empty() ? "-" : s.wordpressUser);
    };
    group->add_subcommand("show", "Show the channels")->callback([&ctx, print] {
        ChannelSettings s = ChannelSettings::load(ctx.db(), ctx.station().id);
        ctx.emit(s.toJson(), [&] { print(s); });
    });

    struct SetArgs {
        std::vector<std::string> hashtags;
        bool clearHashtags = false;
        std::optional<std::string> url, user, passwordFile;
    };
    auto a = std::make_shared<SetArgs>();
    CLI::App* set = group->add_subcommand("set", "Change the channels");
    set->add_option("--hashtag,--hashtags", a->hashtags,
                    "Hashtag for the social captions (repeat; replaces the list)");
    set->add_flag("--clear-hashtags", a->clearHashtags, "No hashtags");
    set->add_option("--wordpress-url", a->url, "The website, e.g. https://humas.sintang.go.id");
    set->add_option("--wordpress-user", a->user, "WordPress user that posts");
    set->add_option("--wordpress-password-file", a->passwordFile,
                    "File holding the user's application password (owner-only permissions)");
    set->callback([&ctx, a, print] {
        std::int64_t station = ctx.station().id;
        ChannelSettings s = ChannelSettings::load(ctx.db(), station);
        if (a->clearHashtags || !a->hashtags.empty()) s.hashtags = a->hashtags;
        if (a->url) s.wordpressUrl = *a->url;
        if (a->user) s.wordpressUser = *a->user;
        if (a->passwordFile) s.wordpressPasswordFile = *a->passwordFile;
        ChannelSettings saved = ChannelSettings::save(ctx.db(), station, s, ctx.actor());
        ctx.emit(saved.toJson(), [&] { print(saved); });
    });
}

}  // namespace ds::publication
