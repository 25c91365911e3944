#include "recordings/ProgrammeReader.h"

#include <sndfile.h>

#include <algorithm>

#include <fmt/format.h>

#include "studio/Errors.h"

namespace ds::recordings {

namespace {

struct SndfileClose {
    void operator()(SNDFILE* f) const { sf_close(f); }
};
using Sndfile = std::unique_ptr<SNDFILE, SndfileClose>;

Sndfile openFile(const std::filesystem::path& path, SF_INFO& info) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw UserError(fmt::format("the recording '{}' is missing", path.string()));
    if (!std::filesystem::is_regular_file(path, ec))
        throw UserError(fmt::format("'{}' is not a file", path.string()));
    info = SF_INFO{};
    Sndfile f(sf_open(path.c_str(), SFM_READ, &info));
    if (!f)
        throw UserError(fmt::format("cannot read the recording '{}': {} (damaged, or not audio)",
                                    path.string(), sf_strerror(nullptr)));
    return f;
}

}  // namespace

struct ProgrammeReader::Part {
    Sndfile file;
    SF_INFO info{};
};

ProgrammeReader::ProgrammeReader(std::vector<std::filesystem::path> files)
    : files_(std::move(files)) {
    if (files_.empty()) throw UserError("no recording to read");
    for (std::size_t i = 0; i < files_.size(); ++i) {
        SF_INFO info{};
        Sndfile f = openFile(files_[i], info);
        if (info.channels < 1 || info.samplerate < 8000)
            throw UserError(fmt::format("'{}' has {} channels at {} Hz: not a recording",
                                        files_[i].string(), info.channels, info.samplerate));
        if (i == 0) {
            rate_ = info.samplerate;
            channels_ = static_cast<unsigned>(info.channels);
        } else if (info.samplerate != rate_ || static_cast<unsigned>(info.channels) != channels_) {
            throw UserError(fmt::format(
                "'{}' ({} Hz, {} channels) does not match '{}' ({} Hz, {} channels): export the "
                "parts one at a time with --recording",
                files_[i].string(), info.samplerate, info.channels, files_[0].string(), rate_,
                channels_));
        }
        partFrames_.push_back(info.frames);
        total_ += info.frames;
    }
    seek(0);
}

ProgrammeReader::~ProgrammeReader() = default;

void ProgrammeReader::openPart(std::size_t index, std::int64_t offset) {
    index_ = index;
    partPos_ = offset;
    current_.reset();
    if (index >= files_.size()) return;
    auto part = std::make_unique<Part>();
    part->file = openFile(files_[index], part->info);
    if (offset > 0 && sf_seek(part->file.get(), offset, SEEK_SET) != offset)
        throw UserError(
            fmt::format("cannot seek to frame {} in '{}'", offset, files_[index].string()));
    current_ = std::move(part);
}

void ProgrammeReader::seek(std::int64_t frame) {
    std::int64_t left = std::clamp<std::int64_t>(frame, 0, total_);
    std::size_t i = 0;
    while (i < partFrames_.size() && left >= partFrames_[i] && left > 0) {
        left -= partFrames_[i];
        ++i;
    }
    openPart(i, left);
}

std::size_t ProgrammeReader::read(float* interleaved, std::size_t frames) {
    std::size_t done = 0;
    while (done < frames && current_) {
        const std::int64_t left = partFrames_[index_] - partPos_;
        if (left <= 0) {
            openPart(index_ + 1, 0);
            continue;
        }
        const auto want = static_cast<sf_count_t>(
            std::min<std::int64_t>(left, static_cast<std::int64_t>(frames - done)));
        const sf_count_t got =
            sf_readf_float(current_->file.get(), interleaved + done * channels_, want);
        if (got <= 0) {
            throw UserError(fmt::format(
                "the recording '{}' ends after {} of its {} frames: the file is damaged (try "
                "`dialogstudio recover`)",
                files_[index_].string(), partPos_, partFrames_[index_]));
        }
        done += static_cast<std::size_t>(got);
        partPos_ += got;
    }
    return done;
}

}  // namespace ds::recordings
