#pragma once
// A listener's question or comment, from intake through screening to on-air and answered.
//
// Status: new -> screened -> approved (in the producer's order) -> on_air -> answered;
// or rejected (with a reason), merged into another question, or deferred for a written answer.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "studio/ContentFilter.h"
#include "studio/Time.h"

namespace ds {

struct QuestionStep {
    std::string status;
    std::string actor;
    TimePoint at{};
    std::string note;
};

struct Question {
    std::int64_t id = 0;
    std::int64_t sessionId = 0;
    int number = 0;  // 1, 2, 3 ... within the session ("Pertanyaan 3")
    std::string channel;
    TimePoint receivedAt{};
    std::string callerName;
    std::string origin;   // area the caller is from
    std::string contact;  // phone number or e-mail
    std::string text;
    bool written = false;
    std::string topic;
    std::string status = "new";
    std::optional<int> queuePos;  // order among approved questions, 1 = next
    std::string reason;           // rejection or deferral reason
    std::optional<std::int64_t> mergedInto;
    std::vector<ContentFlag> flags;
    bool infoRequest = false;  // the caller asks for public information
    std::string purpose;       // the reason/purpose of the information request
    std::vector<QuestionStep> steps;

    nlohmann::json toJson() const;
};

}  // namespace ds
