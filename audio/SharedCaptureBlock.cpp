#include "audio/SharedCaptureBlock.h"

#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <new>
#include <string>

#include "audio/AudioError.h"
#include "posix/UniqueFd.h"

namespace ds::audio {

std::size_t SharedCaptureBlock::headerBytes() {
    return (sizeof(SharedCaptureHeader) + 63) / 64 * 64;
}

std::unique_ptr<SharedCaptureBlock> SharedCaptureBlock::create(std::size_t minFrames,
                                                               unsigned channels, int sampleRate) {
    const std::size_t capacity = SpscRing::roundUpCapacity(minFrames);
    const std::size_t bytes = headerBytes() + SpscRing::bytesFor(capacity, channels);
    // Close-on-exec: only the capture host gets it, through an explicit dup2 at spawn.
    posix::UniqueFd fd(memfd_create("dialogstudio-capture", MFD_CLOEXEC));
    if (!fd)
        throw AudioError(std::string("cannot create shared capture memory: ") +
                         std::strerror(errno));
    if (ftruncate(fd.get(), static_cast<off_t>(bytes)) != 0)
        throw AudioError(std::string("cannot size shared capture memory: ") + std::strerror(errno));
    void* memory = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd.get(), 0);
    if (memory == MAP_FAILED)
        throw AudioError(std::string("cannot map shared capture memory: ") + std::strerror(errno));
    auto* header = new (memory) SharedCaptureHeader();
    header->channels = channels;
    header->sampleRate = static_cast<std::uint32_t>(sampleRate);
    header->capacityFrames = capacity;
    return std::unique_ptr<SharedCaptureBlock>(
        new SharedCaptureBlock(std::move(fd), memory, bytes, true));
}

std::unique_ptr<SharedCaptureBlock> SharedCaptureBlock::attach(int inherited) {
    posix::UniqueFd fd(inherited);
    struct stat st {};
    if (fstat(fd.get(), &st) != 0 || static_cast<std::size_t>(st.st_size) < headerBytes())
        throw AudioError("capture host: the shared memory descriptor is not a capture block");
    const auto bytes = static_cast<std::size_t>(st.st_size);
    void* memory = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd.get(), 0);
    if (memory == MAP_FAILED) {
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
        throw AudioError("capture host: the shared memory is not a capture block of this version");
    }
    return std::unique_ptr<SharedCaptureBlock>(
        new SharedCaptureBlock(std::move(fd), memory, bytes, false));
}

SharedCaptureBlock::SharedCaptureBlock(posix::UniqueFd fd, void* memory, std::size_t bytes,
                                       bool initialise)
    : fd_(std::move(fd)),
      memory_(memory),
      bytes_(bytes),
      header_(std::launder(static_cast<SharedCaptureHeader*>(memory))) {
    ring_ = std::make_unique<SpscRing>(static_cast<std::byte*>(memory) + headerBytes(),
                                       header_->capacityFrames, header_->channels, initialise);
}

SharedCaptureBlock::~SharedCaptureBlock() {
    ring_.reset();
    munmap(memory_, bytes_);
}

}  // namespace ds::audio
