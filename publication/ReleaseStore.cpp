#include "publication/ReleaseStore.h"

#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "publication/FileDigest.h"
#include "publication/OfficerStore.h"
#include "publication/ReleaseDraft.h"
#include "publication/StepLog.h"
#include "publication/TextCheck.h"
#include "studio/Database.h"
#include "studio/Errors.h"
#include "studio/Journal.h"
#include "studio/SessionStore.h"
#include "studio/Statement.h"
#include "studio/Transaction.h"

namespace ds::publication {

namespace {

constexpr std::size_t kMaxPhotoBytes = 50u << 20;

TimePoint timeOf(const std::string& text) {
    auto t = parseUtc(text);
    if (!t) throw std::runtime_error("bad time in releases: " + text);
    return *t;
}

std::string subject(std::int64_t id) {
    return fmt::format("release:{}", id);
}

// JPEG or PNG by their signatures: the website and social platforms take those.
void requireImage(const std::filesystem::path& p) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(p, ec))
        throw UserError(fmt::format("--photo: {} is not a file", p.string()));
    auto size = std::filesystem::file_size(p, ec);
    if (ec || size == 0) throw UserError(fmt::format("--photo: {} is empty", p.string()));
    if (size > kMaxPhotoBytes)
        throw UserError(fmt::format("--photo: {} is larger than 50 MB", p.string()));
    std::ifstream in(p, std::ios::binary);
    unsigned char b[8]{};
    in.read(reinterpret_cast<char*>(b), 8);
    bool jpeg = b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF;
    bool png = b[0] == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    if (!jpeg && !png)
        throw UserError(fmt::format("--photo: {} is neither a JPEG nor a PNG image", p.string()));
}

ReleaseFile insertFile(ds::Database& db, std::int64_t releaseId, FileKind kind,
                       const std::string& path, const std::string& caption,
                       const std::string& actor) {
    std::filesystem::path abs = std::filesystem::absolute(path);
    ReleaseFile f;
    f.kind = kind;
    f.path = abs.string();
    f.sha256 = sha256File(abs);
    f.bytes = static_cast<std::int64_t>(std::filesystem::file_size(abs));
    f.caption = caption;
    f.addedAt = now();
    f.addedBy = actor;
    db.prepare(
          "INSERT INTO release_files (release_id, kind, path, sha256, bytes, caption, added_at, "
          "added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bindAll(releaseId, std::string(fileKindCode(kind)), f.path, f.sha256, f.bytes, caption,
                 formatUtc(f.addedAt), actor)
        .run();
    f.id = db.lastInsertId();
    return f;
}

void insertVersion(ds::Database& db, std::int64_t releaseId, int version, int step,
                   const ReleaseContent& c, const std::string& actor, TimePoint at,
                   const std::string& note) {
    db.prepare(
          "INSERT INTO release_versions (release_id, version, step, content, actor, at, note) "
          "VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bindAll(releaseId, version, step, c.toJson().dump(), actor, formatUtc(at), note)
        .run();
}

void checkContent(const ReleaseContent& c) {
    requireLine(c.title, "--title", 200);
    checkText(c.lead, "--lead", 4000);
    for (const auto& m : c.messages)
        checkText(m, "--message", 4000);
    checkText(c.closing, "--closing", 4000);
    if (!c.clip.empty()) {
        auto colon = c.clip.find(':');
        std::string kind = c.clip.substr(0, colon);
        bool digits = colon != std::string::npos && colon + 1 < c.clip.size() &&
                      c.clip.find_first_not_of("0123456789", colon + 1) == std::string::npos;
        if ((kind != "question" && kind != "segment") || !digits)
            throw UserError(fmt::format("--clip: '{}' is not segment:N or question:N", c.clip));
    }
}

}  // namespace

TimePoint ReleaseStore::when(std::optional<TimePoint> at) const {
    return at.value_or(now());
}

