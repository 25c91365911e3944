#pragma once
// A correction of the record after the fact (issue 4): the changed fields with their values
// before and after, the written reason, who made it and when, and whether the session's record
// was already signed. Amendments are shown in the record's history and journalled; the signed
// record itself is never edited in place by the normal commands.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "studio/Time.h"

namespace ds {

struct AmendmentChange {
    std::string field;
    std::string before;
    std::string after;
};

struct Amendment {
    std::int64_t id = 0;
    std::optional<std::int64_t> sessionId;
    std::string subject;  // "request:12", "question:5", "session:3"
    std::string label;    // what people call it: a registration number, "Pertanyaan 3", "Sesi"
    std::string reason;
    std::string actor;
    TimePoint at{};
    bool afterSigning = false;
    std::vector<AmendmentChange> changes;

    nlohmann::json toJson() const;
};

}  // namespace ds
