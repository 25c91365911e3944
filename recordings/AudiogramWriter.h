#pragma once
// AudiogramWriter: a short video for social media made from an exported audio clip (AAC in
// M4A): a still card with the station, the title and the guest, moving level bars drawn from
// the clip's own sound, and a progress line, encoded as H.264 (libx264, yuv420p) in MP4 with the
// clip's AAC stream copied in unchanged, so the sound is exactly the loudness-normalised export.
// Frames are drawn with cairo and Pango into RGB, converted with libswscale and encoded with
// libavcodec; the card's text is drawn once and each frame only adds the bars.
#include <filesystem>
#include <string>

namespace ds::recordings {

struct AudiogramCard {
    std::string station;
    std::string title;
    std::string guest;     // name and position
    std::string subtitle;  // programme and date
};

struct AudiogramResult {
    std::filesystem::path output;
    int width = 0;
    int height = 0;
    int frames = 0;
    double seconds = 0.0;
    std::uintmax_t bytes = 0;
};

class AudiogramWriter {
  public:
    static constexpr int kFps = 25;
    // Writes `output` (through output.part, renamed when complete) at width x height from the
    // AAC audio in `audio`. Throws UserError naming the file on any failure.
    static AudiogramResult write(const std::filesystem::path& audio,
                                 const std::filesystem::path& output, int width, int height,
                                 const AudiogramCard& card);
};

}  // namespace ds::recordings
