#include "audio/CaptureHostProcess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <system_error>
#include <thread>

#include "audio/AudioError.h"
#include "audio/CaptureHostProtocol.h"
#include "posix/Pipe.h"
#include "posix/Spawn.h"

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
    posix::Pipe status, control;
    try {
        status = posix::Pipe::open();
        control = posix::Pipe::open();
    } catch (const std::system_error& e) {
        throw AudioError(std::string("cannot create a pipe: ") + e.code().message());
    }
    std::vector<std::string> argv = {program.string()};
    argv.insert(argv.end(), arguments.begin(), arguments.end());
    try {
        // The host gets exactly these three descriptors, and the signals that end it act as
        // their defaults whatever the recorder does with them.
        pid_ = posix::spawn(argv, {.descriptors = {{capture_host::kSharedFd, sharedFd},
                                                   {capture_host::kStatusFd, status.write.get()},
                                                   {capture_host::kControlFd, control.read.get()}},
                                   .defaultSignals = {SIGPIPE, SIGINT, SIGTERM}});
    } catch (const std::system_error& e) {
        throw AudioError("cannot start the capture host '" + program.string() +
                         "': " + e.code().message());
    }
    statusFd_ = std::move(status.read);
    controlFd_ = std::move(control.write);
    ::fcntl(statusFd_.get(), F_SETFL, O_NONBLOCK);
}

CaptureHostProcess::~CaptureHostProcess() {
    kill();
}

bool CaptureHostProcess::readLines(std::chrono::milliseconds timeout) {
    // Returns false at end of file (the host has gone).
    pollfd p{statusFd_.get(), POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(timeout.count())) <= 0) return true;
    char chunk[1024];
    for (;;) {
        const ssize_t n = ::read(statusFd_.get(), chunk, sizeof chunk);
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
    if (lines_.empty() && statusFd_) {
        if (!readLines(timeout) && lines_.empty()) statusFd_.reset();
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
    if (!statusFd_) {
        // The pipe closed: the host has exited or is about to.
        reply.kind = Reply::Kind::Exited;
        reply.message = reap(true);
    }
    return reply;
}

void CaptureHostProcess::stop(std::chrono::milliseconds grace) {
    controlFd_.reset();
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
    const auto status =
        posix::waitFor(pid_, block ? posix::kForever : std::chrono::milliseconds(0));
    if (status) {
        exitDescription_ = "capture host " + posix::describeExit(*status);
        pid_ = -1;
    }
    return exitDescription_;
}

}  // namespace ds::audio
