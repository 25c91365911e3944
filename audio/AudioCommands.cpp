#include "audio/AudioCommands.h"

#include <cmath>
#include <cstdio>

#include "audio/AudioError.h"
#include "audio/DeviceCatalogue.h"
#include "audio/PortAudioSession.h"
#include "studio/Errors.h"

namespace ds {

void addAudioCommands(CommandTable& table) {
    table.add([](CLI::App& app, CommandContext& ctx) {
        audio::addDevicesCommand(app, ctx);
        audio::addRecordCommand(app, ctx);
        audio::addMarkerCommand(app, ctx);
    });
}

namespace audio {

void addDevicesCommand(CLI::App& app, CommandContext& ctx) {
    CLI::App* devices = app.add_subcommand(
        "devices", "Input devices for recording (PortAudio; with JACK each client is a device)");
    devices->callback([&ctx] {
        std::vector<DeviceInfo> inputs;
        try {
            // A short session: PortAudio must not stay initialised (see PortAudioSession.h).
            PortAudioSession::Options o;
            o.jackClientName = "DialogStudio-devices";
            PortAudioSession session(o);
            inputs = DeviceCatalogue(session).inputs();
        } catch (const AudioError& e) {
            throw UserError(e.what());
        }
        nlohmann::json list = nlohmann::json::array();
        for (const DeviceInfo& d : inputs) {
            list.push_back({{"index", d.index},
                            {"name", d.name},
                            {"host_api", d.hostApi},
                            {"channels", d.maxInputChannels},
                            {"default_rate", d.defaultSampleRate},
                            {"default", d.isDefaultInput}});
        }
        ctx.emit({{"devices", list}}, [&] {
            if (inputs.empty())
                std::printf("%s\n", ctx.t("Tidak ada perangkat masukan.", "No input devices."));
            else {
                std::string text = DeviceCatalogue::describe(inputs);
                if (!text.empty() && text.back() != '\n') text += '\n';
                std::printf("%s", text.c_str());
            }
        });
    });
}

}  // namespace audio
}  // namespace ds
