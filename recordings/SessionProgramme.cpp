#include "recordings/SessionProgramme.h"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "recordings/ProgrammeReader.h"
#include "studio/Database.h"
#include "studio/Errors.h"
#include "studio/PersonalDataPolicy.h"
#include "studio/RecordingStore.h"
#include "studio/SessionStore.h"
#include "studio/Statement.h"
#include "studio/StationStore.h"

namespace ds::recordings {

SessionProgramme::SessionProgramme(Database& db, std::int64_t sessionId,
                                   std::optional<std::int64_t> recordingId) {
    session_ = SessionStore(db).get(sessionId);
    station_ = StationStore(db).get(session_.stationId);
    RecordingStore store(db);
    for (const Recording& r : store.list(sessionId)) {
        if (recordingId && r.id != *recordingId) continue;
        if (r.state == "closed" || r.state == "recovered") {
            recordings_.push_back(r);
        } else if (r.state == "recording") {
            notes_.push_back(
                fmt::format("recording {} is being recorded now and was left out", r.id));
        } else {
            notes_.push_back(fmt::format(
                "recording {} was interrupted and could not be recovered ({}); it was left out",
                r.id, r.note.empty() ? "see `dialogstudio recover`" : r.note));
        }
    }
    if (recordingId && recordings_.empty()) {
        const Recording r = store.get(*recordingId);  // NotFoundError when there is none
        if (r.sessionId != sessionId)
            throw UserError(fmt::format("recording {} belongs to session {}, not {}", r.id,
                                        r.sessionId, sessionId));
        throw UserError(fmt::format("recording {} cannot be exported now: {}", r.id,
                                    notes_.empty() ? r.state : notes_.front()));
    }
    if (recordings_.empty())
        throw UserError(fmt::format("session {} has no finished recording to export{}", sessionId,
                                    notes_.empty() ? "" : " (" + notes_.front() + ")"));

    for (const Recording& r : recordings_) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(r.path, ec)) {
            throw UserError(fmt::format(
                "recording {}'s file {} is missing (moved or deleted); put the file back at that "
                "path{}",
                r.id, r.path,
                recordings_.size() > 1
                    ? ", or export the session's other recordings one at a time with --recording"
                    : ""));
        }
    }
    ProgrammeReader reader(files());
    rate_ = reader.sampleRate();
    total_ = reader.frames();
    partFrames_ = reader.partFrames();

    // Markers on the programme's time line.
    std::vector<std::int64_t> offsets(recordings_.size(), 0);
    for (std::size_t i = 1; i < recordings_.size(); ++i)
        offsets[i] = offsets[i - 1] + partFrames_[i - 1];
    std::vector<std::int64_t> segmentIds;
    for (const Segment& s : session_.segments)
        segmentIds.push_back(s.id);
    for (const Marker& m : store.markers(sessionId)) {
        if (!m.samplePos || !m.recordingId) continue;
        const auto it = std::find_if(recordings_.begin(), recordings_.end(),
                                     [&](const Recording& r) { return r.id == *m.recordingId; });
        if (it == recordings_.end()) continue;
        const auto part = static_cast<std::size_t>(it - recordings_.begin());
        ProgrammeMarker pm;
        pm.marker = m;
        pm.pastEnd = *m.samplePos > partFrames_[part];
        pm.frame = offsets[part] + std::min(*m.samplePos, partFrames_[part]);
        if (m.questionId) {
            // The number the listeners heard ("Pertanyaan 3"); it never changes once given.
            Statement st = db.prepare("SELECT number FROM questions WHERE id = ?");
            st.bind(1, *m.questionId);
            if (st.step()) pm.questionNumber = static_cast<int>(st.getInt(0));
        }
        if (m.segmentId) {
            const auto s = std::find(segmentIds.begin(), segmentIds.end(), *m.segmentId);
            if (s != segmentIds.end())
                pm.segmentNumber = static_cast<int>(s - segmentIds.begin()) + 1;
        }
        markers_.push_back(std::move(pm));
    }
    std::stable_sort(
        markers_.begin(), markers_.end(),
        [](const ProgrammeMarker& a, const ProgrammeMarker& b) { return a.frame < b.frame; });
}

std::vector<std::filesystem::path> SessionProgramme::files() const {
    std::vector<std::filesystem::path> out;
    for (const Recording& r : recordings_)
        out.emplace_back(r.path);
    return out;
}

std::string SessionProgramme::clock(std::int64_t frame) const {
    const double s = static_cast<double>(frame) / (rate_ > 0 ? rate_ : 48000);
    const auto whole = static_cast<std::int64_t>(s);
    const int tenths = static_cast<int>((s - static_cast<double>(whole)) * 10.0);
    if (whole >= 3600)
        return fmt::format("{}:{:02}:{:02}.{}", whole / 3600, whole / 60 % 60, whole % 60, tenths);
    return fmt::format("{}:{:02}.{}", whole / 60, whole % 60, tenths);
}

