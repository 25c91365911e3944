#include "audio/SharedCaptureBlock.h"

#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <new>
#include <string>

#include "audio/AudioError.h"

namespace ds::audio {

std::size_t SharedCaptureBlock::headerBytes() {
    return (sizeof(SharedCaptureHeader) + 63) / 64 * 64;
}

std::unique_ptr<SharedCaptureBlock> SharedCaptureBlock::create(std::size_t minFrames,
                                                               unsigned channels, int sampleRate) {
    const std::size_t capacity = SpscRing::roundUpCapacity(minFrames);
    const std::size_t bytes = headerBytes() + SpscRing::bytesFor(capacity, channels);
    // Close-on-exec: only the capture host gets it, through an explicit dup2 at spawn.
    const int fd = memfd_create("dialogstudio-capture", MFD_CLOEXEC);
    if (fd < 0)
        throw AudioError(std::string("cannot create shared capture memory: ") +
                         std::strerror(errno));
    if (ftruncate(fd, static_cast<off_t>(bytes)) != 0) {
        const int e = errno;
        ::close(fd);
        throw AudioError(std::string("cannot size shared capture memory: ") + std::strerror(e));
    }
    void* memory = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (memory == MAP_FAILED) {
        const int e = errno;
        ::close(fd);
        throw AudioError(std::string("cannot map shared capture memory: ") + std::strerror(e));
    }
    auto* header = new (memory) SharedCaptureHeader();
    header->channels = channels;
    header->sampleRate = static_cast<std::uint32_t>(sampleRate);
    header->capacityFrames = capacity;
    return std::unique_ptr<SharedCaptureBlock>(new SharedCaptureBlock(fd, memory, bytes, true));
}

std::unique_ptr<SharedCaptureBlock> SharedCaptureBlock::attach(int fd) {
    struct stat st {};
    if (fstat(fd, &st) != 0 || static_cast<std::size_t>(st.st_size) < headerBytes()) {
        ::close(fd);
        throw AudioError("capture host: the shared memory descriptor is not a capture block");
    }
    const auto bytes = static_cast<std::size_t>(st.st_size);
    void* memory = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (memory == MAP_FAILED) {
        ::close(fd);
        throw AudioError(std::string("capture host: cannot map shared memory: ") +
                         std::strerror(errno));
    }
    auto* header = std::launder(static_cast<SharedCaptureHeader*>(memory));
    const bool valid =
        header->magic == SharedCaptureHeader::kMagic &&
        header->version == SharedCaptureHeader::kVersion && header->channels > 0 &&
        header->channels <= CaptureCounters::kMaxChannels &&
        headerBytes() + SpscRing::bytesFor(header->capacityFrames, header->channels) <= bytes;
    if (!valid) {
        munmap(memory, bytes);
        ::close(fd);
        throw AudioError("capture host: the shared memory is not a capture block of this version");
    }
    return std::unique_ptr<SharedCaptureBlock>(new SharedCaptureBlock(fd, memory, bytes, false));
}

SharedCaptureBlock::SharedCaptureBlock(int fd, void* memory, std::size_t bytes, bool initialise)
    : fd_(fd),
      memory_(memory),
      bytes_(bytes),
      header_(std::launder(static_cast<SharedCaptureHeader*>(memory))) {
    ring_ = std::make_unique<SpscRing>(static_cast<std::byte*>(memory) + headerBytes(),
                                       header_->capacityFrames, header_->channels, initialise);
}

SharedCaptureBlock::~SharedCaptureBlock() {
    ring_.reset();
    munmap(memory_, bytes_);
    ::close(fd_);
}

}  // namespace ds::audio
