// CaptureProcessor driven with synthetic buffers, no device: the ring gets exactly the
// samples, the peak atomics follow the signal, and overruns and input overflows are counted.

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

#include "audio/CaptureProcessor.h"

using namespace ds::audio;

namespace {

std::vector<float> sineBlock(std::size_t frames, unsigned channels, double amplitude,
                             std::size_t offset = 0) {
    std::vector<float> b(frames * channels);
    for (std::size_t i = 0; i < frames; ++i)
        for (unsigned c = 0; c < channels; ++c)
            b[i * channels + c] = float(
                amplitude * std::sin(2 * std::numbers::pi * 1000 * double(offset + i) / 48000));
    return b;
}

}  // namespace

TEST(CaptureProcessor, CopiesBlocksIntoTheRingAndTracksPeaks) {
    SpscRing ring(48000, 2);
    CaptureCounters counters;
    CaptureProcessor p(ring, counters);
    std::vector<float> all;
    for (int b = 0; b < 100; ++b) {
        auto block = sineBlock(256, 2, 0.5, b * 256);
        block[1] *= 0.5f;  // right channel a bit different in its first sample
        p.process(block.data(), 256);
        all.insert(all.end(), block.begin(), block.end());
    }
    EXPECT_EQ(counters.callbacks.load(), 100u);
    EXPECT_EQ(counters.framesOffered.load(), 25600u);
    EXPECT_EQ(counters.framesDropped.load(), 0u);
    std::vector<float> out(all.size());
    ASSERT_EQ(ring.read(out.data(), 25600), 25600u);
    EXPECT_EQ(out, all);
    EXPECT_NEAR(p.takePeak(0), 0.5f, 1e-4);
    EXPECT_NEAR(p.takePeak(1), 0.5f, 1e-4);
    EXPECT_EQ(p.takePeak(0), 0.0f);  // taken: starts again
}

TEST(CaptureProcessor, SilenceAndFullScaleSquare) {
    SpscRing ring(4096, 1);
    CaptureCounters counters;
    CaptureProcessor p(ring, counters);
    std::vector<float> silence(256, 0.0f);
    p.process(silence.data(), 256);
    EXPECT_EQ(p.takePeak(0), 0.0f);
    std::vector<float> square(256);
    for (int i = 0; i < 256; ++i)
        square[i] = (i / 24) % 2 ? 1.0f : -1.0f;
    p.process(square.data(), 256);
    EXPECT_EQ(p.takePeak(0), 1.0f);
}

TEST(CaptureProcessor, CountsOverrunsWhenTheRingIsFull) {
    SpscRing ring(1024, 2);
    CaptureCounters counters;
    CaptureProcessor p(ring, counters);
    auto block = sineBlock(256, 2, 0.1);
    for (int i = 0; i < 6; ++i)
        p.process(block.data(), 256);  // 1536 frames into 1024
    EXPECT_EQ(ring.readAvailable(), 1024u);
    EXPECT_EQ(counters.framesDropped.load(), 512u);
    EXPECT_EQ(counters.overrunCallbacks.load(), 2u);
    p.noteInputOverflow();
    EXPECT_EQ(counters.inputOverflows.load(), 1u);
}
