#include "service/WhatsAppWebhook.h"

#include <charconv>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "service/Secrets.h"
#include "studio/Errors.h"

namespace ds::service {

namespace {

using nlohmann::json;

const json& member(const json& object, const char* key, const std::string& where) {
    if (!object.is_object() || !object.contains(key))
        throw InputError(fmt::format("{}: '{}' is missing", where, key));
    return object.at(key);
}

std::string text(const json& object, const char* key, const std::string& where) {
    const json& v = member(object, key, where);
    if (!v.is_string()) throw InputError(fmt::format("{}.{}: not a string", where, key));
    return v.get<std::string>();
}

TimePoint unixTime(const std::string& digits, const std::string& where) {
    long long seconds = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), seconds);
    if (ec != std::errc() || end != digits.data() + digits.size() || seconds <= 0)
        throw InputError(fmt::format("{}.timestamp: '{}' is not a Unix time", where, digits));
    return TimePoint(std::chrono::seconds(seconds));
}

}  // namespace

std::optional<std::string> whatsappChallenge(std::string_view mode, std::string_view token,
                                             std::string_view challenge,
                                             std::string_view expectedToken) {
    if (mode != "subscribe" || expectedToken.empty() || challenge.empty()) return std::nullopt;
    if (!constantTimeEquals(token, expectedToken)) return std::nullopt;
    return std::string(challenge);
}

// A field that should be text but is something else reads as empty: nlohmann's value() would
// throw a type_error (found by fuzzing) and turn a bad payload into a server error.
static std::string textOr(const nlohmann::json& object, const char* key) {
    auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

WhatsAppNotification parseWhatsApp(std::string_view body) {
    const json doc = json::parse(body, nullptr, false);
    if (doc.is_discarded()) throw InputError("body: not valid JSON");
    if (!doc.is_object() || textOr(doc, "object") != "whatsapp_business_account")
        throw InputError("body.object: not 'whatsapp_business_account'");
    const json& entries = member(doc, "entry", "body");
    if (!entries.is_array()) throw InputError("body.entry: not an array");
    WhatsAppNotification out;
    for (std::size_t e = 0; e < entries.size(); ++e) {
        const std::string ew = fmt::format("entry[{}]", e);
        const json& changes = member(entries[e], "changes", ew);
        if (!changes.is_array()) throw InputError(ew + ".changes: not an array");
        for (std::size_t c = 0; c < changes.size(); ++c) {
            const std::string cw = fmt::format("{}.changes[{}]", ew, c);
            if (!changes[c].is_object()) throw InputError(cw + ": not an object");
            if (textOr(changes[c], "field") != "messages") {
                ++out.other;
                continue;
            }
            const json& value = member(changes[c], "value", cw);
            if (!value.is_object()) throw InputError(cw + ".value: not an object");
            if (value.contains("statuses") && value["statuses"].is_array())
                out.statuses += static_cast<int>(value["statuses"].size());
            if (!value.contains("messages")) continue;
            const json& messages = value["messages"];
            if (!messages.is_array()) throw InputError(cw + ".value.messages: not an array");
            // The sender's profile name comes with the contacts, keyed by wa_id.
            auto profileName = [&](const std::string& waId) -> std::string {
                if (!value.contains("contacts") || !value["contacts"].is_array()) return "";
                for (const json& contact : value["contacts"]) {
                    if (!contact.is_object() || textOr(contact, "wa_id") != waId) continue;
                    if (contact.contains("profile") && contact["profile"].is_object() &&
                        contact["profile"].contains("name") &&
                        contact["profile"]["name"].is_string())
                        return contact["profile"]["name"].get<std::string>();
                }
                return "";
            };
            for (std::size_t m = 0; m < messages.size(); ++m) {
                const std::string mw = fmt::format("{}.value.messages[{}]", cw, m);
                const json& msg = messages[m];
                if (!msg.is_object()) throw InputError(mw + ": not an object");
                const std::string type = text(msg, "type", mw);
                if (type == "reaction") {
                    ++out.reactions;
                    continue;
                }
                ChannelMessage cm;
                cm.channel = "whatsapp";
                cm.messageId = text(msg, "id", mw);
                cm.contact = text(msg, "from", mw);
                cm.senderName = profileName(cm.contact);
                cm.receivedAt = unixTime(text(msg, "timestamp", mw), mw);
                if (type == "text") {
                    cm.text = text(member(msg, "text", mw), "body", mw + ".text");
                } else if (type == "image" || type == "video" || type == "audio" ||
                           type == "document" || type == "sticker") {
                    const json& media = member(msg, type.c_str(), mw);
                    const std::string caption = media.is_object() && media.contains("caption") &&
                                                        media["caption"].is_string()
                                                    ? media["caption"].get<std::string>()
                                                    : "";
                    if (caption.empty()) {
                        ++out.media;
                        continue;
                    }
                    cm.text = caption;
                    cm.note = fmt::format("lampiran WhatsApp: {} (tidak disimpan)", type);
                } else {
                    ++out.other;
                    continue;
                }
                out.messages.push_back(std::move(cm));
            }
        }
    }
    return out;
}

}  // namespace ds::service
