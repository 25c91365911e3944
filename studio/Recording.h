#pragma once
// A programme recording on disk as the record knows it, and the markers placed in it.
//
// State: recording (a recorder process holds its lock file) -> closed (stopped cleanly);
// a recording whose recorder died is found on the next start and becomes interrupted;
// the recordings module's recovery repairs it and marks it recovered.
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "studio/Time.h"

namespace ds {

struct Recording {
    std::int64_t id = 0;
    std::int64_t sessionId = 0;
    std::string path;
    std::string format;  // "wav" (RF64/WAV, 24-bit) or "flac"
    int sampleRate = 48000;
    int channels = 2;
    std::string device;
    std::string state = "recording";
    std::optional<std::int64_t> pid;
    std::string host;
    TimePoint startedAt{};
    std::optional<TimePoint> endedAt;
    std::int64_t frames = 0;  // frames on disk at the last heartbeat or at the close
    std::optional<TimePoint> heartbeatAt;
    std::string note;

    // The lock file a live recorder holds (path + ".lock").
    std::string lockPath() const { return path + ".lock"; }
    nlohmann::json toJson() const;
};

struct Marker {
    std::int64_t id = 0;
    std::int64_t sessionId = 0;
    std::optional<std::int64_t> recordingId;
    std::string kind;  // segment, question, manual
    std::string label;
    std::optional<std::int64_t> samplePos;  // in the recording, when one was running
    TimePoint at{};
    std::optional<std::int64_t> segmentId;
    std::optional<std::int64_t> questionId;

    nlohmann::json toJson() const;
};

}  // namespace ds
