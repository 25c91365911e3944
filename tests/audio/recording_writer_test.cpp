// RecordingWriter and DiskWriter: a generated pattern written and read back sample by sample
// (WAV and FLAC), the header kept current while writing, bext and cue/labl read back by
// libsndfile, sndfile-info and our own parser, and the file opened by sox and ffprobe.

#include <gtest/gtest.h>

#include <thread>

#include "TestSupport.h"
#include "audio/DiskWriter.h"
#include "audio/LevelMeter.h"
#include "audio/RecordingWriter.h"
#include "audio/WaveChunks.h"

using namespace ds::audio;
using namespace ds::audio::test;

namespace {

RecordingSettings settings(const std::filesystem::path& path,
                           RecordingFormat format = RecordingFormat::Wav) {
    RecordingSettings s;
    s.path = path;
    s.format = format;
    s.sampleRate = 48000;
    s.channels = 2;
    s.broadcast.description = "Dialog Interaktif Kamtibmas: Polres Sleman";
    s.broadcast.originator = "RRI Yogyakarta Pro 1";
    s.broadcast.originatorReference = "session-42";
    s.broadcast.originationDate = "2026-11-25";
    s.broadcast.originationTime = "09:00:00";
    s.broadcast.timeReference = 9ull * 3600 * 48000;
    return s;
}

void writePatternThrough(RecordingWriter& w, std::uint64_t frames, std::uint64_t block = 1000) {
    std::vector<float> b(block * 2);
    for (std::uint64_t at = 0; at < frames; at += block) {
        const std::uint64_t n = std::min(block, frames - at);
        for (std::uint64_t i = 0; i < n; ++i)
            for (unsigned c = 0; c < 2; ++c)
                b[2 * i + c] = patternSample(at + i, c, 48000);
        w.write(b.data(), n);
    }
}

// libsndfile's float to 24-bit conversions. WAV: scale to 32 bits, round, drop the low byte.
// FLAC: scale to 24 bits and round.
float quantiseWav(float x) {
    const std::int64_t v = std::lrint(double(x) * 2147483647.0) >> 8;
    return float(double(v) / 8388608.0);
}
float quantiseFlac(float x) {
    return float(double(std::lrint(double(x) * 8388608.0)) / 8388608.0);
}

// Every sample equals the pattern after 24-bit quantisation.
void expectPattern(const Audio& a, std::uint64_t frames, float (*quantise)(float) = quantiseWav) {
    ASSERT_EQ(a.frames(), frames);
    std::uint64_t bad = 0;
    for (std::uint64_t n = 0; n < frames; ++n) {
        for (unsigned c = 0; c < 2; ++c) {
            const float want = quantise(patternSample(n, c, 48000));
            if (a.at(n, c) != want && bad++ < 5)
                ADD_FAILURE() << "frame " << n << " ch " << c << ": " << a.at(n, c)
                              << " != " << want;
        }
    }
    EXPECT_EQ(bad, 0u);
}

}  // namespace

TEST(RecordingWriter, WavPatternReadsBackSampleBySample) {
    TempDir dir;
    const auto path = dir / "programme.wav";
    {
        RecordingWriter w(settings(path));
        writePatternThrough(w, 100000);
        EXPECT_EQ(w.framesWritten(), 100000u);
        w.close();
    }
    expectPattern(readAudio(path), 100000);
    // A plain RIFF/WAVE below 4 GB, 24-bit.
    const auto chunks = WaveChunks::list(path);
    ASSERT_FALSE(chunks.empty());
    const auto info = run("sndfile-info " + quote(path.string()));
    EXPECT_NE(info.output.find("RIFF"), std::string::npos) << info.output;
    EXPECT_NE(info.output.find("Bit Width     : 24"), std::string::npos) << info.output;
}

TEST(RecordingWriter, FlacPatternReadsBackSampleBySample) {
    TempDir dir;
    const auto path = dir / "programme.flac";
    RecordingWriter w(settings(path, RecordingFormat::Flac));
    writePatternThrough(w, 100000);
    w.close();
    expectPattern(readAudio(path), 100000, quantiseFlac);
    const auto probe =
        run("ffprobe -v error -show_entries "
            "stream=codec_name,bits_per_raw_sample:format_tags=title,artist -of default=nw=1 " +
            quote(path.string()));
    EXPECT_NE(probe.output.find("codec_name=flac"), std::string::npos) << probe.output;
    EXPECT_NE(probe.output.find("bits_per_raw_sample=24"), std::string::npos) << probe.output;
    EXPECT_NE(probe.output.find("Polres Sleman"), std::string::npos) << probe.output;
}

