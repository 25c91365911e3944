#pragma once
// SMS received by gammu-smsd with its files backend: one file per message in the inbox folder,
// named IN<yyyymmdd>_<hhmmss>_<serial>_<sender>_<part>.txt, holding the text (UTF-16 with a
// byte-order mark when InboxFormat = unicode, else UTF-8). The file name is the message id and
// carries the sender and the time the phone network stamped (station local time).
#include <filesystem>
#include <string>

#include "service/ChannelMessage.h"

namespace ds::service {

// Throws InputError naming the file when its name or content is not a gammu-smsd inbox file.
ChannelMessage readSmsFile(const std::filesystem::path& file, const std::string& timeZone);

}  // namespace ds::service
