// SpscRing: capacity, wrap-around, full/empty, a two-thread stress of millions of frames, and
// the same ring used through shared memory.

#include <gtest/gtest.h>
#include <unistd.h>

#include <thread>
#include <vector>

#include "audio/SharedCaptureBlock.h"
#include "audio/SpscRing.h"

using ds::audio::SharedCaptureBlock;
using ds::audio::SpscRing;

TEST(SpscRing, RoundsCapacityUpToPowerOfTwo) {
    SpscRing ring(96000, 2);
    EXPECT_EQ(ring.capacity(), 131072u);
    EXPECT_EQ(ring.channels(), 2u);
    EXPECT_EQ(ring.writeSpace(), 131072u);
    EXPECT_EQ(ring.readAvailable(), 0u);
    EXPECT_THROW(SpscRing(nullptr, 1000, 2, true), std::invalid_argument);
}

TEST(SpscRing, WrapsAroundAndReportsWhatFitted) {
    SpscRing ring(8, 2);
    std::vector<float> in(2 * 6), out(2 * 8);
    for (int round = 0; round < 5; ++round) {
        for (int i = 0; i < 12; ++i)
            in[i] = float(round * 100 + i);
        ASSERT_EQ(ring.write(in.data(), 6), 6u);
        ASSERT_EQ(ring.readAvailable(), 6u);
        ASSERT_EQ(ring.read(out.data(), 8), 6u);
        for (int i = 0; i < 12; ++i)
            ASSERT_EQ(out[i], in[i]) << "round " << round;
    }
    // Full: 8 frames fit, the rest is refused.
    std::vector<float> ten(2 * 10, 1.0f);
    EXPECT_EQ(ring.write(ten.data(), 10), 8u);
    EXPECT_EQ(ring.write(ten.data(), 1), 0u);
    EXPECT_EQ(ring.writeSpace(), 0u);
    EXPECT_EQ(ring.read(out.data(), 3), 3u);
    EXPECT_EQ(ring.writeSilence(5), 3u);
    EXPECT_EQ(ring.read(out.data(), 8), 8u);
    EXPECT_EQ(out[2 * 5], 0.0f);  // the silence
    EXPECT_EQ(ring.totalWritten(), 30u + 8u + 3u);
    EXPECT_EQ(ring.totalRead(), ring.totalWritten());
}

namespace {

// Producer and consumer with awkward, changing block sizes; every frame carries its index
// split over two channels (each part exact in float), and the consumer checks every one.
void stress(SpscRing& ring, std::uint64_t total) {
    const std::uint64_t writtenBefore = ring.totalWritten();
    std::thread producer([&] {
        std::vector<float> block(2 * 1024);
        std::uint64_t next = 0;
        std::size_t size = 1;
        while (next < total) {
            const std::size_t n = std::min<std::uint64_t>(size, total - next);
            for (std::size_t i = 0; i < n; ++i) {
                block[2 * i] = float((next + i) & 0x7FFFFF);
                block[2 * i + 1] = float((next + i) >> 23);
            }
            std::size_t done = 0;
            while (done < n) {
                const std::size_t w = ring.write(block.data() + 2 * done, n - done);
                done += w;
                if (w == 0) std::this_thread::yield();
            }
            next += n;
            size = size % 997 + 13;
        }
    });
    std::vector<float> block(2 * 777);
    std::uint64_t expected = 0;
    std::uint64_t mismatches = 0;
    while (expected < total) {
        const std::size_t n = ring.read(block.data(), 1 + expected % 777);
        if (n == 0) {
            std::this_thread::yield();
            continue;
        }
        for (std::size_t i = 0; i < n; ++i, ++expected) {
            const std::uint64_t got = std::uint64_t(block[2 * i]) | std::uint64_t(block[2 * i + 1])
                                                                        << 23;
            if (got != expected && mismatches++ < 5)
                ADD_FAILURE() << "frame " << expected << " read as " << got;
        }
    }
    producer.join();
    EXPECT_EQ(mismatches, 0u);
    EXPECT_EQ(ring.totalWritten() - writtenBefore, total);
    EXPECT_EQ(ring.totalRead(), ring.totalWritten());
}

}  // namespace

TEST(SpscRing, TwoThreadsMillionsOfFramesNoLossNoReorder) {
    SpscRing ring(4096, 2);  // small, so the threads meet full and empty often
    stress(ring, 20'000'000);
}

TEST(SpscRing, WorksThroughSharedMemoryMapping) {
    auto block = SharedCaptureBlock::create(4096, 2, 48000);
    // A second, independent mapping of the same memory, as the capture host process has.
    auto other = SharedCaptureBlock::attach(::dup(block->fd()));
    EXPECT_EQ(other->ring().capacity(), 4096u);
    std::vector<float> in = {1, 2, 3, 4};
    ASSERT_EQ(other->ring().write(in.data(), 2), 2u);
    other->counters().framesDropped.fetch_add(7);
    std::vector<float> out(4);
    ASSERT_EQ(block->ring().read(out.data(), 2), 2u);
    EXPECT_EQ(out, in);
    EXPECT_EQ(block->counters().framesDropped.load(), 7u);
    stress(block->ring(), 2'000'000);
}