TEST(RecordingWriter, OutOfRangeFloatsClipInsteadOfWrapping) {
    TempDir dir;
    const auto path = dir / "hot.wav";
    RecordingWriter w(settings(path));
    std::vector<float> hot = {1.5f, -1.5f, 0.5f, -0.5f};
    w.write(hot.data(), 2);
    w.close();
    const Audio a = readAudio(path);
    EXPECT_NEAR(a.samples[0], 1.0f, 1e-6);
    EXPECT_NEAR(a.samples[1], -1.0f, 1e-6);
}

TEST(RecordingWriter, BextReadsBackEverywhere) {
    TempDir dir;
    const auto path = dir / "programme.wav";
    RecordingWriter w(settings(path));
    writePatternThrough(w, 48000);
    w.close();

    const auto bext = WaveChunks::readBext(path);
    ASSERT_TRUE(bext.has_value());
    EXPECT_EQ(bext->description, "Dialog Interaktif Kamtibmas: Polres Sleman");
    EXPECT_EQ(bext->originator, "RRI Yogyakarta Pro 1");
    EXPECT_EQ(bext->originatorReference, "session-42");
    EXPECT_EQ(bext->originationDate, "2026-11-25");
    EXPECT_EQ(bext->originationTime, "09:00:00");
    EXPECT_EQ(bext->timeReference, 9ull * 3600 * 48000);
    EXPECT_NE(bext->codingHistory.find("A=PCM,F=48000,W=24,M=stereo"), std::string::npos);

    SF_INFO info{};
    Sndfile f(sf_open(path.c_str(), SFM_READ, &info));
    ASSERT_TRUE(f);
    SF_BROADCAST_INFO b{};
    ASSERT_EQ(sf_command(f.get(), SFC_GET_BROADCAST_INFO, &b, sizeof b), SF_TRUE);
    EXPECT_STREQ(b.originator, "RRI Yogyakarta Pro 1");
    EXPECT_EQ(std::uint64_t(b.time_reference_high) << 32 | b.time_reference_low,
              9ull * 3600 * 48000);

    const auto text = run("sndfile-info --broadcast " + quote(path.string()));
    EXPECT_NE(text.output.find("Polres Sleman"), std::string::npos) << text.output;
    EXPECT_NE(text.output.find("2026-11-25"), std::string::npos) << text.output;
}

TEST(RecordingWriter, MarkersBecomeCuePointsWithLabels) {
    TempDir dir;
    const auto path = dir / "programme.wav";
    RecordingWriter w(settings(path));
    writePatternThrough(w, 3 * 48000);
    w.addMarker(0, "Pembukaan");
    w.addMarker(48000, "Pertanyaan 1: Pak Budi, Sleman");
    w.addMarker(96000 + 17, "Manual");
    w.close();

    const auto cues = WaveChunks::readCuePoints(path);
    ASSERT_EQ(cues.size(), 3u);
    EXPECT_EQ(cues[1].frame, 48000u);
    EXPECT_EQ(cues[1].label, "Pertanyaan 1: Pak Budi, Sleman");
    EXPECT_EQ(cues[2].frame, 96017u);
    EXPECT_EQ(cues[2].label, "Manual");

    // libsndfile sees the cue points; sndfile-info shows the labels.
    SF_INFO info{};
    Sndfile f(sf_open(path.c_str(), SFM_READ, &info));
    ASSERT_TRUE(f);
    std::uint32_t count = 0;
    ASSERT_EQ(sf_command(f.get(), SFC_GET_CUE_COUNT, &count, sizeof count), SF_TRUE);
    EXPECT_EQ(count, 3u);
    EXPECT_EQ(info.frames, 3 * 48000);
    const auto text = run("sndfile-info " + quote(path.string()));
    EXPECT_NE(text.output.find("Pertanyaan 1: Pak Budi, Sleman"), std::string::npos) << text.output;

    // The chunks after the audio do not disturb the players.
    const auto sox = run("sox " + quote(path.string()) + " -n stat");
    EXPECT_NEAR(numberAfter(sox.output, "Length (seconds):"), 3.0, 1e-6) << sox.output;
    const auto probe =
        run("ffprobe -v error -show_entries format=duration -of csv=p=0 " + quote(path.string()));
    EXPECT_NEAR(std::atof(probe.output.c_str()), 3.0, 1e-6) << probe.output;
    expectPattern(readAudio(path), 3 * 48000);
}

TEST(RecordingWriter, MonoMarkersAfterAnOddLengthDataChunk) {
    TempDir dir;
    auto s = settings(dir / "mono.wav");
    s.channels = 1;
    RecordingWriter w(s);
    std::vector<float> x(4801, 0.25f);  // 4801 * 3 bytes: odd, needs the pad byte
    w.write(x.data(), x.size());
    w.addMarker(100, "a");
    w.close();
    const auto cues = WaveChunks::readCuePoints(s.path);
    ASSERT_EQ(cues.size(), 1u);
    EXPECT_EQ(cues[0].label, "a");
    EXPECT_EQ(readAudio(s.path).frames(), 4801u);
}

