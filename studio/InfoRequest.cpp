#include "studio/InfoRequest.h"

#include "studio/PersonalSeal.h"

namespace ds {

namespace {

nlohmann::json opt(const std::optional<TimePoint>& t) {
    return t ? nlohmann::json(formatUtc(*t)) : nlohmann::json(nullptr);
}
nlohmann::json opt(const std::optional<Day>& d) {
    return d ? nlohmann::json(formatDay(*d)) : nlohmann::json(nullptr);
}
template <typename T>
nlohmann::json opt(const std::optional<T>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json InfoRequest::toJson() const {
    return {
        {"id", id},
        {"station_id", stationId},
        {"session_id", opt(sessionId)},
        {"question_id", opt(questionId)},
        {"registration_number", registrationNumber},
        {"received_at", formatUtc(receivedAt)},
        {"written", written},
        {"channel", channel},
        {"requester",
         {{"name", requester.name},
          {"address", requester.address},
          {"occupation", requester.occupation},
          {"phone", requester.phone},
          {"email", requester.email},
          {"nik", requester.nik},
          {"power_of_attorney", requester.powerOfAttorney}}},
        {"details", details},
        {"purpose", purpose},
        {"obtain_method", obtainMethod},
        {"delivery_method", deliveryMethod},
        {"status", status},
        {"due_date", formatDay(dueDate)},
        {"original_due_date", formatDay(originalDueDate)},
        {"extended", extended},
        {"extension_reason", extensionReason},
        {"extended_at", opt(extendedAt)},
        {"escalated", escalated},
        {"escalated_at", opt(escalatedAt)},
        {"escalated_by", escalatedBy},
        {"escalation_reason", escalationReason},
        {"leadership",
         {{"decided_by", leadershipDecidedBy},
          {"decided_at", opt(leadershipDecidedAt)},
          {"decision", leadershipDecision},
          {"note", leadershipNote}}},
        {"decision",
         {{"decision", decision.decision},
          {"holding", decision.holding},
          {"other_body", decision.otherBody},
          {"ground", decision.ground},
          {"subground", opt(decision.subground)},
          {"law", decision.law},
          {"consequence_test", decision.consequenceTest},
          {"exemption_period", decision.exemptionPeriod},
          {"reason", decision.reason},
          {"material_given", decision.materialGiven},
          {"redacted_parts", decision.redactedParts},
          {"redaction_reason", decision.redactionReason},
          {"medium", decision.medium},
          {"cost", decision.cost},
          {"notice_date", opt(decision.noticeDate)},
          {"handover_date", opt(decision.handoverDate)}}},
        {"decided_at", opt(decidedAt)},
        {"decided_by", decidedBy},
        {"logged_by", loggedBy},
    };
}

nlohmann::json InfoRequest::journalJson() const {
    nlohmann::json j = toJson();
    for (auto& [field, value] : j["requester"].items()) {
        value = PersonalSeal::seal(personalKey, value.get<std::string>());
    }
    return j;
}

}  // namespace ds
