#include "studio/RecordingStore.h"

#include "studio/PersonalDataPolicy.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <fmt/format.h>

#include "posix/UniqueFd.h"
#include "studio/Database.h"
#include "studio/Errors.h"
#include "studio/Journal.h"
#include "studio/Statement.h"
#include "studio/TextRules.h"
#include "studio/Transaction.h"

namespace ds {

namespace {

constexpr const char* kSelect =
    "SELECT id, session_id, path, format, sample_rate, channels, device, state, pid, host, "
    "started_at, ended_at, frames, heartbeat_at, note FROM recordings ";

Recording read(Statement& st) {
    Recording r;
    r.id = st.getInt(0);
    r.sessionId = st.getInt(1);
    r.path = st.getText(2);
    r.format = st.getText(3);
    r.sampleRate = static_cast<int>(st.getInt(4));
    r.channels = static_cast<int>(st.getInt(5));
    r.device = st.getText(6);
    r.state = st.getText(7);
    r.pid = st.getOptInt(8);
    r.host = st.getText(9);
    r.startedAt = parseUtc(st.getText(10)).value_or(TimePoint{});
    if (auto e = st.getOptText(11)) r.endedAt = parseUtc(*e);
    r.frames = st.getInt(12);
    if (auto h = st.getOptText(13)) r.heartbeatAt = parseUtc(*h);
    r.note = st.getText(14);
    return r;
}

std::string subject(std::int64_t id) {
    return fmt::format("recording:{}", id);
}

// "Dialog Interaktif Kamtibmas" -> "dialog-interaktif-kamtibmas": safe in any file system.
std::string slug(const std::string& title) {
    std::string out;
    for (unsigned char c : title) {
        if (std::isalnum(c) && c < 0x80) {
            out += static_cast<char>(std::tolower(c));
        } else if (!out.empty() && out.back() != '-') {
            out += '-';
        }
    }
    while (!out.empty() && out.back() == '-')
        out.pop_back();
    if (out.size() > 40) out.resize(40);
    return out.empty() ? "sesi" : out;
}

}  // namespace

std::filesystem::path RecordingStore::sessionFolder(const Station& station, const Session& session,
                                                    const std::string& dataDir) {
    std::filesystem::path base = station.recordingsDir.empty()
                                     ? std::filesystem::path(dataDir) / "recordings"
                                     : std::filesystem::path(station.recordingsDir);
    return base /
           fmt::format("{}_{}",
                       formatLocal(session.scheduledStart, station.timeZone, "%Y-%m-%d_%H%M"),
                       slug(session.programmeTitle));
}

std::filesystem::path RecordingStore::nextFile(const std::filesystem::path& folder,
                                               const std::string& extension) {
    auto known = [&](const std::filesystem::path& p) {
        std::error_code ec;
        if (std::filesystem::exists(std::filesystem::symlink_status(p, ec))) return true;
        Statement st = db_.prepare("SELECT 1 FROM recordings WHERE path = ?");
        st.bind(1, p.string());
        return st.step();
    };
    std::filesystem::path p = folder / ("programme." + extension);
    for (int n = 2; known(p); ++n) {
        p = folder / fmt::format("programme-{}.{}", n, extension);
    }
    return p;
}

std::vector<Recording> RecordingStore::findInterrupted() {
    std::vector<Recording> out;
    Statement st = db_.prepare(std::string(kSelect) + "WHERE state = 'recording'");
    while (st.step()) {
        Recording r = read(st);
        if (!recorderAlive(r)) out.push_back(r);
    }
    return out;
}

void RecordingStore::withdraw(std::int64_t id, const std::string& reason,
                              const std::string& actor) {
    Transaction tx(db_);
    Recording before = get(id);
    db_.prepare("UPDATE markers SET recording_id = NULL WHERE recording_id = ?").bind(1, id).run();
    db_.prepare("DELETE FROM recording_gaps WHERE recording_id = ?").bind(1, id).run();
    db_.prepare("UPDATE alarms SET recording_id = NULL WHERE recording_id = ?").bind(1, id).run();
    db_.prepare("DELETE FROM recordings WHERE id = ?").bind(1, id).run();
    Journal::append(
        db_, {actor, "recording.withdraw", subject(id), before.toJson(), {{"reason", reason}}});
    tx.commit();
}

bool RecordingStore::recorderAlive(const Recording& r) {
    // Closing the descriptor on return releases the lock if we took it.
    const posix::UniqueFd fd(::open(r.lockPath().c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd) return false;
    return ::flock(fd.get(), LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK;
}

std::vector<Recording> RecordingStore::noticeInterrupted(const std::string& actor) {
    std::vector<Recording> candidates;
    {
        Statement st = db_.prepare(std::string(kSelect) + "WHERE state = 'recording'");
        while (st.step())
            candidates.push_back(read(st));
    }
    std::vector<Recording> marked;
    for (Recording& r : candidates) {
        if (recorderAlive(r)) continue;
        Transaction tx(db_);
        db_.prepare(
               "UPDATE recordings SET state = 'interrupted' WHERE id = ? AND state = 'recording'")
            .bind(1, r.id)
            .run();
        if (db_.changes() == 0) continue;  // someone else noticed it first
        Recording after = get(r.id);
        Journal::append(db_, {actor,
                              "recording.interrupted",
                              subject(r.id),
                              r.toJson(),
                              {{"state", "interrupted"},
                               {"seconds_on_disk_at_last_heartbeat", after.toJson()["seconds"]},
                               {"last_heartbeat", after.toJson()["heartbeat_at"]}}});
        tx.commit();
        marked.push_back(after);
    }
    return marked;
}

Recording RecordingStore::begin(const Recording& in, const std::string& actor) {
    requireText(in.path, "path", kMaxNoteBytes, true);
    requireText(in.device, "device", kMaxNoteBytes, false);
    noticeInterrupted(actor);
    Transaction tx(db_);
    if (auto live = active(in.sessionId)) {
        throw UserError(fmt::format(
            "session {} is already being recorded (recording {}, process {}, file {}); stop that "
            "recorder first",
            in.sessionId, live->id, live->pid.value_or(0), live->path));
    }
    {
        Statement used = db_.prepare("SELECT id FROM recordings WHERE path = ?");
        used.bind(1, in.path);
        if (used.step()) {
            throw UserError(fmt::format(
                "the file name {} is already taken by recording {} (its file may have been moved "
                "or deleted); record again and a new name is chosen",
                in.path, used.getInt(0)));
        }
    }
    char host[256] = {};
    ::gethostname(host, sizeof host - 1);
    db_.prepare(
           "INSERT INTO recordings (session_id, path, format, sample_rate, channels, device, "
           "state, pid, host, started_at) VALUES (?, ?, ?, ?, ?, ?, 'recording', ?, ?, ?)")
        .bindAll(in.sessionId, in.path, in.format, in.sampleRate, in.channels, in.device,
                 static_cast<std::int64_t>(::getpid()), std::string(host),
                 formatUtc(in.startedAt == TimePoint{} ? now() : in.startedAt))
        .run();
    Recording r = get(db_.lastInsertId());
    Journal::append(db_, {actor, "recording.start", subject(r.id), nullptr, r.toJson()});
    tx.commit();
    return r;
}

void RecordingStore::heartbeat(std::int64_t id, std::int64_t frames) {
    db_.prepare("UPDATE recordings SET frames = ?, heartbeat_at = ? WHERE id = ?")
        .bindAll(frames, formatUtc(now()), id)
        .run();
}

Recording RecordingStore::finish(std::int64_t id, std::int64_t frames, const std::string& note,
                                 const std::string& actor) {
    Transaction tx(db_);
    Recording before = get(id);
    db_.prepare(
           "UPDATE recordings SET state = 'closed', frames = ?, ended_at = ?, heartbeat_at = ?, "
           "note = ? WHERE id = ?")
        .bindAll(frames, formatUtc(now()), formatUtc(now()), note, id)
        .run();
    Recording after = get(id);
    Journal::append(db_, {actor, "recording.stop", subject(id), before.toJson(), after.toJson()});
    tx.commit();
    return after;
}

Recording RecordingStore::markRecovered(std::int64_t id, std::int64_t frames,
                                        const std::string& note, const std::string& actor) {
    Transaction tx(db_);
    Recording before = get(id);
    db_.prepare("UPDATE recordings SET state = 'recovered', frames = ?, note = ? WHERE id = ?")
        .bindAll(frames, note, id)
        .run();
    Recording after = get(id);
    Journal::append(db_,
                    {actor, "recording.recovered", subject(id), before.toJson(), after.toJson()});
    tx.commit();
    return after;
}

void RecordingStore::addGap(std::int64_t recordingId, std::int64_t samplePos, TimePoint startedAt,
                            Duration length, const std::string& reason, const std::string& actor) {
    Transaction tx(db_);
    db_.prepare(
           "INSERT INTO recording_gaps (recording_id, sample_pos, started_at, length_ms, reason) "
           "VALUES (?, ?, ?, ?, ?)")
        .bindAll(recordingId, samplePos, formatUtc(startedAt),
                 static_cast<std::int64_t>(length.count()), reason)
        .run();
    Journal::append(db_, {actor,
                          "recording.gap",
                          subject(recordingId),
                          nullptr,
                          {{"sample_pos", samplePos},
                           {"started_at", formatUtc(startedAt)},
                           {"length_ms", length.count()},
                           {"reason", reason}}});
    tx.commit();
}

std::int64_t RecordingStore::alarmStarted(std::optional<std::int64_t> recordingId,
                                          const std::string& kind, const std::string& detail,
                                          const std::string& actor) {
    Transaction tx(db_);
    db_.prepare("INSERT INTO alarms (recording_id, kind, started_at, detail) VALUES (?, ?, ?, ?)")
        .bindAll(recordingId, kind, formatUtc(now()), detail)
        .run();
    std::int64_t id = db_.lastInsertId();
    Journal::append(
        db_,
        {actor,
         "alarm.start",
         fmt::format("alarm:{}", id),
         nullptr,
         {{"kind", kind},
          {"detail", detail},
          {"recording_id", recordingId ? nlohmann::json(*recordingId) : nlohmann::json(nullptr)}}});
    tx.commit();
    return id;
}

void RecordingStore::alarmEnded(std::int64_t alarmId, const std::string& actor) {
    Transaction tx(db_);
    db_.prepare("UPDATE alarms SET ended_at = ? WHERE id = ? AND ended_at IS NULL")
        .bindAll(formatUtc(now()), alarmId)
        .run();
    Journal::append(db_, {actor,
                          "alarm.end",
                          fmt::format("alarm:{}", alarmId),
                          nullptr,
                          {{"ended_at", formatUtc(now())}}});
    tx.commit();
}

Recording RecordingStore::get(std::int64_t id) {
    Statement st = db_.prepare(std::string(kSelect) + "WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) throw NotFoundError(fmt::format("no recording with id {}", id));
    return read(st);
}

std::vector<Recording> RecordingStore::list(std::optional<std::int64_t> sessionId) {
    Statement st = db_.prepare(std::string(kSelect) +
                               (sessionId ? "WHERE session_id = ? ORDER BY id" : "ORDER BY id"));
    if (sessionId) st.bind(1, *sessionId);
    std::vector<Recording> out;
    while (st.step())
        out.push_back(read(st));
    return out;
}

std::optional<Recording> RecordingStore::active(std::int64_t sessionId) {
    Statement st = db_.prepare(std::string(kSelect) +
                               "WHERE session_id = ? AND state = 'recording' ORDER BY id DESC");
    st.bind(1, sessionId);
    while (st.step()) {
        Recording r = read(st);
        if (recorderAlive(r)) return r;
    }
    return std::nullopt;
}

Marker RecordingStore::addMarker(std::int64_t sessionId, const std::string& kind,
                                 const std::string& label, TimePoint at,
                                 std::optional<std::int64_t> segmentId,
                                 std::optional<std::int64_t> questionId, const std::string& actor) {
    requireText(label, "label", kMaxNameBytes, true);
    // A marker becomes a cue label and a chapter title in files that are published.
    const std::string shown = PersonalDataPolicy::publicLabel(label);
    Transaction tx(db_);
    std::optional<std::int64_t> recordingId, pos;
    if (auto r = active(sessionId)) {
        recordingId = r->id;
        TimePoint base = r->heartbeatAt.value_or(r->startedAt);
        std::int64_t frames = r->heartbeatAt ? r->frames : 0;
        pos = std::max<std::int64_t>(0, frames + (at - base).count() * r->sampleRate / 1000);
    }
    db_.prepare(
           "INSERT INTO markers (session_id, recording_id, kind, label, sample_pos, at, "
           "segment_id, "
           "question_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bindAll(sessionId, recordingId, kind, shown, pos, formatUtc(at), segmentId, questionId)
        .run();
    Marker m = markers(sessionId).back();
    Journal::append(db_,
                    {actor, "marker.add", fmt::format("marker:{}", m.id), nullptr, m.toJson()});
    tx.commit();
    return m;
}

std::vector<Marker> RecordingStore::markers(std::int64_t sessionId,
                                            std::optional<std::int64_t> recordingId) {
    Statement st = db_.prepare(
        std::string("SELECT id, session_id, recording_id, kind, label, sample_pos, at, segment_id, "
                    "question_id FROM markers WHERE session_id = ?1") +
        (recordingId ? " AND recording_id = ?2" : "") + " ORDER BY id");
    st.bind(1, sessionId);
    if (recordingId) st.bind(2, *recordingId);
    std::vector<Marker> out;
    while (st.step()) {
        Marker m;
        m.id = st.getInt(0);
        m.sessionId = st.getInt(1);
        m.recordingId = st.getOptInt(2);
        m.kind = st.getText(3);
        m.label = st.getText(4);
        m.samplePos = st.getOptInt(5);
        m.at = parseUtc(st.getText(6)).value_or(TimePoint{});
        m.segmentId = st.getOptInt(7);
        m.questionId = st.getOptInt(8);
        out.push_back(std::move(m));
    }
    return out;
}

}  // namespace ds
