#pragma once
// What the repair of one interrupted recording file found and did. `modified` is false when
// the file was already fine (then not one byte was written).
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ds::recordings {

struct RepairReport {
    std::string container;            // "wav", "rf64" or "flac"
    bool modified = false;            // whether the file was (or, in a dry run, would be) changed
    std::int64_t framesOnDisk = 0;    // whole frames of audio in the file after the repair
    std::int64_t framesInHeader = 0;  // what the header declared before (-1: unknown)
    std::uint64_t bytesDropped = 0;   // a torn last frame or a torn trailing chunk
    int cuePointsWritten = 0;
    int markersPastEnd = 0;            // markers after the last audio on disk (not written as cues)
    std::vector<std::string> actions;  // what was done, one line each

    nlohmann::json toJson() const {
        return {{"container", container},
                {"modified", modified},
                {"frames_on_disk", framesOnDisk},
                {"frames_in_header", framesInHeader},
                {"bytes_dropped", bytesDropped},
                {"cue_points_written", cuePointsWritten},
                {"markers_past_end", markersPastEnd},
                {"actions", actions}};
    }
};

// A marker to write into a repaired file (sample frame, label).
struct CueMarker {
    std::int64_t frame = 0;
    std::string label;
};

}  // namespace ds::recordings
