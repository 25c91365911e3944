#pragma once
// One SOP step as it happened: which item (a release or a coverage), which step, who held it
// and from when, when and how it was handed on (passed, returned with notes, skipped because
// the SOP does not ask for it), its time standard, the time it took and whether that was over.
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "publication/SopStandard.h"
#include "studio/Time.h"

namespace ds::publication {

enum class StepOutcome { Passed, Returned, Skipped };
std::string_view outcomeCode(StepOutcome o);
std::optional<StepOutcome> parseOutcome(std::string_view code);

struct StepRecord {
    std::int64_t id = 0;
    Sop sop = Sop::Release;
    std::int64_t itemId = 0;
    int step = 0;
    OfficeRole role = OfficeRole::Staff;
    std::string holder;      // login
    std::string holderName;  // as written in the nota dinas
    TimePoint startedAt{};
    std::optional<TimePoint> finishedAt;
    std::string finishedBy;
    std::optional<StepOutcome> outcome;
    std::string note;
    std::optional<int> version;  // the release version handed on

    const SopStepInfo& info() const { return sopStep(sop, step); }
    // Finished: start to hand-over. Open: start to `now`.
    Duration taken(TimePoint now) const;
    // Over the SOP's standard: finished late, or still open and already past it at `now`.
    bool over(TimePoint now) const;
    nlohmann::json toJson(TimePoint now) const;
};

}  // namespace ds::publication