Release ReleaseStore::draft(std::int64_t sessionId, const std::string& staffLogin,
                            const std::string& actor, std::optional<TimePoint> atOpt) {
    Session s = SessionStore(db_).get(sessionId);
    if (s.status != "ended" && s.status != "signed")
        throw UserError(fmt::format(
            "session {} has not ended (status {}): a release is drafted after the programme",
            sessionId, s.status));
    if (auto existing = forSession(sessionId))
        throw UserError(fmt::format("session {} already has release {}", sessionId, *existing));
    OfficerStore officers(db_, station_.id);
    OfficeOfficer kasubbag = officers.require(OfficeRole::Kasubbag, actor);
    OfficeOfficer staff = officers.pick(OfficeRole::Staff, staffLogin, "--staff");
    TimePoint ended = s.endedAt.value_or(s.scheduledStart + s.plannedLength);
    TimePoint at = when(atOpt);
    if (at < ended)
        throw UserError(fmt::format("--at: {} is before the session ended ({})", formatUtc(at),
                                    formatUtc(ended)));
    if (at > now() + std::chrono::minutes(1))
        throw UserError(fmt::format("--at: {} is in the future", formatUtc(at)));

    ReleaseContent content = ReleaseDraft::fromSession(db_, station_, s, at);
    ds::Transaction tx(db_);
    db_.prepare(
           "INSERT INTO releases (station_id, session_id, state, version, staff, created_at, "
           "created_by) VALUES (?, ?, 'drafting', 1, ?, ?, ?)")
        .bindAll(station_.id, sessionId, staff.login, formatUtc(at), actor)
        .run();
    std::int64_t id = db_.lastInsertId();
    insertVersion(db_, id, 1, static_cast<int>(ReleaseStep::Order), content, actor, at,
                  "draft awal dari catatan sesi");
    StepLog steps(db_);
    StepRecord order =
        steps.open(Sop::Release, id, static_cast<int>(ReleaseStep::Order), OfficeRole::Kasubbag,
                   kasubbag.login, kasubbag.displayName(), ended);
    steps.close(order, at, StepOutcome::Passed, actor, "", 1);
    steps.open(Sop::Release, id, static_cast<int>(ReleaseStep::Draft), OfficeRole::Staff,
               staff.login, staff.displayName(), at);
    Release r = read(id);
    ds::Journal::append(db_, {actor, "release.draft", subject(id), nullptr, r.toJson(now())});
    tx.commit();
    return r;
}

std::optional<std::int64_t> ReleaseStore::forSession(std::int64_t sessionId) {
    auto st = db_.prepare("SELECT id FROM releases WHERE session_id = ?");
    st.bindAll(sessionId);
    if (!st.step()) return std::nullopt;
    return st.getInt(0);
}

Release ReleaseStore::get(std::int64_t id) {
    return read(id);
}

std::vector<Release> ReleaseStore::list() {
    std::vector<std::int64_t> ids;
    auto st = db_.prepare("SELECT id FROM releases WHERE station_id = ? ORDER BY id");
    st.bindAll(station_.id);
    while (st.step())
        ids.push_back(st.getInt(0));
    std::vector<Release> out;
    for (auto id : ids)
        out.push_back(read(id));
    return out;
}

Release ReleaseStore::read(std::int64_t id) {
    auto st = db_.prepare(
        "SELECT r.id, r.station_id, r.session_id, r.state, r.version, r.staff, r.created_at, "
        "r.created_by, r.published_at, v.content FROM releases r JOIN release_versions v ON "
        "v.release_id = r.id AND v.version = r.version WHERE r.id = ?");
    st.bindAll(id);
    if (!st.step()) throw NotFoundError(fmt::format("no release {}", id));
    Release r;
    r.id = st.getInt(0);
    r.stationId = st.getInt(1);
    r.sessionId = st.getInt(2);
    r.state = parseState(st.getText(3)).value_or(ReleaseState::Drafting);
    r.version = static_cast<int>(st.getInt(4));
    r.staff = st.getText(5);
    r.createdAt = timeOf(st.getText(6));
    r.createdBy = st.getText(7);
    if (auto p = st.getOptText(8)) r.publishedAt = timeOf(*p);
    r.content = ReleaseContent::fromJson(nlohmann::json::parse(st.getText(9)));
    auto fs = db_.prepare(
        "SELECT id, kind, path, sha256, bytes, caption, added_at, added_by FROM release_files "
        "WHERE release_id = ? ORDER BY id");
    fs.bindAll(id);
    while (fs.step()) {
        ReleaseFile f;
        f.id = fs.getInt(0);
        f.kind = parseFileKind(fs.getText(1)).value_or(FileKind::Document);
        f.path = fs.getText(2);
        f.sha256 = fs.getText(3);
        f.bytes = fs.getInt(4);
        f.caption = fs.getText(5);
        f.addedAt = timeOf(fs.getText(6));
        f.addedBy = fs.getText(7);
        r.files.push_back(f);
    }
    r.steps = StepLog(db_).list(Sop::Release, id);
    return r;
}

