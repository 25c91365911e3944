#include "audio/CaptureHost.h"

#include <poll.h>
#include <portaudio.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <cstring>

#include "audio/AudioError.h"
#include "audio/CaptureHostProtocol.h"
#include "audio/DeviceCatalogue.h"
#include "audio/PortAudioSession.h"

namespace ds::audio {

namespace {

int paCallback(const void* input, void*, unsigned long frames, const PaStreamCallbackTimeInfo*,
               PaStreamCallbackFlags flags, void* self) {
    static_cast<CaptureHost*>(self)->onAudio(static_cast<const float*>(input), frames,
                                             (flags & paInputOverflow) != 0);
    return paContinue;
}

int toInt(const std::string& option, const std::string& value) {
    try {
        std::size_t used = 0;
        const int v = std::stoi(value, &used);
        if (used == value.size()) return v;
    } catch (const std::exception&) {
    }
    throw AudioError("capture host: " + option + " wants a number, not '" + value + "'");
}

}  // namespace

CaptureHostArgs CaptureHostArgs::parse(int argc, char** argv) {
    CaptureHostArgs a;
    for (int i = 1; i < argc; ++i) {
        const std::string option = argv[i];
        if (i + 1 >= argc) throw AudioError("capture host: " + option + " needs a value");
        const std::string value = argv[++i];
        if (option == "--device")
            a.device = value;
        else if (option == "--rate")
            a.sampleRate = toInt(option, value);
        else if (option == "--channels")
            a.channels = toInt(option, value);
        else if (option == "--frames")
            a.framesPerBuffer = static_cast<unsigned long>(toInt(option, value));
        else if (option == "--jack-client")
            a.jackClientName = value;
        else if (option == "--jack-server")
            a.jackServerName = value;
        else
            throw AudioError("capture host: unknown option " + option);
    }
    return a;
}

std::vector<std::string> CaptureHostArgs::toArguments() const {
    std::vector<std::string> out = {"--device",      device,
                                    "--rate",        std::to_string(sampleRate),
                                    "--channels",    std::to_string(channels),
                                    "--frames",      std::to_string(framesPerBuffer),
                                    "--jack-client", jackClientName};
    if (!jackServerName.empty()) {
        out.push_back("--jack-server");
        out.push_back(jackServerName);
    }
    return out;
}

CaptureHost::CaptureHost(CaptureHostArgs args, std::unique_ptr<SharedCaptureBlock> block,
                         int statusFd, int controlFd)
    : args_(std::move(args)),
      block_(std::move(block)),
      processor_(block_->ring(), block_->counters()),
      statusFd_(statusFd),
      controlFd_(controlFd) {}

void CaptureHost::onAudio(const float* input, unsigned long frames, bool inputOverflow) noexcept {
    if (inputOverflow) processor_.noteInputOverflow();
    // Until the recorder hands us the producer role, it may still be filling a gap itself.
    if (block_->header().produce.load(std::memory_order_acquire) == 0) return;
    processor_.process(input, frames);
}

void CaptureHost::send(const std::string& kind, const std::string& text) {
    const std::string line = kind + "\t" + text + "\n";
    // One write of a short line on a pipe is atomic; a dead reader just means nobody listens.
    [[maybe_unused]] const ssize_t ignored = ::write(statusFd_, line.data(), line.size());
}

bool CaptureHost::stopRequested(int timeoutMs) {
    pollfd p{controlFd_, POLLIN, 0};
    if (::poll(&p, 1, timeoutMs) <= 0) return false;
    char buffer[64];
    // EOF (the recorder closed the pipe or died) or any byte means stop.
    [[maybe_unused]] const ssize_t n = ::read(controlFd_, buffer, sizeof buffer);
    return true;
}

int CaptureHost::run() {
    std::signal(SIGPIPE, SIG_IGN);
    // Never let PortAudio start a JACK server of its own; use the one we were told to.
    ::setenv("JACK_NO_START_SERVER", "1", 1);
    if (!args_.jackServerName.empty())
        ::setenv("JACK_DEFAULT_SERVER", args_.jackServerName.c_str(), 1);

    const SharedCaptureHeader& header = block_->header();
    if (static_cast<int>(header.channels) != args_.channels) {
        send("ERROR",
             capture_host::escape("capture host: channel count differs from the shared block"));
        return capture_host::kUsage;
    }

    PaStreamPtr stream;
    std::unique_ptr<PortAudioSession> session;
    try {
        PortAudioSession::Options options;
        options.jackClientName = args_.jackClientName;
        session = std::make_unique<PortAudioSession>(options);
        DeviceCatalogue catalogue(*session);
        const DeviceInfo& device = catalogue.choose(args_.device);
        catalogue.checkFormat(device, args_.sampleRate, args_.channels);

        PaStreamParameters in{};
        in.device = device.index;
        in.channelCount = args_.channels;
        in.sampleFormat = paFloat32;  // interleaved
        in.suggestedLatency = Pa_GetDeviceInfo(device.index)->defaultLowInputLatency;
        PaStream* raw = nullptr;
        const unsigned long frames =
            args_.framesPerBuffer ? args_.framesPerBuffer : paFramesPerBufferUnspecified;
        PaError error = Pa_OpenStream(&raw, &in, nullptr, args_.sampleRate, frames, paClipOff,
                                      &paCallback, this);
        if (error != paNoError)
            throw AudioError("cannot open input device '" + device.name +
                             "': " + Pa_GetErrorText(error));
        stream.reset(raw);
        error = Pa_StartStream(stream.get());
        if (error != paNoError)
            throw AudioError("cannot start input device '" + device.name +
                             "': " + Pa_GetErrorText(error));
        const PaStreamInfo* info = Pa_GetStreamInfo(stream.get());
        send("READY", std::to_string(info ? info->sampleRate : args_.sampleRate) + "\t" +
                          capture_host::escape(device.hostApi) + "\t" +
                          capture_host::escape(device.name));
    } catch (const std::exception& e) {
        send("ERROR", capture_host::escape(e.what()));
        // Close properly, so a JACK server drops our client at once. (Should the server have
        // died this very moment, PortAudio may abort here: in this process that is harmless.)
        stream.reset();
        session.reset();
        return capture_host::kOpenFailed;
    }

    for (;;) {
        // A stop request or a lost stream is noticed within a tenth of a second; the audio
        // itself never waits for this loop.
        if (stopRequested(100)) break;
        if (Pa_IsStreamActive(stream.get()) != 1) {
            send("LOST", capture_host::escape(
                             "the input stream stopped (device unplugged or audio server gone)"));
            std::_Exit(capture_host::kLost);
        }
    }
    // A clean stop with the server alive: close properly so JACK drops our ports at once.
    if (Pa_IsStreamActive(stream.get()) != 1) std::_Exit(capture_host::kLost);
    Pa_StopStream(stream.get());
    stream.reset();
    session.reset();
    return capture_host::kStopped;
}

}  // namespace ds::audio
