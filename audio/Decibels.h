#pragma once
// Decibel conversions shared by the meters. Silence is -infinity dB (not a magic floor), so
// "no signal at all" stays distinguishable from "very quiet"; displays clamp as they like.

#include <cmath>
#include <limits>

namespace ds::audio {

inline constexpr double kMinusInfinityDb = -std::numeric_limits<double>::infinity();

// Linear amplitude (1.0 = full scale) to dB.
inline double amplitudeToDb(double amplitude) {
    return amplitude > 0.0 ? 20.0 * std::log10(amplitude) : kMinusInfinityDb;
}

// Mean square (full-scale sine or square = its own power) to dB.
inline double powerToDb(double meanSquare) {
    return meanSquare > 0.0 ? 10.0 * std::log10(meanSquare) : kMinusInfinityDb;
}

}  // namespace ds::audio
