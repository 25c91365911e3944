#pragma once
// AudioEncoder: writes one audio file with FFmpeg's libav* C API: an encoder (libmp3lame, aac,
// libopus, flac), a muxer (mp3, ipod/M4A, ogg, flac, matroska), the metadata and chapters, and
// libswresample between our interleaved float and what the encoder takes (planar, 16/24-bit,
// another rate).
//
// Chapters go where each container keeps them: ID3v2 CHAP frames with a CTOC (MP3), a
// QuickTime chapter track (M4A), CHAPTERnnn / CHAPTERnnnNAME Vorbis comments (Ogg Opus and
// FLAC, written here: FFmpeg's FLAC muxer has no chapters of its own and its Ogg muxer puts a
// chapter at 0.5 s at 1.5 s), Matroska chapters. MP3 gets an ID3v2.3 tag (the version Windows and
// most car radios read) and a LAME/Xing header so players show the exact length; M4A is written
// "fast start" (index first) so the website can play it while it downloads.
//
// Errors (no such encoder here, a full disk, an unwritable folder) throw UserError naming the
// file and FFmpeg's reason. Not thread-safe: one thread writes.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "recordings/ExportPlan.h"
#include "recordings/ExportSettings.h"

namespace ds::recordings {

class AudioEncoder {
  public:
    // Creates `file`. Chapters are in frames of the input (at inputRate) from the file's start.
    AudioEncoder(const std::filesystem::path& file, const ExportSettings& settings, int inputRate,
                 unsigned inputChannels,
                 const std::vector<std::pair<std::string, std::string>>& metadata,
                 const std::vector<Chapter>& chapters);
    ~AudioEncoder();
    AudioEncoder(const AudioEncoder&) = delete;
    AudioEncoder& operator=(const AudioEncoder&) = delete;

    void write(const float* interleaved, std::size_t frames);
    // Flushes the encoder, writes the trailer and closes the file. Throws UserError.
    void finish();

    int sampleRate() const;
    int channels() const;

  private:
    struct State;
    int convert(const float* interleaved, std::size_t frames);  // into the FIFO
    void drain(bool final);
    void send(bool flush);

    std::filesystem::path file_;
    std::unique_ptr<State> s_;
};

}  // namespace ds::recordings
