#include "audio/DiskWriter.h"

#include <algorithm>

#include "audio/AudioError.h"

namespace ds::audio {

DiskWriter::DiskWriter(SpscRing& ring, RecordingWriter& writer, DiskWriterOptions options)
    : ring_(ring),
      writer_(writer),
      options_(options),
      buffer_(options.blockFrames * ring.channels()) {}

DiskWriter::~DiskWriter() {
    stop();
}

void DiskWriter::start() {
    if (thread_.joinable()) return;
    thread_ = std::jthread([this](std::stop_token stop) { run(stop); });
}

void DiskWriter::stop() {
    if (!thread_.joinable()) return;
    thread_.request_stop();
    thread_.join();
}

std::string DiskWriter::error() const {
    std::lock_guard lock(errorMutex_);
    return error_;
}

void DiskWriter::run(std::stop_token stop) {
    while (!stop.stop_requested()) {
        const std::size_t drained = drainOnce();
        if (!failed()) {
            try {
                writer_.updateHeaderIfDue(std::chrono::steady_clock::now());
            } catch (const std::exception&) {
                // updateHeader does not throw today; a failure would show on the next write.
            }
        }
        // An eighth of the ring in one go is far more than one period of live audio.
        if (drained < ring_.capacity() / 8) std::this_thread::sleep_for(options_.period);
    }
    drainOnce();
    if (!failed()) writer_.updateHeader();
}

std::size_t DiskWriter::drainOnce() {
    std::size_t total = 0;
    for (;;) {
        const std::size_t n = ring_.read(buffer_.data(), options_.blockFrames);
        if (n == 0) return total;
        total += n;
        drained_.fetch_add(n, std::memory_order_release);
        if (failed()) {
            lost_.fetch_add(n, std::memory_order_release);
            continue;
        }
        const std::uint64_t before = writer_.framesWritten();
        std::size_t take = n;
        if (options_.maxFrames > 0) {
            const std::uint64_t room =
                options_.maxFrames > before ? options_.maxFrames - before : 0;
            take = static_cast<std::size_t>(std::min<std::uint64_t>(n, room));
            if (take == 0) continue;  // past the limit: drained and dropped on purpose
        }
        try {
            writer_.write(buffer_.data(), take);
        } catch (const std::exception& e) {
            {
                std::lock_guard lock(errorMutex_);
                error_ = e.what();
            }
            lost_.fetch_add(take - (writer_.framesWritten() - before), std::memory_order_release);
            failed_.store(true, std::memory_order_release);
        }
    }
}

}  // namespace ds::audio
