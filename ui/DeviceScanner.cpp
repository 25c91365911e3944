#include "ui/DeviceScanner.h"

#include <signal.h>
#include <sys/wait.h>

#include <chrono>

#include <nlohmann/json.hpp>

#include "ui/ChildProcess.h"
#include "ui/Jobs.h"

namespace ds::ui {

namespace {

// A scan that has not answered by then is stuck in a driver: it is killed and said so.
constexpr auto kScanLimit = std::chrono::seconds(15);

}  // namespace

DeviceScanner::DeviceScanner(std::string program, UiQueue& ui, Done done)
    : program_(std::move(program)), ui_(ui), done_(std::move(done)) {}

// A scan still running when the room closes is stopped (its child killed) and joined.
DeviceScanner::~DeviceScanner() = default;

bool DeviceScanner::scan() {
    if (running_) return false;
    if (thread_.joinable()) thread_.join();
    running_ = true;
    thread_ = std::jthread([this](std::stop_token stop) {
        std::vector<std::string> names;
        std::string error;
        try {
            ChildProcess child({program_, "--json", "devices"}, {});
            std::string out;
            const bool ended = child.readLines(
                [&](int stream, const std::string& line) {
                    if (stream == 1) out += line + "\n";
                },
                [&stop] { return stop.stop_requested(); },
                std::chrono::steady_clock::now() + kScanLimit);
            if (!ended) {
                child.signal(SIGKILL);
                error = stop.stop_requested() ? "the device scan was stopped"
                                              : "the device scan did not answer within 15 s";
            }
            const int status = child.wait(std::chrono::seconds(5)).value_or(-1);
            if (error.empty() && (!WIFEXITED(status) || WEXITSTATUS(status) != 0))
                error = "the device scan failed (" + ChildProcess::describe(status) + ")";
            const nlohmann::json j = nlohmann::json::parse(out, nullptr, false);
            for (const auto& d : j.value("devices", nlohmann::json::array()))
                names.push_back(d.value("name", ""));
        } catch (const std::exception& e) {
            error = e.what();
        }
        ui_.post([this, names = std::move(names), error = std::move(error)]() mutable {
            running_ = false;
            done_(std::move(names), std::move(error));
        });
    });
    return true;
}

}  // namespace ds::ui
