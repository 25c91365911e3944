#pragma once
// The WhatsApp Business Platform (Cloud API) webhook: the subscription handshake and the
// "messages" notifications. Text messages become ChannelMessages; statuses and reactions are
// counted and ignored; media is noted (its caption, if any, is the text).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "service/ChannelMessage.h"

namespace ds::service {

struct WhatsAppNotification {
    std::vector<ChannelMessage> messages;
    int statuses = 0;   // delivery/read receipts of messages the station sent
    int reactions = 0;  // emoji reactions
    int media = 0;      // media without a caption: noted, no question
    int other = 0;      // other kinds (location, contacts, system...)
};

// GET /webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=T&hub.challenge=C: returns the
// challenge to echo when the mode is "subscribe" and the token matches, nullopt otherwise.
std::optional<std::string> whatsappChallenge(std::string_view mode, std::string_view token,
                                             std::string_view challenge,
                                             std::string_view expectedToken);

// Parses the POST body. Throws InputError naming the place when it is not JSON or not a
// WhatsApp Business Account notification.
WhatsAppNotification parseWhatsApp(std::string_view body);

}  // namespace ds::service
