#include "studio/Masking.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "studio/TextRules.h"

namespace ds {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// The first UTF-8 character of text, whole (never a lone lead byte).
std::string_view firstCharacter(std::string_view text) {
    if (text.empty()) return {};
    const auto b0 = static_cast<unsigned char>(text[0]);
    const std::size_t len = b0 < 0x80 ? 1 : b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
    if (len == 0 || len > text.size() || firstInvalidUtf8(text.substr(0, len))) {
        return kReplacement;
    }
    return text.substr(0, len);
}

std::vector<std::string_view> words(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && isSpace(text[i]))
            ++i;
        const std::size_t start = i;
        while (i < text.size() && !isSpace(text[i]))
            ++i;
        if (i > start) out.push_back(text.substr(start, i - start));
    }
    return out;
}

std::string maskEmail(std::string_view email, std::size_t at) {
    const std::string_view local = email.substr(0, at);
    return std::string(firstCharacter(local)) + "***" + std::string(email.substr(at));
}

// Characters people write in phone numbers besides digits: "+62 (812) 3456-7890".
bool isPhoneText(std::string_view text) {
    bool anyDigit = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (isDigit(c)) {
            anyDigit = true;
        } else if (c == '+' && i == 0) {
        } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '/') {
            return false;
        }
    }
    return anyDigit;
}

std::string maskPhone(std::string_view text) {
    std::string digits;
    for (char c : text) {
        if (isDigit(c)) digits += c;
    }
    // The prefix is kept as written: it says "Indonesian number", not whose. "0" is the trunk
    // prefix, "+62" (or "62" as WhatsApp writes it) the country code in its place.
    std::string prefix;
    std::size_t prefixDigits = 0;
    std::size_t headMax = 4;  // digits kept after the prefix, at most
    if (text.front() == '+' && digits.rfind("62", 0) == 0) {
        prefix = "+62", prefixDigits = 2, headMax = 3;
    } else if (text.front() == '+') {
        prefix = "+";
    } else if (digits.rfind('0', 0) == 0) {
        prefix = "0", prefixDigits = 1, headMax = 3;
    } else if (digits.rfind("628", 0) == 0) {
        prefix = "62", prefixDigits = 2, headMax = 3;
    }
    const std::string_view rest = std::string_view(digits).substr(prefixDigits);
    // Keep the operator or area code and at most the last 4 digits; at least half of what
    // follows the code is always masked, so short numbers show less.
    const std::size_t head = std::min(headMax, rest.size() / 3);
    const std::size_t tail = std::min<std::size_t>(4, (rest.size() - head) / 2);
    const std::size_t masked = rest.size() - head - tail;
    return prefix + std::string(rest.substr(0, head)) + std::string(masked, '*') +
           std::string(rest.substr(head + masked));
}

}  // namespace

std::string maskContact(std::string_view contact) {
    const std::string text = trim(contact);
    if (text.empty()) return {};
    if (const auto at = text.rfind('@'); at != std::string::npos) return maskEmail(text, at);
    if (isPhoneText(text)) return maskPhone(text);
    // Neither an e-mail nor a phone number: show nothing of it rather than guess what is safe.
    return "***";
}

std::string initials(std::string_view name) {
    std::string out;
    for (std::string_view word : words(name)) {
        // "(Pak)" or "'Ucok'" start with punctuation; the initial is the first letter after it.
        while (!word.empty() && static_cast<unsigned char>(word.front()) < 0x80 &&
               !std::isalnum(static_cast<unsigned char>(word.front()))) {
            word.remove_prefix(1);
        }
        if (word.empty()) continue;
        std::string letter(firstCharacter(word));
        if (letter.size() == 1) letter[0] = static_cast<char>(std::toupper(letter[0]));
        if (!out.empty()) out += ' ';
        out += letter + ".";
    }
    return out;
}

std::string firstName(std::string_view name) {
    const auto all = words(name);
    return all.empty() ? std::string() : std::string(all.front());
}

}  // namespace ds
