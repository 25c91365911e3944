#include "studio/ContentFilter.h"

#include <algorithm>

#include <fmt/format.h>

#include "studio/CsvReader.h"
#include "studio/EmbeddedData.h"
#include "studio/Errors.h"
#include "studio/TextRules.h"

namespace ds {

namespace {

// [SECTION] UTF-8 helpers

char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

struct CodePoint {
    char32_t value = 0;
    std::size_t length = 0;  // bytes; 0 at the end of the text
};

// Decodes the code point at byte i. Scanned text is not always validated yet (the screener
// types as the call goes on), so a stray byte counts as one U+FFFD and never stops the scan.
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

// Letters and digits of any script count as part of a word. Without a Unicode database this
// is approximated the other way round: every non-ASCII code point is a word character except
// the blocks of spaces, punctuation, symbols and emoji that people actually type around words
// (curly quotes, dashes, "…", emoji from WhatsApp). Combining accents stay inside the word.
bool isWordCharacter(char32_t c) {
    if (c < 0x80) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
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

// Byte length of the white-space character at i, or 0.
std::size_t spaceAt(std::string_view text, std::size_t i) {
    const CodePoint cp = decodeAt(text, i);
    switch (cp.value) {
        case ' ':
        case '\t':
        case '\n':
        case '\r':
        case '\f':
        case '\v':
        case 0x00A0:
        case 0x202F:
        case 0x205F:
        case 0x3000:
            return cp.length;
        default:
            return cp.value >= 0x2000 && cp.value <= 0x200A ? cp.length : 0;
    }
}

// Length in bytes of `lower` matched at byte i of text, or 0.
std::size_t matchAt(std::string_view text, std::size_t i, std::string_view lower) {
    std::size_t j = i;
    for (char want : lower) {
        if (want == ' ') {
            const std::size_t first = spaceAt(text, j);
            if (first == 0) return 0;
            j += first;
            while (const std::size_t more = spaceAt(text, j))
                j += more;
            continue;
        }
        if (j >= text.size() || asciiLower(text[j]) != want) return 0;
        ++j;
    }
    return j - i;
}

// ASCII-lower-cased, white-space runs as one space, trimmed.
std::string normalised(std::string_view term) {
    std::string out;
    bool pendingSpace = false;
    for (std::size_t i = 0; i < term.size();) {
        if (const std::size_t n = spaceAt(term, i)) {
            pendingSpace = !out.empty();
            i += n;
            continue;
        }
        if (pendingSpace) out += ' ';
        pendingSpace = false;
        out += asciiLower(term[i++]);
    }
    return out;
}

}  // namespace

// [SECTION] Loading the list

namespace {

struct LoadedTerm {
    std::string category, term, lower;
};

std::vector<LoadedTerm> termsFrom(const CsvTable& table) {
    table.requireColumns({"category", "term"}, {});
    std::vector<LoadedTerm> out;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const std::string where = table.where(r);
        // Categories are grouping labels: "SARA" and "sara" are the same one.
        std::string category = normalised(trim(table.field(r, "category")));
        requireText(category, "category", kMaxNameBytes, true, where);
        std::string term = trim(table.field(r, "term"));
        requireText(term, "term", kMaxNameBytes, true, where);
        std::string lower = normalised(term);
        // A repeated line would only flag the same words twice; keep the first.
        const bool repeated = std::any_of(out.begin(), out.end(), [&](const LoadedTerm& t) {
            return t.category == category && t.lower == lower;
        });
        if (!repeated) out.push_back({std::move(category), std::move(term), std::move(lower)});
    }
    return out;
}

}  // namespace

ContentFilter ContentFilter::parse(std::string_view csv, std::string_view sourceName) {
    ContentFilter filter;
    for (auto& t : termsFrom(CsvReader::parse(csv, sourceName, true))) {
        filter.terms_.push_back({std::move(t.category), std::move(t.term), std::move(t.lower)});
    }
    return filter;
}

ContentFilter ContentFilter::load(const std::filesystem::path& file) {
    ContentFilter filter;
    for (auto& t : termsFrom(CsvReader::readFile(file, true))) {
        filter.terms_.push_back({std::move(t.category), std::move(t.term), std::move(t.lower)});
    }
    return filter;
}

ContentFilter ContentFilter::shipped() {
    return parse(embedded::kContentWordsCsv, "content-words.csv (built in)");
}

// [SECTION] Scanning

std::vector<ContentFlag> ContentFilter::scan(std::string_view text) const {
    std::vector<ContentFlag> flags;
    if (terms_.empty()) return flags;
    // Try each term only where a word can begin: at code point boundaries after a non-word.
    bool afterWord = false;
    for (std::size_t i = 0; i < text.size();) {
        const CodePoint here = decodeAt(text, i);
        if (!afterWord) {
            for (const Term& t : terms_) {
                const std::size_t len = matchAt(text, i, t.lower);
                // Whole words only: what follows must not continue a word ("partainya").
                if (len == 0 || isWordCharacter(decodeAt(text, i + len).value)) continue;
                flags.push_back({t.category, t.term, i, len});
            }
        }
        afterWord = isWordCharacter(here.value);
        i += here.length;
    }
    return flags;
}

}  // namespace ds
