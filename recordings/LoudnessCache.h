#pragma once
// LoudnessCache: a recording's loudness, measured once and kept beside it in
// "<file>.loudness.json" with the file's size and modification time; a changed file (a
// repair, a recorder still writing) is measured again. Measuring a two-hour programme takes
// several seconds, so `recordings list` would otherwise be slow every time. If the folder
// cannot be written the figures are simply measured again next time.
#include <filesystem>
#include <optional>

#include "recordings/LoudnessFigures.h"

namespace ds::recordings {

class LoudnessCache {
  public:
    // The cached figures if they still describe the file.
    static std::optional<LoudnessFigures> cached(const std::filesystem::path& file);
    // Cached or measured now (and cached). Throws UserError if the file cannot be read.
    static LoudnessFigures get(const std::filesystem::path& file);
    static std::filesystem::path cachePath(const std::filesystem::path& file);
};

}  // namespace ds::recordings
