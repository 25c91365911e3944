// `dialogstudio marker add SESSION --label TEXT`: a manual marker. It needs no audio: the
// marker's sample position comes from the live recorder's heartbeat (RecordingStore), and the
// recorder writes it into the file as a cue point when it stops.
#include <cstdio>
#include <memory>

#include "audio/AudioCommands.h"
#include "studio/RecordingStore.h"
#include "studio/SessionStore.h"
#include "studio/Time.h"

namespace ds::audio {

void addMarkerCommand(CLI::App& app, CommandContext& ctx) {
    CLI::App* marker = app.add_subcommand("marker", "Markers in a session's recording");
    marker->require_subcommand(1);
    struct Args {
        std::int64_t session = 0;
        std::string label;
    };
    auto a = std::make_shared<Args>();
    CLI::App* add = marker->add_subcommand("add", "Place a manual marker now");
    add->add_option("SESSION", a->session, "Session id")->required();
    add->add_option("--label", a->label, "What the marker marks")->required();
    add->callback([&ctx, a] {
        const TimePoint at = now();  // before any wait for the database: this is the moment
        Database& db = ctx.db();
        SessionStore(db).get(a->session);  // a clear error for an unknown session
        Marker m = RecordingStore(db).addMarker(a->session, "manual", a->label, at, std::nullopt,
                                                std::nullopt, ctx.actor());
        ctx.emit({{"marker", m.toJson()}}, [&] {
            if (m.samplePos)
                std::printf("marker %lld at sample %lld of recording %lld\n",
                            static_cast<long long>(m.id), static_cast<long long>(*m.samplePos),
                            static_cast<long long>(m.recordingId.value_or(0)));
            else
                std::printf("marker %lld (no recording running)\n", static_cast<long long>(m.id));
        });
    });
}

}  // namespace ds::audio
