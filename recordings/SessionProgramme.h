#pragma once
// SessionProgramme: a session's programme audio as the record describes it, turned into what an
// export needs: the recording files in order (closed or recovered ones; after an interruption
// the programme continues in the next file), the markers placed on the programme's time line,
// chapters, the frames of a clip, and the metadata (title, programme, station, date, guests).
//
// Markers are the session's segment starts ("Pembukaan", "Tanya jawab"), questions put on air
// ("Pertanyaan 3: SKCK") and manual ones, each with its sample position in its recording. A
// marker past the end of its recording's audio (the recorder died before it, and the position
// was estimated from the last heartbeat) is left out of the chapters with a warning; a clip that
// needs one is refused with a clear error.
//
// Threads: the thread that owns the database connection. Reads the files' headers.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "recordings/ClipSpec.h"
#include "recordings/ExportPlan.h"
#include "studio/Recording.h"
#include "studio/Session.h"
#include "studio/Station.h"

namespace ds {
class Database;
}

namespace ds::recordings {

struct ProgrammeMarker {
    Marker marker;
    std::int64_t frame = 0;  // on the programme's time line (the files joined)
    bool pastEnd = false;    // after the last audio of its recording
    int questionNumber = 0;  // "Pertanyaan N", for question markers
    int segmentNumber = 0;   // 1-based rundown position, for segment markers
};

struct ClipRange {
    std::int64_t startFrame = 0;  // with the in/out moves
    std::int64_t endFrame = 0;
    std::int64_t markerStart = 0;  // as the markers place it
    std::int64_t markerEnd = 0;
    std::string title;
    std::vector<std::string> warnings;
};

class SessionProgramme {
  public:
    // recordingId: only that recording (it must belong to the session). Throws UserError when
    // there is no finished recording to export.
    SessionProgramme(Database& db, std::int64_t sessionId,
                     std::optional<std::int64_t> recordingId = std::nullopt);

    const Session& session() const { return session_; }
    const Station& station() const { return station_; }
    const std::vector<Recording>& recordings() const { return recordings_; }
    std::vector<std::filesystem::path> files() const;
    int sampleRate() const { return rate_; }
    std::int64_t frames() const { return total_; }
    const std::vector<ProgrammeMarker>& markers() const { return markers_; }
    // Recordings of the session left out (being recorded, or still interrupted).
    const std::vector<std::string>& notes() const { return notes_; }

    // One chapter per marker, to the next marker (the last to the end).
    std::vector<Chapter> chapters(std::vector<std::string>& warnings) const;
    // The frames of a clip, its in/out moves applied. Throws UserError (no such segment or
    // question, its marker past the end of the audio, an empty clip).
    ClipRange clip(const ClipSpec& spec) const;
    // The tags for an export titled `title`.
    std::vector<std::pair<std::string, std::string>> metadata(const std::string& title) const;
    // Where exports go by default: beside the recording.
    std::filesystem::path folder() const;
    // "12:03.5" on the programme's time line.
    std::string clock(std::int64_t frame) const;

  private:
    Session session_;
    Station station_;
    std::vector<Recording> recordings_;
    std::vector<std::int64_t> partFrames_;
    std::vector<ProgrammeMarker> markers_;
    std::vector<std::string> notes_;
    int rate_ = 0;
    std::int64_t total_ = 0;
};

}  // namespace ds::recordings
