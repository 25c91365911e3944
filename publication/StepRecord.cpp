#include "publication/StepRecord.h"

namespace ds::publication {

std::string_view outcomeCode(StepOutcome o) {
    switch (o) {
        case StepOutcome::Passed:
            return "passed";
        case StepOutcome::Returned:
            return "returned";
        case StepOutcome::Skipped:
            return "skipped";
    }
    return "passed";
}

std::optional<StepOutcome> parseOutcome(std::string_view code) {
    if (code == "passed") return StepOutcome::Passed;
    if (code == "returned") return StepOutcome::Returned;
    if (code == "skipped") return StepOutcome::Skipped;
    return std::nullopt;
}

Duration StepRecord::taken(TimePoint now) const {
    return (finishedAt ? *finishedAt : now) - startedAt;
}

bool StepRecord::over(TimePoint now) const {
    if (outcome == StepOutcome::Skipped) return false;
    return overStandard(info(), taken(now));
}

nlohmann::json StepRecord::toJson(TimePoint now) const {
    const SopStepInfo& i = info();
    auto standard = standardOf(i);
    nlohmann::json j{
        {"id", id},
        {"sop", std::string(sopCode(sop))},
        {"item_id", itemId},
        {"step", step},
        {"code", std::string(i.code)},
        {"title", std::string(i.titleId)},
        {"role", std::string(roleCode(role))},
        {"holder", holder},
        {"holder_name", holderName},
        {"started_at", formatUtc(startedAt)},
        {"finished_at", finishedAt ? nlohmann::json(formatUtc(*finishedAt)) : nlohmann::json()},
        {"finished_by", finishedBy.empty() ? nlohmann::json() : nlohmann::json(finishedBy)},
        {"outcome",
         outcome ? nlohmann::json(std::string(outcomeCode(*outcome))) : nlohmann::json()},
        {"note", note},
        {"version", version ? nlohmann::json(*version) : nlohmann::json()},
        {"standard_s",
         standard
             ? nlohmann::json(std::chrono::duration_cast<std::chrono::seconds>(*standard).count())
             : nlohmann::json()},
        {"taken_s", std::chrono::duration_cast<std::chrono::seconds>(taken(now)).count()},
        {"over_standard", over(now)},
        {"open", !finishedAt.has_value()},
    };
    return j;
}

}  // namespace ds::publication
