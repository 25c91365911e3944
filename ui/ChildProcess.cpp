#include "ui/ChildProcess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <system_error>

#include <fmt/format.h>

#include "posix/Pipe.h"
#include "posix/Spawn.h"
#include "studio/Errors.h"

namespace ds::ui {

ChildProcess::ChildProcess(const std::vector<std::string>& argv, Options options) {
    posix::Pipe out = posix::Pipe::open(), err = posix::Pipe::open();
    if (options.nonBlockingOutput) {
        for (int f : {out.write.get(), err.write.get()})
            ::fcntl(f, F_SETFL, ::fcntl(f, F_GETFL) | O_NONBLOCK);
    }
    try {
        pid_ = posix::spawn(argv, {.descriptors = {{STDOUT_FILENO, out.write.get()},
                                                   {STDERR_FILENO, err.write.get()}},
                                   .stdinFromDevNull = true,
                                   .ownSession = options.ownSession});
    } catch (const std::system_error& e) {
        throw UserError(fmt::format("cannot start {}: {}", argv.at(0), e.code().message()));
    }
    out_ = std::move(out.read);
    err_ = std::move(err.read);
}

ChildProcess::~ChildProcess() {
    if (pid_ > 0 && !status_)
        posix::waitFor(
            pid_, std::chrono::milliseconds(0));  // an ended child is reaped; a running one goes on
}

int ChildProcess::releaseOut() {
    return out_.release();
}

int ChildProcess::releaseErr() {
    return err_.release();
}

void ChildProcess::signal(int sig) const {
    if (pid_ > 0 && !status_) ::kill(pid_, sig);
}

std::optional<int> ChildProcess::wait(std::chrono::milliseconds timeout) {
    if (!status_) status_ = posix::waitFor(pid_, timeout);
    return status_;
}

bool ChildProcess::readLines(int out, int err, const LineFn& onLine,
                             const std::function<bool()>& stop,
                             std::chrono::steady_clock::time_point deadline) {
    std::string bufs[2];
    posix::UniqueFd owned[2] = {posix::UniqueFd(out), posix::UniqueFd(err)};  // closed on return
    pollfd fds[2] = {{out, POLLIN, 0}, {err, POLLIN, 0}};
    int open = (out >= 0) + (err >= 0);
    char chunk[4096];
    while (open > 0) {
        if ((stop && stop()) || std::chrono::steady_clock::now() >= deadline) break;
        if (::poll(fds, 2, 100) <= 0) continue;
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            const ssize_t n = ::read(fds[i].fd, chunk, sizeof chunk);
            if (n <= 0) {
                owned[i].reset();
                fds[i].fd = -1;
                --open;
                if (!bufs[i].empty()) onLine(i + 1, bufs[i]);  // a last line without newline
                continue;
            }
            bufs[i].append(chunk, static_cast<std::size_t>(n));
            for (std::size_t nl; (nl = bufs[i].find('\n')) != std::string::npos;) {
                const std::string line = bufs[i].substr(0, nl);
                bufs[i].erase(0, nl + 1);
                onLine(i + 1, line);
            }
        }
    }
    return open == 0;
}

bool ChildProcess::readLines(const LineFn& onLine, const std::function<bool()>& stop,
                             std::chrono::steady_clock::time_point deadline) {
    return readLines(releaseOut(), releaseErr(), onLine, stop, deadline);
}

std::string ChildProcess::describe(int status) {
    return posix::describeExit(status);
}

}  // namespace ds::ui
