#pragma once
// The SHA-256 of a file, so the release's registered photos and clips can be told apart from a
// later file of the same name.
#include <filesystem>
#include <string>

namespace ds::publication {

// Lower-case hex. Throws UserError naming the path when it cannot be read.
std::string sha256File(const std::filesystem::path& path);

}  // namespace ds::publication
