#pragma once
// The generic JSON webhook for local gateways (a WhatsApp gateway service, an SMS gateway with
// an HTTP hook): POST /webhooks/generic, signed like Meta's webhooks with the channel's own
// secret (X-DialogStudio-Signature: sha256=<HMAC-SHA256 of the raw body>). The body is one
// message or {"messages": [...]}; each message:
//   {"id": "gw-123", "channel": "whatsapp", "from": "+62812...", "name": "Budi",
//    "text": "...", "timestamp": 1764750000 | "2026-12-03T09:00:00+07:00"}
// id, text and timestamp are required; channel defaults to "whatsapp" and must be a written
// channel (whatsapp, sms, email, social).
#include <string_view>
#include <vector>

#include "service/ChannelMessage.h"

namespace ds::service {

// Throws InputError naming the message and field when the body is malformed.
std::vector<ChannelMessage> parseGenericWebhook(std::string_view body);

}  // namespace ds::service
