#include "studio/PartFile.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fmt/format.h>

#include "studio/Errors.h"

namespace ds {

namespace {

[[noreturn]] void fail(const std::filesystem::path& target, int err) {
    throw UserError(fmt::format("cannot write {}: {}", target.string(), std::strerror(err)));
}

}  // namespace

void PartFile::refuseUnsafeTarget(const std::filesystem::path& target) {
    if (target.empty()) throw UserError("--output: a file name is needed");
    std::filesystem::path dir = target.parent_path();
    std::error_code ec;
    if (!dir.empty() && !std::filesystem::is_directory(dir, ec)) {
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
    int fd = ::open(part.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) fail(target, errno);
    ::close(fd);
}

PartFile::PartFile(std::filesystem::path target) : target_(std::move(target)) {
    refuseUnsafeTarget(target_);
    part_ = target_;
    part_ += ".part";
    // Create the .part file now: an output that cannot be written is refused before a year's
    // report is rendered, in one line, instead of after seconds of work and progress lines.
    createPart(part_, target_);
}

PartFile::~PartFile() {
    if (!committed_) ::unlink(part_.c_str());
}

void PartFile::write(std::string_view content) {
    int fd = ::open(part_.c_str(), O_WRONLY | O_TRUNC | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) fail(target_, errno);
    std::size_t done = 0;
    while (done < content.size()) {
        ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            int err = n < 0 ? errno : ENOSPC;
            ::close(fd);
            fail(target_, err);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0) fail(target_, errno);
}

void PartFile::commit() {
    // fsync first: a rename that reaches the disk before the data would leave an empty file
    // under the final name after a power cut.
    int fd = ::open(part_.c_str(), O_RDONLY);
    if (fd < 0) fail(target_, errno);
    if (::fsync(fd) != 0) {
        int err = errno;
        ::close(fd);
        fail(target_, err);
    }
    ::close(fd);
    // Checked again: the name may have been replaced by a device or a link meanwhile.
    refuseUnsafeTarget(target_);
    if (std::rename(part_.c_str(), target_.c_str()) != 0) fail(target_, errno);
    committed_ = true;
}

}  // namespace ds
