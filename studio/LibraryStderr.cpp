#include "studio/LibraryStderr.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <sstream>

namespace ds {

LibraryStderr::LibraryStderr() {
    char name[] = "/tmp/ds-stderr-XXXXXX";
    capture_ = ::mkstemp(name);
    if (capture_ < 0) return;
    ::unlink(name);
    std::fflush(stderr);
    saved_ = ::dup(STDERR_FILENO);
    if (saved_ < 0 || ::dup2(capture_, STDERR_FILENO) < 0) {
        if (saved_ >= 0) ::close(saved_);
        ::close(capture_);
        saved_ = capture_ = -1;
    }
}

LibraryStderr::~LibraryStderr() {
    finish();
}

std::string LibraryStderr::finish() {
    if (saved_ < 0) return diagnostics_;
    std::fflush(stderr);
    ::dup2(saved_, STDERR_FILENO);
    ::close(saved_);
    saved_ = -1;
    std::string text;
    char buf[4096];
    ::lseek(capture_, 0, SEEK_SET);
    for (ssize_t n; (n = ::read(capture_, buf, sizeof buf)) > 0;)
        text.append(buf, n);
    ::close(capture_);
    capture_ = -1;
    std::istringstream lines(text);
    std::string line, passOn;
    while (std::getline(lines, line)) {
        if (line.rfind("[ERROR]", 0) == 0 || line.rfind("[WARNING]", 0) == 0) {
            if (!diagnostics_.empty()) diagnostics_ += "; ";
            diagnostics_ += line;
        } else {
            passOn += line + "\n";
        }
    }
    if (!passOn.empty()) std::fwrite(passOn.data(), 1, passOn.size(), stderr);
    return diagnostics_;
}

}  // namespace ds
