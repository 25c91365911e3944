#include "audio/FileSource.h"

#include <sndfile.h>

#include <chrono>
#include <string>

#include "audio/AudioError.h"

namespace ds::audio {

void FileSource::SndfileCloser::operator()(sf_private_tag* file) const {
    sf_close(file);
}

FileSource::FileSource(FileSourceOptions options, CaptureProcessor& processor, SpscRing& ring)
    : options_(std::move(options)), processor_(processor), ring_(ring) {
    const std::string where = "'" + options_.path.string() + "'";
    std::error_code ec;
    if (!std::filesystem::exists(options_.path, ec))
        throw AudioError("file source " + where + " does not exist");
    SF_INFO info{};
    file_.reset(sf_open(options_.path.c_str(), SFM_READ, &info));
    if (!file_) throw AudioError("cannot play file source " + where + ": " + sf_strerror(nullptr));
    if (info.samplerate != options_.sampleRate) {
        throw AudioError("file source " + where + " is " + std::to_string(info.samplerate) +
                         " Hz but the recording is " + std::to_string(options_.sampleRate) +
                         " Hz; choose the file's rate or convert the file");
    }
    fileChannels_ = static_cast<unsigned>(info.channels);
    const bool mappable = fileChannels_ == options_.channels ||
                          (fileChannels_ == 1 && options_.channels == 2) ||
                          (fileChannels_ == 2 && options_.channels == 1);
    if (!mappable) {
        throw AudioError("file source " + where + " has " + std::to_string(fileChannels_) +
                         " channels; a recording of " + std::to_string(options_.channels) +
                         " channel(s) can use mono or stereo files");
    }
    if (options_.blockFrames == 0) options_.blockFrames = 256;
    raw_.resize(options_.blockFrames * fileChannels_);
    block_.resize(options_.blockFrames * options_.channels);
}

FileSource::~FileSource() {
    stop();
}

void FileSource::start() {
    if (thread_.joinable()) return;
    thread_ = std::jthread([this](std::stop_token stop) { run(stop); });
}

void FileSource::stop() {
    if (!thread_.joinable()) return;
    thread_.request_stop();
    thread_.join();
}

std::size_t FileSource::readBlock() {
    sf_count_t n =
        sf_readf_float(file_.get(), raw_.data(), static_cast<sf_count_t>(options_.blockFrames));
    if (n <= 0 && options_.loop) {
        sf_seek(file_.get(), 0, SEEK_SET);
        n = sf_readf_float(file_.get(), raw_.data(), static_cast<sf_count_t>(options_.blockFrames));
    }
    if (n <= 0) return 0;
    const auto frames = static_cast<std::size_t>(n);
    const unsigned out = options_.channels;
    if (fileChannels_ == out) {
        std::copy(raw_.begin(), raw_.begin() + static_cast<std::ptrdiff_t>(frames * out),
                  block_.begin());
    } else if (fileChannels_ == 1) {
        for (std::size_t i = 0; i < frames; ++i)
            block_[2 * i] = block_[2 * i + 1] = raw_[i];
    } else {
        for (std::size_t i = 0; i < frames; ++i)
            block_[i] = 0.5f * (raw_[2 * i] + raw_[2 * i + 1]);
    }
    return frames;
}

void FileSource::run(std::stop_token stop) {
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    const bool paced = options_.speed > 0.0;
    const double framesPerSecond = options_.sampleRate * (paced ? options_.speed : 1.0);
    std::uint64_t sent = 0;
    while (!stop.stop_requested()) {
        const std::size_t n = readBlock();
        if (n == 0) break;
        if (paced) {
            // Due time of this block's end; sleeping against the start time does not drift.
            const auto due =
                start + std::chrono::duration_cast<Clock::duration>(
                            std::chrono::duration<double>((sent + n) / framesPerSecond));
            std::this_thread::sleep_until(due);
        } else {
            // As fast as possible, but never drop: wait for the writer to make room.
            while (ring_.writeSpace() < n && !stop.stop_requested())
                std::this_thread::sleep_for(std::chrono::microseconds(200));
        }
        processor_.process(block_.data(), n);
        sent += n;
    }
    if (!stop.stop_requested()) finished_.store(true, std::memory_order_release);
}

}  // namespace ds::audio
