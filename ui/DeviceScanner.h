#pragma once
// Lists the capture devices for the producer's device picker by running this binary's
// `dialogstudio --json devices` off the frame loop: PortAudio probes every host API (JACK, ALSA)
// and can take seconds, or hang on a dying JACK server, which the room must never wait on. The
// result comes back to the frame loop through the UiQueue.
//
// Threads: scan() and the destructor on the frame loop; `done` runs on the frame loop.
#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace ds::ui {

class UiQueue;

class DeviceScanner {
  public:
    // `done(names, error)`: the devices' names, or an error for people.
    using Done = std::function<void(std::vector<std::string>, std::string)>;

    DeviceScanner(std::string program, UiQueue& ui, Done done);
    ~DeviceScanner();  // waits for a scan under way (it ends within its time limit)
    DeviceScanner(const DeviceScanner&) = delete;
    DeviceScanner& operator=(const DeviceScanner&) = delete;

    // Starts a scan unless one is under way; false if one was.
    bool scan();

  private:
    std::string program_;
    UiQueue& ui_;
    Done done_;
    bool running_ = false;  // frame loop only: set by scan(), cleared by the posted result
    std::jthread thread_;   // last: stopped and joined before the rest goes
};

}  // namespace ds::ui
