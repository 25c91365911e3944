#include "posix/Spawn.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>
#include <thread>

#include "posix/Pipe.h"

extern char** environ;

namespace ds::posix {

namespace {

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

Pipe Pipe::open() {
    int fd[2];
    if (::pipe2(fd, O_CLOEXEC) != 0)
        throw std::system_error(errno, std::generic_category(), "cannot create a pipe");
    return Pipe{UniqueFd(fd[0]), UniqueFd(fd[1])};
}

pid_t spawn(const std::vector<std::string>& argv, const SpawnOptions& options) {
    SpawnSetup s;
    // dup2 clears close-on-exec on the copy, so the child gets exactly these.
    for (const auto& [child, parent] : options.descriptors)
        posix_spawn_file_actions_adddup2(&s.actions, parent, child);
    if (options.stdinFromDevNull)
        posix_spawn_file_actions_addopen(&s.actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&s.attr, &none);
    short flags = POSIX_SPAWN_SETSIGMASK;
    if (!options.defaultSignals.empty()) {
        sigset_t defaults;
        sigemptyset(&defaults);
        for (int sig : options.defaultSignals)
            sigaddset(&defaults, sig);
        posix_spawnattr_setsigdefault(&s.attr, &defaults);
        flags |= POSIX_SPAWN_SETSIGDEF;
    }
    if (options.ownSession) flags |= POSIX_SPAWN_SETSID;
    posix_spawnattr_setflags(&s.attr, flags);

    std::vector<char*> args;
    for (const std::string& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, argv.at(0).c_str(), &s.actions, &s.attr, args.data(), environ);
    if (rc != 0) throw std::system_error(rc, std::generic_category(), "cannot start " + argv.at(0));
    return pid;
}

std::optional<int> waitFor(pid_t pid, std::chrono::milliseconds timeout) {
    const bool forever = timeout == kForever;
    const auto deadline = std::chrono::steady_clock::now() + (forever ? timeout.zero() : timeout);
    for (;;) {
        int st = 0;
        const pid_t r = ::waitpid(pid, &st, forever ? 0 : WNOHANG);
        if (r == pid) return st;
        if (r < 0 && errno == ECHILD) return 0;
        if (r < 0 && errno == EINTR) continue;
        if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

std::string describeExit(int status) {
    if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
    if (WIFSIGNALED(status)) return "ended by signal " + std::to_string(WTERMSIG(status));
    return "ended";
}

}  // namespace ds::posix
