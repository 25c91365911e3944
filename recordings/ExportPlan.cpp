#include "recordings/ExportPlan.h"

#include <cmath>

namespace ds::recordings {

nlohmann::json ExportResult::toJson() const {
    auto secondsOf = [&](std::int64_t frame) {
        return sourceRate > 0
                   ? std::round(1000.0 * static_cast<double>(frame) / sourceRate) / 1000.0
                   : 0.0;
    };
    nlohmann::json chapterList = nlohmann::json::array();
    for (const Chapter& c : chapters)
        chapterList.push_back({{"title", c.title},
                               {"start_s", secondsOf(c.startFrame)},
                               {"end_s", secondsOf(c.endFrame)}});
    nlohmann::json loudness = nullptr;
    if (target || before || after) {
        loudness = {
            {"target_lufs", target ? nlohmann::json(target->lufs) : nlohmann::json(nullptr)},
            {"ceiling_dbtp",
             target ? nlohmann::json(target->ceilingDbtp) : nlohmann::json(nullptr)},
            {"gain_db", std::round(gainDb * 100.0) / 100.0},
            {"limiter_max_reduction_db", std::round(limiterReductionDb * 100.0) / 100.0},
            {"before", before ? before->toJson() : nlohmann::json(nullptr)},
            {"after", after ? after->toJson() : nlohmann::json(nullptr)}};
    }
    return {{"output", output.string()},
            {"format", description},
            {"seconds", std::round(seconds * 1000.0) / 1000.0},
            {"bytes", bytes},
            {"sample_rate", sampleRate},
            {"channels", channels},
            {"chapters", chapterList},
            {"loudness", loudness},
            {"warnings", warnings}};
}

}  // namespace ds::recordings
