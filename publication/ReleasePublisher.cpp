#include "publication/ReleasePublisher.h"

#include <fmt/format.h>

#include "publication/ArticleHtml.h"
#include "publication/ChannelSettings.h"
#include "publication/ReleaseStore.h"
#include "publication/TextCheck.h"
#include "publication/WordPressClient.h"
#include "studio/Database.h"
#include "studio/Errors.h"
#include "studio/Journal.h"
#include "studio/Transaction.h"

namespace ds::publication {

namespace {

std::string keyFor(std::int64_t releaseId, Channel c) {
    return fmt::format("release:{}:{}", releaseId, channelCode(c));
}

void requireApproved(const Release& r) {
    if (r.state != ReleaseState::Upload && r.state != ReleaseState::Published)
        throw UserError(fmt::format(
            "release {} is in state {}: it goes out after the Kabag's correction (state upload)",
            r.id, stateCode(r.state)));
}

}  // namespace

std::string ReleasePublisher::slugFor(const Station& station, std::int64_t releaseId) {
    std::string code;
    for (char c : station.code)
        code += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return fmt::format("rilis-{}-{}", code.empty() ? "ds" : code, releaseId);
}

PublishOutcome ReleasePublisher::toWordPress(std::int64_t releaseId, const std::string& actor) {
    ReleaseStore store(db_, station_);
    Release r = store.get(releaseId);
    const std::string key = keyFor(releaseId, Channel::Website);
    PublicationLog log(db_);
    if (auto done = log.find(key); done && done->published) return {*done, true, false};
    requireApproved(r);
    if (r.state == ReleaseState::Published)
        throw UserError(fmt::format("release {} was recorded as published by hand", r.id));
    ChannelSettings settings = ChannelSettings::load(db_, station_.id);
    WordPressClient wp(settings.wordpressUrl, settings.wordpressUser,
                       settings.wordpressPasswordFile);
    // The holder of step 5 is the one who uploads; checked before anything leaves.
    {
        auto steps = r.steps;
        if (steps.empty() || steps.back().finishedAt || steps.back().holder != actor)
            throw UserError(fmt::format("release {} is with {}: only they upload it", r.id,
                                        steps.empty() ? "-" : steps.back().holderName));
    }

    PublicationEntry entry;
    if (auto started = log.find(key)) {
        entry = *started;
    } else {
        ds::Transaction tx(db_);
        PublicationEntry e;
        e.releaseId = releaseId;
        e.channel = Channel::Website;
        e.key = key;
        e.remoteId = slugFor(station_, releaseId);
        e.actor = actor;
        e.startedAt = now();
        entry = log.start(e);
        ds::Journal::append(db_, {actor, "release.publish_start",
                                  fmt::format("release:{}", releaseId), nullptr, entry.toJson()});
        tx.commit();
    }
    const std::string slug = slugFor(station_, releaseId);
    wp.checkLogin();
    PublishOutcome out;
    std::optional<WordPressPost> post = wp.findPost(slug);
    if (post) {
        out.adopted = true;
    } else {
        long featured = 0;
        if (!r.content.photos.empty())
            if (const ReleaseFile* f = r.file(r.content.photos.front()))
                featured =
                    wp.uploadMedia(f->path, f->caption.empty() ? r.content.title : f->caption).id;
        std::string clipUrl;
        for (const auto& f : r.files)
            if (f.kind == FileKind::Clip) clipUrl = wp.uploadMedia(f.path, "").sourceUrl;
        post =
            wp.createPost(r.content.title, ArticleHtml::body(r.content, clipUrl), slug, featured);
    }
    TimePoint at = now();
    ds::Transaction tx(db_);
    out.entry = log.finish(entry.id, post->link, std::to_string(post->id), at);
    store.markPublished(releaseId, at, actor);
    ds::Journal::append(db_,
                        {actor, "release.publish_website", fmt::format("release:{}", releaseId),
                         entry.toJson(), out.entry.toJson()});
    tx.commit();
    return out;
}

PublishOutcome ReleasePublisher::byHand(std::int64_t releaseId, Channel channel,
                                        const std::string& url, std::optional<TimePoint> atOpt,
                                        const std::string& actor) {
    ReleaseStore store(db_, station_);
    Release r = store.get(releaseId);
    requireApproved(r);
    std::string link = requireLine(url, "--url", 2000);
    if (link.rfind("http://", 0) != 0 && link.rfind("https://", 0) != 0)
        throw UserError(fmt::format("--url: '{}' is not an http(s) address", link));
    TimePoint at = atOpt.value_or(now());
    if (at > now() + std::chrono::minutes(1))
        throw UserError(fmt::format("--at: {} is in the future", formatUtc(at)));
    if (at < r.createdAt)
        throw UserError(fmt::format("--at: {} is before the release was ordered", formatUtc(at)));
    const std::string key = keyFor(releaseId, channel);
    PublicationLog log(db_);
    if (auto done = log.find(key); done && done->published)
        throw UserError(fmt::format("release {} is already recorded on {} at {}", releaseId,
                                    channelCode(channel), done->url));
    PublicationEntry e;
    e.releaseId = releaseId;
    e.channel = channel;
    e.key = key;
    e.byHand = true;
    e.url = link;
    e.actor = actor;
    e.startedAt = at;
    e.publishedAt = at;
    ds::Transaction tx(db_);
    if (log.find(key))
        throw UserError(
            fmt::format("release {}: a WordPress post is under way; "
                        "run `release publish --wordpress` again",
                        releaseId));
    PublishOutcome out;
    out.entry = log.record(e);
    if (channel == Channel::Website) store.markPublished(releaseId, at, actor);
    ds::Journal::append(db_, {actor, "release.publish_by_hand",
                              fmt::format("release:{}", releaseId), nullptr, out.entry.toJson()});
    tx.commit();
    return out;
}

}  // namespace ds::publication