std::vector<Chapter> SessionProgramme::chapters(std::vector<std::string>& warnings) const {
    std::vector<const ProgrammeMarker*> usable;
    for (const ProgrammeMarker& m : markers_) {
        if (m.pastEnd) {
            warnings.push_back(fmt::format(
                "marker '{}' lies after the last audio of recording {} and is not a chapter",
                m.marker.label, *m.marker.recordingId));
            continue;
        }
        if (m.frame >= total_) continue;
        usable.push_back(&m);
    }
    std::vector<Chapter> out;
    for (std::size_t i = 0; i < usable.size(); ++i) {
        const std::int64_t end = i + 1 < usable.size() ? usable[i + 1]->frame : total_;
        // Two markers at the same moment: the later one (the more specific) names the chapter.
        if (end <= usable[i]->frame) continue;
        out.push_back(
            {usable[i]->frame, end, PersonalDataPolicy::publicLabel(usable[i]->marker.label)});
    }
    return out;
}

ClipRange SessionProgramme::clip(const ClipSpec& spec) const {
    const ProgrammeMarker* start = nullptr;
    std::set<int> known;
    const bool question = spec.kind == ClipSpec::Kind::Question;
    for (const ProgrammeMarker& m : markers_) {
        const int n = question ? m.questionNumber : m.segmentNumber;
        if (m.marker.kind != (question ? "question" : "segment") || n == 0) continue;
        known.insert(n);
        if (n == spec.number && !start) start = &m;
    }
    const char* what = question ? "question" : "segment";
    if (!start) {
        std::string list;
        for (int n : known)
            list += (list.empty() ? "" : ", ") + std::to_string(n);
        throw UserError(
            fmt::format("session {} has no marker for {} {} in its recording ({} with markers: {})",
                        session_.id, what, spec.number, question ? "questions" : "segments",
                        list.empty() ? "none" : list));
    }
    if (start->pastEnd || start->frame >= total_)
        throw UserError(fmt::format(
            "the marker of {} {} ('{}') lies after the end of the recording's audio ({}): the "
            "recording stopped before it",
            what, spec.number, start->marker.label, clock(total_)));

    ClipRange c;
    c.title = PersonalDataPolicy::publicLabel(start->marker.label);
    c.endFrame = total_;
    for (const ProgrammeMarker& m : markers_) {
        if (m.frame <= start->frame || &m == start) continue;
        if (!question && m.marker.kind != "segment") continue;
        c.endFrame = std::min(m.frame, total_);
        break;
    }
    c.markerStart = start->frame;
    c.markerEnd = c.endFrame;
    c.startFrame = start->frame + std::llround(spec.inSeconds * rate_);
    c.endFrame += std::llround(spec.outSeconds * rate_);
    if (c.startFrame < 0) {
        c.warnings.push_back("the clip's start was moved to the start of the recording");
        c.startFrame = 0;
    }
    if (c.endFrame > total_) {
        c.warnings.push_back(fmt::format(
            "the clip's end was moved back to the end of the audio ({})", clock(total_)));
        c.endFrame = total_;
    }
    if (c.endFrame <= c.startFrame)
        throw UserError(
            fmt::format("the clip of {} {} would be empty (from {} to {}); check --in "
                        "and --out",
                        what, spec.number, clock(c.startFrame), clock(c.endFrame)));
    return c;
}

std::vector<std::pair<std::string, std::string>> SessionProgramme::metadata(
    const std::string& title) const {
    std::string guests;
    for (const Guest& g : session_.guests) {
        std::string one = g.rank.empty() ? g.name : g.rank + " " + g.name;
        if (!g.position.empty()) one += " (" + g.position + ")";
        guests += (guests.empty() ? "" : "; ") + one;
    }
    const std::string tz = station_.timeZone.empty() ? "Asia/Jakarta" : station_.timeZone;
    const std::string date = formatLocal(session_.scheduledStart, tz, "%Y-%m-%d");
    std::string comment =
        fmt::format("{}: {}. {}, {} ({}).", session_.programmeTitle, session_.topic,
                    session_.partnerMedia.empty() ? station_.name : session_.partnerMedia,
                    formatLocal(session_.scheduledStart, tz), tz);
    if (!guests.empty()) comment += " Narasumber: " + guests + ".";
    return {{"title", title.empty() ? session_.programmeTitle : title},
            {"album", session_.programmeTitle},
            {"artist", guests},
            {"album_artist", station_.name},
            {"publisher", station_.name},
            {"date", date},
            {"genre", "Speech"},
            {"language", "ind"},
            {"comment", comment}};
}

std::filesystem::path SessionProgramme::folder() const {
    return std::filesystem::path(recordings_.front().path).parent_path();
}

}  // namespace ds::recordings
