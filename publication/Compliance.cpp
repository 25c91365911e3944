#include "publication/Compliance.h"

#include <fmt/format.h>

#include "publication/StepLog.h"
#include "studio/Database.h"
#include "studio/Percentile.h"
#include "studio/Statement.h"

namespace ds::publication {

namespace {

std::string itemName(ds::Database& db, Sop sop, std::int64_t id) {
    if (sop == Sop::Release) {
        auto st = db.prepare("SELECT session_id FROM releases WHERE id = ?");
        st.bindAll(id);
        return st.step() ? fmt::format("Rilis {} (sesi {})", id, st.getInt(0))
                         : fmt::format("Rilis {}", id);
    }
    auto st = db.prepare("SELECT title FROM coverages WHERE id = ?");
    st.bindAll(id);
    return st.step() ? fmt::format("Peliputan {}: {}", id, st.getText(0))
                     : fmt::format("Peliputan {}", id);
}

}  // namespace

Compliance Compliance::build(ds::Database& db, TimePoint from, TimePoint to, TimePoint asOf) {
    Compliance c;
    c.from = from;
    c.to = to;
    c.asOf = asOf;
    StepFilter f;
    f.from = from;
    f.to = to;
    auto rows = StepLog(db).list(f);
    for (Sop sop : {Sop::Release, Sop::Coverage}) {
        for (const SopStepInfo& info : sopSteps(sop)) {
            StepFigures fig;
            fig.sop = sop;
            fig.step = info.number;
            std::vector<double> taken;
            for (const StepRecord& r : rows) {
                if (r.sop != sop || r.step != info.number) continue;
                if (r.outcome == StepOutcome::Skipped) continue;
                if (!r.finishedAt || *r.finishedAt > asOf) {
                    ++fig.open;
                    continue;
                }
                ++fig.done;
                double secs = std::chrono::duration<double>(r.taken(asOf)).count();
                taken.push_back(secs);
                if (r.over(asOf))
                    ++fig.overStandard;
                else
                    ++fig.withinStandard;
            }
            fig.medianSeconds = percentile(taken, 0.5);
            c.steps.push_back(fig);
        }
    }
    // Late now: any open step past its standard, whenever it began.
    for (const StepRecord& r : StepLog(db).list(StepFilter{})) {
        if (r.finishedAt || r.outcome == StepOutcome::Skipped) continue;
        if (!r.over(asOf)) continue;
        auto standard = standardOf(r.info());
        double over = std::chrono::duration<double>(r.taken(asOf) - *standard).count();
        c.lateNow.push_back({r, itemName(db, r.sop, r.itemId), over});
    }
    return c;
}

nlohmann::json Compliance::toJson() const {
    nlohmann::json steps = nlohmann::json::array(), late = nlohmann::json::array();
    for (const auto& s : this->steps) {
        const SopStepInfo& info = sopStep(s.sop, s.step);
        auto standard = standardOf(info);
        steps.push_back(
            {{"sop", std::string(sopCode(s.sop))},
             {"step", s.step},
             {"code", std::string(info.code)},
             {"title", std::string(info.titleId)},
             {"role", std::string(roleCode(info.role))},
             {"standard_s",
              standard ? nlohmann::json(
                             std::chrono::duration_cast<std::chrono::seconds>(*standard).count())
                       : nlohmann::json()},
             {"done", s.done},
             {"within_standard", s.withinStandard},
             {"over_standard", s.overStandard},
             {"open", s.open},
             {"median_s", s.medianSeconds ? nlohmann::json(*s.medianSeconds) : nlohmann::json()}});
    }
    for (const auto& l : lateNow) {
        nlohmann::json j = l.step.toJson(asOf);
        j["item"] = l.item;
        j["over_s"] = l.overSeconds;
        late.push_back(j);
    }
    return {{"from", formatUtc(from)},
            {"to", formatUtc(to)},
            {"as_of", formatUtc(asOf)},
            {"steps", steps},
            {"late_now", late}};
}

}  // namespace ds::publication
