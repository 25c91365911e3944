// recordings_test_recorder: a small recorder the recovery tests SIGKILL mid-programme. It does
// what the real `record` command does to the record and the file, with a generated signal
// instead of a sound card: registers the recording (RecordingStore::begin) holding the lock
// file, writes 24-bit WAV/RF64 or FLAC with audio::RecordingWriter at real-time pace (header
// rewritten every 0.5 s), sends a heartbeat every second, and places markers as the producer
// would (addMarker at the current time).
//
//   recordings_test_recorder --db DB --session ID --out FILE [--format wav|flac]
//       [--seconds N] [--marker SECONDS:LABEL]... [--late-marker LABEL]
//
// The signal is a counting pattern: frame n holds ((n % 8192) - 4096) / 8192 in the left
// channel (exact in 24 bits) and its negative in the right, so a test can check every frame.
// Prints "frames N" every 50 ms; closes cleanly after N seconds unless killed.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "audio/RecordingWriter.h"
#include "studio/Database.h"
#include "studio/RecordingStore.h"

using namespace ds;

int main(int argc, char** argv) {
    std::string dbPath, out, format = "wav", lateMarker;
    std::int64_t session = 0;
    double seconds = 10.0;
    std::vector<std::pair<double, std::string>> markers;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string o = argv[i], v = argv[i + 1];
        if (o == "--db") dbPath = v;
        if (o == "--session") session = std::atoll(v.c_str());
        if (o == "--out") out = v;
        if (o == "--format") format = v;
        if (o == "--seconds") seconds = std::atof(v.c_str());
        if (o == "--late-marker") lateMarker = v;
        if (o == "--marker") {
            const auto colon = v.find(':');
            markers.emplace_back(std::atof(v.substr(0, colon).c_str()), v.substr(colon + 1));
        }
    }
    try {
        Database db = Database::open(dbPath);
        RecordingStore store(db);
        const std::string lock = out + ".lock";
        const int lockFd = ::open(lock.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600);
        if (lockFd < 0 || ::flock(lockFd, LOCK_EX | LOCK_NB) != 0) {
            std::printf("error cannot lock %s\n", lock.c_str());
            return 1;
        }
        constexpr int kRate = 48000;
        Recording r;
        r.sessionId = session;
        r.path = out;
        r.format = format;
        r.sampleRate = kRate;
        r.channels = 2;
        r.device = "test:pattern";
        r = store.begin(r, "recorder");

        audio::RecordingSettings s;
        s.path = out;
        s.format = format == "flac" ? audio::RecordingFormat::Flac : audio::RecordingFormat::Wav;
        s.sampleRate = kRate;
        s.channels = 2;
        s.broadcast.description = "Keselamatan lalu lintas";
        s.broadcast.originator = "Polres Bengkulu";
        audio::RecordingWriter writer(s);
        std::printf("started %lld\n", static_cast<long long>(r.id));
        std::fflush(stdout);

        constexpr std::size_t kBlock = 480;  // 10 ms
        std::vector<float> block(kBlock * 2);
        const auto start = std::chrono::steady_clock::now();
        auto nextHeartbeat = start + std::chrono::seconds(1);
        auto nextPrint = start;
        std::uint64_t n = 0;
        std::size_t nextMarker = 0;
        bool late = false;
        while (n < static_cast<std::uint64_t>(seconds * kRate)) {
            for (std::size_t i = 0; i < kBlock; ++i, ++n) {
                const float v = static_cast<float>(static_cast<int>(n % 8192) - 4096) / 8192.0f;
                block[2 * i] = v;
                block[2 * i + 1] = -v;
            }
            writer.write(block.data(), kBlock);
            const auto now = std::chrono::steady_clock::now();
            writer.updateHeaderIfDue(now);
            if (now >= nextHeartbeat) {
                store.heartbeat(r.id, static_cast<std::int64_t>(writer.framesWritten()));
                nextHeartbeat += std::chrono::seconds(1);
                if (!late && !lateMarker.empty()) {
                    // A marker timed a minute ahead: its position lies past any audio written.
                    store.addMarker(session, "manual", lateMarker,
                                    ds::now() + std::chrono::minutes(1), std::nullopt, std::nullopt,
                                    "producer");
                    late = true;
                }
            }
            while (nextMarker < markers.size() &&
                   static_cast<double>(n) / kRate >= markers[nextMarker].first) {
                store.addMarker(session, "manual", markers[nextMarker].second, ds::now(),
                                std::nullopt, std::nullopt, "producer");
                ++nextMarker;
            }
            if (now >= nextPrint) {
                std::printf("frames %llu\n", static_cast<unsigned long long>(n));
                std::fflush(stdout);
                nextPrint += std::chrono::milliseconds(50);
            }
            // Real-time pace, as audio arrives from a sound card.
            std::this_thread::sleep_until(start + std::chrono::microseconds(n * 1000000 / kRate));
        }
        writer.close();
        store.finish(r.id, static_cast<std::int64_t>(writer.framesWritten()), "", "recorder");
        std::printf("stopped %llu\n", static_cast<unsigned long long>(writer.framesWritten()));
        return 0;
    } catch (const std::exception& e) {
        std::printf("error %s\n", e.what());
        return 1;
    }
}
