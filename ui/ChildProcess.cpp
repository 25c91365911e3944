#include "ui/ChildProcess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>

#include <fmt/format.h>

#include "studio/Errors.h"

extern char** environ;

namespace ds::ui {

namespace {

// Both ends of a pipe, closed on scope exit unless released.
struct Pipe {
    int fd[2] = {-1, -1};
    Pipe() {
        if (::pipe2(fd, O_CLOEXEC) != 0)
            throw UserError(fmt::format("cannot start a process: {}", std::strerror(errno)));
    }
    ~Pipe() {
        for (int f : fd)
            if (f >= 0) ::close(f);
    }
    Pipe(const Pipe&) = delete;
    Pipe& operator=(const Pipe&) = delete;
    int release(int i) {
        const int f = fd[i];
        fd[i] = -1;
        return f;
    }
};

// posix_spawn's attribute and file-action objects, destroyed on scope exit.
struct SpawnSetup {
    posix_spawnattr_t attr;
    posix_spawn_file_actions_t actions;
    SpawnSetup() {
        posix_spawnattr_init(&attr);
        posix_spawn_file_actions_init(&actions);
    }
    ~SpawnSetup() {
        posix_spawn_file_actions_destroy(&actions);
        posix_spawnattr_destroy(&attr);
    }
    SpawnSetup(const SpawnSetup&) = delete;
    SpawnSetup& operator=(const SpawnSetup&) = delete;
};

}  // namespace

ChildProcess::ChildProcess(const std::vector<std::string>& argv, Options options) {
    Pipe out, err;
    if (options.nonBlockingOutput) {
        for (int f : {out.fd[1], err.fd[1]})
            ::fcntl(f, F_SETFL, ::fcntl(f, F_GETFL) | O_NONBLOCK);
    }
    SpawnSetup s;
    posix_spawn_file_actions_adddup2(&s.actions, out.fd[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&s.actions, err.fd[1], STDERR_FILENO);
    posix_spawn_file_actions_addopen(&s.actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    // Handlers the room installed are reset by exec; a blocked signal would stay blocked.
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&s.attr, &none);
    short flags = POSIX_SPAWN_SETSIGMASK;
    if (options.ownSession) flags |= POSIX_SPAWN_SETSID;
    posix_spawnattr_setflags(&s.attr, flags);

    std::vector<char*> args;
    for (const std::string& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    const int rc =
        posix_spawn(&pid_, argv.at(0).c_str(), &s.actions, &s.attr, args.data(), environ);
    if (rc != 0) {
        pid_ = -1;
        throw UserError(fmt::format("cannot start {}: {}", argv.at(0), std::strerror(rc)));
    }
    ::close(out.release(1));
    ::close(err.release(1));
    out_ = out.release(0);
    err_ = err.release(0);
}

ChildProcess::~ChildProcess() {
    if (out_ >= 0) ::close(out_);
    if (err_ >= 0) ::close(err_);
    if (pid_ > 0 && !status_) {
        int st = 0;
        ::waitpid(pid_, &st, WNOHANG);  // an ended child is reaped; a running one goes on
    }
}

int ChildProcess::releaseOut() {
    const int f = out_;
    out_ = -1;
    return f;
}

int ChildProcess::releaseErr() {
    const int f = err_;
    err_ = -1;
    return f;
}

void ChildProcess::signal(int sig) const {
    if (pid_ > 0 && !status_) ::kill(pid_, sig);
}

std::optional<int> ChildProcess::wait(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!status_) {
        int st = 0;
        const pid_t r = ::waitpid(pid_, &st, WNOHANG);
        if (r == pid_ || (r < 0 && errno == ECHILD)) {
            status_ = r == pid_ ? st : 0;
            break;
        }
        if (std::chrono::steady_clock::now() >= deadline) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return status_;
}

bool ChildProcess::readLines(int out, int err, const LineFn& onLine,
                             const std::function<bool()>& stop,
                             std::chrono::steady_clock::time_point deadline) {
    std::string bufs[2];
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
                ::close(fds[i].fd);
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
    for (const pollfd& p : fds)
        if (p.fd >= 0) ::close(p.fd);
    return open == 0;
}

bool ChildProcess::readLines(const LineFn& onLine, const std::function<bool()>& stop,
                             std::chrono::steady_clock::time_point deadline) {
    return readLines(releaseOut(), releaseErr(), onLine, stop, deadline);
}

std::string ChildProcess::describe(int status) {
    if (WIFEXITED(status)) return fmt::format("exit {}", WEXITSTATUS(status));
    if (WIFSIGNALED(status)) return fmt::format("signal {}", WTERMSIG(status));
    return "ended";
}

}  // namespace ds::ui
