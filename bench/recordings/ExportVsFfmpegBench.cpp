// bench_recordings_export: our export (libav* C API, through recordings::Exporter) side by side
// with the `ffmpeg` program on the same generated 60-minute programme (48 kHz stereo 24-bit
// WAV): MP3 128 kb/s, Opus 64 kb/s, AAC 128 kb/s in M4A. Goal: at least 90 % of ffmpeg's speed.
// Then the peak memory (max RSS of a child process) of exporting a 3-hour programme (the
// 60-minute file joined three times, as a session recorded in three parts) with loudness
// normalisation, the heaviest path (measure, limiter, encode, measure the result again); goal
// under 200 MB.
//
//   bench_recordings_export [--minutes 60] [--dir /tmp/ds-bench] [--rounds 1] [--no-memory]
//
// Wall time is what a user waits; CPU time (user + system) is also shown because the machine
// may be busy with other work while the benchmark runs.
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <numbers>
#include <random>
#include <string>
#include <vector>

#include "audio/RecordingWriter.h"
#include "recordings/ExportControl.h"
#include "recordings/Exporter.h"

using namespace ds;
using namespace ds::recordings;

namespace {

constexpr int kRate = 48000;

struct Cost {
    double wall = 0.0;
    double cpu = 0.0;
    long maxRssKb = 0;
};

double seconds(const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
}

// Speech-like programme audio (voice harmonics, syllables, breath noise, plosives), streamed
// to the recorder's own writer one second at a time.
void generate(const std::filesystem::path& path, int minutes) {
    audio::RecordingSettings s;
    s.path = path;
    s.sampleRate = kRate;
    s.channels = 2;
    s.broadcast.description = "bench";
    audio::RecordingWriter w(s);
    std::mt19937 rng(7);
    std::normal_distribution<double> noise(0.0, 1.0);
    std::vector<float> block(kRate * 2);
    double phase = 0.0;
    std::uint64_t n = 0;
    for (int sec = 0; sec < minutes * 60; ++sec) {
        for (int i = 0; i < kRate; ++i, ++n) {
            const double t = static_cast<double>(n) / kRate;
            const double pitch = 140.0 + 30.0 * std::sin(2 * std::numbers::pi * 0.7 * t);
            phase += 2 * std::numbers::pi * pitch / kRate;
            double v = 0.0;
            for (int h = 1; h <= 8; ++h)
                v += std::sin(h * phase) / h;
            const double syl = std::pow(std::max(0.0, std::sin(2 * std::numbers::pi * 4.1 * t)), 2);
            v = v * syl * 0.2 + 0.01 * noise(rng);
            block[2 * i] = static_cast<float>(v);
            block[2 * i + 1] = static_cast<float>(0.9 * v);
        }
        w.write(block.data(), kRate);
    }
    w.close();
}

Cost ours(const std::filesystem::path& in, const std::filesystem::path& out, ExportFormat f) {
    std::filesystem::remove(out);
    ExportPlan plan;
    plan.sources = {in};
    plan.settings = ExportSettings::forPreset(f, ExportPreset::Web);
    plan.settings.loudness.reset();  // a plain encode, as ffmpeg does below
    plan.output = out;
    ExportControl control;
    rusage before{}, after{};
    getrusage(RUSAGE_SELF, &before);
    const auto t0 = std::chrono::steady_clock::now();
    Exporter(plan, control).run();
    const auto t1 = std::chrono::steady_clock::now();
    getrusage(RUSAGE_SELF, &after);
    Cost c;
    c.wall = std::chrono::duration<double>(t1 - t0).count();
    c.cpu = seconds(after.ru_utime) - seconds(before.ru_utime) + seconds(after.ru_stime) -
            seconds(before.ru_stime);
    return c;
}

// Waits for a child started at t0: its wall time, CPU time and peak memory.
Cost waitFor(pid_t pid, std::chrono::steady_clock::time_point t0, const std::string& what) {
    int status = 0;
    rusage ru{};
    wait4(pid, &status, 0, &ru);
    Cost c;
    c.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    c.cpu = seconds(ru.ru_utime) + seconds(ru.ru_stime);
    c.maxRssKb = ru.ru_maxrss;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        std::fprintf(stderr, "%s failed (status %d)\n", what.c_str(), status);
    return c;
}

Cost child(const std::vector<std::string>& argv) {
    const auto t0 = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid == 0) {
        std::vector<char*> a;
        for (const auto& s : argv)
            a.push_back(const_cast<char*>(s.c_str()));
        a.push_back(nullptr);
        execvp(a[0], a.data());
        std::_Exit(127);
    }
    return waitFor(pid, t0, argv[0]);
}

