#include "studio/ContentText.h"

#include <algorithm>
#include <array>
#include <utility>

namespace ds {

namespace {

// [SECTION] UTF-8

struct CodePoint {
    char32_t value = 0;
    std::size_t length = 0;  // bytes; 0 at the end of the text
};

// The code point at byte i. A stray byte counts as one U+FFFD and never stops the scan.
CodePoint decodeAt(std::string_view text, std::size_t i) {
    if (i >= text.size()) return {};
    const auto b0 = static_cast<unsigned char>(text[i]);
    if (b0 < 0x80) return {b0, 1};
    const std::size_t len = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
    if (len == 0 || i + len > text.size()) return {0xFFFD, 1};
    char32_t value = b0 & (0x7F >> len);
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(text[i + k]);
        if ((b & 0xC0) != 0x80) return {0xFFFD, 1};
        value = (value << 6) | (b & 0x3F);
    }
    return {value, len};
}

bool isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Characters people put inside a word to disguise it or as part of it ("ka*fir", "jum'at").
bool isInnerJoiner(char32_t c) {
    return c == '*' || c == '_' || c == '\'' || c == '`' || c == 0x2019;
}

// [SECTION] Splitting

struct Segment {
    std::string text;
    std::size_t offset = 0, end = 0;
};

bool allDigits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), isDigit);
}
bool hasLetter(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return !isDigit(c); });
}

// A dotted run is one word spelt with dots ("k.a.f.i.r", "ka.fir", "d.p.r") when every part is
// short; longer parts are words written without a space after a full stop ("Pak.saya") and a
// number after a word is its own word ("no.2", "rt.05").
bool dottedRunIsOneWord(const std::vector<Segment>& parts) {
    if (parts.size() < 2) return true;
    bool letters = false;
    for (const Segment& p : parts) {
        if (p.text.size() > 3) return false;
        letters = letters || hasLetter(p.text);
    }
    if (!letters) return false;  // "1.5", "50.000"
    if (parts.size() == 2 && (allDigits(parts[0].text) || allDigits(parts[1].text))) return false;
    return true;
}

// Digits read as the letters they look like, inside words that have letters.
char letterForDigit(char d) {
    switch (d) {
        case '0':
            return 'o';
        case '1':
            return 'i';
        case '3':
            return 'e';
        case '4':
            return 'a';
        case '5':
            return 's';
        case '6':
            return 'g';
        case '7':
            return 't';
        case '8':
            return 'b';
        case '9':
            return 'g';
        default:
            return d;
    }
}

std::string squeezed(const std::string& w) {
    // "anjiiing", "bangsaaat": three or more of one letter is one (Indonesian spells at most
    // two alike: "maaf", "saat").
    std::string out;
    for (std::size_t i = 0; i < w.size();) {
        std::size_t j = i;
        while (j < w.size() && w[j] == w[i])
            ++j;
        out.append(isAsciiLetter(w[i]) && j - i >= 3 ? 1 : j - i, w[i]);
        i = j;
    }
    return out;
}

void normalise(ContentWord& w) {
    if (allDigits(w.word)) {
        w.number = true;
        return;
    }
    const bool digits = std::any_of(w.word.begin(), w.word.end(), isDigit);
    const bool letters = std::any_of(w.word.begin(), w.word.end(), isAsciiLetter);
    if (digits && letters) {
        // "anak2", "kafir2": the 2 of reduplication.
        if (w.word.size() > 2 && w.word.back() == '2' && isAsciiLetter(w.word[w.word.size() - 2]))
            w.word.pop_back();
        for (char& c : w.word)
            c = letterForDigit(c);
    }
    w.word = squeezed(w.word);
}

bool onlySpellingGap(std::string_view gap) {
    return !gap.empty() && std::all_of(gap.begin(), gap.end(), [](char c) {
        return c == ' ' || c == '-' || c == '.' || c == '\t';
    });
}

