#pragma once
// Percentiles for "time to fulfil" (UU KIP Pasal 12; Perki 1/2021): linear interpolation
// between the closest ranks, p in [0, 1]. The median (p = 0.5) of an even count is the mean of
// the two middle values, as SessionReport's median has always been.
#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

namespace ds {

// `sorted` must be in ascending order; nullopt when it is empty.
inline std::optional<double> percentileOfSorted(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) return std::nullopt;
    double rank = p * static_cast<double>(sorted.size() - 1);
    auto lo = static_cast<std::size_t>(std::floor(rank));
    auto hi = std::min(lo + 1, sorted.size() - 1);
    double frac = rank - static_cast<double>(lo);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * frac;
}

inline std::optional<double> percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    return percentileOfSorted(values, p);
}

}  // namespace ds
