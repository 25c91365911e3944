#pragma once
// What the recordings tests share: temporary folders, running programs (the real dialogstudio
// binary, ffprobe, ffmpeg, sox) and reading their output, generated programme audio written by
// the audio module's RecordingWriter (the same 24-bit WAV/RF64 the recorder writes), and a real
// database with a session, its rundown, questions, a recording and markers at known positions.
// No media files are committed: every input is generated here.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <numbers>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "audio/RecordingWriter.h"
#include "studio/Database.h"
#include "studio/ProgrammeStore.h"
#include "studio/IntakeService.h"
#include "studio/QuestionStore.h"
#include "studio/RecordingStore.h"
#include "studio/SessionStore.h"
#include "studio/Statement.h"
#include "studio/StationStore.h"
#include "tests/TempDir.h"

namespace ds::test {

inline std::string quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + "'";
}

struct RunResult {
    int exitCode = -1;
    std::string output;
};

// Runs a shell command; output is stdout (stderr too unless redirected in the command).
inline RunResult run(const std::string& command) {
    RunResult r;
    std::FILE* p = ::popen(command.c_str(), "r");
    if (!p) return r;
    std::array<char, 4096> buf{};
    std::size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0)
        r.output.append(buf.data(), n);
    const int status = ::pclose(p);
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return r;
}

inline std::string sha256(const std::filesystem::path& file) {
    return run("sha256sum " + quote(file.string()) + " | cut -d' ' -f1").output;
}

// ffprobe's view of a file: format, streams and chapters as JSON.
inline nlohmann::json probe(const std::filesystem::path& file) {
    const RunResult r =
        run("ffprobe -v error -print_format json -show_format -show_streams "
            "-show_chapters " +
            quote(file.string()));
    if (r.exitCode != 0) return nlohmann::json::object();
    return nlohmann::json::parse(r.output, nullptr, false);
}

// The length a player plays, from ffprobe's view of a file. ffprobe's duration runs from the
// time line's zero; FFmpeg 5.1's MP3 demuxer counts every frame in it, including the encoder
// delay that the LAME header tells players to skip and that ffprobe shows as a positive
// start_time, so that delay is taken off. (Matroska's negative start_time is Opus pre-skip,
// which its duration already spans.)
inline double playedSeconds(const nlohmann::json& probe) {
    const auto& format = probe["format"];
    const double duration = std::stod(format.value("duration", "0"));
    const double start = std::stod(format.value("start_time", "0"));
    return duration - std::max(0.0, start);
}

// The length of a file decoded by FFmpeg (what every player that honours the codec's delay and
// padding plays), from the count of samples it gives.
inline double decodedSeconds(const std::filesystem::path& file, int rate) {
    const RunResult r = run("ffmpeg -v error -i " + quote(file.string()) + " -ac 1 -ar " +
                            std::to_string(rate) + " -f s16le - | wc -c");
    return std::strtod(r.output.c_str(), nullptr) / 2.0 / rate;
}

struct Ebur128 {
    double integrated = -99.0;
    double truePeak = 99.0;
};

// Loudness as FFmpeg's own ebur128 filter measures the file (independent of libebur128).
inline Ebur128 ffmpegLoudness(const std::filesystem::path& file) {
    const RunResult r = run("ffmpeg -nostats -hide_banner -i " + quote(file.string()) +
                            " -af ebur128=peak=true -f null - 2>&1");
    Ebur128 e;
    const auto summary = r.output.rfind("Summary:");
    if (summary == std::string::npos) return e;
    const std::string s = r.output.substr(summary);
    auto after = [&](const std::string& key, std::size_t from) {
        const auto at = s.find(key, from);
        return at == std::string::npos ? std::nan("")
                                       : std::strtod(s.c_str() + at + key.size(), nullptr);
    };
    e.integrated = after("I:", 0);
    e.truePeak = after("Peak:", s.find("True peak:"));
    return e;
}

