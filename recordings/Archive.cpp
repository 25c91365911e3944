#include "recordings/Archive.h"

#include <sndfile.h>

#include <cmath>

#include <fmt/format.h>

#include "recordings/LoudnessCache.h"
#include "studio/Errors.h"
#include "studio/RecordingStore.h"

namespace ds::recordings {

namespace {

std::string subtypeName(int format) {
    switch (format & SF_FORMAT_SUBMASK) {
        case SF_FORMAT_PCM_16:
            return "PCM 16-bit";
        case SF_FORMAT_PCM_24:
            return "PCM 24-bit";
        case SF_FORMAT_PCM_32:
            return "PCM 32-bit";
        case SF_FORMAT_FLOAT:
            return "float 32-bit";
        default:
            return "other";
    }
}

std::string containerName(int format, const std::filesystem::path& path) {
    switch (format & SF_FORMAT_TYPEMASK) {
        case SF_FORMAT_FLAC:
            return "FLAC";
        case SF_FORMAT_RF64:
            return "RF64";
        case SF_FORMAT_WAV:
        case SF_FORMAT_WAVEX: {
            // libsndfile reports RF64 files as WAV once opened; the magic tells.
            char magic[4] = {};
            if (std::FILE* f = std::fopen(path.c_str(), "rb")) {
                if (std::fread(magic, 1, 4, f) == 4 && std::string(magic, 4) == "RF64") {
                    std::fclose(f);
                    return "RF64";
                }
                std::fclose(f);
            }
            return "WAV";
        }
        default:
            return "other";
    }
}

}  // namespace

nlohmann::json RecordingInfo::toJson() const {
    nlohmann::json m = nlohmann::json::array();
    for (const Marker& mk : markers) {
        nlohmann::json j = mk.toJson();
        j["seconds"] =
            mk.samplePos && sampleRate > 0
                ? nlohmann::json(
                      std::round(1000.0 * static_cast<double>(*mk.samplePos) / sampleRate) / 1000.0)
                : nlohmann::json(nullptr);
        m.push_back(j);
    }
    return {{"recording", recording.toJson()},
            {"exists", exists},
            {"live", live},
            {"bytes", bytes},
            {"container", container},
            {"encoding", encoding},
            {"sample_rate", sampleRate},
            {"channels", channels},
            {"frames", frames},
            {"seconds", std::round(seconds * 1000.0) / 1000.0},
            {"loudness", loudness ? loudness->toJson() : nlohmann::json(nullptr)},
            {"problem", problem.empty() ? nlohmann::json(nullptr) : nlohmann::json(problem)},
            {"markers", m}};
}

RecordingInfo Archive::inspect(const Recording& r, bool measure) {
    RecordingInfo info;
    info.recording = r;
    info.markers = RecordingStore(db_).markers(r.sessionId, r.id);
    info.sampleRate = r.sampleRate;
    info.channels = r.channels;
    std::error_code ec;
    info.exists = std::filesystem::exists(r.path, ec);
    if (!info.exists) {
        info.problem = "the file is missing";
        return info;
    }
    info.bytes = std::filesystem::file_size(r.path, ec);
    info.live = r.state == "recording" && RecordingStore::recorderAlive(r);
    SF_INFO sf{};
    SNDFILE* f = sf_open(r.path.c_str(), SFM_READ, &sf);
    if (!f) {
        info.problem = fmt::format("the file cannot be read: {}", sf_strerror(nullptr));
        return info;
    }
    sf_close(f);
    info.container = containerName(sf.format, r.path);
    info.encoding = subtypeName(sf.format);
    info.sampleRate = sf.samplerate;
    info.channels = sf.channels;
    info.frames = sf.frames;
    info.seconds = sf.samplerate > 0 ? static_cast<double>(sf.frames) / sf.samplerate : 0.0;
    if (info.live) {
        info.problem = "being recorded now";
        return info;
    }
    try {
        info.loudness =
            measure ? std::optional(LoudnessCache::get(r.path)) : LoudnessCache::cached(r.path);
    } catch (const UserError& e) {
        info.problem = e.what();
    }
    return info;
}

std::vector<RecordingInfo> Archive::list(std::optional<std::int64_t> sessionId, bool measure) {
    std::vector<RecordingInfo> out;
    for (const Recording& r : RecordingStore(db_).list(sessionId))
        out.push_back(inspect(r, measure));
    return out;
}

RecordingInfo Archive::show(std::int64_t recordingId) {
    return inspect(RecordingStore(db_).get(recordingId), true);
}

}  // namespace ds::recordings
