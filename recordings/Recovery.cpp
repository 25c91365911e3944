#include "recordings/Recovery.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "recordings/FlacRepair.h"
#include "recordings/WaveRepair.h"
#include "studio/Database.h"
#include "studio/Errors.h"
#include "studio/Journal.h"
#include "studio/RecordingStore.h"
#include "studio/Statement.h"
#include "studio/Transaction.h"

namespace ds::recordings {

namespace {

double round3(double v) {
    return std::round(v * 1000.0) / 1000.0;
}

bool isFlac(const Recording& r) {
    if (r.format == "flac") return true;
    std::string ext = std::filesystem::path(r.path).extension().string();
    return ext == ".flac";
}

}  // namespace

nlohmann::json RecoveryOutcome::toJson() const {
    return {{"recording", recording.toJson()},
            {"repair", repair.toJson()},
            {"frames_at_last_heartbeat", framesAtHeartbeat},
            {"seconds_on_disk", round3(secondsOnDisk)},
            {"seconds_lost", round3(secondsLost)},
            {"seconds_after_last_heartbeat", round3(secondsAfterHeartbeat)},
            {"error", error.empty() ? nlohmann::json(nullptr) : nlohmann::json(error)}};
}

std::vector<RecoveryOutcome> Recovery::run(const std::string& actor, bool dryRun) {
    RecordingStore store(db_);
    std::vector<RecoveryOutcome> out;
    if (dryRun) {
        // Say what would be done and change nothing: recordings whose recorder died are not
        // marked interrupted (nor journalled) in a dry run, only looked at.
        for (const Recording& r : store.list(std::nullopt))
            if (r.state == "interrupted") out.push_back(recover(r, actor, true));
        for (const Recording& r : store.findInterrupted())
            out.push_back(recover(r, actor, true));
        return out;
    }
    store.noticeInterrupted(actor);
    for (const Recording& r : store.list(std::nullopt))
        if (r.state == "interrupted") out.push_back(recover(r, actor, dryRun));
    return out;
}

RecoveryOutcome Recovery::recover(const Recording& r, const std::string& actor, bool dryRun) {
    RecordingStore store(db_);
    RecoveryOutcome o;
    o.recording = r;
    o.framesAtHeartbeat = r.frames;
    std::vector<CueMarker> cues;
    for (const Marker& m : store.markers(r.sessionId, r.id))
        if (m.samplePos) cues.push_back({*m.samplePos, m.label});

    std::error_code ec;
    if (!std::filesystem::exists(r.path, ec)) {
        o.error = fmt::format("the file '{}' is missing", r.path);
        return o;
    }
    try {
        o.repair = isFlac(r) ? FlacRepair::repair(r.path, dryRun)
                             : WaveRepair::repair(r.path, cues, dryRun);
    } catch (const UserError& e) {
        o.error = e.what();
        return o;
    }
    const double rate = r.sampleRate > 0 ? r.sampleRate : 48000.0;
    const std::int64_t onDisk = o.repair.framesOnDisk;
    o.secondsOnDisk = static_cast<double>(onDisk) / rate;
    o.secondsLost = static_cast<double>(std::max<std::int64_t>(0, r.frames - onDisk)) / rate;
    o.secondsAfterHeartbeat =
        static_cast<double>(std::max<std::int64_t>(0, onDisk - r.frames)) / rate;
    if (dryRun) return o;

    double gapSeconds = 0.0;
    {
        Statement st = db_.prepare(
            "SELECT COALESCE(SUM(length_ms), 0) FROM recording_gaps WHERE recording_id = ?");
        st.bind(1, r.id);
        if (st.step()) gapSeconds = static_cast<double>(st.getInt(0)) / 1000.0;
    }
    const std::string note = fmt::format(
        "recovered after an interruption: {:.3f} s on disk, {:.3f} s at the last heartbeat, "
        "{:.3f} s lost{}",
        o.secondsOnDisk, static_cast<double>(r.frames) / rate, o.secondsLost,
        o.repair.modified ? "; file repaired" : "; file was already whole");
    Transaction tx(db_);
    Journal::append(db_, {actor,
                          "recording.repair",
                          fmt::format("recording:{}", r.id),
                          {{"path", r.path},
                           {"frames_in_header", o.repair.framesInHeader},
                           {"frames_at_last_heartbeat", r.frames},
                           {"last_heartbeat", r.toJson()["heartbeat_at"]}},
                          {{"frames_on_disk", onDisk},
                           {"seconds_on_disk", round3(o.secondsOnDisk)},
                           {"seconds_lost", round3(o.secondsLost)},
                           {"seconds_after_last_heartbeat", round3(o.secondsAfterHeartbeat)},
                           {"gap_seconds_journalled_earlier", round3(gapSeconds)},
                           {"file_modified", o.repair.modified},
                           {"bytes_dropped", o.repair.bytesDropped},
                           {"cue_points_written", o.repair.cuePointsWritten},
                           {"markers_past_end", o.repair.markersPastEnd},
                           {"actions", o.repair.actions}}});
    o.recording = store.markRecovered(r.id, onDisk, note, actor);
    tx.commit();
    return o;
}

}  // namespace ds::recordings
