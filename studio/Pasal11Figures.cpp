#include "studio/Pasal11Figures.h"

namespace ds {

nlohmann::json Pasal11Figures::questionsJson() const {
    return {{"received", questionsReceived},
            {"flagged", questionsFlagged},
            {"by_channel", byChannel},
            {"by_status", byStatus}};
}

nlohmann::json Pasal11Figures::requestsJson() const {
    nlohmann::json times = nlohmann::json::array();
    for (const DecisionTime& t : timeToDecision) {
        times.push_back({{"registration_number", t.registrationNumber},
                         {"received_at", formatUtc(t.receivedAt)},
                         {"decided_at", formatUtc(t.decidedAt)},
                         {"decision", t.decision},
                         {"seconds", t.seconds},
                         {"working_days", t.workingDays}});
    }
    return {{"received", received},
            {"granted_full", grantedFull},
            {"granted_partial", grantedPartial},
            {"refused", refused},
            {"refused_by_ground", refusedByGround},
            {"not_held", notHeld},
            {"pending", pending},
            {"extended", extended},
            {"escalated", escalated},
            {"overdue", overdue},
            {"time_to_decision", times},
            {"median_time_to_decision_seconds", medianSecondsToDecision
                                                    ? nlohmann::json(*medianSecondsToDecision)
                                                    : nlohmann::json(nullptr)}};
}

}  // namespace ds
