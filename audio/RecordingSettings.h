#pragma once
// RecordingSettings: what the RecordingWriter writes, and the broadcast metadata that goes in.

#include <cstdint>
#include <filesystem>
#include <string>

namespace ds::audio {

enum class RecordingFormat {
    Wav,   // 24-bit PCM; a RIFF/WAVE file that becomes RF64 past 4 GB (see RecordingWriter.h)
    Flac,  // 24-bit FLAC (smaller; no bext or cue chunks, the metadata goes in Vorbis comments)
};

// The BWF 'bext' fields we fill (EBU Tech 3285). Dates and times are the station's local ones.
struct BroadcastInfo {
    std::string description;          // the session title (up to 256 bytes)
    std::string originator;           // the station (up to 32 bytes)
    std::string originatorReference;  // e.g. the session id (up to 32 bytes)
    std::string originationDate;      // yyyy-mm-dd
    std::string originationTime;      // hh:mm:ss
    std::uint64_t timeReference = 0;  // first sample's time as samples since local midnight
};

struct RecordingSettings {
    std::filesystem::path path;
    RecordingFormat format = RecordingFormat::Wav;
    int sampleRate = 48000;
    unsigned channels = 2;
    BroadcastInfo broadcast;
    // The header is rewritten at least this often, so a killed process leaves a file whose
    // header covers all but the last moments of audio.
    double headerUpdateSeconds = 0.5;
    // Arming: the capture and the meters run, nothing is written (no file is created); the
    // producer checks the levels before going on air.
    bool metersOnly = false;
};

}  // namespace ds::audio
