#include "studio/Amendment.h"

namespace ds {

nlohmann::json Amendment::toJson() const {
    nlohmann::json list = nlohmann::json::array();
    for (const AmendmentChange& c : changes) {
        list.push_back({{"field", c.field}, {"before", c.before}, {"after", c.after}});
    }
    return {{"id", id},
            {"session_id", sessionId ? nlohmann::json(*sessionId) : nlohmann::json(nullptr)},
            {"subject", subject},
            {"label", label},
            {"reason", reason},
            {"actor", actor},
            {"at", formatUtc(at)},
            {"after_signing", afterSigning},
            {"changes", list}};
}

}  // namespace ds
