// audio_record_probe: a minimal recorder run as its own process by the tests, so they can
// SIGKILL it mid-recording or starve it of disk space (RLIMIT_FSIZE) without harming the test.
//
//   audio_record_probe --source SPEC --out PATH [--format wav|flac] [--seconds N]
//                      [--max-file-bytes N] [--jack-client NAME] [--jack-server NAME]
//
// Prints "started", then every 20 ms "position CAPTURED WRITTEN" (frames), events as
// "event ..." and "alarm ..." lines, and "stopped WRITTEN" at the end.

#include <sys/resource.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "audio/AudioError.h"
#include "audio/Recorder.h"

using namespace ds::audio;

int main(int argc, char** argv) {
    RecorderSettings s;
    double seconds = 10.0;
    long long maxFileBytes = 0;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string o = argv[i], v = argv[i + 1];
        if (o == "--source")
            s.capture.device = v;
        else if (o == "--out")
            s.file.path = v;
        else if (o == "--format")
            s.file.format = v == "flac" ? RecordingFormat::Flac : RecordingFormat::Wav;
        else if (o == "--seconds")
            seconds = std::atof(v.c_str());
        else if (o == "--jack-client")
            s.capture.jackClientName = v;
        else if (o == "--jack-server")
            s.capture.jackServerName = v;
        else if (o == "--max-file-bytes")
            maxFileBytes = std::atoll(v.c_str());
    }
    s.file.broadcast.description = "probe";
    s.plannedSeconds = seconds;
    try {
        Recorder r(s);
        if (maxFileBytes > 0) {
            // A full disk, simulated: writes past this size fail with EFBIG as they would with
            // ENOSPC. Set after the engine made its shared memory (a memfd is a file too).
            std::signal(SIGXFSZ, SIG_IGN);
            const rlimit limit{static_cast<rlim_t>(maxFileBytes),
                               static_cast<rlim_t>(maxFileBytes)};
            setrlimit(RLIMIT_FSIZE, &limit);
        }
        r.start();
        std::printf("started\n");
        std::fflush(stdout);
        const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
        std::string lastError;
        while (std::chrono::steady_clock::now() < end) {
            const RecorderStatus st = r.poll();
            for (const auto& e : st.captureEvents)
                std::printf("event %d %llu %s\n", int(e.kind), (unsigned long long)e.framePosition,
                            e.message.c_str());
            for (const auto& a : st.alarmEvents)
                std::printf("alarm %s %s\n", std::string(alarmName(a.kind)).c_str(),
                            a.started ? "start" : "end");
            if (!st.diskError.empty() && st.diskError != lastError) {
                lastError = st.diskError;
                std::printf("disk-error %s\n", st.diskError.c_str());
            }
            std::printf("position %llu %llu\n", (unsigned long long)st.capture.framesCaptured,
                        (unsigned long long)st.framesWritten);
            std::fflush(stdout);
            if (st.capture.state == CaptureState::Finished &&
                st.framesWritten >= st.capture.framesCaptured)
                break;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        const RecorderStatus last = r.stop();
        std::printf("stopped %llu\n", (unsigned long long)last.framesWritten);
        return 0;
    } catch (const std::exception& e) {
        std::printf("error %s\n", e.what());
        return 2;
    }
}
