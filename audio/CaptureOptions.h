#pragma once
// CaptureOptions: what to capture from, and how the engine behaves when the device goes away.

#include <chrono>
#include <string>

namespace ds::audio {

struct CaptureOptions {
    // "file:PATH" plays a WAV/FLAC file; "" is the default input device; digits are a
    // PortAudio device index; anything else a device name (exact, else a unique substring).
    std::string device;
    int sampleRate = 48000;    // 48000 or 44100
    unsigned channels = 2;     // 1 or 2
    double ringSeconds = 4.0;  // at least 2 (DESIGN.md); rounded up to a power of two frames
    unsigned long framesPerBuffer = 0;  // 0: the host's own period (JACK's); files use 256

    std::string jackClientName = "DialogStudio";  // our client's name in the JACK graph
    std::string jackServerName;                   // "" = JACK's default server

    std::chrono::milliseconds retryInterval{1000};  // between attempts to reopen a lost device
    std::chrono::milliseconds stallTimeout{2000};   // no audio this long while running = lost
    std::chrono::milliseconds startTimeout{10000};  // for the device to open

    double fileSpeed = 1.0;  // file source: 1 = real time, 0 = as fast as the writer drains
    bool fileLoop = false;   // file source: start again at the end

    std::string captureHostPath;  // "" = find dialogstudio-capture (CaptureHostProcess::locate)

    bool isFile() const { return device.rfind("file:", 0) == 0; }
    std::string filePath() const { return isFile() ? device.substr(5) : std::string(); }
};

}  // namespace ds::audio
