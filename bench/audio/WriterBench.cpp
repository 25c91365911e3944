// Disk-writer throughput: a 120 s stereo 48 kHz programme played by the file source as fast
// as possible through the whole recorder (ring, DiskWriter, RecordingWriter with the meters:
// peak, RMS, true peak, EBU R128) into a 24-bit file. Reported as times real time (goal: 300x
// for WAV). Also the parts alone, to see where the time goes. On a shared machine, wall-clock
// throughput depends on the other load; x_per_cpu_s does not.

#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <thread>
#include <vector>

#include "audio/LevelMeter.h"
#include "audio/Recorder.h"
#include "audio/RecordingWriter.h"

namespace {

using namespace ds::audio;
constexpr int kRate = 48000;
constexpr int kSeconds = 120;

// A scratch folder, removed when the program ends.
struct ScratchDir {
    std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("ds-audio-bench-" + std::to_string(::getpid()));
    ScratchDir() { std::filesystem::create_directories(path); }
    ~ScratchDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

std::filesystem::path workDir() {
    static const ScratchDir dir;
    return dir.path;
}

std::vector<float> programmeBlock(std::size_t frames, std::uint64_t offset) {
    // Speech-like enough for the meters: two tones and a slow envelope, around -20 dBFS.
    std::vector<float> b(frames * 2);
    for (std::size_t i = 0; i < frames; ++i) {
        const double t = double(offset + i) / kRate;
        const double env = 0.5 + 0.5 * std::sin(2 * M_PI * 0.7 * t);
        const float v =
            float(0.1 * env * (std::sin(2 * M_PI * 220 * t) + 0.5 * std::sin(2 * M_PI * 1800 * t)));
        b[2 * i] = v;
        b[2 * i + 1] = 0.9f * v;
    }
    return b;
}

double processCpuSeconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           1e-6 * double(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
}

const std::filesystem::path& sourceFile() {
    static const std::filesystem::path path = [] {
        const auto p = workDir() / "source.wav";
        RecordingSettings s;
        s.path = p;
        RecordingWriter w(s);
        for (int second = 0; second < kSeconds; ++second) {
            const auto b = programmeBlock(kRate, std::uint64_t(second) * kRate);
            w.write(b.data(), kRate);
        }
        w.close();
        return p;
    }();
    return path;
}

void BM_RecorderFromFileSource(benchmark::State& state) {
    const auto format = state.range(0) == 0 ? RecordingFormat::Wav : RecordingFormat::Flac;
    const auto& source = sourceFile();
    double audioSeconds = 0, wallSeconds = 0, cpuSeconds = 0;
    for (auto _ : state) {
        const double cpu0 = processCpuSeconds();
        RecorderSettings s;
        s.capture.device = "file:" + source.string();
        s.capture.fileSpeed = 0;
        s.capture.framesPerBuffer = 1024;
        s.file.path = workDir() / (format == RecordingFormat::Wav ? "out.wav" : "out.flac");
        s.file.format = format;
        s.writer.period = std::chrono::milliseconds(1);
        Recorder r(s);
        const auto t0 = std::chrono::steady_clock::now();
        r.start();
        for (;;) {
            const RecorderStatus st = r.poll();
            if (st.capture.state == CaptureState::Finished &&
                st.framesWritten == st.capture.framesCaptured)
                break;
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        r.stop();
        const auto t1 = std::chrono::steady_clock::now();
        const double wall = std::chrono::duration<double>(t1 - t0).count();
        state.SetIterationTime(wall);
        wallSeconds += wall;
        cpuSeconds += processCpuSeconds() - cpu0;
        audioSeconds += kSeconds;
    }
    state.counters["x_realtime"] = audioSeconds / wallSeconds;
    // Audio seconds per CPU second of the whole process (source + writer threads together):
    // what the pipeline would do on one free core, independent of other load on the machine.
    state.counters["x_per_cpu_s"] = audioSeconds / cpuSeconds;
}
BENCHMARK(BM_RecorderFromFileSource)
    ->Arg(0)
    ->Arg(1)
    ->Iterations(5)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

// The parts: the meters alone, and the file writer alone (no meters).
void BM_MetersOnly(benchmark::State& state) {
    const auto block = programmeBlock(4096, 0);
    LevelMeter meter(2, kRate);
    for (auto _ : state)
        meter.add(block.data(), 4096);
    state.counters["x_realtime"] =
        benchmark::Counter(double(state.iterations()) * 4096 / kRate, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_MetersOnly);

void BM_WavWriterOnly(benchmark::State& state) {
    const auto block = programmeBlock(4096, 0);
    RecordingSettings s;
    s.path = workDir() / "writer-only.wav";
    RecordingWriter w(s);
    for (auto _ : state)
        w.write(block.data(), 4096);
    state.counters["x_realtime"] =
        benchmark::Counter(double(state.iterations()) * 4096 / kRate, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_WavWriterOnly);

}  // namespace
