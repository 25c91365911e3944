#pragma once
// Archive: what each recording on disk holds, for `dialogstudio recordings list|show` and the
// control room: the file's container and sample format, duration, size, loudness (measured
// once, LoudnessCache) and the markers placed in it. A missing or unreadable file is reported
// as such, not as an error: the archive shows every recording the record knows of.
//
// Threads: the thread that owns the database connection (measuring reads the whole file).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "recordings/LoudnessFigures.h"
#include "studio/Recording.h"

namespace ds {
class Database;
}

namespace ds::recordings {

struct RecordingInfo {
    Recording recording;
    bool exists = false;
    bool live = false;  // a recorder is writing it now
    std::uintmax_t bytes = 0;
    std::string container;  // WAV, RF64, FLAC
    std::string encoding;   // "PCM 24-bit"
    int sampleRate = 0;
    int channels = 0;
    std::int64_t frames = 0;
    double seconds = 0.0;
    std::optional<LoudnessFigures> loudness;
    std::string problem;  // why the file cannot be read, if it cannot
    std::vector<Marker> markers;

    nlohmann::json toJson() const;
};

class Archive {
  public:
    explicit Archive(Database& db) : db_(db) {}

    // measure: measure loudness not yet cached (else only cached figures are shown).
    std::vector<RecordingInfo> list(std::optional<std::int64_t> sessionId, bool measure);
    RecordingInfo show(std::int64_t recordingId);

  private:
    RecordingInfo inspect(const Recording& r, bool measure);

    Database& db_;
};

}  // namespace ds::recordings
