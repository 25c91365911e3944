#pragma once
// The control room's words, in Bahasa Indonesia (the default) and English. Keys live in code as
// the Tx enum; the table is ui/Texts.def, one line per text: X(Key, "Indonesian", "English"),
// following ../shared/GLOSSARY.md. Texts with {} are fmt format strings (same arguments, same
// order, in both languages). Codes stored in the record (channels, statuses, grounds) keep the
// labels of studio/Vocabulary.h; label() picks the language.
#include <span>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "studio/Vocabulary.h"
#include "ui/Commands.h"

namespace ds::ui {

enum class Tx : int {
#define X(key, id, en) key,
#include "ui/Texts.def"
#undef X
    Count
};

// [any thread] The language of every tr() and label() from now on.
void setLanguage(Lang lang);
Lang language();

// The text in the current language. Never null, never empty for a key in the table.
const char* tr(Tx text);
// The text in a given language (tests, and the language menu that names each in its own).
const char* tr(Tx text, Lang lang);
// A text with {} placeholders, filled in.
std::string fmtTx(Tx text, auto&&... args) {
    return fmt::format(fmt::runtime(tr(text)), std::forward<decltype(args)>(args)...);
}
// A vocabulary term's label in the current language (Term::id or Term::en).
std::string_view label(const Term& term);
// The label of `code` in `list`, or the code itself when it is not in the list.
std::string_view label(std::span<const Term> list, std::string_view code);

}  // namespace ds::ui
