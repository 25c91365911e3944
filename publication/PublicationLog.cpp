#include "publication/PublicationLog.h"

#include <fmt/format.h>

#include "studio/Database.h"
#include "studio/Errors.h"
#include "studio/Statement.h"

namespace ds::publication {

namespace {

constexpr const char* kColumns =
    "id, release_id, coverage_id, channel, idempotency_key, state, by_hand, url, remote_id, "
    "actor, started_at, published_at";

PublicationEntry readRow(ds::Statement& st) {
    PublicationEntry e;
    e.id = st.getInt(0);
    e.releaseId = st.getOptInt(1);
    e.coverageId = st.getOptInt(2);
    e.channel = requireChannel(st.getText(3));
    e.key = st.getText(4);
    e.published = st.getText(5) == "published";
    e.byHand = st.getInt(6) != 0;
    e.url = st.getText(7);
    e.remoteId = st.getText(8);
    e.actor = st.getText(9);
    e.startedAt = parseUtc(st.getText(10)).value_or(TimePoint{});
    if (auto p = st.getOptText(11)) e.publishedAt = parseUtc(*p);
    return e;
}

}  // namespace

std::string_view channelCode(Channel c) {
    switch (c) {
        case Channel::Website:
            return "website";
        case Channel::Social:
            return "social";
        case Channel::MassMedia:
            return "mass_media";
    }
    return "website";
}

Channel requireChannel(const std::string& code) {
    for (auto c : {Channel::Website, Channel::Social, Channel::MassMedia})
        if (channelCode(c) == code) return c;
    throw UserError(
        fmt::format("--channel: unknown channel '{}' (use website, social or mass_media)", code));
}

nlohmann::json PublicationEntry::toJson() const {
    return {
        {"id", id},
        {"release_id", releaseId ? nlohmann::json(*releaseId) : nlohmann::json()},
        {"coverage_id", coverageId ? nlohmann::json(*coverageId) : nlohmann::json()},
        {"channel", std::string(channelCode(channel))},
        {"key", key},
        {"state", published ? "published" : "started"},
        {"by_hand", byHand},
        {"url", url},
        {"remote_id", remoteId},
        {"actor", actor},
        {"started_at", formatUtc(startedAt)},
        {"published_at", publishedAt ? nlohmann::json(formatUtc(*publishedAt)) : nlohmann::json()}};
}

std::optional<PublicationEntry> PublicationLog::find(const std::string& key) {
    auto st = db_.prepare(
        fmt::format("SELECT {} FROM publication_log WHERE idempotency_key = ?", kColumns));
    st.bindAll(key);
    if (!st.step()) return std::nullopt;
    return readRow(st);
}

PublicationEntry PublicationLog::start(const PublicationEntry& e) {
    db_.prepare(
           "INSERT INTO publication_log (release_id, coverage_id, channel, idempotency_key, "
           "state, by_hand, url, remote_id, actor, started_at) VALUES (?, ?, ?, ?, 'started', "
           "?, ?, ?, ?, ?)")
        .bindAll(e.releaseId, e.coverageId, std::string(channelCode(e.channel)), e.key,
                 e.byHand ? 1 : 0, e.url, e.remoteId, e.actor, formatUtc(e.startedAt))
        .run();
    return *find(e.key);
}

PublicationEntry PublicationLog::finish(std::int64_t id, const std::string& url,
                                        const std::string& remoteId, TimePoint at) {
    db_.prepare(
           "UPDATE publication_log SET state = 'published', url = ?, remote_id = ?, "
           "published_at = ? WHERE id = ?")
        .bindAll(url, remoteId, formatUtc(at), id)
        .run();
    auto st = db_.prepare(fmt::format("SELECT {} FROM publication_log WHERE id = ?", kColumns));
    st.bindAll(id);
    st.step();
    return readRow(st);
}

PublicationEntry PublicationLog::record(const PublicationEntry& e) {
    PublicationEntry s = start(e);
    return finish(s.id, e.url, e.remoteId, e.publishedAt.value_or(e.startedAt));
}

std::vector<PublicationEntry> PublicationLog::query(const char* where, std::int64_t id) {
    auto st = db_.prepare(
        fmt::format("SELECT {} FROM publication_log WHERE {} = ? ORDER BY id", kColumns, where));
    st.bindAll(id);
    std::vector<PublicationEntry> out;
    while (st.step())
        out.push_back(readRow(st));
    return out;
}

std::vector<PublicationEntry> PublicationLog::forRelease(std::int64_t releaseId) {
    return query("release_id", releaseId);
}

std::vector<PublicationEntry> PublicationLog::forCoverage(std::int64_t coverageId) {
    return query("coverage_id", coverageId);
}

}  // namespace ds::publication
