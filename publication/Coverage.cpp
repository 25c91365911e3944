#include "publication/Coverage.h"

#include <fmt/format.h>

#include "studio/Errors.h"

namespace ds::publication {

std::string_view sourceCode(CoverageSource s) {
    switch (s) {
        case CoverageSource::Letter:
            return "letter";
        case CoverageSource::Agenda:
            return "agenda";
        case CoverageSource::Session:
            return "session";
    }
    return "letter";
}

CoverageSource requireSource(const std::string& code) {
    for (auto s : {CoverageSource::Letter, CoverageSource::Agenda, CoverageSource::Session})
        if (sourceCode(s) == code) return s;
    throw UserError(fmt::format("unknown coverage source '{}'", code));
}

nlohmann::json Coverage::toJson(TimePoint now) const {
    nlohmann::json t = nlohmann::json::array(), s = nlohmann::json::array();
    for (const auto& m : team)
        t.push_back({{"name", m.name}, {"rank", m.rank}, {"nip", m.nip}, {"task", m.task}});
    for (const auto& x : steps)
        s.push_back(x.toJson(now));
    return {{"id", id},
            {"session_id", sessionId ? nlohmann::json(*sessionId) : nlohmann::json()},
            {"source", std::string(sourceCode(source))},
            {"letter_number", letterNumber},
            {"requester", requester},
            {"title", title},
            {"place", place},
            {"event_start", formatUtc(eventStart)},
            {"needs_spt", needsSpt},
            {"spt_number", sptNumber},
            {"step", done ? nlohmann::json() : nlohmann::json(step)},
            {"done", done},
            {"created_at", formatUtc(createdAt)},
            {"created_by", createdBy},
            {"team", t},
            {"steps", s}};
}

}  // namespace ds::publication
