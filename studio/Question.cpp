#include "studio/Question.h"

namespace ds {

nlohmann::json Question::toJson() const {
    nlohmann::json flags_json = nlohmann::json::array();
    for (const ContentFlag& f : flags) {
        flags_json.push_back({{"category", f.category},
                              {"term", f.term},
                              {"offset", f.offset},
                              {"length", f.length}});
    }
    nlohmann::json steps_json = nlohmann::json::array();
    for (const QuestionStep& s : steps) {
        steps_json.push_back(
            {{"status", s.status}, {"actor", s.actor}, {"at", formatUtc(s.at)}, {"note", s.note}});
    }
    return {{"id", id},
            {"session_id", sessionId},
            {"number", number},
            {"channel", channel},
            {"received_at", formatUtc(receivedAt)},
            {"caller_name", callerName},
            {"origin", origin},
            {"contact", contact},
            {"text", text},
            {"written", written},
            {"topic", topic},
            {"status", status},
            {"queue_pos", queuePos ? nlohmann::json(*queuePos) : nlohmann::json(nullptr)},
            {"reason", reason},
            {"merged_into", mergedInto ? nlohmann::json(*mergedInto) : nlohmann::json(nullptr)},
            {"flags", flags_json},
            {"info_request", infoRequest},
            {"purpose", purpose},
            {"steps", steps_json}};
}

}  // namespace ds
