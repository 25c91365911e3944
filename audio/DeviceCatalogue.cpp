#include "audio/DeviceCatalogue.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <sstream>

#include <portaudio.h>

#include "audio/AudioError.h"

namespace ds::audio {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

bool allDigits(const std::string& s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

std::string available(const std::vector<DeviceInfo>& devices) {
    return devices.empty() ? "there are no input devices (is the sound card or JACK server there?)"
                           : "input devices:\n" + DeviceCatalogue::describe(devices);
}

}  // namespace

DeviceCatalogue::DeviceCatalogue(const PortAudioSession&) {
    const PaDeviceIndex count = Pa_GetDeviceCount();
    const PaDeviceIndex defaultInput = Pa_GetDefaultInputDevice();
    for (PaDeviceIndex i = 0; i < count; ++i) {
        const PaDeviceInfo* info = Pa_GetDeviceInfo(i);
        if (info == nullptr || info->maxInputChannels <= 0) continue;
        const PaHostApiInfo* api = Pa_GetHostApiInfo(info->hostApi);
        DeviceInfo d;
        d.index = i;
        d.name = info->name ? info->name : "";
        d.hostApi = api && api->name ? api->name : "";
        d.maxInputChannels = info->maxInputChannels;
        d.defaultSampleRate = info->defaultSampleRate;
        d.isDefaultInput = i == defaultInput;
        inputs_.push_back(std::move(d));
    }
}

const DeviceInfo& DeviceCatalogue::choose(const std::string& spec) const {
    if (spec.empty()) {
        for (const DeviceInfo& d : inputs_)
            if (d.isDefaultInput) return d;
        if (!inputs_.empty()) return inputs_.front();
        throw AudioError("no default input device: " + available(inputs_));
    }
    if (allDigits(spec)) {
        const int index = std::stoi(spec);
        for (const DeviceInfo& d : inputs_)
            if (d.index == index) return d;
        throw AudioError("no input device has index " + spec + "; " + available(inputs_));
    }
    const std::string wanted = lower(spec);
    for (const DeviceInfo& d : inputs_)
        if (lower(d.name) == wanted) return d;
    std::vector<const DeviceInfo*> matches;
    for (const DeviceInfo& d : inputs_)
        if (lower(d.name).find(wanted) != std::string::npos) matches.push_back(&d);
    if (matches.size() == 1) return *matches.front();
    if (matches.empty())
        throw AudioError("no input device matches '" + spec + "'; " + available(inputs_));
    std::vector<DeviceInfo> ambiguous;
    for (const DeviceInfo* d : matches)
        ambiguous.push_back(*d);
    throw AudioError("'" + spec +
                     "' matches more than one input device; give more of the name or the index:\n" +
                     describe(ambiguous));
}

void DeviceCatalogue::checkFormat(const DeviceInfo& device, int sampleRate, int channels) const {
    const std::string name = "input device '" + device.name + "' (" + device.hostApi + ")";
    if (channels < 1 || channels > device.maxInputChannels) {
        throw AudioError(name + " has " + std::to_string(device.maxInputChannels) +
                         " input channel(s); cannot record " + std::to_string(channels));
    }
    PaStreamParameters in{};
    in.device = device.index;
    in.channelCount = channels;
    in.sampleFormat = paFloat32;
    in.suggestedLatency = Pa_GetDeviceInfo(device.index)->defaultLowInputLatency;
    const PaError error = Pa_IsFormatSupported(&in, nullptr, sampleRate);
    if (error == paFormatIsSupported) return;
    std::string why = Pa_GetErrorText(error);
    if (error == paInvalidSampleRate)
        why = "it runs at " + std::to_string(std::lround(device.defaultSampleRate)) + " Hz";
    throw AudioError(name + " cannot record " + std::to_string(channels) + " channel(s) at " +
                     std::to_string(sampleRate) + " Hz: " + why);
}

std::string DeviceCatalogue::describe(const std::vector<DeviceInfo>& devices) {
    std::ostringstream out;
    for (const DeviceInfo& d : devices) {
        out << "  [" << d.index << "] " << d.name << " (" << d.hostApi << ", " << d.maxInputChannels
            << " ch, " << std::lround(d.defaultSampleRate) << " Hz)"
            << (d.isDefaultInput ? " default" : "") << "\n";
    }
    return out.str();
}

}  // namespace ds::audio
