#pragma once
// Free space on the file system holding a path, for the low-disk alarm.

#include <cstdint>
#include <filesystem>
#include <optional>

namespace ds::audio {

// Bytes an unprivileged process may still write there, or nothing if it cannot be told.
std::optional<std::uint64_t> freeDiskBytes(const std::filesystem::path& path);

}  // namespace ds::audio
