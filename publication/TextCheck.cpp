#include "publication/TextCheck.h"

#include <fmt/format.h>

#include "studio/Errors.h"

namespace ds::publication {

namespace {

// Counts code points; -1 when `s` is not valid UTF-8 (overlong forms and surrogates included).
long utf8Length(std::string_view s) {
    long n = 0;
    for (std::size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (len == 0 || i + len > s.size()) return -1;
        unsigned cp = len == 1 ? c : c & (0xFF >> (len + 1));
        for (int k = 1; k < len; ++k) {
            unsigned char cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return -1;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
            cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return -1;
        i += len;
        ++n;
    }
    return n;
}

std::string trim(std::string_view s) {
    auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    auto e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

std::string check(std::string_view text, const char* field, std::size_t maxChars, bool multiline) {
    long n = utf8Length(text);
    if (n < 0) throw UserError(fmt::format("{}: the text is not valid UTF-8", field));
    if (static_cast<std::size_t>(n) > maxChars)
        throw UserError(
            fmt::format("{}: too long ({} characters; at most {})", field, n, maxChars));
    for (char c : text) {
        auto u = static_cast<unsigned char>(c);
        bool allowed = multiline ? (c == '\n' || c == '\t' || c == '\r') : false;
        if ((u < 0x20 && !allowed) || u == 0x7F)
            throw UserError(fmt::format("{}: control characters are not allowed", field));
    }
    return trim(text);
}

}  // namespace

std::string requireLine(std::string_view text, const char* field, std::size_t maxChars) {
    std::string s = check(text, field, maxChars, false);
    if (s.empty()) throw UserError(fmt::format("{}: must not be empty", field));
    return s;
}

std::string optionalLine(std::string_view text, const char* field, std::size_t maxChars) {
    return check(text, field, maxChars, false);
}

std::string checkText(std::string_view text, const char* field, std::size_t maxChars) {
    return check(text, field, maxChars, true);
}

}  // namespace ds::publication
