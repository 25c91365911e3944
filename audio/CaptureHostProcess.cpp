#include "audio/CaptureHostProcess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <thread>

#include "audio/AudioError.h"
#include "audio/CaptureHostProtocol.h"

extern char** environ;

namespace ds::audio {

namespace {

bool executable(const std::filesystem::path& p) {
    return !p.empty() && ::access(p.c_str(), X_OK) == 0 && std::filesystem::is_regular_file(p);
}

}  // namespace

std::filesystem::path CaptureHostProcess::locate(const std::string& explicitPath) {
    std::vector<std::filesystem::path> tried;
    auto consider = [&](const std::filesystem::path& p) {
        if (p.empty()) return false;
        tried.push_back(p);
        return executable(p);
    };
    if (!explicitPath.empty()) {
        if (consider(explicitPath)) return explicitPath;
        throw AudioError("capture host program '" + explicitPath + "' is not an executable file");
    }
    if (const char* env = std::getenv("DS_CAPTURE_HOST"); env && *env && consider(env)) return env;
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec && consider(self.parent_path() / capture_host::kProgramName))
        return self.parent_path() / capture_host::kProgramName;
#ifdef DS_CAPTURE_HOST_BUILD_PATH
    if (consider(DS_CAPTURE_HOST_BUILD_PATH)) return DS_CAPTURE_HOST_BUILD_PATH;
#endif
    std::string where;
    for (const auto& p : tried)
        where += "\n  " + p.string();
    throw AudioError(
        std::string("cannot find the capture host program '") + capture_host::kProgramName +
        "' (install it beside dialogstudio, or set DS_CAPTURE_HOST); looked at:" + where);
}

CaptureHostProcess::CaptureHostProcess(const std::filesystem::path& program,
                                       const std::vector<std::string>& arguments, int sharedFd) {
    int status[2];
    int control[2];
    if (::pipe2(status, O_CLOEXEC) != 0)
        throw AudioError(std::string("cannot create a pipe: ") + std::strerror(errno));
    if (::pipe2(control, O_CLOEXEC) != 0) {
        ::close(status[0]);
        ::close(status[1]);
        throw AudioError(std::string("cannot create a pipe: ") + std::strerror(errno));
    }

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    // dup2 clears close-on-exec on the copy, so the host gets exactly these three.
    posix_spawn_file_actions_adddup2(&actions, sharedFd, capture_host::kSharedFd);
    posix_spawn_file_actions_adddup2(&actions, status[1], capture_host::kStatusFd);
    posix_spawn_file_actions_adddup2(&actions, control[0], capture_host::kControlFd);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&attributes, &none);
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGPIPE);
    sigaddset(&defaults, SIGINT);
    sigaddset(&defaults, SIGTERM);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

    std::vector<std::string> argv = {program.string()};
    argv.insert(argv.end(), arguments.begin(), arguments.end());
    std::vector<char*> raw;
    for (std::string& a : argv)
        raw.push_back(a.data());
    raw.push_back(nullptr);

    const int error =
        posix_spawn(&pid_, program.c_str(), &actions, &attributes, raw.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    ::close(status[1]);
    ::close(control[0]);
    if (error != 0) {
        ::close(status[0]);
        ::close(control[1]);
        pid_ = -1;
        throw AudioError("cannot start the capture host '" + program.string() +
                         "': " + std::strerror(error));
    }
    statusFd_ = status[0];
    controlFd_ = control[1];
    ::fcntl(statusFd_, F_SETFL, O_NONBLOCK);
}

CaptureHostProcess::~CaptureHostProcess() {
    kill();
    if (statusFd_ >= 0) ::close(statusFd_);
    if (controlFd_ >= 0) ::close(controlFd_);
}

bool CaptureHostProcess::readLines(std::chrono::milliseconds timeout) {
    // Returns false at end of file (the host has gone).
    pollfd p{statusFd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(timeout.count())) <= 0) return true;
    char chunk[1024];
    for (;;) {
        const ssize_t n = ::read(statusFd_, chunk, sizeof chunk);
        if (n > 0) {
            buffer_.append(chunk, static_cast<std::size_t>(n));
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        std::size_t newline;
        while ((newline = buffer_.find('\n')) != std::string::npos) {
            lines_.push_back(buffer_.substr(0, newline));
            buffer_.erase(0, newline + 1);
        }
        return !(n == 0);
    }
}

CaptureHostProcess::Reply CaptureHostProcess::poll(std::chrono::milliseconds timeout) {
    Reply reply;
    if (lines_.empty() && statusFd_ >= 0) {
        if (!readLines(timeout) && lines_.empty()) {
            ::close(statusFd_);
            statusFd_ = -1;
        }
    }
    if (!lines_.empty()) {
        const auto f = capture_host::fields(lines_.front());
        lines_.erase(lines_.begin());
        const std::string& kind = f[0];
        if (kind == "READY" && f.size() >= 4) {
            reply.kind = Reply::Kind::Ready;
            reply.sampleRate = std::atof(f[1].c_str());
            reply.hostApi = f[2];
            reply.device = f[3];
        } else if (kind == "ERROR" || kind == "LOST") {
            reply.kind = kind == "ERROR" ? Reply::Kind::Error : Reply::Kind::Lost;
            reply.message = f.size() > 1 ? f[1] : "";
        } else {
            reply.kind = Reply::Kind::Error;
            reply.message = "capture host said something unexpected: " + lines_.front();
        }
        return reply;
    }
    if (statusFd_ < 0) {
        // The pipe closed: the host has exited or is about to.
        reply.kind = Reply::Kind::Exited;
        reply.message = reap(true);
    }
    return reply;
}

void CaptureHostProcess::stop(std::chrono::milliseconds grace) {
    if (controlFd_ >= 0) {
        ::close(controlFd_);
        controlFd_ = -1;
    }
    const auto deadline = std::chrono::steady_clock::now() + grace;
    while (pid_ > 0 && std::chrono::steady_clock::now() < deadline) {
        reap(false);
        if (pid_ > 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    kill();
}

void CaptureHostProcess::kill() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    reap(true);
}

std::string CaptureHostProcess::reap(bool block) {
    if (pid_ <= 0) return exitDescription_;
    int status = 0;
    pid_t r;
    do {
        r = ::waitpid(pid_, &status, block ? 0 : WNOHANG);
    } while (r < 0 && errno == EINTR);
    if (r == pid_ || (r < 0 && errno == ECHILD)) {
        if (r == pid_ && WIFEXITED(status))
            exitDescription_ =
                "capture host exited with status " + std::to_string(WEXITSTATUS(status));
        else if (r == pid_ && WIFSIGNALED(status))
            exitDescription_ = "capture host ended by signal " + std::to_string(WTERMSIG(status));
        else
            exitDescription_ = "capture host ended";
        pid_ = -1;
    }
    return exitDescription_;
}

}  // namespace ds::audio
