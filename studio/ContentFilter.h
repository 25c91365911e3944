#pragma once
// Content flags for the screener (SOP 003 and 004: no SARA, no political campaigning on air).
// A configurable word list marks questions for attention; it never rejects anything by itself.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace ds {

struct ContentFlag {
    std::string category;  // "sara" or "politik" (any category the list names)
    std::string term;      // the list's term that matched
    std::size_t offset = 0;  // byte offset of the match in the text
    std::size_t length = 0;  // byte length of the match
};

class ContentFilter {
public:
    ContentFilter() = default;  // flags nothing

    // CSV with header "category,term" and '#' comment lines. Throws InputError naming
    // sourceName, line and field for a bad row (empty term, invalid UTF-8, wrong columns).
    // Categories are ASCII-lower-cased ("SARA" is "sara"); a term repeated in the same category
    // (same words, other case or spacing) is kept once.
    static ContentFilter parse(std::string_view csv, std::string_view sourceName);
    static ContentFilter load(const std::filesystem::path& file);
    static ContentFilter shipped();  // the embedded studio/data/content-words.csv

    // Every match, in text order. Case-insensitive for ASCII letters; a match must stand as
    // whole words (no letter or digit, ASCII or UTF-8, directly before or after it). Any run
    // of white space in the text matches the single space between words of a term.
    // Non-ASCII letters are recognised without a Unicode database: every non-ASCII character
    // counts as a letter except the punctuation, symbol, space and emoji blocks. Flags at the
    // same offset come in list order; overlapping terms each flag ("non-pribumi", "pribumi").
    std::vector<ContentFlag> scan(std::string_view text) const;

    std::size_t size() const { return terms_.size(); }

private:
    struct Term {
        std::string category;
        std::string term;   // as written in the list
        std::string lower;  // ASCII-lower-cased, single spaces
    };
    std::vector<Term> terms_;
};

}  // namespace ds
