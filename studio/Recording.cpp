#include "studio/Recording.h"

namespace ds {

namespace {

template <typename T>
nlohmann::json opt(const std::optional<T>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}
nlohmann::json optTime(const std::optional<TimePoint>& t) {
    return t ? nlohmann::json(formatUtc(*t)) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json Recording::toJson() const {
    return {{"id", id},
            {"session_id", sessionId},
            {"path", path},
            {"format", format},
            {"sample_rate", sampleRate},
            {"channels", channels},
            {"device", device},
            {"state", state},
            {"pid", opt(pid)},
            {"host", host},
            {"started_at", formatUtc(startedAt)},
            {"ended_at", optTime(endedAt)},
            {"frames", frames},
            {"seconds", sampleRate > 0 ? static_cast<double>(frames) / sampleRate : 0.0},
            {"heartbeat_at", optTime(heartbeatAt)},
            {"note", note}};
}

nlohmann::json Marker::toJson() const {
    return {{"id", id},
            {"session_id", sessionId},
            {"recording_id", opt(recordingId)},
            {"kind", kind},
            {"label", label},
            {"sample_pos", opt(samplePos)},
            {"at", formatUtc(at)},
            {"segment_id", opt(segmentId)},
            {"question_id", opt(questionId)}};
}

}  // namespace ds