// A child process whose stdout and stderr we read line by line, and can signal.
class Child {
  public:
    explicit Child(const std::vector<std::string>& argv) {
        int fds[2];
        if (::pipe(fds) != 0) return;
        pid_ = ::fork();
        if (pid_ == 0) {
            ::dup2(fds[1], 1);
            ::dup2(fds[1], 2);
            ::close(fds[0]);
            ::close(fds[1]);
            std::vector<char*> args;
            for (const auto& a : argv)
                args.push_back(const_cast<char*>(a.c_str()));
            args.push_back(nullptr);
            ::execv(args[0], args.data());
            std::_Exit(127);
        }
        ::close(fds[1]);
        fd_ = fds[0];
    }
    ~Child() {
        if (pid_ > 0 && !waited_) {
            ::kill(pid_, SIGKILL);
            wait();
        }
        if (fd_ >= 0) ::close(fd_);
    }
    // Reads one line (without the newline); false at end of output or after the timeout.
    bool readLine(std::string& line, std::chrono::milliseconds timeout) {
        const auto end = std::chrono::steady_clock::now() + timeout;
        for (;;) {
            const auto nl = pending_.find_first_of("\n\r");
            if (nl != std::string::npos) {
                line = pending_.substr(0, nl);
                pending_.erase(0, nl + 1);
                return true;
            }
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                end - std::chrono::steady_clock::now());
            if (left.count() <= 0) return false;
            fd_set set;
            FD_ZERO(&set);
            FD_SET(fd_, &set);
            timeval tv{static_cast<long>(left.count() / 1000),
                       static_cast<long>(left.count() % 1000 * 1000)};
            if (::select(fd_ + 1, &set, nullptr, nullptr, &tv) <= 0) return false;
            char buf[4096];
            const ssize_t n = ::read(fd_, buf, sizeof buf);
            if (n <= 0) {
                if (pending_.empty()) return false;
                line = pending_;
                pending_.clear();
                return true;
            }
            pending_.append(buf, static_cast<std::size_t>(n));
            output_.append(buf, static_cast<std::size_t>(n));
        }
    }
    void signal(int sig) { ::kill(pid_, sig); }
    int wait() {
        std::string line;
        while (readLine(line, std::chrono::seconds(60))) {
        }
        int status = 0;
        ::waitpid(pid_, &status, 0);
        waited_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    const std::string& output() const { return output_; }

  private:
    pid_t pid_ = -1;
    int fd_ = -1;
    bool waited_ = false;
    std::string pending_;
    std::string output_;
};

// Programme-like audio: a voice-ish signal (harmonics of a wandering pitch, syllables at about
// 4 Hz, a little noise) with occasional loud plosives, so the limiter has peaks to catch.
// `levelDb` scales the whole; the same seed always gives the same samples.
inline std::vector<float> speechLike(double seconds, int rate, unsigned channels, double levelDb,
                                     unsigned seed = 7) {
    const auto frames = static_cast<std::size_t>(seconds * rate);
    std::vector<float> out(frames * channels);
    std::mt19937 rng(seed);
    std::normal_distribution<double> noise(0.0, 1.0);
    const double gain = std::pow(10.0, levelDb / 20.0);
    double phase = 0.0;
    for (std::size_t n = 0; n < frames; ++n) {
        const double t = static_cast<double>(n) / rate;
        const double pitch = 140.0 + 30.0 * std::sin(2 * std::numbers::pi * 0.7 * t);
        phase += 2 * std::numbers::pi * pitch / rate;
        double v = 0.0;
        for (int h = 1; h <= 8; ++h)
            v += std::sin(h * phase) / h;
        const double syllable =
            std::pow(std::max(0.0, std::sin(2 * std::numbers::pi * 4.1 * t)), 2);
        v = v * syllable * 0.35 + 0.02 * noise(rng);
        // A plosive every 1.7 s: a short burst well above the voice.
        const double inBurst = std::fmod(t, 1.7);
        if (inBurst < 0.004) v += 0.9 * std::sin(2 * std::numbers::pi * 900.0 * inBurst);
        for (unsigned c = 0; c < channels; ++c)
            out[n * channels + c] = static_cast<float>(v * gain * (c == 0 ? 1.0 : 0.9));
    }
    return out;
}

// Writes interleaved audio as the recorder does (24-bit WAV/RF64 with bext, or FLAC).
inline void writeRecording(const std::filesystem::path& path, const std::vector<float>& audio,
                           int rate, unsigned channels,
                           audio::RecordingFormat format = audio::RecordingFormat::Wav) {
    audio::RecordingSettings s;
    s.path = path;
    s.format = format;
    s.sampleRate = rate;
    s.channels = channels;
    s.broadcast.description = "Keselamatan lalu lintas";
    s.broadcast.originator = "Polres Bengkulu";
    audio::RecordingWriter w(s);
    w.write(audio.data(), audio.size() / channels);
    w.close();
}

