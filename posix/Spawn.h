#pragma once
// Starting a child process and learning how it ended, for every part of the program that runs
// another program: the control room's recorder, export and scan children (ui/ChildProcess)
// and the recorder's capture host (audio/CaptureHostProcess).
//
// posix_spawn, not fork: the parent may be a multi-threaded GUI or a recorder with a real-time
// thread, where only exec-safe work may happen between fork and exec.
#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ds::posix {

struct SpawnOptions {
    // The child's descriptors: {child's number, parent's descriptor}. Everything else the
    // parent holds is close-on-exec and does not reach the child.
    std::vector<std::pair<int, int>> descriptors;
    bool stdinFromDevNull = false;
    // Its own session: a Ctrl-C in the parent's terminal, or the terminal closing, does not
    // reach it.
    bool ownSession = false;
    // Signals the child starts with at their default action even if the parent ignores or
    // handles them (exec resets handled ones, not ignored ones). No signal starts blocked.
    std::vector<int> defaultSignals;
};

// Starts argv[0] with argv; returns its pid. Throws std::system_error naming the program.
pid_t spawn(const std::vector<std::string>& argv, const SpawnOptions& options);

inline constexpr std::chrono::milliseconds kForever = std::chrono::milliseconds::max();

// The child's wait status once it has ended, waiting up to `timeout` (zero: just look;
// kForever: until it ends). A child already reaped elsewhere reads as status 0.
std::optional<int> waitFor(pid_t pid, std::chrono::milliseconds timeout);

// waitpid's status for people: "exited with status 1", "ended by signal 9".
std::string describeExit(int status);

}  // namespace ds::posix
