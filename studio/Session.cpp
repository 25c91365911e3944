#include "studio/Session.h"

namespace ds {

namespace {

nlohmann::json optTime(const std::optional<TimePoint>& t) {
    return t ? nlohmann::json(formatUtc(*t)) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json Session::toJson() const {
    nlohmann::json officers_json = nlohmann::json::array();
    for (const Officer& o : officers) {
        officers_json.push_back(
            {{"role", o.role}, {"name", o.name}, {"rank", o.rank}, {"nrp", o.nrp}});
    }
    nlohmann::json guests_json = nlohmann::json::array();
    for (const Guest& g : guests) {
        guests_json.push_back({{"name", g.name}, {"rank", g.rank}, {"position", g.position}});
    }
    nlohmann::json segments_json = nlohmann::json::array();
    for (const Segment& s : segments) {
        segments_json.push_back({{"id", s.id},
                                 {"ord", s.ord},
                                 {"kind", s.kind},
                                 {"title", s.title},
                                 {"planned_s", s.planned.count() / 1000},
                                 {"notes", s.notes},
                                 {"fixed_start", optTime(s.fixedStart)},
                                 {"hard_out", optTime(s.hardOut)},
                                 {"actual_start", optTime(s.actualStart)},
                                 {"actual_end", optTime(s.actualEnd)},
                                 {"held_ms", s.held.count()}});
    }
    nlohmann::json checklist_json;
    for (std::size_t i = 0; i < checklist.size(); ++i)
        checklist_json[kChecklistCodes[i]] = checklist[i];
    return {
        {"id", id},
        {"programme_id", programmeId},
        {"programme", programmeTitle},
        {"partner_media", partnerMedia},
        {"topic", topic},
        {"scheduled_start", formatUtc(scheduledStart)},
        {"planned_length_s", plannedLength.count() / 1000},
        {"sprin_number", sprinNumber},
        {"sprin_date", sprinDate ? nlohmann::json(formatDay(*sprinDate)) : nlohmann::json(nullptr)},
        {"status", status},
        {"checklist", checklist_json},
        {"started_at", optTime(startedAt)},
        {"ended_at", optTime(endedAt)},
        {"officers", officers_json},
        {"guests", guests_json},
        {"segments", segments_json}};
}

}  // namespace ds
