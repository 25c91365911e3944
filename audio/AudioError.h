#pragma once
// AudioError: the one exception type audio/ throws for problems a person must act on (a device
// that does not exist, a rate the device cannot run at, a folder that cannot be written).
// Its message is meant to be shown as is, so it names the thing and says what to do.

#include <stdexcept>
#include <string>

namespace ds::audio {

class AudioError : public std::runtime_error {
  public:
    explicit AudioError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace ds::audio
