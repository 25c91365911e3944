#include "service/GenericWebhook.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "studio/Errors.h"

namespace ds::service {

namespace {

using nlohmann::json;

std::string field(const json& m, const char* key, bool required, const std::string& where) {
    if (!m.contains(key) || m[key].is_null()) {
        if (required) throw InputError(fmt::format("{}: '{}' is missing", where, key));
        return "";
    }
    if (!m[key].is_string()) throw InputError(fmt::format("{}.{}: not a string", where, key));
    return m[key].get<std::string>();
}

ChannelMessage parseOne(const json& m, const std::string& where) {
    if (!m.is_object()) throw InputError(where + ": not an object");
    ChannelMessage cm;
    cm.messageId = field(m, "id", true, where);
    cm.channel = field(m, "channel", false, where);
    if (cm.channel.empty()) cm.channel = "whatsapp";
    if (cm.channel != "whatsapp" && cm.channel != "sms" && cm.channel != "email" &&
        cm.channel != "social")
        throw InputError(fmt::format("{}.channel: '{}' is not one of whatsapp, sms, email, social",
                                     where, cm.channel));
    cm.contact = field(m, "from", false, where);
    cm.senderName = field(m, "name", false, where);
    cm.text = field(m, "text", true, where);
    if (!m.contains("timestamp")) throw InputError(where + ": 'timestamp' is missing");
    const json& ts = m["timestamp"];
    if (ts.is_number_integer() && ts.get<long long>() > 0) {
        cm.receivedAt = TimePoint(std::chrono::seconds(ts.get<long long>()));
    } else if (ts.is_string()) {
        auto t = parseUtc(ts.get<std::string>());
        if (!t)
            throw InputError(
                fmt::format("{}.timestamp: '{}' is not a time like 2026-12-03T09:00:00+07:00",
                            where, ts.get<std::string>()));
        cm.receivedAt = *t;
    } else {
        throw InputError(where + ".timestamp: not a Unix time or an ISO 8601 time");
    }
    return cm;
}

}  // namespace

std::vector<ChannelMessage> parseGenericWebhook(std::string_view body) {
    const json doc = json::parse(body, nullptr, false);
    if (doc.is_discarded()) throw InputError("body: not valid JSON");
    std::vector<ChannelMessage> out;
    if (doc.is_object() && doc.contains("messages")) {
        if (!doc["messages"].is_array()) throw InputError("body.messages: not an array");
        for (std::size_t i = 0; i < doc["messages"].size(); ++i)
            out.push_back(parseOne(doc["messages"][i], fmt::format("messages[{}]", i)));
    } else {
        out.push_back(parseOne(doc, "body"));
    }
    if (out.empty()) throw InputError("body.messages: empty");
    return out;
}

}  // namespace ds::service
