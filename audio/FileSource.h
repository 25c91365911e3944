#pragma once
// FileSource: plays a WAV or FLAC file through the CaptureProcessor on its own thread, as if
// it were an input device (`file:PATH`): for training, demonstrations and machines with no
// sound card. At speed 1 it keeps real-time pace against the steady clock (sleeping until
// each block is due, so it does not drift); at speed 0 it runs as fast as the ring drains,
// waiting for room instead of dropping (benchmarks, tests).
//
// Each public method says which thread may call it: [control] is the owner, [any] any thread.

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <stop_token>
#include <thread>
#include <vector>

#include "audio/CaptureProcessor.h"
#include "audio/SpscRing.h"

struct sf_private_tag;

namespace ds::audio {

struct FileSourceOptions {
    std::filesystem::path path;
    int sampleRate = 48000;  // the file must have this rate (no resampling here)
    unsigned channels = 2;   // the file's channels are mapped: same, mono->stereo, stereo->mono
    double speed = 1.0;      // 1 = real time, 0 = as fast as the ring drains
    bool loop = false;       // start again at the end instead of finishing
    unsigned long blockFrames = 256;
};

class FileSource {
  public:
    // Opens and checks the file; throws AudioError with a clear message.
    FileSource(FileSourceOptions options, CaptureProcessor& processor, SpscRing& ring);
    ~FileSource();
    FileSource(const FileSource&) = delete;
    FileSource& operator=(const FileSource&) = delete;

    void start();  // [control] The thread becomes the ring's producer.
    void stop();   // [control] Joins the thread.

    bool finished() const { return finished_.load(std::memory_order_acquire); }  // [any]

  private:
    struct SndfileCloser {
        void operator()(sf_private_tag* file) const;
    };
    void run(std::stop_token stop);
    std::size_t readBlock();

    FileSourceOptions options_;
    CaptureProcessor& processor_;
    SpscRing& ring_;
    std::unique_ptr<sf_private_tag, SndfileCloser> file_;
    unsigned fileChannels_ = 0;
    std::vector<float> raw_;
    std::vector<float> block_;
    std::jthread thread_;
    std::atomic<bool> finished_{false};
};

}  // namespace ds::audio
