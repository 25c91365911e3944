#include "studio/PartFile.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
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

void PartFile::refuseUnsafeTarget(const std::filesystem::path& target) {
    if (target.empty()) throw UserError("--output: a file name is needed");
    const std::filesystem::path dir = folderOf(target);
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
        throw UserError(fmt::format("cannot write {}: the folder {} does not exist",
                                    target.string(), dir.string()));
    }
    struct stat st {};
    if (::lstat(target.c_str(), &st) != 0) return;  // a new file
    const char* what = nullptr;
    if (S_ISLNK(st.st_mode)) {
        what = "it is a symbolic link, which is not followed; name the file itself";
    } else if (S_ISDIR(st.st_mode)) {
        what = "it is a folder; name a file";
    } else if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) {
        what = "it is a device, not a file; name a file";
    } else if (S_ISFIFO(st.st_mode)) {
        what = "it is a FIFO (named pipe), not a file; name a file";
    } else if (S_ISSOCK(st.st_mode)) {
        what = "it is a socket, not a file; name a file";
    } else if (!S_ISREG(st.st_mode)) {
        what = "it is not a regular file; name a file";
    }
    if (what) throw UserError(fmt::format("cannot write {}: {}", target.string(), what));
}

void PartFile::createPart(const std::filesystem::path& part, const std::filesystem::path& target) {
    // A .part left by a killed run is ours to replace; whatever else sits there (a link
    // planted to redirect the write) is removed, never written through.
    ::unlink(part.c_str());
    posix::UniqueFd fd(
        ::open(part.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (!fd) fail(target, errno);
}

PartFile::PartFile(std::filesystem::path target, Existing existing)
    : target_(std::move(target)), existing_(existing) {
    refuseUnsafeTarget(target_);
    part_ = target_;
    part_ += ".part";
    std::error_code ec;
    if (existing_ == Existing::Refuse && std::filesystem::exists(target_, ec)) {
        throw UserError(fmt::format(
            "'{}' already exists; choose another --output or pass --overwrite to replace it",
            target_.string()));
    }
    // Created now: an output that cannot be written is refused before a year's report is
    // rendered, in one line, instead of after seconds of work and progress lines.
    createPart(part_, target_);
}

PartFile::~PartFile() {
    if (!committed_) ::unlink(part_.c_str());
}

void PartFile::write(std::string_view content) {
    posix::UniqueFd fd(::open(part_.c_str(), O_WRONLY | O_TRUNC | O_NOFOLLOW | O_CLOEXEC));
    if (!fd) fail(target_, errno);
    std::size_t done = 0;
    while (done < content.size()) {
        ssize_t n = ::write(fd.get(), content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) fail(target_, n < 0 ? errno : ENOSPC);
        done += static_cast<std::size_t>(n);
    }
}

void PartFile::commit() {
    // fsync first: a rename that reaches the disk before the data would leave an empty file
    // under the final name after a power cut.
    {
        posix::UniqueFd fd(::open(part_.c_str(), O_RDONLY | O_CLOEXEC));
        if (!fd) fail(target_, errno);
        if (::fsync(fd.get()) != 0) fail(target_, errno);
    }
    // Checked again: the name may have been replaced by a device or a link meanwhile.
    refuseUnsafeTarget(target_);
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
