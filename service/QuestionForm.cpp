#include "service/QuestionForm.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "service/ChannelMessage.h"
#include "studio/Errors.h"

namespace ds::service {

namespace {

std::string formText(const nlohmann::json& body, const char* key) {
    if (!body.contains(key) || body[key].is_null()) return "";
    if (!body[key].is_string()) throw InputError(fmt::format("field '{}': not a string", key));
    return body[key].get<std::string>();
}

}  // namespace

Question parseQuestionForm(std::string_view text) {
    const nlohmann::json body = nlohmann::json::parse(text, nullptr, false);
    if (body.is_discarded() || !body.is_object())
        throw InputError("body: not a JSON object (or not valid UTF-8)");
    Question q;
    q.channel = formText(body, "channel");
    if (q.channel.empty()) q.channel = "phone";
    q.callerName = formText(body, "caller_name");
    q.origin = formText(body, "origin");
    q.contact = formText(body, "contact");
    q.text = formText(body, "text");
    q.topic = formText(body, "topic");
    q.purpose = formText(body, "purpose");
    if (body.contains("info_request") && !body["info_request"].is_null()) {
        if (!body["info_request"].is_boolean())
            throw InputError("field 'info_request': not true or false");
        q.infoRequest = body["info_request"].get<bool>();
    }
    q.written = channelIsWritten(q.channel);
    return q;
}

}  // namespace ds::service
