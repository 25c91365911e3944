// The real-time rule "the audio callback never allocates" (audio/CaptureProcessor.h), proved by
// counting: every operator new/delete of this program is counted, and so is every malloc,
// calloc, realloc and free (through AddressSanitizer's allocator hooks in a sanitised build,
// by wrapping glibc's allocator otherwise). The callback body, CaptureHost::onAudio and the
// CaptureProcessor::process it calls, is driven with the buffer sizes real devices use, on
// every path (into the ring, ring full, input overflow, not yet producing), and must leave
// every count at zero.
//
// Its own executable: the counting operator new replaces the sanitiser's for every test in the
// program, which the other audio tests should not have.
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <new>
#include <vector>

#include "audio/CaptureHost.h"
#include "audio/CaptureProcessor.h"
#include "audio/SharedCaptureBlock.h"

namespace {

std::atomic<bool> gCounting{false};
std::atomic<long> gAllocations{0};
std::atomic<long> gReleases{0};

void countAllocation() {
    if (gCounting.load(std::memory_order_relaxed))
        gAllocations.fetch_add(1, std::memory_order_relaxed);
}
void countRelease() {
    if (gCounting.load(std::memory_order_relaxed))
        gReleases.fetch_add(1, std::memory_order_relaxed);
}

}  // namespace

// --- Every C++ allocation ---
void* operator new(std::size_t n) {
    countAllocation();
    if (void* p = std::malloc(n ? n : 1)) return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t n) {
    return operator new(n);
}
void* operator new(std::size_t n, std::align_val_t a) {
    countAllocation();
    if (void* p =
            std::aligned_alloc(static_cast<std::size_t>(a), (n + static_cast<std::size_t>(a) - 1) &
                                                                ~(static_cast<std::size_t>(a) - 1)))
        return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t n, std::align_val_t a) {
    return operator new(n, a);
}
void operator delete(void* p) noexcept {
    if (p) countRelease();
    std::free(p);
}
void operator delete[](void* p) noexcept {
    operator delete(p);
}
void operator delete(void* p, std::size_t) noexcept {
    operator delete(p);
}
void operator delete[](void* p, std::size_t) noexcept {
    operator delete(p);
}
void operator delete(void* p, std::align_val_t) noexcept {
    operator delete(p);
}
void operator delete[](void* p, std::align_val_t) noexcept {
    operator delete(p);
}
void operator delete(void* p, std::size_t, std::align_val_t) noexcept {
    operator delete(p);
}
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept {
    operator delete(p);
}

// --- Every C allocation ---
#if defined(__SANITIZE_ADDRESS__)
extern "C" int __sanitizer_install_malloc_and_free_hooks(void (*mallocHook)(const volatile void*,
                                                                            std::size_t),
                                                         void (*freeHook)(const volatile void*));
namespace {
void onMalloc(const volatile void*, std::size_t) {
    countAllocation();
}
void onFree(const volatile void*) {
    countRelease();
}
// The hooks see operator new too (it calls malloc here), so a C++ allocation counts twice:
// any count above zero fails all the same.
const int gHooked = __sanitizer_install_malloc_and_free_hooks(&onMalloc, &onFree);
}  // namespace
#else
extern "C" {
void* __libc_malloc(std::size_t);
void* __libc_calloc(std::size_t, std::size_t);
void* __libc_realloc(void*, std::size_t);
void __libc_free(void*);
void* malloc(std::size_t n) {
    countAllocation();
    return __libc_malloc(n);
}
void* calloc(std::size_t n, std::size_t size) {
    countAllocation();
    return __libc_calloc(n, size);
}
void* realloc(void* p, std::size_t n) {
    countAllocation();
    return __libc_realloc(p, n);
}
void free(void* p) {
    if (p) countRelease();
    __libc_free(p);
}
}
namespace {
const int gHooked = 1;
}  // namespace
#endif

namespace ds::audio {
namespace {

// Counts the allocations and releases of what runs between construction and counts().
class AllocationCount {
  public:
    AllocationCount() {
        gAllocations = 0;
        gReleases = 0;
        gCounting = true;
    }
    ~AllocationCount() { gCounting = false; }
    long allocations() const { return gAllocations.load(); }
    long releases() const { return gReleases.load(); }
};

std::vector<float> tone(unsigned long frames, unsigned channels, double amplitude) {
    std::vector<float> b(frames * channels);
    for (unsigned long i = 0; i < frames; ++i)
        for (unsigned c = 0; c < channels; ++c)
            b[i * channels + c] = float(amplitude * std::sin(0.13 * double(i) + c));
    return b;
}

// The buffer sizes of real devices: JACK periods, ALSA and PulseAudio fragments, and an odd
// size some USB interfaces deliver.
constexpr unsigned long kFrames[] = {32, 64, 128, 256, 441, 512, 1024, 2048, 4096};

TEST(CallbackAllocations, TheCounterSeesAnAllocation) {
    ASSERT_NE(gHooked, 0) << "the allocator hooks are installed before main";
    AllocationCount count;
    std::vector<float>* planted = new std::vector<float>(256);
    delete planted;
    void* raw = std::malloc(64);
    std::free(raw);
    EXPECT_GE(count.allocations(), 3);
    EXPECT_GE(count.releases(), 3);
}

TEST(CallbackAllocations, ProcessNeverAllocates) {
    for (unsigned channels : {1u, 2u, 8u}) {
        for (unsigned long frames : kFrames) {
            SpscRing ring(8192, channels);
            CaptureCounters counters;
            CaptureProcessor processor(ring, counters);
            const std::vector<float> block = tone(frames, channels, 0.5);
            long allocations = 0, releases = 0;
            {
                AllocationCount count;
                // Into an empty ring, then on until it is full and frames are dropped.
                for (int extra = 3; extra > 0; extra -= counters.framesDropped.load() > 0)
                    processor.process(block.data(), frames);
                processor.noteInputOverflow();
                processor.process(nullptr, frames);
                processor.process(block.data(), 0);
                allocations = count.allocations();
                releases = count.releases();
            }
            EXPECT_EQ(allocations, 0) << channels << " channels, " << frames << " frames";
            EXPECT_EQ(releases, 0) << channels << " channels, " << frames << " frames";
            EXPECT_GT(counters.framesDropped.load(), 0u) << "the ring-full path was driven";
            EXPECT_NE(processor.takePeak(0), 0.0f);
        }
    }
}

TEST(CallbackAllocations, TheHostsCallbackNeverAllocates) {
    for (unsigned long frames : kFrames) {
        auto block = SharedCaptureBlock::create(48000, 2, 48000);
        SharedCaptureBlock& shared = *block;
        CaptureHost host(CaptureHostArgs{}, std::move(block), -1, -1);
        const std::vector<float> input = tone(frames, 2, 0.25);
        long allocations = 0, releases = 0;
        {
            AllocationCount count;
            host.onAudio(input.data(), frames, false);  // not producing yet: dropped at once
            shared.header().produce.store(1, std::memory_order_release);
            for (int i = 0; i < 200; ++i)
                host.onAudio(input.data(), frames, i % 50 == 0);
            allocations = count.allocations();
            releases = count.releases();
        }
        EXPECT_EQ(allocations, 0) << frames << " frames";
        EXPECT_EQ(releases, 0) << frames << " frames";
        EXPECT_GT(shared.counters().framesOffered.load(), 0u);
        EXPECT_GT(shared.counters().inputOverflows.load(), 0u);
    }
}

}  // namespace
}  // namespace ds::audio
