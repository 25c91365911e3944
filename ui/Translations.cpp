#include "ui/Translations.h"

#include <array>
#include <atomic>

namespace ds::ui {

namespace {

struct Entry {
    const char* id;
    const char* en;
};

constexpr std::array<Entry, static_cast<std::size_t>(Tx::Count)> kTable{{
#define X(key, id, en) {id, en},
#include "ui/Texts.def"
#undef X
}};

std::atomic<Lang> gLanguage{Lang::Id};

}  // namespace

void setLanguage(Lang lang) {
    gLanguage.store(lang, std::memory_order_relaxed);
}
Lang language() {
    return gLanguage.load(std::memory_order_relaxed);
}

const char* tr(Tx text, Lang lang) {
    const Entry& e = kTable[static_cast<std::size_t>(text)];
    return lang == Lang::En ? e.en : e.id;
}

const char* tr(Tx text) {
    return tr(text, language());
}

std::string_view label(const Term& term) {
    return language() == Lang::En ? term.en : term.id;
}

std::string_view label(std::span<const Term> list, std::string_view code) {
    if (const Term* t = vocab::find(list, code)) return label(*t);
    return code;
}

}  // namespace ds::ui
