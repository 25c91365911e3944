#pragma once
// How the SOPs' time standards were kept in a period: for each step of SOPs 001 and 002, how
// many were done, how many within the standard, how many over, the median time taken, and the
// items late right now (a step still open and already past its standard). A step belongs to the
// period by the moment it reached its holder; skipped steps (an SPT not needed) are left out;
// a step without a standard (the coverage itself) is counted but never late.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "publication/StepRecord.h"

namespace ds {
class Database;
}

namespace ds::publication {

struct StepFigures {
    Sop sop = Sop::Release;
    int step = 0;
    int done = 0;  // finished in the period
    int withinStandard = 0;
    int overStandard = 0;
    int open = 0;                         // not finished as of `asOf`
    std::optional<double> medianSeconds;  // of the finished ones
};

struct LateItem {
    StepRecord step;
    std::string item;  // "Rilis 3 (sesi 7)", "Peliputan 2: ..."
    double overSeconds = 0;
};

struct Compliance {
    TimePoint from{}, to{}, asOf{};
    std::vector<StepFigures> steps;  // every step of both SOPs, in SOP order
    std::vector<LateItem> lateNow;

    static Compliance build(ds::Database& db, TimePoint from, TimePoint to, TimePoint asOf);
    nlohmann::json toJson() const;
};

}  // namespace ds::publication
