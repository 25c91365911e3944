#pragma once
// Loudness of a piece of audio per EBU R128 / ITU-R BS.1770: integrated loudness (LUFS),
// loudness range (LU), true peak (dBTP, 4x oversampled) and sample peak (dBFS). Silence or
// audio shorter than one 400 ms gating block has no integrated loudness: -infinity, shown as
// null in JSON and "-" in text.
#include <cmath>
#include <limits>

#include <nlohmann/json.hpp>

namespace ds::recordings {

struct LoudnessFigures {
    double integratedLufs = -std::numeric_limits<double>::infinity();
    double rangeLu = 0.0;
    double truePeakDbtp = -std::numeric_limits<double>::infinity();
    double samplePeakDbfs = -std::numeric_limits<double>::infinity();

    bool hasIntegrated() const { return std::isfinite(integratedLufs); }

    nlohmann::json toJson() const {
        auto num = [](double v) {
            return std::isfinite(v) ? nlohmann::json(std::round(v * 100.0) / 100.0)
                                    : nlohmann::json(nullptr);
        };
        return {{"integrated_lufs", num(integratedLufs)},
                {"range_lu", num(rangeLu)},
                {"true_peak_dbtp", num(truePeakDbtp)},
                {"sample_peak_dbfs", num(samplePeakDbfs)}};
    }
    static LoudnessFigures fromJson(const nlohmann::json& j) {
        auto num = [&](const char* key, double fallback) {
            return j.contains(key) && j[key].is_number() ? j[key].get<double>() : fallback;
        };
        const double inf = -std::numeric_limits<double>::infinity();
        return {num("integrated_lufs", inf), num("range_lu", 0.0), num("true_peak_dbtp", inf),
                num("sample_peak_dbfs", inf)};
    }
};

}  // namespace ds::recordings
