#pragma once
// WaveChunks: reads and extends the chunk structure of RIFF/WAVE and RF64 files.
//
// Why: libsndfile 1.2 writes 'cue ' only into a plain WAV header and only when the cue points
// are set before the first sample (SFC_SET_CUE), it never writes 'labl' names, and it writes
// no cue points at all into RF64. Markers arrive during a live programme, so the recorder
// appends 'cue ' and 'LIST'/'adtl'/'labl' after the audio when it closes the file, and fixes
// the RIFF (or ds64) size. The readers are used by tests and by recovery of interrupted files.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ds::audio {

struct CuePoint {
    std::uint32_t id = 0;
    std::uint64_t frame = 0;  // sample frame from the start of the audio
    std::string label;        // UTF-8
};

struct BextFields {
    std::string description;
    std::string originator;
    std::string originatorReference;
    std::string originationDate;      // yyyy-mm-dd
    std::string originationTime;      // hh:mm:ss
    std::uint64_t timeReference = 0;  // samples since midnight
    std::uint16_t version = 0;
    std::string codingHistory;
};

class WaveChunks {
  public:
    struct Chunk {
        std::string id;            // four characters
        std::uint64_t offset = 0;  // of the payload, from the start of the file
        std::uint64_t size = 0;    // payload bytes (for RF64 'data', the ds64 size)
    };

    // The top-level chunks of a RIFF/WAVE or RF64 file. Stops at the first chunk that does not
    // fit in the file (an interrupted file's header may be behind its audio). Throws AudioError
    // if the file is not RIFF/RF64 WAVE.
    static std::vector<Chunk> list(const std::filesystem::path& path);

    // Appends 'cue ' and 'LIST'/'adtl'/'labl' chunks and updates the RIFF or ds64 size.
    // Throws AudioError on I/O failure. Does nothing for an empty list.
    static void appendCuePoints(const std::filesystem::path& path,
                                const std::vector<CuePoint>& cues);

    // The cue points with their 'labl' names (empty if none).
    static std::vector<CuePoint> readCuePoints(const std::filesystem::path& path);

    // The 'bext' chunk, if present.
    static std::optional<BextFields> readBext(const std::filesystem::path& path);
};

}  // namespace ds::audio
