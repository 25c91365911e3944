#pragma once
// Helpers shared by the audio tests: temporary folders, generated signals written with
// libsndfile, reading files back, and running the command-line tools people use.

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sndfile.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <numbers>
#include <stdexcept>
#include <string>
#include <vector>

#include "tests/TempDir.h"

extern char** environ;

namespace ds::audio::test {

using ds::test::TempDir;

// The test pattern. Channel 0 counts: sample n is (n + 1) / 2^23, exactly representable in
// 24-bit PCM and in float, never zero, so a lost, repeated or reordered sample shows as a step
// other than one. Channel 1 is a 1 kHz sine at -20 dBFS (amplitude 0.1) for level and pitch.
inline constexpr double kCountStep = 1.0 / 8388608.0;  // 2^-23
inline float patternSample(std::uint64_t n, unsigned channel, int rate) {
    if (channel == 0) return static_cast<float>((n % 4194304 + 1) * kCountStep);
    return static_cast<float>(0.1 * std::sin(2.0 * std::numbers::pi * 1000.0 * double(n) / rate));
}
// The counter value (n + 1) of a recorded channel-0 sample, or 0 for silence.
inline std::int64_t patternCount(float sample) {
    return std::llround(sample / kCountStep);
}

struct SndfileCloser {
    void operator()(SNDFILE* f) const { sf_close(f); }
};
using Sndfile = std::unique_ptr<SNDFILE, SndfileCloser>;

// Writes `frames` frames of gen(frame, channel) to a file (24-bit WAV by default).
inline void writeSignal(const std::filesystem::path& path, int rate, int channels,
                        std::uint64_t frames,
                        const std::function<float(std::uint64_t, unsigned)>& gen,
                        int format = SF_FORMAT_WAV | SF_FORMAT_PCM_24) {
    SF_INFO info{};
    info.samplerate = rate;
    info.channels = channels;
    info.format = format;
    Sndfile f(sf_open(path.c_str(), SFM_WRITE, &info));
    if (!f) throw std::runtime_error("cannot write " + path.string() + ": " + sf_strerror(nullptr));
    std::vector<float> block(4096 * channels);
    for (std::uint64_t at = 0; at < frames;) {
        const std::uint64_t n = std::min<std::uint64_t>(4096, frames - at);
        for (std::uint64_t i = 0; i < n; ++i)
            for (int c = 0; c < channels; ++c)
                block[i * channels + c] = gen(at + i, static_cast<unsigned>(c));
        sf_writef_float(f.get(), block.data(), static_cast<sf_count_t>(n));
        at += n;
    }
}

inline void writePattern(const std::filesystem::path& path, int rate, std::uint64_t frames) {
    writeSignal(path, rate, 2, frames,
                [rate](std::uint64_t n, unsigned c) { return patternSample(n, c, rate); });
}

struct Audio {
    int rate = 0;
    int channels = 0;
    std::vector<float> samples;  // interleaved
    std::uint64_t frames() const { return channels ? samples.size() / channels : 0; }
    float at(std::uint64_t frame, unsigned channel) const {
        return samples[frame * channels + channel];
    }
};

// Reads a whole file with libsndfile (to the end of the data, even if the header says less is
// unknown, as for an interrupted FLAC).
inline Audio readAudio(const std::filesystem::path& path) {
    SF_INFO info{};
    Sndfile f(sf_open(path.c_str(), SFM_READ, &info));
    if (!f)
        throw std::runtime_error("libsndfile cannot open " + path.string() + ": " +
                                 sf_strerror(nullptr));
    Audio a;
    a.rate = info.samplerate;
    a.channels = info.channels;
    std::vector<float> block(4096 * info.channels);
    for (;;) {
        const sf_count_t n = sf_readf_float(f.get(), block.data(), 4096);
        if (n <= 0) break;
        a.samples.insert(a.samples.end(), block.begin(), block.begin() + n * info.channels);
    }
    return a;
}

struct CommandResult {
    int exitCode = -1;
    std::string output;  // stdout and stderr
};

// Runs a shell command and collects its output.
inline CommandResult run(const std::string& command) {
    CommandResult r;
    std::FILE* p = ::popen((command + " 2>&1").c_str(), "r");
    if (!p) return r;
    std::array<char, 4096> buffer{};
    std::size_t n;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), p)) > 0)
        r.output.append(buffer.data(), n);
    const int status = ::pclose(p);
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

inline std::string quote(const std::string& s) {
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// A number following `label` in `text` (e.g. "Length (seconds):" in sox's stat output).
inline double numberAfter(const std::string& text, const std::string& label) {
    const auto at = text.find(label);
    if (at == std::string::npos) return std::nan("");
    return std::atof(text.c_str() + at + label.size());
}

// A child process whose output the test reads line by line (stdout and stderr together).
class Child {
  public:
    explicit Child(const std::vector<std::string>& argv) {
        int out[2];
        if (::pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe");
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, out[1], 1);
        posix_spawn_file_actions_adddup2(&actions, out[1], 2);
        std::vector<std::string> args = argv;
        std::vector<char*> raw;
        for (auto& a : args)
            raw.push_back(a.data());
        raw.push_back(nullptr);
        const int e = posix_spawnp(&pid_, raw[0], &actions, nullptr, raw.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        ::close(out[1]);
        if (e != 0) {
            ::close(out[0]);
            throw std::runtime_error("cannot start " + argv[0]);
        }
        fd_ = out[0];
    }
    ~Child() {
        kill(SIGKILL);
        wait();
        if (fd_ >= 0) ::close(fd_);
    }
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    // The next line, or nothing if none came within the timeout (or the output ended).
    bool readLine(std::string& line, std::chrono::milliseconds timeout) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        for (;;) {
            const auto nl = buffer_.find('\n');
            if (nl != std::string::npos) {
                line = buffer_.substr(0, nl);
                buffer_.erase(0, nl + 1);
                all_ += line + "\n";
                return true;
            }
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0 || fd_ < 0) return false;
            pollfd p{fd_, POLLIN, 0};
            if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
            char chunk[4096];
            const ssize_t n = ::read(fd_, chunk, sizeof chunk);
            if (n <= 0) {
                ::close(fd_);
                fd_ = -1;
                if (buffer_.empty()) return false;
                buffer_ += '\n';
                continue;
            }
            buffer_.append(chunk, static_cast<std::size_t>(n));
        }
    }
    void kill(int signal) {
        if (pid_ > 0) ::kill(pid_, signal);
    }
    // Waits for the end; returns the exit status (or 128 + signal).
    int wait() {
        if (pid_ <= 0) return status_;
        int st = 0;
        ::waitpid(pid_, &st, 0);
        pid_ = -1;
        status_ = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
        return status_;
    }
    pid_t pid() const { return pid_; }
    const std::string& output() const { return all_; }

  private:
    pid_t pid_ = -1;
    int fd_ = -1;
    int status_ = -1;
    std::string buffer_;
    std::string all_;
};

}  // namespace ds::audio::test
