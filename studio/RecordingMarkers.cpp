#include "studio/RecordingMarkers.h"

#include "studio/RecordingStore.h"
#include "studio/SessionStore.h"
#include "studio/Time.h"
#include "studio/Transaction.h"

namespace ds {

std::optional<Marker> RecordingMarkers::markRunningSegment(Database& db, std::int64_t sessionId,
                                                           const std::string& actor) {
    Transaction tx(db);
    const Session s = SessionStore(db).get(sessionId);
    const Segment* running = nullptr;
    for (const Segment& seg : s.segments)
        if (seg.actualStart && !seg.actualEnd) running = &seg;
    if (!running) return std::nullopt;
    RecordingStore recordings(db);
    const auto live = recordings.active(sessionId);
    if (!live) return std::nullopt;
    for (const Marker& have : recordings.markers(sessionId, live->id)) {
        if (have.kind == "segment" && have.segmentId == running->id) return std::nullopt;
    }
    Marker m = recordings.addMarker(sessionId, "segment", running->title, now(), running->id,
                                    std::nullopt, actor);
    tx.commit();
    return m;
}

}  // namespace ds
