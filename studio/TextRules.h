#pragma once
// What text the record accepts: valid UTF-8, no NUL or other control characters but newline
// and tab, and documented size limits. Every field from a person or a file passes through
// requireText before it reaches storage, so the error names the field.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ds {

// Documented limits (README, "Limits").
inline constexpr std::size_t kMaxQuestionTextBytes = 8 * 1024;  // a question or request text
inline constexpr std::size_t kMaxNameBytes = 200;                // names, titles, areas
inline constexpr std::size_t kMaxNoteBytes = 4 * 1024;           // reasons, notes, addresses

// Byte offset of the first invalid UTF-8 sequence (overlong forms, surrogates and code points
// above U+10FFFF are invalid), or nullopt if the whole text is valid.
std::optional<std::size_t> firstInvalidUtf8(std::string_view text);

// Throws InputError "<where>field '<field>': <problem>" when the text is invalid UTF-8, holds a
// control character other than \n, \r or \t, is longer than maxBytes, or is empty (after
// trimming white space) while required. `where` is a prefix such as "questions.csv row 4: ".
void requireText(std::string_view text, std::string_view field, std::size_t maxBytes,
                 bool required, std::string_view where = {});

// Trims ASCII white space at both ends.
std::string trim(std::string_view text);

}  // namespace ds