// Our export of `sources` in a child process, for its peak memory.
Cost oursInChild(const std::vector<std::filesystem::path>& sources,
                 const std::filesystem::path& out, ExportFormat f) {
    std::filesystem::remove(out);
    const auto t0 = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid == 0) {
        try {
            ExportPlan plan;
            plan.sources = sources;
            plan.settings = ExportSettings::forPreset(f, ExportPreset::Web);  // with -16 LUFS
            plan.output = out;
            ExportControl control;
            Exporter(plan, control).run();
            std::_Exit(0);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "export failed: %s\n", e.what());
            std::_Exit(1);
        }
    }
    return waitFor(pid, t0, "our export");
}

}  // namespace

int main(int argc, char** argv) {
    int minutes = 60, rounds = 1;
    bool memory = true;
    std::filesystem::path dir = "/tmp/ds-bench-recordings";
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--minutes" && i + 1 < argc) minutes = std::atoi(argv[++i]);
        if (a == "--rounds" && i + 1 < argc) rounds = std::atoi(argv[++i]);
        if (a == "--dir" && i + 1 < argc) dir = argv[++i];
        if (a == "--no-memory") memory = false;
    }
    std::filesystem::create_directories(dir);
    const auto input = dir / ("programme-" + std::to_string(minutes) + "min.wav");
    if (!std::filesystem::exists(input)) {
        std::printf("generating %d minutes of programme audio in %s ...\n", minutes, input.c_str());
        generate(input, minutes);
    }
    const double audioSeconds = minutes * 60.0;

    struct Case {
        const char* name;
        ExportFormat format;
        std::vector<std::string> ffmpegCodec;
        const char* extension;
    };
    const std::vector<Case> cases{
        {"MP3 128k (libmp3lame)", ExportFormat::Mp3, {"-c:a", "libmp3lame", "-b:a", "128k"}, "mp3"},
        {"Opus 64k (libopus, Ogg)", ExportFormat::Opus, {"-c:a", "libopus", "-b:a", "64k"}, "opus"},
        {"AAC 128k (aac, M4A)",
         ExportFormat::M4a,
         {"-c:a", "aac", "-b:a", "128k", "-movflags", "+faststart"},
         "m4a"}};

    std::printf("\n%d-minute programme, 48 kHz stereo 24-bit WAV; %d round(s), best wall time\n",
                minutes, rounds);
    std::printf("%-26s %10s %10s %10s %10s %9s %9s %8s %8s\n", "codec", "ours wall", "ours cpu",
                "ffmpeg wall", "ffmpeg cpu", "ours xRT", "ffmpeg xRT", "wall %", "cpu %");
    for (const Case& c : cases) {
        Cost best{1e9, 1e9, 0}, bestF{1e9, 1e9, 0};
        for (int r = 0; r < rounds; ++r) {
            const Cost o = ours(input, dir / (std::string("ours.") + c.extension), c.format);
            std::vector<std::string> cmd{"ffmpeg", "-nostdin", "-y",          "-v",
                                         "error",  "-i",       input.string()};
            cmd.insert(cmd.end(), c.ffmpegCodec.begin(), c.ffmpegCodec.end());
            cmd.push_back((dir / (std::string("ffmpeg.") + c.extension)).string());
            const Cost f = child(cmd);
            if (o.wall < best.wall) best = o;
            if (f.wall < bestF.wall) bestF = f;
        }
        std::printf("%-26s %9.2fs %9.2fs %9.2fs %9.2fs %8.0fx %8.0fx %7.0f%% %7.0f%%\n", c.name,
                    best.wall, best.cpu, bestF.wall, bestF.cpu, audioSeconds / best.wall,
                    audioSeconds / bestF.wall, 100.0 * bestF.wall / best.wall,
                    100.0 * bestF.cpu / best.cpu);
        std::fflush(stdout);
    }

    if (memory) {
        std::printf(
            "\n3-hour programme (the file joined three times), web preset with loudness "
            "normalisation to -16 LUFS:\n");
        const std::vector<std::filesystem::path> three{input, input, input};
        for (const auto& [name, format, ext] :
             std::vector<std::tuple<const char*, ExportFormat, const char*>>{
                 {"AAC 128k M4A", ExportFormat::M4a, "m4a"},
                 {"MP3 128k", ExportFormat::Mp3, "mp3"}}) {
            const Cost m = oursInChild(three, dir / (std::string("three-hours.") + ext), format);
            std::printf("  %-14s peak memory %6.1f MB, %6.1f s wall (%.0fx real time)\n", name,
                        m.maxRssKb / 1024.0, m.wall, 3 * audioSeconds / m.wall);
            std::fflush(stdout);
        }
    }
    return 0;
}
