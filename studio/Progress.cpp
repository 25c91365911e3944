#include "studio/Progress.h"

#include <unistd.h>

#include <csignal>
#include <cstdio>

#include <fmt/format.h>

namespace ds {

namespace {

// Set by the SIGINT handler; only an always-lock-free atomic may be touched there.
std::atomic<bool> gSigint{false};
static_assert(std::atomic<bool>::is_always_lock_free);
struct sigaction gPrevious {};
int gInstalled = 0;  // nesting depth; Progress objects of one thread only

extern "C" void onSigint(int) {
    gSigint.store(true, std::memory_order_release);
}

// Quick work stays quiet: progress appears only once the work has taken this long.
constexpr auto kQuietFor = std::chrono::milliseconds(300);

}  // namespace

Progress::Progress(std::string task, bool catchSigint)
    : task_(std::move(task)), toStderr_(true), start_(std::chrono::steady_clock::now()) {
    tty_ = ::isatty(STDERR_FILENO) == 1;
    if (catchSigint) {
        if (gInstalled++ == 0) {
            gSigint.store(false, std::memory_order_release);
            struct sigaction sa {};
            sa.sa_handler = onSigint;
            sigemptyset(&sa.sa_mask);
            sigaction(SIGINT, &sa, &gPrevious);
        }
        sigint_ = true;
    }
}

Progress::Progress(std::string task, Sink sink)
    : task_(std::move(task)), sink_(std::move(sink)), start_(std::chrono::steady_clock::now()) {}

Progress::~Progress() {
    if (printed_ && tty_) std::fputc('\n', stderr);
    if (sigint_ && --gInstalled == 0) sigaction(SIGINT, &gPrevious, nullptr);
}

Progress& Progress::silent() {
    static Progress quiet("", Sink{});
    return quiet;
}

bool Progress::cancelled() const {
    return cancelled_.load(std::memory_order_acquire) ||
           (sigint_ && gSigint.load(std::memory_order_acquire));
}

void Progress::check() const {
    if (cancelled()) {
        throw CancelledError(fmt::format("{}: cancelled; no file was written", task_));
    }
}

void Progress::phase(std::string_view name) {
    check();
    phase_ = name;
    emit(0.0, false);
}

void Progress::update(std::size_t done, std::size_t total) {
    check();
    emit(total == 0 ? 1.0 : static_cast<double>(done) / static_cast<double>(total), false);
}

void Progress::finish() {
    if (printed_) {
        phase_ = "selesai";
        emit(1.0, true);
    }
}

void Progress::emit(double fraction, bool force) {
    if (sink_) {
        sink_(phase_, fraction);
        return;
    }
    if (!toStderr_) return;
    auto t = std::chrono::steady_clock::now();
    if (!force && t - start_ < kQuietFor) return;
    // A terminal gets a line that rewrites itself; a log file a line now and then.
    auto gap = tty_ ? std::chrono::milliseconds(100) : std::chrono::milliseconds(1000);
    if (!force && printed_ && t - lastPrint_ < gap) return;
    lastPrint_ = t;
    printed_ = true;
    std::string line = fmt::format("{}: {} {:3.0f}%", task_, phase_, fraction * 100.0);
    if (tty_) {
        std::fprintf(stderr, "\r%-72s", line.c_str());
    } else {
        std::fprintf(stderr, "%s\n", line.c_str());
    }
    std::fflush(stderr);
}

}  // namespace ds
