#include "studio/PartFile.h"

#include <fcntl.h>
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

PartFile::PartFile(std::filesystem::path target) : target_(std::move(target)) {
    if (target_.empty()) throw UserError("--output: a file name is needed");
    part_ = target_;
    part_ += ".part";
    std::filesystem::path dir = target_.parent_path();
    std::error_code ec;
    if (!dir.empty() && !std::filesystem::is_directory(dir, ec)) {
        throw UserError(fmt::format("cannot write {}: the folder {} does not exist",
                                    target_.string(), dir.string()));
    }
    if (std::filesystem::is_directory(target_, ec)) {
        throw UserError(
            fmt::format("cannot write {}: it is a folder; name a file", target_.string()));
    }
    // Create the .part file now: an output that cannot be written is refused before a year's
    // report is rendered, in one line, instead of after seconds of work and progress lines.
    int fd = ::open(part_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) fail(target_, errno);
    ::close(fd);
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
    int fd = ::open(part_.c_str(), O_RDONLY);
    if (fd < 0) fail(target_, errno);
    if (::fsync(fd) != 0) {
        int err = errno;
        ::close(fd);
        fail(target_, err);
    }
    ::close(fd);
    if (std::rename(part_.c_str(), target_.c_str()) != 0) fail(target_, errno);
    committed_ = true;
}

}  // namespace ds
