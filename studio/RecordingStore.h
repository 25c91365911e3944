#pragma once
// The record of a session's recordings: which file, which device, whether a recorder is alive,
// how far it got, and the markers, gaps and alarms that belong to it. The audio module's
// recorder writes here; every other command reads from here (so a second recorder on the same
// session is refused, and an interrupted recording is noticed on the next start).
//
// A live recorder holds an exclusive lock (flock) on the recording's lock file; a recording in
// state "recording" whose lock can be taken has lost its recorder (killed, crashed, power cut).
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "studio/Recording.h"
#include "studio/Session.h"
#include "studio/Station.h"

namespace ds {

class Database;

class RecordingStore {
  public:
    explicit RecordingStore(Database& db) : db_(db) {}

    // The folder for a session's recordings: <dir>/YYYY-MM-DD_HHMM_<programme-slug>, dir being
    // the station's recordings folder or <data folder>/recordings; local time of the schedule.
    static std::filesystem::path sessionFolder(const Station& station, const Session& session,
                                               const std::string& dataDir);
    // "programme.<ext>", or "programme-2.<ext>" and so on when earlier files exist, or earlier
    // recordings (whose files may since have been moved or deleted) named them.
    std::filesystem::path nextFile(const std::filesystem::path& folder,
                                   const std::string& extension);

    // Registers a recording about to start. Refuses (UserError) while another recorder of the
    // same session is alive; first marks dead ones interrupted.
    Recording begin(const Recording& r, const std::string& actor);
    // Progress once a second: frames on disk now. Not journalled (the close is).
    void heartbeat(std::int64_t id, std::int64_t frames);
    Recording finish(std::int64_t id, std::int64_t frames, const std::string& note,
                     const std::string& actor);
    // Finds recordings whose recorder is gone, marks them interrupted and journals each with the
    // audio it had on disk at its last heartbeat. Returns those it marked.
    std::vector<Recording> noticeInterrupted(const std::string& actor);
    // A recording that never started (no device, no source): its row goes, so no row is left
    // without its file; the journal keeps the start and says why it was withdrawn.
    void withdraw(std::int64_t id, const std::string& reason, const std::string& actor);
    // Recordings still "recording" whose recorder is gone, without marking them (dry runs).
    std::vector<Recording> findInterrupted();
    // For the recovery of the recordings module.
    Recording markRecovered(std::int64_t id, std::int64_t frames, const std::string& note,
                            const std::string& actor);

    void addGap(std::int64_t recordingId, std::int64_t samplePos, TimePoint startedAt,
                Duration length, const std::string& reason, const std::string& actor);
    // Returns the alarm's id; alarmEnded closes it. Both journalled.
    std::int64_t alarmStarted(std::optional<std::int64_t> recordingId, const std::string& kind,
                              const std::string& detail, const std::string& actor);
    void alarmEnded(std::int64_t alarmId, const std::string& actor);

    Recording get(std::int64_t id);
    std::vector<Recording> list(std::optional<std::int64_t> sessionId);
    // The session's recording whose recorder is alive now, if any.
    std::optional<Recording> active(std::int64_t sessionId);
    static bool recorderAlive(const Recording& r);

    // Adds a marker at `at` to the session; its sample position is taken from the active
    // recording's last heartbeat (frames + elapsed time x rate). Call inside the transaction of
    // the action it marks. Journalled.
    Marker addMarker(std::int64_t sessionId, const std::string& kind, const std::string& label,
                     TimePoint at, std::optional<std::int64_t> segmentId,
                     std::optional<std::int64_t> questionId, const std::string& actor);
    std::vector<Marker> markers(std::int64_t sessionId,
                                std::optional<std::int64_t> recordingId = {});

  private:
    Database& db_;
};

}  // namespace ds
