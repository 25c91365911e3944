#pragma once
// CaptureHostProcess: the recorder's handle on one capture host process (see CaptureHost.h):
// starts it with the shared block and two pipes, reads its status lines, and stops or kills
// and reaps it. Used by CaptureEngine's supervisor thread only (not thread-safe).

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "posix/UniqueFd.h"

namespace ds::audio {

class CaptureHostProcess {
  public:
    struct Reply {
        enum class Kind { None, Ready, Error, Lost, Exited };
        Kind kind = Kind::None;
        std::string message;  // Error/Lost text; Exited: how it ended
        double sampleRate = 0.0;
        std::string hostApi;
        std::string device;
    };

    // Where the capture host program is: `explicitPath` if given, else $DS_CAPTURE_HOST, else
    // beside the running executable, else in the build tree. Throws AudioError if none exists.
    static std::filesystem::path locate(const std::string& explicitPath);

    // Starts the host; throws AudioError if it cannot be started.
    CaptureHostProcess(const std::filesystem::path& program,
                       const std::vector<std::string>& arguments, int sharedFd);
    ~CaptureHostProcess();  // kill() if still running
    CaptureHostProcess(const CaptureHostProcess&) = delete;
    CaptureHostProcess& operator=(const CaptureHostProcess&) = delete;

    // The next status line, waiting up to `timeout`; Exited once the process has gone.
    Reply poll(std::chrono::milliseconds timeout);

    // Asks the host to stop (closes the control pipe), waits up to `grace`, then kills it.
    void stop(std::chrono::milliseconds grace);

    // SIGKILL and reap. After this returns the host can no longer touch the shared block.
    void kill();

    pid_t pid() const { return pid_; }
    bool running() const { return pid_ > 0; }

  private:
    bool readLines(std::chrono::milliseconds timeout);
    std::string reap(bool block);

    pid_t pid_ = -1;
    posix::UniqueFd statusFd_;
    posix::UniqueFd controlFd_;
    std::string buffer_;
    std::vector<std::string> lines_;
    std::string exitDescription_;
};

}  // namespace ds::audio
