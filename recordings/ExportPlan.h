#pragma once
// ExportPlan: everything one export needs, as plain values, so the worker thread that runs it
// never touches the database: the source files (one after another, as one programme), the
// range to cut, fades, the encoder settings, the metadata and the chapters. ExportResult: what
// came out, with the loudness before and after.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "recordings/ExportSettings.h"
#include "recordings/LoudnessFigures.h"

namespace ds::recordings {

// A chapter in frames of the programme (the source files joined).
struct Chapter {
    std::int64_t startFrame = 0;
    std::int64_t endFrame = 0;
    std::string title;
};

struct ExportPlan {
    std::vector<std::filesystem::path> sources;  // played one after another
    std::int64_t startFrame = 0;                 // the range of the programme to export
    std::optional<std::int64_t> endFrame;        // none: to the end
    double fadeInSeconds = 0.0;
    double fadeOutSeconds = 0.0;
    ExportSettings settings;
    // Tags in order, with FFmpeg's generic keys (title, album, artist, album_artist, date,
    // comment, genre, publisher); each muxer maps them to its own (ID3 frames, MP4 atoms,
    // Vorbis comments, Matroska tags).
    std::vector<std::pair<std::string, std::string>> metadata;
    std::vector<Chapter> chapters;  // in programme frames; cut to the range and shifted
    // The title of the chapter before the first marker (the recorder started before the
    // opening; a clip's lead-in): the programme's. Empty: the metadata's album, else its title.
    std::string leadInTitle;
    std::filesystem::path output;
    bool overwrite = false;  // replace an existing output file (never a source)
};

struct ExportResult {
    std::filesystem::path output;
    std::string description;  // "MP3 128 kb/s"
    std::int64_t frames = 0;  // at the source rate
    double seconds = 0.0;
    std::uintmax_t bytes = 0;
    int sampleRate = 0;  // of the output
    int channels = 0;
    std::vector<Chapter> chapters;  // as written, in frames of the output's start
    int sourceRate = 0;
    std::optional<LoudnessFigures> before;  // of the source range
    std::optional<LoudnessFigures> after;   // of the file written, decoded again
    std::optional<LoudnessTarget> target;
    double gainDb = 0.0;
    double limiterReductionDb = 0.0;  // the limiter's largest gain reduction
    std::vector<std::string> warnings;

    nlohmann::json toJson() const;
};

}  // namespace ds::recordings
