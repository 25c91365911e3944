#include "studio/TextRules.h"

#include <fmt/format.h>

#include "studio/Errors.h"

namespace ds {

namespace {

// Length of the UTF-8 sequence starting at text[i], or 0 if it is not a valid, shortest-form
// encoding of a scalar value (Unicode 15, table 3-7).
std::size_t validSequenceLength(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char b0 = byte(i);
    if (b0 < 0x80) return 1;
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3;
        if (b0 == 0xE0) lo = 0xA0;  // overlong otherwise
        if (b0 == 0xED) hi = 0x9F;  // U+D800..U+DFFF are surrogates, not characters
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4;
        if (b0 == 0xF0) lo = 0x90;  // overlong otherwise
        if (b0 == 0xF4) hi = 0x8F;  // above U+10FFFF otherwise
    } else {
        return 0;  // continuation byte, C0/C1 (overlong two-byte) or F5..FF
    }
    if (i + len > text.size()) return 0;  // truncated
    if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
    for (std::size_t k = 2; k < len; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
    }
    return len;
}

bool isAsciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

std::optional<std::size_t> firstInvalidUtf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t len = validSequenceLength(text, i);
        if (len == 0) return i;
        i += len;
    }
    return std::nullopt;
}

void requireText(std::string_view text, std::string_view field, std::size_t maxBytes, bool required,
                 std::string_view where) {
    const auto fail = [&](const std::string& problem) {
        throw InputError(fmt::format("{}field '{}': {}", where, field, problem));
    };
    // Size first: it is cheap and is the useful answer for a pasted file or a runaway paste.
    if (text.size() > maxBytes) {
        fail(fmt::format("too long: {} bytes, the limit is {} bytes", text.size(), maxBytes));
    }
    if (auto bad = firstInvalidUtf8(text)) {
        fail(fmt::format("invalid UTF-8 at byte {}", *bad + 1));
    }
    // The text is valid UTF-8 now, so C1 controls (U+0080..U+009F) are exactly "C2 80".."C2 9F".
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        unsigned code = 0;
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
            code = c;
        } else if (c == 0x7F) {
            code = c;
        } else if (c == 0xC2 && i + 1 < text.size() &&
                   static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
            code = static_cast<unsigned char>(text[i + 1]);
        } else {
            continue;
        }
        if (code == 0) fail(fmt::format("NUL character at byte {}", i + 1));
        fail(fmt::format("control character U+{:04X} at byte {}", code, i + 1));
    }
    if (required && trim(text).empty()) fail("must not be empty");
}

std::string trim(std::string_view text) {
    std::size_t b = 0, e = text.size();
    while (b < e && isAsciiSpace(text[b]))
        ++b;
    while (e > b && isAsciiSpace(text[e - 1]))
        --e;
    return std::string(text.substr(b, e - b));
}

}  // namespace ds
