#include "audio/PortAudioSession.h"

#include <dlfcn.h>
#include <pa_jack.h>
#include <portaudio.h>

#include "audio/AudioError.h"

namespace ds::audio {

namespace {

// ALSA and libjack are loaded with PortAudio; we look their hooks up at run time so audio/
// needs neither library's headers nor a link dependency on them.
extern "C" {
using AlsaErrorHandler = void (*)(const char*, int, const char*, int, const char*, ...);
using AlsaSetErrorHandler = int (*)(AlsaErrorHandler);
using JackMessageHandler = void (*)(const char*);
using JackSetMessageFunction = void (*)(JackMessageHandler);
void ignoreAlsaMessage(const char*, int, const char*, int, const char*, ...) {}
void ignoreJackMessage(const char*) {}
}

void quietAudioLibraries() {
    if (auto set =
            reinterpret_cast<AlsaSetErrorHandler>(dlsym(RTLD_DEFAULT, "snd_lib_error_set_handler")))
        set(&ignoreAlsaMessage);
    for (const char* name : {"jack_set_error_function", "jack_set_info_function"}) {
        if (auto set = reinterpret_cast<JackSetMessageFunction>(dlsym(RTLD_DEFAULT, name)))
            set(&ignoreJackMessage);
    }
}

}  // namespace

void PaStreamCloser::operator()(void* stream) const {
    Pa_CloseStream(stream);
}

PortAudioSession::PortAudioSession() : PortAudioSession(Options{}) {}

PortAudioSession::PortAudioSession(const Options& options)
    : jackClientName_(options.jackClientName) {
    if (options.quietLibraries) quietAudioLibraries();
    if (!jackClientName_.empty()) PaJack_SetClientName(jackClientName_.c_str());
    const PaError error = Pa_Initialize();
    if (error != paNoError)
        throw AudioError(std::string("cannot start PortAudio: ") + Pa_GetErrorText(error));
}

PortAudioSession::~PortAudioSession() {
    Pa_Terminate();
}

}  // namespace ds::audio
