#pragma once
// The figures of SOP 000 Pasal 11 for one session, typed: questions by channel and status, and
// for information requests the counts station scripts rely on. SessionReport writes them as
// JSON (the key names are the contract, see SessionReport.h); the control room reads them as
// they are, never through the JSON.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "studio/Time.h"

namespace ds {

struct DecisionTime {
    std::string registrationNumber;
    TimePoint receivedAt{};
    TimePoint decidedAt{};
    std::string decision;
    double seconds = 0;
    int workingDays = 0;
};

struct Pasal11Figures {
    int questionsReceived = 0;
    int questionsFlagged = 0;
    std::map<std::string, int> byChannel;  // every channel of the vocabulary, 0 included
    std::map<std::string, int> byStatus;   // every question status, 0 included
    int received = 0;
    int grantedFull = 0;
    int grantedPartial = 0;
    int refused = 0;
    std::map<std::string, int> refusedByGround;  // every ground, 0 included
    int notHeld = 0;
    int pending = 0;
    int extended = 0;
    int escalated = 0;
    int overdue = 0;
    std::vector<DecisionTime> timeToDecision;
    std::optional<double> medianSecondsToDecision;

    // {"received", "flagged", "by_channel", "by_status"}
    nlohmann::json questionsJson() const;
    // {"received", "granted_full", ..., "median_time_to_decision_seconds"}
    nlohmann::json requestsJson() const;
};

}  // namespace ds
