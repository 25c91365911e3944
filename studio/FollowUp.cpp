#include "studio/FollowUp.h"

namespace ds {

nlohmann::json FollowUp::toJson() const {
    return {{"id", id},
            {"request_id", requestId},
            {"unit_kind", unitKind},
            {"unit_name", unitName},
            {"sent_at", formatUtc(sentAt)},
            {"due_date", formatDay(dueDate)},
            {"note", note},
            {"sent_by", sentBy},
            {"answered_at", answeredAt ? nlohmann::json(formatUtc(*answeredAt)) : nullptr},
            {"answer", answer},
            {"answered_by", answeredBy}};
}

}  // namespace ds
