#pragma once
// Sessions and their live rundown: create, change, list, and the producer's live controls
// (start, take next, go back, hold, end). Every change is one transaction with its journal row.
#include <optional>
#include <string>
#include <vector>

#include "studio/RundownClock.h"
#include "studio/Session.h"
#include "studio/Signature.h"

namespace ds {

class Database;
class WorkingCalendar;
struct Station;

struct SessionListFilter {
    std::optional<std::string> status;
    std::optional<TimePoint> from;  // scheduled start >= from
    std::optional<TimePoint> to;    // scheduled start < to
    int limit = 200;
};

class SessionStore {
  public:
    explicit SessionStore(Database& db) : db_(db) {}

    // Validates the session and creates it with the programme's rundown template, if any.
    Session create(const Session& s, const std::string& actor);
    // Saves changed planning fields (topic, schedule, Sprin, officers, guests, checklist).
    // Refused once the session is signed; schedule changes refused once it is live.
    Session update(const Session& changed, const std::string& actor);
    Session get(std::int64_t id);
    std::vector<Session> list(const SessionListFilter& filter);  // without officers/segments

    // Replaces the rundown; only while the session is planned.
    Session setRundown(std::int64_t id, std::vector<Segment> segments, const std::string& actor);

    // Live controls. `force` starts despite an incomplete preparation checklist (journalled).
    Session start(std::int64_t id, bool force, const std::string& actor);
    Session next(std::int64_t id, const std::string& actor);
    Session back(std::int64_t id, const std::string& actor);
    Session hold(std::int64_t id, const std::string& actor);  // toggles hold of the current segment
    Session end(std::int64_t id, const std::string& actor);

    // The PPID officer signs the record of an ended session: the session becomes "signed" and
    // frozen, and the signing is journalled with the summary of the record as signed (the
    // counts and decisions, SignedSummary), built here in the signing transaction so that it is
    // the state signed; the journal row's id and hash are kept with the signature. The
    // signature's date must fall between the session's local day and today at the station.
    Signature sign(std::int64_t id, Signature signature, const Station& station,
                   const WorkingCalendar& calendar, const std::string& actor);
    std::optional<Signature> signature(std::int64_t id);

    // The clock figures for the session at `at`.
    static RundownFigures clock(const Session& s, TimePoint at);
    // Throws UserError unless the session may still be changed (not signed).
    static void requireNotSigned(const Session& s);

  private:
    Signature signWith(std::int64_t id, Signature signature, const nlohmann::json& summary,
                       const std::string& tz, const std::string& actor);
    Session readSession(std::int64_t id, bool withParts);
    void writeParts(const Session& s);
    void writeSegments(std::int64_t sessionId, const std::vector<Segment>& segments);
    void saveSegment(const Segment& seg);
    void validate(const Session& s);

    Database& db_;
};

}  // namespace ds
