#include "recordings/PartialFile.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "studio/Errors.h"
#include "studio/PartFile.h"

namespace ds::recordings {

namespace {

void syncPath(const std::filesystem::path& path, int flags) {
    int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

PartialFile::PartialFile(std::filesystem::path target, bool overwrite)
    : target_(std::move(target)), overwrite_(overwrite) {
    std::error_code ec;
    const std::filesystem::path folder =
        target_.has_parent_path() ? target_.parent_path() : std::filesystem::path(".");
    if (!std::filesystem::is_directory(folder, ec))
        throw UserError(fmt::format("cannot write '{}': the folder '{}' does not exist",
                                    target_.string(), folder.string()));
    PartFile::refuseUnsafeTarget(target_);
    if (std::filesystem::exists(target_, ec) && !overwrite_)
        throw UserError(fmt::format(
            "'{}' already exists; choose another --output or pass --overwrite to replace it",
            target_.string()));
    part_ = target_;
    part_ += ".part";
    // A .part left by an export that was killed is ours to replace; the new one is owner-only
    // (the programme holds callers' voices) and the encoder writes into it.
    PartFile::createPart(part_, target_);
}

PartialFile::~PartialFile() {
    if (!committed_) {
        std::error_code ec;
        std::filesystem::remove(part_, ec);
    }
}

void PartialFile::commit() {
    syncPath(part_, O_RDONLY);
    PartFile::refuseUnsafeTarget(target_);
    int rc = 0;
    if (overwrite_) {
        rc = ::rename(part_.c_str(), target_.c_str());
    } else {
        rc = ::renameat2(AT_FDCWD, part_.c_str(), AT_FDCWD, target_.c_str(), RENAME_NOREPLACE);
        if (rc != 0 && (errno == EINVAL || errno == ENOSYS)) {
            // A file system without RENAME_NOREPLACE: link() refuses an existing name too.
            rc = ::link(part_.c_str(), target_.c_str());
            if (rc == 0) ::unlink(part_.c_str());
        }
    }
    if (rc != 0)
        throw UserError(fmt::format("cannot move '{}' into place as '{}': {}", part_.string(),
                                    target_.string(), std::strerror(errno)));
    committed_ = true;
    syncPath(target_.has_parent_path() ? target_.parent_path() : std::filesystem::path("."),
             O_RDONLY | O_DIRECTORY);
}

}  // namespace ds::recordings