TEST(RecordingWriter, HeaderIsCurrentWhileWriting) {
    TempDir dir;
    const auto path = dir / "live.wav";
    auto s = settings(path);
    RecordingWriter w(s);
    writePatternThrough(w, 96000);
    w.updateHeader();
    // Another reader opens the file while it is being written.
    SF_INFO info{};
    Sndfile f(sf_open(path.c_str(), SFM_READ, &info));
    ASSERT_TRUE(f);
    EXPECT_EQ(info.frames, 96000);
    EXPECT_FALSE(w.updateHeaderIfDue(std::chrono::steady_clock::now()));
    EXPECT_TRUE(w.updateHeaderIfDue(std::chrono::steady_clock::now() + std::chrono::seconds(1)));
}

TEST(RecordingWriter, FeedsTheMeter) {
    TempDir dir;
    LevelMeter meter(2, 48000);
    RecordingWriter w(settings(dir / "m.wav"), &meter);
    writePatternThrough(w, 48000);
    const auto snap = meter.snapshot();
    EXPECT_EQ(snap.framePosition, 48000u);
    EXPECT_NEAR(snap.channel[1].peakDbfs, -20.0, 0.01);
}

TEST(DiskWriter, DrainsTheRingIntoTheFileWhileAProducerWrites) {
    TempDir dir;
    const auto path = dir / "drained.wav";
    SpscRing ring(48000, 2);
    RecordingWriter w(settings(path));
    DiskWriter writer(ring, w);
    writer.start();
    std::vector<float> block(2 * 480);
    const std::uint64_t total = 5 * 48000;
    for (std::uint64_t at = 0; at < total;) {
        for (std::uint64_t i = 0; i < 480; ++i)
            for (unsigned c = 0; c < 2; ++c)
                block[2 * i + c] = patternSample(at + i, c, 48000);
        std::size_t done = 0;
        while (done < 480) {
            done += ring.write(block.data() + 2 * done, 480 - done);
            if (done < 480) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        at += 480;
    }
    writer.stop();
    EXPECT_FALSE(writer.failed());
    EXPECT_EQ(writer.framesDrained(), total);
    w.close();
    expectPattern(readAudio(path), total);
}

TEST(RecordingWriter, PastFourGigabytesTheFileBecomesRf64) {
    // 4.4 GB of disk and about a minute: only when asked (DS_AUDIO_BIG_TESTS=1).
    if (!std::getenv("DS_AUDIO_BIG_TESTS"))
        GTEST_SKIP() << "set DS_AUDIO_BIG_TESTS=1 to write a 4.4 GB file";
    TempDir dir;
    const auto path = dir / "long.wav";
    RecordingWriter w(settings(path));
    const std::uint64_t frames = 4'400'000'000ull / 6;  // 24-bit stereo
    std::vector<float> block(2 * 48000);
    for (std::uint64_t at = 0; at < frames; at += 48000) {
        const std::uint64_t n = std::min<std::uint64_t>(48000, frames - at);
        for (std::uint64_t i = 0; i < n; ++i)
            block[2 * i] = block[2 * i + 1] = patternSample(at + i, 0, 48000);
        w.write(block.data(), n);
        if (at % (48000 * 600) == 0) w.updateHeader();
    }
    w.addMarker(frames - 48000, "near the end");
    w.close();

    const auto info = run("sndfile-info " + quote(path.string()));
    EXPECT_NE(info.output.find("RF64"), std::string::npos) << info.output;
    const double seconds = double(frames) / 48000;
    const auto sox = run("sox --i -D " + quote(path.string()));
    EXPECT_NEAR(std::atof(sox.output.c_str()), seconds, 0.01) << sox.output;
    const auto probe =
        run("ffprobe -v error -show_entries format=duration -of csv=p=0 " + quote(path.string()));
    EXPECT_NEAR(std::atof(probe.output.c_str()), seconds, 0.01) << probe.output;
    SF_INFO sf{};
    Sndfile f(sf_open(path.c_str(), SFM_READ, &sf));
    ASSERT_TRUE(f);
    EXPECT_EQ(std::uint64_t(sf.frames), frames);
    // The last second, read where it is.
    sf_seek(f.get(), static_cast<sf_count_t>(frames - 48000), SEEK_SET);
    ASSERT_EQ(sf_readf_float(f.get(), block.data(), 48000), 48000);
    for (std::uint64_t i = 0; i < 48000; ++i)
        ASSERT_EQ(patternCount(block[2 * i]), std::int64_t((frames - 48000 + i) % 4194304 + 1));
    const auto cues = WaveChunks::readCuePoints(path);
    ASSERT_EQ(cues.size(), 1u);
    EXPECT_EQ(cues[0].frame, frames - 48000);
    EXPECT_EQ(cues[0].label, "near the end");
}
