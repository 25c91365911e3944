#pragma once
// RecordingWriter: the disk writer thread's work on one file, with libsndfile.
//
// [SECTION] Format decision: WAV that becomes RF64 past 4 GB
// We open libsndfile's RF64 writer with SFC_RF64_AUTO_DOWNGRADE. While the file is under 4 GB
// its header is a plain RIFF/WAVE header with a JUNK chunk holding the place of a ds64 chunk
// (the EBU Tech 3306 arrangement); once the file passes 4 GB, the next header update rewrites
// it in place as RF64 with ds64. Tested here with libsndfile 1.2.0, sox 14.4.2 and FFmpeg 5.1,
// on files closed cleanly and on files whose writer was SIGKILLed, both under 4 GB and at
// 4.4 GB: all three open every one and read up to the last header update. We did not choose
// RF64 throughout: the three readers above cope with it, but a two-hour stereo programme
// (2.1 GB) would then carry an RF64 header for no reason, and much broadcast software (older
// playout systems, Windows' own audio stack, many editors) opens only RIFF/WAVE.
//
// [SECTION] Surviving SIGKILL
// libsndfile writes samples straight to the file descriptor (no user-space buffer), so after a
// kill everything written is in the file; only the sizes in the header lag. The header is
// rewritten (SFC_UPDATE_HEADER_NOW) every headerUpdateSeconds (0.5 s by default), so every
// reader sees the audio up to at most that long before the kill, plus the ring's 10-20 ms.
// FLAC has no sizes to update: readers decode up to the last complete frame (< 0.1 s).
//
// [SECTION] Metadata
// WAV: a 'bext' chunk (SFC_SET_BROADCAST_INFO, version 1: description, originator, reference,
// origination date/time, time reference, coding history), and at close the markers as 'cue '
// points with 'labl' names (WaveChunks, since libsndfile cannot add them late). FLAC: the same
// text as Vorbis comments (TITLE, ARTIST, DATE, COMMENT); FLAC has no cue points here (FLAC's
// CUESHEET block is for CDs and libsndfile cannot write it), so markers stay in the database.
//
// [SECTION] Threads
// write(), updateHeader*() and close() belong to the disk writer thread (or to the owner after
// that thread has stopped). addMarker(), markers() and framesWritten() may be called from any
// thread.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "audio/RecordingSettings.h"
#include "audio/WaveChunks.h"

struct sf_private_tag;

namespace ds::audio {

class LevelMeter;

class RecordingWriter {
  public:
    // Creates the file. Throws AudioError with a clear message (missing or unwritable folder,
    // unsupported rate or channels). The meter, if any, is fed every block written.
    explicit RecordingWriter(RecordingSettings settings, LevelMeter* meter = nullptr);
    ~RecordingWriter();  // closes (without throwing) if close() was not called
    RecordingWriter(const RecordingWriter&) = delete;
    RecordingWriter& operator=(const RecordingWriter&) = delete;

    // [writer] Appends interleaved frames. Throws AudioError if the disk refuses them.
    void write(const float* interleaved, std::size_t frames);

    // [writer] Rewrites the header now so it covers everything written so far.
    void updateHeader();

    // [writer] Rewrites the header if headerUpdateSeconds have passed since the last time.
    bool updateHeaderIfDue(std::chrono::steady_clock::time_point now);

    // [any] Records a marker at a frame position; written into the file at close.
    void addMarker(std::uint64_t frame, std::string label);

    // [any] The markers so far, in the order they were added.
    std::vector<CuePoint> markers() const;

    // [writer] Final header, then the markers (WAV). Throws AudioError on failure. Idempotent.
    void close();

    std::uint64_t framesWritten() const {
        return framesWritten_.load(std::memory_order_acquire);
    }                                                 // [any]
    bool isOpen() const { return file_ != nullptr; }  // [writer]
    const RecordingSettings& settings() const { return settings_; }

  private:
    struct SndfileCloser {
        void operator()(sf_private_tag* file) const;
    };

    RecordingSettings settings_;
    LevelMeter* meter_;
    std::unique_ptr<sf_private_tag, SndfileCloser> file_;
    std::atomic<std::uint64_t> framesWritten_{0};
    std::chrono::steady_clock::time_point lastHeaderUpdate_;
    mutable std::mutex markersMutex_;
    std::vector<CuePoint> markers_;
};

}  // namespace ds::audio
