#pragma once
// The headless commands of service/, added to dialogstudio's one command table:
//   serve [--listen HOST:PORT] [--cert F --key F]   the studio service, in the foreground
//   seat add|list|revoke                            browser seats and their pairing addresses
//   channel whatsapp|webhook                        the channels' secrets (never printed back)
//   channel sms-receive FILE...                     gammu-smsd's RunOnReceive hook
//   channel maildir-scan DIR                        e-mail delivered into a Maildir
//   channel inbox [--attach]                        messages waiting for a live session
//   guest-message [TEXT]                            the producer's line on the guests' screens
#include "studio/CommandTable.h"

namespace ds {

void addServiceCommands(CommandTable& table);

}  // namespace ds
