#pragma once
// Checks on text typed into the publication records: valid UTF-8, no control characters, within
// a length, so a bad value is refused with the option's name before anything is written.
#include <string>
#include <string_view>

namespace ds::publication {

// Trimmed one-line text; UserError naming `field` when empty, too long (code points), not
// UTF-8 or holding control characters.
std::string requireLine(std::string_view text, const char* field, std::size_t maxChars);
// The same, but empty is allowed.
std::string optionalLine(std::string_view text, const char* field, std::size_t maxChars);
// Multi-line text (newlines and tabs allowed); empty allowed.
std::string checkText(std::string_view text, const char* field, std::size_t maxChars);

}  // namespace ds::publication