// A real database with a station, a programme, a session with a five-segment rundown and three
// questions, and helpers to attach a recording with markers at exact positions.
class SessionFixture {
  public:
    explicit SessionFixture(const std::filesystem::path& folder)
        : dbPath(folder / "studio.db"), db(Database::open(dbPath)) {
        StationStore stations(db);
        station = stations.current("test");
        station.code = "BKL";
        station.name = "Polres Bengkulu";
        station.timeZone = "Asia/Jakarta";
        station.recordingsDir = (folder / "recordings").string();
        station = stations.update(station, "test");
        Programme p;
        p.stationId = station.id;
        p.title = "Dialog Interaktif Kamtibmas";
        p.partnerMedia = "RRI Bengkulu";
        programme = ProgrammeStore(db).create(p, "test");
        Session s;
        s.programmeId = programme.id;
        s.topic = "Keselamatan lalu lintas";
        s.scheduledStart = now();
        s.plannedLength = std::chrono::minutes(60);
        s.checklist = {true, true, true, true};
        s.guests = {{"Dedi Kurniawan", "AKP", "Kasat Lantas"}};
        SessionStore sessions(db);
        session = sessions.create(s, "test");
        std::vector<Segment> rundown;
        for (const auto& [kind, title] : std::vector<std::pair<std::string, std::string>>{
                 {"opening", "Pembukaan"},
                 {"material", "Materi: keselamatan berkendara"},
                 {"qa", "Tanya jawab"},
                 {"break", "Jeda"},
                 {"closing", "Penutup"}}) {
            Segment seg;
            seg.kind = kind;
            seg.title = title;
            seg.planned = std::chrono::minutes(5);
            rundown.push_back(seg);
        }
        session = sessions.setRundown(session.id, rundown, "test");
        IntakeService intake(db);
        for (const auto& [topic, text] : std::vector<std::pair<std::string, std::string>>{
                 {"SIM keliling", "Kapan SIM keliling ke Selebar?"},
                 {"Helm anak", "Apakah anak wajib memakai helm?"},
                 {"Tilang elektronik", "Bagaimana cara membayar tilang elektronik?"}}) {
            Question q;
            q.sessionId = session.id;
            q.channel = "phone";
            q.text = text;
            q.topic = topic;
            q.callerName = "Siti";
            questionIds.push_back(intake.receive(q, "screener").id);
        }
    }

    std::filesystem::path folder() const {
        return RecordingStore::sessionFolder(station, session, "");
    }

    // Registers `file` as the session's recording, holding its lock like a live recorder, and
    // places markers at exact frames: {frame, kind, label, segment index or question index}.
    struct Mark {
        std::int64_t frame;
        std::string kind;  // segment, question, manual
        int index;         // rundown index for segments, question index for questions
        std::string label = {};
    };
    Recording addRecording(const std::filesystem::path& file, std::int64_t frames, int rate,
                           const std::vector<Mark>& marks, bool finish = true) {
        RecordingStore store(db);
        const std::string lock = file.string() + ".lock";
        const int fd = ::open(lock.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600);
        ::flock(fd, LOCK_EX);
        Recording r;
        r.sessionId = session.id;
        r.path = file.string();
        r.format = file.extension() == ".flac" ? "flac" : "wav";
        r.sampleRate = rate;
        r.channels = 2;
        r.device = "test:generator";
        r = store.begin(r, "recorder");
        store.heartbeat(r.id, 0);
        const TimePoint base = *store.get(r.id).heartbeatAt;
        for (const Mark& m : marks) {
            std::optional<std::int64_t> segment, question;
            std::string label = m.label;
            if (m.kind == "segment") {
                segment = session.segments[static_cast<std::size_t>(m.index)].id;
                if (label.empty())
                    label = session.segments[static_cast<std::size_t>(m.index)].title;
            } else if (m.kind == "question") {
                question = questionIds[static_cast<std::size_t>(m.index)];
                if (label.empty()) {
                    Statement st = db.prepare("SELECT number, topic FROM questions WHERE id = ?");
                    st.bind(1, *question);
                    st.step();
                    label = "Pertanyaan " + std::to_string(st.getInt(0)) + ": " + st.getText(1);
                }
            }
            // addMarker places it at heartbeat frames + elapsed time: exact in milliseconds.
            const auto ms = m.frame * 1000 / rate;
            store.addMarker(session.id, m.kind, label, base + std::chrono::milliseconds(ms),
                            segment, question, "producer");
        }
        if (finish) r = store.finish(r.id, frames, "", "recorder");
        ::close(fd);
        std::filesystem::remove(lock);
        return store.get(r.id);
    }

    std::int64_t count(const std::string& sql) {
        Statement st = db.prepare(sql);
        st.step();
        return st.getInt(0);
    }

    std::filesystem::path dbPath;
    Database db;
    Station station;
    Programme programme;
    Session session;
    std::vector<std::int64_t> questionIds;
};

// dialogstudio with this fixture's database, in English; returns exit code and output.
inline RunResult dialogstudio(const std::filesystem::path& db, const std::string& args,
                              bool withStderr = true) {
    return run(std::string(DS_DIALOGSTUDIO) + " --db " + quote(db.string()) +
               " --lang en --actor tester " + args + (withStderr ? " 2>&1" : " 2>/dev/null"));
}

}  // namespace ds::test
