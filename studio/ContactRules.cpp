#include "studio/ContactRules.h"

#include <algorithm>

#include <fmt/format.h>

#include "studio/Errors.h"

namespace ds {

namespace {

constexpr const char* kPhoneForm =
    "a phone number has 6 to 15 digits, with only +, spaces, -, . or ( ) between them";

// Long input is cut in the message so the message stays one readable line.
std::string shown(std::string_view text) {
    if (text.size() <= 40) return std::string(text);
    std::size_t cut = 40;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;  // never split a UTF-8 sequence
    return std::string(text.substr(0, cut)) + "...";
}

}  // namespace

bool isPhoneNumber(std::string_view text) {
    if (text.empty()) return false;
    std::size_t digits = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c >= '0' && c <= '9') {
            ++digits;
        } else if (c == '+') {
            if (i != 0) return false;
        } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
            return false;
        }
    }
    // A separator may not start the number: "-1+..." is a formula, not a phone number.
    char first = text.front();
    if (first != '+' && first != '(' && (first < '0' || first > '9')) return false;
    return digits >= 6 && digits <= 15;
}

bool isEmailAddress(std::string_view text) {
    auto at = text.find('@');
    if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos)
        return false;
    std::string_view domain = text.substr(at + 1);
    auto dot = domain.find('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 >= domain.size()) return false;
    if (domain.back() == '.') return false;
    return std::none_of(text.begin(), text.end(), [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '<' || c == '>' ||
               c == '"' || c == ',' || c == ';';
    });
}

void requirePhone(std::string_view text, std::string_view field, std::string_view where) {
    if (text.empty() || isPhoneNumber(text)) return;
    throw InputError(fmt::format("{}field '{}': '{}' is not a phone number ({})", where, field,
                                 shown(text), kPhoneForm));
}

void requireEmail(std::string_view text, std::string_view field, std::string_view where) {
    if (text.empty() || isEmailAddress(text)) return;
    throw InputError(fmt::format("{}field '{}': '{}' is not an e-mail address (name@domain.id)",
                                 where, field, shown(text)));
}

bool isSocialHandle(std::string_view text) {
    if (text.size() < 2 || text.size() > 31 || text.front() != '@') return false;
    return std::all_of(text.begin() + 1, text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '.' || c == '_';
    });
}

void requireContact(std::string_view text, std::string_view field, bool socialMedia,
                    std::string_view where) {
    if (text.empty() || isPhoneNumber(text) || isEmailAddress(text)) return;
    if (socialMedia && isSocialHandle(text)) return;
    if (text.find('@') != std::string_view::npos) {
        if (!socialMedia || text.front() != '@') return requireEmail(text, field, where);
        throw InputError(fmt::format(
            "{}field '{}': '{}' is not an account (@ and up to 30 letters, digits, . or _), "
            "a phone number or an e-mail address",
            where, field, shown(text)));
    }
    throw InputError(fmt::format(
        "{}field '{}': '{}' is neither a phone number nor an e-mail address ({}; an e-mail "
        "address is name@domain.id)",
        where, field, shown(text), kPhoneForm));
}

}  // namespace ds
