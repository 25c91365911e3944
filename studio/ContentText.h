#pragma once
// Words as Indonesians type them, for the content rules (SOP 003 and 004): a text becomes a list
// of normalised words, and a word the roots it may be built from by Indonesian affixes.
//
// Normalising undoes the usual ways a word is disguised or shortened on a phone: ASCII case,
// digits for letters ("c4lon", "k4f1r"), a trailing 2 for reduplication ("anak2"), letters
// spelt apart by spaces, dots or hyphens ("k a f i r", "k.a.f.i.r"), stars and apostrophes
// inside a word ("ka*fir", "bid'ah"), stretched letters ("anjiiing") and a ballot number glued
// to "no"/"nomor" ("no2"). Every word keeps its byte range in the original text, so a flag can
// be highlighted where the screener reads it.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ds {

struct ContentWord {
    std::string word;        // normalised: ASCII lower case, letters restored
    std::size_t offset = 0;  // byte range in the original text
    std::size_t end = 0;
    bool number = false;  // digits only ("2", "02", "2024")
};

class ContentText {
  public:
    // The text's words in order. Never throws: a stray byte (text still being typed) is a
    // separator, like punctuation.
    static std::vector<ContentWord> words(std::string_view text);

    // The word itself and every root it may come from by stripping clitics (-nya, -lah, -kah,
    // -pun, -ku, -mu), suffixes (-kan, -an, -i) and up to two prefixes (me-, di-, ter-, ber-,
    // ke-, se-, pe-, per-, and the nasal forms meng-/meny-/mem-/men-, ng-/ny-/m- of speech, with
    // the root's first letter restored: "nyoblos" -> "coblos", "menembak" -> "tembak").
    // Candidates shorter than three letters are left out.
    static std::vector<std::string> roots(std::string_view word);

    // The word with a clitic removed, if it ends with one ("partainya" -> "partai"); else
    // the word.
    static std::vector<std::string> withoutClitic(std::string_view word);

    // True for letters and digits of any script (see the .cpp for the approximation used).
    static bool isWordCharacter(char32_t c);
};

}  // namespace ds