// "k a f i r", "c 4 l o n", "k-a-f-i-r": three or more one-character words, at least two of
// them letters, apart only by spaces, dots or hyphens, are one word.
std::vector<ContentWord> joinSpelledOut(std::string_view text, std::vector<ContentWord> in) {
    std::vector<ContentWord> out;
    for (std::size_t i = 0; i < in.size();) {
        std::size_t j = i;
        int letters = 0;
        while (
            j < in.size() && in[j].end - in[j].offset == 1 &&
            (j == i || onlySpellingGap(text.substr(in[j - 1].end, in[j].offset - in[j - 1].end)))) {
            letters += in[j].number ? 0 : 1;
            ++j;
        }
        if (j - i >= 3 && letters >= 2) {
            ContentWord joined;
            joined.offset = in[i].offset;
            joined.end = in[j - 1].end;
            for (std::size_t k = i; k < j; ++k)
                joined.word += letterForDigit(in[k].word[0]);
            out.push_back(std::move(joined));
            i = j;
        } else {
            out.push_back(std::move(in[i]));
            ++i;
        }
    }
    return out;
}

// "no2", "nomor2", "nmr02": the ballot number glued to its word.
bool splitGluedNumber(const ContentWord& w, std::vector<ContentWord>& out) {
    for (std::string_view head : {"nomor", "nomer", "nmr", "no"}) {
        if (w.word.size() > head.size() && w.word.compare(0, head.size(), head) == 0 &&
            allDigits(std::string_view(w.word).substr(head.size())) &&
            w.end - w.offset == w.word.size()) {
            out.push_back({std::string(head), w.offset, w.offset + head.size(), false});
            out.push_back({w.word.substr(head.size()), w.offset + head.size(), w.end, true});
            return true;
        }
    }
    return false;
}

}  // namespace

bool ContentText::isWordCharacter(char32_t c) {
    if (c < 0x80) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
    // Letters and digits of any script are word characters. Without a Unicode database this is
    // approximated the other way round: every non-ASCII code point is a word character except
    // the blocks of spaces, punctuation, symbols and emoji that people type around words.
    struct Range {
        char32_t first, last;
    };
    static constexpr Range kNotWord[] = {
        {0x0080, 0x00BF},    // C1 controls, no-break space, Latin-1 punctuation and signs
        {0x00D7, 0x00D7},    // multiplication sign
        {0x00F7, 0x00F7},    // division sign
        {0x2000, 0x206F},    // general punctuation: spaces, dashes, quotes, ellipsis, ZWJ
        {0x20A0, 0x20CF},    // currency signs
        {0x2190, 0x2BFF},    // arrows, maths, technical, shapes, dingbats
        {0x2E00, 0x2E7F},    // supplemental punctuation
        {0x3000, 0x303F},    // CJK punctuation and ideographic space
        {0xFE00, 0xFE0F},    // variation selectors (emoji presentation)
        {0xFE30, 0xFE6F},    // compatibility and small punctuation forms
        {0xFF01, 0xFF0F},    // full-width punctuation
        {0xFF1A, 0xFF20},    //
        {0xFF3B, 0xFF40},    //
        {0xFF5B, 0xFF65},    //
        {0xFFF0, 0xFFFF},    // specials, including the replacement character
        {0x1F000, 0x1FAFF},  // emoji and pictographs
        {0xE0000, 0xE007F},  // emoji tag characters
    };
    for (const Range& r : kNotWord) {
        if (c >= r.first && c <= r.last) return false;
    }
    return true;
}

