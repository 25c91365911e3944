#pragma once
// CaptureHost: the capture host process's work. It opens the PortAudio input stream and runs
// the real-time callback (CaptureProcessor) into the ring in the block it shares with the
// recorder.
//
// [SECTION] Why a separate process
// PortAudio's JACK host API does not survive its server: after the JACK server dies,
// Pa_AbortStream/Pa_CloseStream wait ten minutes for a JACK thread that is gone, and
// Pa_Terminate aborts the process on an assertion (Debian's PortAudio 19.6 is built with
// asserts). There is no way to reopen a device without terminating PortAudio. So the device
// lives in this small process: when its stream stops, it reports LOST and exits without
// touching PortAudio again; the recorder (CaptureEngine) keeps the file and the timeline,
// starts a new host every second, and carries on when one reports READY. A driver crash takes
// down the host, never the recording.

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "audio/CaptureProcessor.h"
#include "audio/SharedCaptureBlock.h"

namespace ds::audio {

struct CaptureHostArgs {
    std::string device;  // "" (default), an index or a name
    int sampleRate = 48000;
    int channels = 2;
    unsigned long framesPerBuffer = 0;  // 0: the host API's own buffer size
    std::string jackClientName = "DialogStudio";
    std::string jackServerName;  // "" = JACK's default server

    // Parses `--device X --rate N --channels N --frames N --jack-client X --jack-server X`.
    // Throws AudioError on anything else.
    static CaptureHostArgs parse(int argc, char** argv);
    std::vector<std::string> toArguments() const;
};

class CaptureHost {
  public:
    // Takes the shared block (already attached) and the status and control descriptors.
    CaptureHost(CaptureHostArgs args, std::unique_ptr<SharedCaptureBlock> block, int statusFd,
                int controlFd);

    // Opens the device, reports READY (or ERROR), and runs until asked to stop (returns
    // kStopped) or until the stream stops under it (reports LOST and _exits with kLost).
    int run();

    // [rt] The PortAudio callback's body: into the ring while the recorder lets us produce.
    void onAudio(const float* input, unsigned long frames, bool inputOverflow) noexcept;

  private:
    void send(const std::string& kind, const std::string& text);
    bool stopRequested(int timeoutMs);

    CaptureHostArgs args_;
    std::unique_ptr<SharedCaptureBlock> block_;
    CaptureProcessor processor_;
    int statusFd_;
    int controlFd_;
};

}  // namespace ds::audio
