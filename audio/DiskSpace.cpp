#include "audio/DiskSpace.h"

#include <sys/statvfs.h>

namespace ds::audio {

std::optional<std::uint64_t> freeDiskBytes(const std::filesystem::path& path) {
    struct statvfs s {};
    const std::filesystem::path probe =
        std::filesystem::is_directory(path) ? path : path.parent_path();
    if (::statvfs(probe.empty() ? "." : probe.c_str(), &s) != 0) return std::nullopt;
    return static_cast<std::uint64_t>(s.f_bavail) * s.f_frsize;
}

}  // namespace ds::audio
