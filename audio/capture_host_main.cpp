// dialogstudio-capture: the capture host process (see CaptureHost.h). Started by the recorder's
// CaptureEngine, never by hand: fd 3 is the shared block, fd 4 the status pipe, fd 5 the
// control pipe (CaptureHostProtocol.h).

#include <unistd.h>

#include <cstdio>
#include <exception>

#include "audio/CaptureHost.h"
#include "audio/CaptureHostProtocol.h"

int main(int argc, char** argv) {
    using namespace ds::audio;
    try {
        CaptureHostArgs args = CaptureHostArgs::parse(argc, argv);
        auto block = SharedCaptureBlock::attach(capture_host::kSharedFd);
        CaptureHost host(std::move(args), std::move(block), capture_host::kStatusFd,
                         capture_host::kControlFd);
        return host.run();
    } catch (const std::exception& e) {
        const std::string line = std::string("ERROR\t") + capture_host::escape(e.what()) + "\n";
        [[maybe_unused]] const ssize_t ignored =
            ::write(capture_host::kStatusFd, line.data(), line.size());
        std::fprintf(stderr, "%s: %s\n", capture_host::kProgramName, e.what());
        return capture_host::kUsage;
    }
}
