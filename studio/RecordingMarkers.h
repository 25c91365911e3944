#pragma once
// Markers that follow from a recording rather than from an action. Segment markers are placed
// by SessionStore when a segment is taken and question markers by QuestionStore when a question
// goes on air; a recording that starts later, in the middle of a segment, needs one marker for
// that running segment so its file says where it began.
#include <cstdint>
#include <optional>
#include <string>

#include "studio/Recording.h"

namespace ds {

class Database;

class RecordingMarkers {
  public:
    // Marks the running segment in the live recording of the session. Nothing (nullopt) when no
    // segment is running, no recorder is alive, or that recording has the segment's marker
    // already. Journalled like every marker.
    static std::optional<Marker> markRunningSegment(Database& db, std::int64_t sessionId,
                                                    const std::string& actor);
};

}  // namespace ds
