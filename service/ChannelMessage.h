#pragma once
// One listener message as a channel hands it in (WhatsApp, SMS, e-mail, a generic webhook),
// before it becomes a question. messageId is the channel's own id: delivering the same id twice
// never makes a second question.
#include <string>
#include <string_view>

#include "studio/Time.h"

namespace ds::service {

struct ChannelMessage {
    std::string channel;     // a question channel code: whatsapp, sms, email, ...
    std::string messageId;   // the channel's id (wamid..., SMS file name, Message-ID)
    TimePoint receivedAt{};  // when the listener sent it, from the message itself
    std::string senderName;
    std::string contact;  // phone number or e-mail address
    std::string text;
    std::string note;  // what was left out: media, attachments
};

// Whether an arrival on this channel is a written request (PPID.md field 3; UU KIP Pasal 22(1),
// (3)): SMS, WhatsApp, e-mail, social media and letters are written; a phone call or a visit to
// the studio is not.
bool channelIsWritten(std::string_view channel);

}  // namespace ds::service
