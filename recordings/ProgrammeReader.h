#pragma once
// ProgrammeReader: reads a programme's recording files (WAV/RF64 or FLAC, through libsndfile)
// one after another as one stream of interleaved float frames. A programme is usually one file;
// when the recorder was restarted after an interruption it is several, joined in order.
//
// Opening checks every file first: a missing file, one libsndfile cannot read, or parts with
// different rates or channel counts give a UserError naming the file, before anything is read.
// A file that ends before the length its header declares is reported as damaged, not padded.
//
// Not thread-safe: one thread reads.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

namespace ds::recordings {

class ProgrammeReader {
  public:
    explicit ProgrammeReader(std::vector<std::filesystem::path> files);
    ~ProgrammeReader();
    ProgrammeReader(const ProgrammeReader&) = delete;
    ProgrammeReader& operator=(const ProgrammeReader&) = delete;

    int sampleRate() const { return rate_; }
    unsigned channels() const { return channels_; }
    std::int64_t frames() const { return total_; }
    // Frames of each part, in order.
    const std::vector<std::int64_t>& partFrames() const { return partFrames_; }

    // Positions the stream at a frame of the programme.
    void seek(std::int64_t frame);
    // Reads up to `frames` frames; returns how many (0 at the end). Throws UserError if a file
    // cannot be read to its declared end.
    std::size_t read(float* interleaved, std::size_t frames);

  private:
    struct Part;
    void openPart(std::size_t index, std::int64_t offset);

    std::vector<std::filesystem::path> files_;
    std::vector<std::int64_t> partFrames_;
    std::int64_t total_ = 0;
    int rate_ = 0;
    unsigned channels_ = 0;
    std::unique_ptr<Part> current_;
    std::size_t index_ = 0;
    std::int64_t partPos_ = 0;
};

}  // namespace ds::recordings
