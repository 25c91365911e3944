#pragma once
// DeviceCatalogue: the input devices PortAudio offers (with JACK, every client with output
// ports is a device: "system" is the sound card, "jack-play" a player), and the choice of one
// by index or by name.

#include <string>
#include <vector>

#include "audio/PortAudioSession.h"

namespace ds::audio {

struct DeviceInfo {
    int index = -1;  // PortAudio's device index (valid for this session only)
    std::string name;
    std::string hostApi;  // "ALSA", "JACK Audio Connection Kit", ...
    int maxInputChannels = 0;
    double defaultSampleRate = 0.0;
    bool isDefaultInput = false;
};

class DeviceCatalogue {
  public:
    // A snapshot of the input devices of an initialised session.
    explicit DeviceCatalogue(const PortAudioSession& session);

    const std::vector<DeviceInfo>& inputs() const { return inputs_; }

    // Chooses a device: "" is the default input device, digits are an index, anything else is
    // a name: an exact (case-insensitive) match first, else a substring that only one device
    // has. Throws AudioError listing the devices there are.
    const DeviceInfo& choose(const std::string& spec) const;

    // Throws AudioError if the device cannot record `channels` channels at `sampleRate`.
    void checkFormat(const DeviceInfo& device, int sampleRate, int channels) const;

    // One line per device, for messages and the `devices` command.
    static std::string describe(const std::vector<DeviceInfo>& devices);

  private:
    std::vector<DeviceInfo> inputs_;
};

}  // namespace ds::audio