StepRecord ReleaseStore::requireHolder(const Release& r, const std::string& actor) {
    if (r.state == ReleaseState::Published)
        throw UserError(fmt::format("release {} is already published", r.id));
    auto cur = StepLog(db_).current(Sop::Release, r.id);
    if (!cur) throw UserError(fmt::format("release {} has no open step", r.id));
    if (cur->holder != actor)
        throw UserError(fmt::format(
            "release {} is with {} ({}, step {}): only they may act on it now, not '{}'", r.id,
            cur->holderName, roleCode(cur->role), cur->step, actor));
    return *cur;
}

void ReleaseStore::saveState(const Release& r) {
    db_.prepare("UPDATE releases SET state = ?, version = ?, published_at = ? WHERE id = ?")
        .bindAll(
            std::string(stateCode(r.state)), r.version,
            r.publishedAt ? std::optional<std::string>(formatUtc(*r.publishedAt)) : std::nullopt,
            r.id)
        .run();
}

Release ReleaseStore::edit(std::int64_t id, ReleaseContent content,
                           const std::vector<NewPhoto>& photos, const std::string& note,
                           const std::string& actor) {
    Release before = read(id);
    StepRecord cur = requireHolder(before, actor);
    checkContent(content);
    std::string checkedNote = checkText(note, "--note", 2000);
    std::vector<std::string> captions;
    for (const auto& p : photos) {
        requireImage(p.path);
        captions.push_back(optionalLine(p.caption, "--caption", 300));
    }
    ds::Transaction tx(db_);
    for (std::size_t i = 0; i < photos.size(); ++i)
        content.photos.push_back(
            insertFile(db_, id, FileKind::Photo, photos[i].path, captions[i], actor).id);
    for (auto pid : content.photos) {
        auto st = db_.prepare(
            "SELECT COUNT(*) FROM release_files WHERE id = ? AND release_id = ? AND kind = "
            "'photo'");
        st.bindAll(pid, id);
        st.step();
        if (st.getInt(0) == 0)
            throw UserError(fmt::format("photo {} is not a photo of release {}", pid, id));
    }
    Release after = before;
    after.version = before.version + 1;
    insertVersion(db_, id, after.version, cur.step, content, actor, now(), checkedNote);
    saveState(after);
    Release r = read(id);
    ds::Journal::append(db_, {actor,
                              "release.edit",
                              subject(id),
                              {{"version", before.version}, {"content", before.content.toJson()}},
                              {{"version", r.version}, {"content", r.content.toJson()}}});
    tx.commit();
    return r;
}

ReleaseFile ReleaseStore::addFile(std::int64_t id, FileKind kind, const std::string& path,
                                  const std::string& caption, const std::string& actor) {
    read(id);
    ds::Transaction tx(db_);
    ReleaseFile f = insertFile(db_, id, kind, path, caption, actor);
    ds::Journal::append(db_, {actor, "release.file", subject(id), nullptr, f.toJson()});
    tx.commit();
    return f;
}

Release ReleaseStore::pass(std::int64_t id, const std::string& toLogin, const std::string& note,
                           const std::string& actor, std::optional<TimePoint> atOpt) {
    Release before = read(id);
    StepRecord cur = requireHolder(before, actor);
    std::string checkedNote = checkText(note, "--note", 2000);
    TimePoint at = when(atOpt);
    OfficerStore officers(db_, station_.id);
    StepLog steps(db_);
    ReleaseStep next;
    OfficeOfficer holder;
    switch (before.state) {
        case ReleaseState::Drafting:
            next = ReleaseStep::KasubbagCorrect;
            holder = officers.require(OfficeRole::Kasubbag, before.createdBy);
            break;
        case ReleaseState::KasubbagReview:
            next = ReleaseStep::KabagCorrect;
            holder = officers.pick(OfficeRole::Kabag, toLogin, "--to");
            break;
        case ReleaseState::KabagReview: {
            next = ReleaseStep::Upload;
            std::string kasubbag = before.createdBy;
            for (const auto& s : before.steps)
                if (s.step == static_cast<int>(ReleaseStep::KasubbagCorrect)) kasubbag = s.holder;
            holder = officers.require(OfficeRole::Kasubbag, kasubbag);
            break;
        }
        default:
            throw UserError(fmt::format(
                "release {} is ready to upload: record the website post with `release publish`",
                id));
    }
    ds::Transaction tx(db_);
    steps.close(cur, at, StepOutcome::Passed, actor, checkedNote, before.version);
    steps.open(Sop::Release, id, static_cast<int>(next), holder.role, holder.login,
               holder.displayName(), at);
    Release after = before;
    after.state = stateAt(next);
    saveState(after);
    Release r = read(id);
    ds::Journal::append(db_, {actor,
                              "release.pass",
                              subject(id),
                              {{"state", stateCode(before.state)}, {"step", cur.step}},
                              {{"state", stateCode(r.state)},
                               {"step", static_cast<int>(next)},
                               {"holder", holder.login},
                               {"version", r.version},
                               {"note", checkedNote}}});
    tx.commit();
    return r;
}

