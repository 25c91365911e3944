#pragma once
// E-mail from a Maildir (what fetchmail, getmail or a local MTA deliver into): each message file
// parsed with GMime: the sender, Date, subject and plain-text body (quoted-printable, base64 and
// charsets decoded; an HTML-only message turned into text); attachments are noted, not kept.
// The Message-ID is the message id (the file name when a message has none).
#include <filesystem>
#include <vector>

#include "service/ChannelMessage.h"

namespace ds::service {

// Throws InputError naming the file when it is not a mail message.
ChannelMessage readMailFile(const std::filesystem::path& file);
// The message files in DIR/new and DIR/cur, oldest name first. Throws UserError unless DIR is a
// Maildir (has new/ and cur/).
std::vector<std::filesystem::path> maildirFiles(const std::filesystem::path& dir);
// HTML to plain text: drops scripts, styles and tags, keeps line breaks of blocks, decodes
// entities. Exposed for tests.
std::string htmlToText(std::string_view html);

}  // namespace ds::service
