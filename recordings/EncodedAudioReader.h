#pragma once
// EncodedAudioReader: decodes any audio file FFmpeg reads (our exports: MP3, M4A, Opus, FLAC,
// Matroska) to interleaved float at the file's own rate and channel count. The exporter uses it
// to measure the loudness of what it actually wrote, after the encoder, so the "after" figures
// are the file's and not the PCM's before encoding.
//
// Not thread-safe: one thread reads.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <vector>

namespace ds::recordings {

class EncodedAudioReader {
  public:
    // Throws UserError if the file cannot be opened or has no audio stream.
    explicit EncodedAudioReader(const std::filesystem::path& file);
    ~EncodedAudioReader();
    EncodedAudioReader(const EncodedAudioReader&) = delete;
    EncodedAudioReader& operator=(const EncodedAudioReader&) = delete;

    int sampleRate() const;
    unsigned channels() const;
    // Replaces `out` with the next decoded frames (interleaved); returns their count, 0 at the
    // end. Throws UserError on a decoding error.
    std::size_t read(std::vector<float>& out);

  private:
    struct State;
    void convert(const void* const* data, int samples, std::vector<float>& out);

    std::filesystem::path file_;
    std::unique_ptr<State> s_;
};

}  // namespace ds::recordings