Release ReleaseStore::sendBack(std::int64_t id, const std::string& note, const std::string& actor,
                               std::optional<TimePoint> atOpt) {
    Release before = read(id);
    StepRecord cur = requireHolder(before, actor);
    std::string checkedNote = requireLine(note, "--note", 2000);
    TimePoint at = when(atOpt);
    OfficerStore officers(db_, station_.id);
    ReleaseStep back;
    OfficeOfficer holder;
    if (before.state == ReleaseState::KasubbagReview) {
        back = ReleaseStep::Draft;
        holder = officers.require(OfficeRole::Staff, before.staff);
    } else if (before.state == ReleaseState::KabagReview) {
        back = ReleaseStep::KasubbagCorrect;
        std::string kasubbag = before.createdBy;
        for (const auto& s : before.steps)
            if (s.step == static_cast<int>(ReleaseStep::KasubbagCorrect)) kasubbag = s.holder;
        holder = officers.require(OfficeRole::Kasubbag, kasubbag);
    } else {
        throw UserError(fmt::format(
            "release {} is in state {}: only the Kasubbag's and the Kabag's corrections (steps "
            "3 and 4) send a draft back",
            id, stateCode(before.state)));
    }
    StepLog steps(db_);
    ds::Transaction tx(db_);
    steps.close(cur, at, StepOutcome::Returned, actor, checkedNote, before.version);
    steps.open(Sop::Release, id, static_cast<int>(back), holder.role, holder.login,
               holder.displayName(), at);
    Release after = before;
    after.state = stateAt(back);
    saveState(after);
    Release r = read(id);
    ds::Journal::append(db_, {actor,
                              "release.return",
                              subject(id),
                              {{"state", stateCode(before.state)}, {"step", cur.step}},
                              {{"state", stateCode(r.state)},
                               {"step", static_cast<int>(back)},
                               {"holder", holder.login},
                               {"note", checkedNote}}});
    tx.commit();
    return r;
}

Release ReleaseStore::markPublished(std::int64_t id, TimePoint at, const std::string& actor) {
    Release before = read(id);
    if (before.state != ReleaseState::Upload)
        throw UserError(fmt::format(
            "release {} is in state {}: it is published after the Kabag's correction (state "
            "upload)",
            id, stateCode(before.state)));
    StepRecord cur = requireHolder(before, actor);
    StepLog steps(db_);
    ds::Transaction tx(db_);
    steps.close(cur, at, StepOutcome::Passed, actor, "", before.version);
    Release after = before;
    after.state = ReleaseState::Published;
    after.publishedAt = at;
    saveState(after);
    Release r = read(id);
    ds::Journal::append(db_, {actor,
                              "release.publish",
                              subject(id),
                              {{"state", stateCode(before.state)}},
                              {{"state", "published"}, {"published_at", formatUtc(at)}}});
    tx.commit();
    return r;
}

std::vector<ReleaseVersion> ReleaseStore::versions(std::int64_t id) {
    read(id);
    auto st = db_.prepare(
        "SELECT version, step, actor, at, note, content FROM release_versions WHERE release_id = "
        "? ORDER BY version");
    st.bindAll(id);
    std::vector<ReleaseVersion> out;
    while (st.step()) {
        ReleaseVersion v;
        v.version = static_cast<int>(st.getInt(0));
        v.step = static_cast<int>(st.getInt(1));
        v.actor = st.getText(2);
        v.at = timeOf(st.getText(3));
        v.note = st.getText(4);
        v.content = ReleaseContent::fromJson(nlohmann::json::parse(st.getText(5)));
        out.push_back(v);
    }
    return out;
}

}  // namespace ds::publication