std::vector<ContentWord> ContentText::words(std::string_view text) {
    // Pieces of word characters; dots inside a piece split it into segments, decided below.
    std::vector<ContentWord> raw;
    std::vector<Segment> parts;
    const auto flush = [&] {
        if (parts.empty()) return;
        if (dottedRunIsOneWord(parts)) {
            ContentWord w{"", parts.front().offset, parts.back().end, false};
            for (const Segment& p : parts)
                w.word += p.text;
            raw.push_back(std::move(w));
        } else {
            for (Segment& p : parts)
                raw.push_back({std::move(p.text), p.offset, p.end, false});
        }
        parts.clear();
    };
    for (std::size_t i = 0; i < text.size();) {
        const CodePoint cp = decodeAt(text, i);
        if (isWordCharacter(cp.value)) {
            if (parts.empty()) parts.push_back({"", i, i});
            Segment& s = parts.back();
            for (std::size_t k = 0; k < cp.length; ++k)
                s.text += asciiLower(text[i + k]);
            s.end = i + cp.length;
        } else if (!parts.empty() && !parts.back().text.empty() &&
                   (isInnerJoiner(cp.value) || cp.value == '.') &&
                   isWordCharacter(decodeAt(text, i + cp.length).value)) {
            if (cp.value == '.') parts.push_back({"", i + 1, i + 1});
        } else {
            flush();
        }
        i += cp.length;
    }
    flush();

    std::vector<ContentWord> words;
    for (ContentWord& w : raw) {
        if (splitGluedNumber(w, words)) continue;
        normalise(w);
        words.push_back(std::move(w));
    }
    return joinSpelledOut(text, std::move(words));
}

namespace {

constexpr std::array<std::string_view, 6> kClitics{"nya", "lah", "kah", "pun", "ku", "mu"};
constexpr std::array<std::string_view, 3> kSuffixes{"kan", "an", "i"};

struct Prefix {
    std::string_view prefix;
    std::array<std::string_view, 2> restore;  // first letters the prefix may have replaced
    int count;
};
// Longest first, so "meng" is tried before "me".
constexpr Prefix kPrefixes[] = {
    {"memper", {"", ""}, 1}, {"meng", {"", "k"}, 2}, {"meny", {"s", ""}, 1}, {"mem", {"", "p"}, 2},
    {"men", {"", "t"}, 2},   {"me", {"", ""}, 1},    {"peng", {"", "k"}, 2}, {"peny", {"s", ""}, 1},
    {"pem", {"", "p"}, 2},   {"pen", {"", "t"}, 2},  {"per", {"", ""}, 1},   {"pe", {"", ""}, 1},
    {"diper", {"", ""}, 1},  {"di", {"", ""}, 1},    {"ter", {"", ""}, 1},   {"ber", {"", ""}, 1},
    {"be", {"", ""}, 1},     {"ke", {"", ""}, 1},    {"se", {"", ""}, 1},    {"nge", {"", ""}, 1},
    {"ng", {"", "k"}, 2},    {"ny", {"s", "c"}, 2},  {"m", {"p", ""}, 1},
};

bool endsWith(std::string_view w, std::string_view s) {
    return w.size() > s.size() && w.substr(w.size() - s.size()) == s;
}

void addRoot(std::vector<std::string>& out, std::string w) {
    if (w.size() < 3) return;
    if (std::find(out.begin(), out.end(), w) == out.end()) out.push_back(std::move(w));
}

void stripPrefixes(std::vector<std::string>& out, const std::string& w, int depth) {
    addRoot(out, w);
    if (depth == 0) return;
    for (const Prefix& p : kPrefixes) {
        if (w.size() <= p.prefix.size() + 2 || w.compare(0, p.prefix.size(), p.prefix) != 0)
            continue;
        const std::string rest = w.substr(p.prefix.size());
        for (int k = 0; k < p.count; ++k)
            stripPrefixes(out, std::string(p.restore[k]) + rest, depth - 1);
    }
}

}  // namespace

std::vector<std::string> ContentText::withoutClitic(std::string_view word) {
    std::vector<std::string> out{std::string(word)};
    for (std::string_view c : kClitics) {
        if (endsWith(word, c) && word.size() - c.size() >= 3)
            out.emplace_back(word.substr(0, word.size() - c.size()));
    }
    return out;
}

std::vector<std::string> ContentText::roots(std::string_view word) {
    std::vector<std::string> bases;
    for (const std::string& b : withoutClitic(word)) {
        addRoot(bases, b);
        for (std::string_view s : kSuffixes) {
            if (endsWith(b, s)) addRoot(bases, b.substr(0, b.size() - s.size()));
        }
    }
    std::vector<std::string> out;
    for (const std::string& b : bases)
        stripPrefixes(out, b, 2);
    return out;
}

}  // namespace ds
