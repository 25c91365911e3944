#pragma once
// PortAudioSession: RAII for Pa_Initialize / Pa_Terminate, and the PaStream handle type.
//
// Warning learnt the hard way (see CaptureHost.h): once a JACK server dies under an
// initialised PortAudio, Pa_Terminate() aborts the process on an assertion inside PortAudio's
// JACK host API and Pa_CloseStream() blocks for ten minutes. So sessions should be short-lived
// (list the devices, then end), and long-running capture happens in the capture host process.

#include <memory>
#include <string>

namespace ds::audio {

// Closes a stream (Pa_CloseStream aborts it first if it is still running). PortAudio's
// PaStream is `void`, which keeps portaudio.h out of this header.
struct PaStreamCloser {
    void operator()(void* stream) const;
};
using PaStreamPtr = std::unique_ptr<void, PaStreamCloser>;

class PortAudioSession {
  public:
    struct Options {
        std::string jackClientName = "DialogStudio";  // our client's name in the JACK graph
        // Route ALSA's and JACK's own diagnostics to nowhere: on a machine with no sound card
        // ALSA prints dozens of lines on every initialisation, which says nothing to a user.
        bool quietLibraries = true;
    };

    // Throws AudioError if PortAudio cannot start.
    PortAudioSession();
    explicit PortAudioSession(const Options& options);
    ~PortAudioSession();
    PortAudioSession(const PortAudioSession&) = delete;
    PortAudioSession& operator=(const PortAudioSession&) = delete;

  private:
    std::string jackClientName_;  // PortAudio keeps the pointer we give it
};

}  // namespace ds::audio
