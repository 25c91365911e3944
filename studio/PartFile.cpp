#include "studio/PartFile.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fmt/format.h>

#include "posix/UniqueFd.h"
#include "studio/Errors.h"

namespace ds {

namespace {

[[noreturn]] void fail(const std::filesystem::path& target, int err) {
    throw UserError(fmt::format("cannot write {}: {}", target.string(), std::strerror(err)));
}

std::filesystem::path folderOf(const std::filesystem::path& p) {
    return p.has_parent_path() ? p.parent_path() : std::filesystem::path(".");
}

}  // namespace

PartFile::PartFile(std::filesystem::path target, Existing existing)
    : target_(std::move(target)), existing_(existing) {
    if (target_.empty()) throw UserError("--output: a file name is needed");
    part_ = target_;
    part_ += ".part";
    const std::filesystem::path dir = folderOf(target_);
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
        throw UserError(fmt::format("cannot write {}: the folder {} does not exist",
                                    target_.string(), dir.string()));
    }
    if (std::filesystem::is_directory(target_, ec)) {
        throw UserError(
            fmt::format("cannot write {}: it is a folder; name a file", target_.string()));
    }
    if (existing_ == Existing::Refuse && std::filesystem::exists(target_, ec)) {
        throw UserError(fmt::format(
            "'{}' already exists; choose another --output or pass --overwrite to replace it",
            target_.string()));
    }
    // A .part left by an export that was killed is ours to replace.
    posix::UniqueFd fd(::open(part_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666));
    if (!fd) fail(target_, errno);
}

PartFile::~PartFile() {
    if (!committed_) ::unlink(part_.c_str());
}

void PartFile::write(std::string_view content) {
    FILE* f = std::fopen(part_.c_str(), "wb");
    if (!f) fail(target_, errno);
    bool ok = std::fwrite(content.data(), 1, content.size(), f) == content.size();
    int err = errno;
    if (std::fclose(f) != 0 && ok) ok = false, err = errno;
    if (!ok) fail(target_, err);
}

void PartFile::commit() {
    // fsync first: a rename that reaches the disk before the data would leave an empty file
    // under the final name after a power cut.
    {
        posix::UniqueFd fd(::open(part_.c_str(), O_RDONLY | O_CLOEXEC));
        if (!fd) fail(target_, errno);
        if (::fsync(fd.get()) != 0) fail(target_, errno);
    }
    int rc = 0;
    if (existing_ == Existing::Replace) {
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
    // The rename itself reaches the disk with the folder.
    posix::UniqueFd folder(::open(folderOf(target_).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (folder) ::fsync(folder.get());
}

}  // namespace ds
