#include "publication/ChannelSettings.h"

#include <fmt/format.h>

#include "publication/TextCheck.h"
#include "studio/Database.h"
#include "studio/Errors.h"
#include "studio/Journal.h"
#include "studio/Statement.h"
#include "studio/Transaction.h"

namespace ds::publication {

nlohmann::json ChannelSettings::toJson() const {
    return {{"hashtags", hashtags},
            {"wordpress_url", wordpressUrl},
            {"wordpress_user", wordpressUser},
            {"wordpress_password_file", wordpressPasswordFile}};
}

std::string ChannelSettings::normaliseHashtag(const std::string& tag) {
    std::string t = requireLine(tag, "--hashtag", 100);
    std::string out = "#";
    for (char c : t)
        if (c != '#' && c != ' ' && c != '\t') out += c;
    if (out.size() == 1) throw UserError(fmt::format("--hashtag: '{}' has no letters", tag));
    for (char c : out.substr(1))
        if (std::string_view(".,;:!?/\\\"'()[]{}<>@&=+*%$^|~`").find(c) != std::string::npos)
            throw UserError(
                fmt::format("--hashtag: '{}' holds '{}', which ends a hashtag", tag, c));
    return out;
}

ChannelSettings ChannelSettings::load(ds::Database& db, std::int64_t stationId) {
    ChannelSettings s;
    auto st = db.prepare(
        "SELECT hashtags, wordpress_url, wordpress_user, wordpress_password_file FROM "
        "publication_settings WHERE station_id = ?");
    st.bindAll(stationId);
    if (!st.step()) return s;
    s.hashtags = nlohmann::json::parse(st.getText(0)).get<std::vector<std::string>>();
    s.wordpressUrl = st.getText(1);
    s.wordpressUser = st.getText(2);
    s.wordpressPasswordFile = st.getText(3);
    return s;
}

ChannelSettings ChannelSettings::save(ds::Database& db, std::int64_t stationId,
                                      const ChannelSettings& in, const std::string& actor) {
    ChannelSettings s = in;
    for (auto& h : s.hashtags)
        h = normaliseHashtag(h);
    if (s.hashtags.size() > 30) throw UserError("--hashtag: at most 30 hashtags");
    s.wordpressUrl = optionalLine(s.wordpressUrl, "--wordpress-url", 500);
    while (!s.wordpressUrl.empty() && s.wordpressUrl.back() == '/')
        s.wordpressUrl.pop_back();
    if (!s.wordpressUrl.empty() && s.wordpressUrl.rfind("http://", 0) != 0 &&
        s.wordpressUrl.rfind("https://", 0) != 0)
        throw UserError(
            fmt::format("--wordpress-url: '{}' is not an http(s) address", s.wordpressUrl));
    s.wordpressUser = optionalLine(s.wordpressUser, "--wordpress-user", 100);
    s.wordpressPasswordFile =
        optionalLine(s.wordpressPasswordFile, "--wordpress-password-file", 1000);
    ds::Transaction tx(db);
    ChannelSettings before = load(db, stationId);
    db.prepare(
          "INSERT INTO publication_settings (station_id, hashtags, wordpress_url, wordpress_user, "
          "wordpress_password_file) VALUES (?, ?, ?, ?, ?) ON CONFLICT (station_id) DO UPDATE SET "
          "hashtags = excluded.hashtags, wordpress_url = excluded.wordpress_url, wordpress_user "
          "= excluded.wordpress_user, wordpress_password_file = excluded.wordpress_password_file")
        .bindAll(stationId, nlohmann::json(s.hashtags).dump(), s.wordpressUrl, s.wordpressUser,
                 s.wordpressPasswordFile)
        .run();
    ds::Journal::append(db, {actor, "channel.set", fmt::format("station:{}", stationId),
                             before.toJson(), s.toJson()});
    tx.commit();
    return s;
}

}  // namespace ds::publication
