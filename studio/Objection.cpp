#include "studio/Objection.h"

namespace ds {

namespace {

nlohmann::json opt(const std::optional<TimePoint>& t) {
    return t ? nlohmann::json(formatUtc(*t)) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json Objection::toJson() const {
    return {{"id", id},
            {"request_id", requestId},
            {"number", number},
            {"filed_at", formatUtc(filedAt)},
            {"ground", ground},
            {"reason", reason},
            {"objector", objector},
            {"superior", superior},
            {"due_date", formatDay(dueDate)},
            {"logged_by", loggedBy},
            {"outcome", outcome.empty() ? nlohmann::json(nullptr) : nlohmann::json(outcome)},
            {"answer", answer},
            {"answered_at", opt(answeredAt)},
            {"answered_by", answeredBy},
            {"dispute",
             {{"filed_at", opt(disputeFiledAt)},
              {"body", disputeBody},
              {"note", disputeNote},
              {"outcome",
               disputeOutcome.empty() ? nlohmann::json(nullptr) : nlohmann::json(disputeOutcome)},
              {"decided_at", opt(disputeDecidedAt)}}}};
}

}  // namespace ds
