#pragma once
// The SOP steps of releases and coverages (sop_steps): a step opens when the item reaches its
// holder and closes at the hand-over. Callers run these inside their own Transaction, with the
// journal row of the action that moved the item.
#include <optional>
#include <vector>

#include "publication/StepRecord.h"

namespace ds {
class Database;
}

namespace ds::publication {

struct StepFilter {
    std::optional<Sop> sop;
    std::optional<TimePoint> from;  // started at or after
    std::optional<TimePoint> to;    // started before
};

class StepLog {
  public:
    explicit StepLog(ds::Database& db) : db_(db) {}

    StepRecord open(Sop sop, std::int64_t item, int step, OfficeRole role,
                    const std::string& holder, const std::string& holderName, TimePoint at);
    // Closes the item's open step; `at` must not be before it opened (UserError naming --at).
    StepRecord close(const StepRecord& open, TimePoint at, StepOutcome outcome,
                     const std::string& by, const std::string& note, std::optional<int> version);
    // A step the SOP does not ask for here (an SPT for coverage on the island): recorded as
    // skipped at `at`, so the chain shows it and no time is counted against it.
    StepRecord skip(Sop sop, std::int64_t item, int step, OfficeRole role, TimePoint at,
                    const std::string& by, const std::string& note);
    std::optional<StepRecord> current(Sop sop, std::int64_t item);
    std::vector<StepRecord> list(Sop sop, std::int64_t item);
    std::vector<StepRecord> list(const StepFilter& filter);
    // The moment the item was last handed on (the open step's start), for checking --at.
    static void requireAfter(const StepRecord& open, TimePoint at);

  private:
    ds::Database& db_;
};

}  // namespace ds::publication
