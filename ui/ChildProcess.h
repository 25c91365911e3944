#pragma once
// A child process of the control room: another run of dialogstudio (the recorder, an export, a
// report), with its stdout and stderr on pipes the room reads. RAII over the pid and the pipes:
// the destructor closes the pipes and reaps the child if it has already ended, but never kills
// it (a recorder must outlive the room; an export job kills its own child when cancelled).
//
// Threads: one owner at a time; the pipe descriptors may be read on another thread.
#include <sys/types.h>

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "posix/UniqueFd.h"

namespace ds::ui {

class ChildProcess {
  public:
    struct Options {
        // Its own session: a Ctrl-C in the room's terminal, or the terminal closing, does not
        // reach it.
        bool ownSession = false;
        // The child's ends of the pipes do not block: a child must never stall on a line the
        // room is slow to read (the recorder's control loop would stop draining its ring).
        bool nonBlockingOutput = false;
    };

    // Starts argv[0] with argv; throws UserError if it cannot.
    ChildProcess(const std::vector<std::string>& argv, Options options);
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    pid_t pid() const { return pid_; }
    // The room's ends of the child's stdout and stderr (-1 once released or closed).
    int out() const { return out_.get(); }
    int err() const { return err_.get(); }
    // Hands a pipe to someone else (a reader thread), who then closes it.
    int releaseOut();
    int releaseErr();

    void signal(int sig) const;
    // The exit status once the child has ended (waitpid's), waiting up to `timeout`.
    std::optional<int> wait(std::chrono::milliseconds timeout);
    bool ended() const { return status_.has_value(); }

    // A readable description of waitpid's status: "exited with status 1", "ended by signal 9".
    static std::string describe(int status);

    // stream 1 is stdout, 2 stderr; the line without its newline.
    using LineFn = std::function<void(int stream, const std::string& line)>;
    // Reads the pipes line by line until both are closed (true), or until `stop` (asked every
    // 100 ms; may be empty) says so or the deadline passes (false). Closes what it read to the
    // end. For pipes released to a reader thread, or this child's own.
    static bool readLines(int out, int err, const LineFn& onLine, const std::function<bool()>& stop,
                          std::chrono::steady_clock::time_point deadline =
                              std::chrono::steady_clock::time_point::max());
    bool readLines(const LineFn& onLine, const std::function<bool()>& stop,
                   std::chrono::steady_clock::time_point deadline =
                       std::chrono::steady_clock::time_point::max());

  private:
    pid_t pid_ = -1;
    posix::UniqueFd out_;
    posix::UniqueFd err_;
    std::optional<int> status_;
};

}  // namespace ds::ui
