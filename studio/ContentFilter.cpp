#include "studio/ContentFilter.h"

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

#include <fmt/format.h>

#include "studio/ContentText.h"
#include "studio/CsvReader.h"
#include "studio/EmbeddedData.h"
#include "studio/Errors.h"
#include "studio/TextRules.h"

namespace ds {

// [SECTION] Rules

namespace {

struct Pattern {
    enum class Kind { Word, Root, Number, Set };
    Kind kind = Kind::Word;
    std::string text;  // the word or root
    int set = -1;
};
using Alternative = std::vector<Pattern>;  // one or more words in a row

struct Slot {
    int gap = -1;  // >= 0: "...N", any N words or fewer
    std::vector<Alternative> alternatives;
};

struct Rule {
    std::string category, term, key;
    std::vector<Slot> slots;
    Slot except;
};

std::string asciiLowerCopy(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return out;
}

// Lower-cased, white-space runs as one space: two spellings of one term are one rule.
std::string keyOf(std::string_view term) {
    std::string out;
    bool space = false;
    for (char c : asciiLowerCopy(term)) {
        if (c == ' ' || c == '\t') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == sep) {
            out.push_back(trim(s.substr(start, i - start)));
            start = i + 1;
        }
    }
    return out;
}

std::vector<std::string> splitSpaces(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == ' ' || c == '\t') {
            if (!cur.empty()) out.push_back(std::move(cur));
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

constexpr std::array<std::string_view, 10> kNumberWords{
    "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh"};

// The rules of a list in matchable form. A list's rows live in ContentFilter::terms_ (category,
// term, and the except column in `lower`); the compiled form is kept in a cache keyed by those
// rows, so that copies of a filter share it and a list is compiled once in a process.
struct CompiledRules {
    const CompiledRules* fallback = nullptr;  // the shipped sets, while compiling another list
    std::vector<std::string> setNames;
    std::vector<std::vector<Alternative>> sets;
    std::vector<std::string> importedSets;  // copied in from the shipped list
    std::vector<Rule> rules;

    int setIndex(std::string_view name) const {
        for (std::size_t i = 0; i < setNames.size(); ++i)
            if (setNames[i] == name) return static_cast<int>(i);
        return -1;
    }

    // A set of this list, or else of the shipped list, whose entries are then copied in so the
    // compiled rules never point into another list.
    int findSet(std::string_view name) {
        const int own = setIndex(name);
        if (own >= 0 || !fallback) return own;
        const int shipped = fallback->setIndex(name);
        if (shipped < 0) return -1;
        setNames.emplace_back(name);
        sets.push_back(fallback->sets[shipped]);
        importedSets.emplace_back(name);
        return static_cast<int>(sets.size()) - 1;
    }

    // One word of a term ("kafir", "~coblos", "#", "@calon", "non-pribumi") as patterns in a row.
    Alternative parseWord(const std::string& word, const std::string& where, const char* field) {
        if (word == "#") return {{Pattern::Kind::Number, "", -1}};
        if (word.front() == '@') {
            const int set = findSet(asciiLowerCopy(word));
            if (set < 0)
                throw InputError(
                    fmt::format("{}field '{}': unknown set '{}' (define it in an "
                                "earlier row whose category is '{}')",
                                where, field, word, word));
            return {{Pattern::Kind::Set, "", set}};
        }
        const bool root = word.front() == '~';
        const std::vector<ContentWord> words = ContentText::words(root ? word.substr(1) : word);
        if (words.empty())
            throw InputError(
                fmt::format("{}field '{}': '{}' has no letters or digits", where, field, word));
        if (root && (words.size() != 1 || words[0].word.size() < 3))
            throw InputError(
                fmt::format("{}field '{}': a root ('{}') must be one word of three letters or more",
                            where, field, word));
        Alternative out;
        for (const ContentWord& w : words)
            out.push_back({root ? Pattern::Kind::Root : Pattern::Kind::Word, w.word, -1});
        return out;
    }

    // Words separated by spaces, each a pattern of parseWord, as one sequence.
    Alternative parseSequence(const std::string& text, const std::string& where,
                              const char* field) {
        Alternative seq;
        for (const std::string& w : splitSpaces(text)) {
            Alternative part = parseWord(w, where, field);
            seq.insert(seq.end(), part.begin(), part.end());
        }
        return seq;
    }

    Slot parseSlot(const std::string& text, const std::string& where, const char* field) {
        Slot slot;
        if (text.rfind("...", 0) == 0) {
            const std::string n = text.substr(3);
            slot.gap = 3;
            if (!n.empty()) {
                if (n.size() > 1 || n[0] < '1' || n[0] > '9')
                    throw InputError(fmt::format(
                        "{}field '{}': '{}' must be ... followed by 1 to 9", where, field, text));
                slot.gap = n[0] - '0';
            }
            return slot;
        }
        for (const std::string& alt : split(text, '|')) {
            if (alt.empty())
                throw InputError(
                    fmt::format("{}field '{}': empty alternative in '{}'", where, field, text));
            slot.alternatives.push_back(parseWord(alt, where, field));
        }
        return slot;
    }

    std::vector<Slot> parseTerm(const std::string& term, const std::string& where) {
        std::vector<Slot> slots;
        for (const std::string& s : splitSpaces(term))
            slots.push_back(parseSlot(s, where, "term"));
        if (slots.front().gap >= 0 || slots.back().gap >= 0)
            throw InputError(fmt::format(
                "{}field 'term': '{}' may not begin or end with a gap (...N)", where, term));
        return slots;
    }

    // Compiles one row (category already lower-cased); false when it repeats an earlier rule,
    // which is kept once. Throws InputError naming `where` for a row that cannot be used.
    bool addRow(const std::string& category, const std::string& term, const std::string& except,
                const std::string& where) {
        if (category.front() == '@') {
            if (category.size() < 2 || category.find(' ') != std::string::npos)
                throw InputError(
                    fmt::format("{}field 'category': '{}' is not a set name (@ and one word)",
                                where, category));
            if (fallback && fallback->setIndex(category) >= 0)
                throw InputError(
                    fmt::format("{}field 'category': set '{}' is already defined by the shipped "
                                "rules; choose another name",
                                where, category));
            if (setIndex(category) >= 0)
                throw InputError(
                    fmt::format("{}field 'category': set '{}' is defined twice", where, category));
            std::vector<Alternative> entries;
            for (const std::string& entry : split(term, '|')) {
                if (entry.empty())
                    throw InputError(fmt::format("{}field 'term': empty entry in set", where));
                entries.push_back(parseSequence(entry, where, "term"));
            }
            setNames.push_back(category);
            sets.push_back(std::move(entries));
            return true;
        }
        Rule rule{category, term, keyOf(term), parseTerm(term, where), {}};
        if (!except.empty()) {
            for (const std::string& alt : split(except, '|')) {
                if (alt.empty())
                    throw InputError(fmt::format("{}field 'except': empty entry", where));
                rule.except.alternatives.push_back(parseSequence(alt, where, "except"));
            }
        }
        // A repeated line would only flag the same words twice; keep the first.
        const bool repeated = std::any_of(rules.begin(), rules.end(), [&](const Rule& r) {
            return r.category == rule.category && r.key == rule.key;
        });
        if (repeated) return false;
        rules.push_back(std::move(rule));
        return true;
    }
};

// [SECTION] Loading

// The shipped list compiles without the shipped sets to fall back on, and so does a source
// whose name starts with the shipped list's (the shipped list followed by a station's rows).
constexpr std::string_view kShippedSource = "content-words.csv (built in)";

using Row = std::array<std::string, 3>;  // category, term, except

std::string cacheKey(const std::vector<Row>& rows) {
    std::string key;
    for (const Row& r : rows)
        key += r[0] + '\x1f' + r[1] + '\x1f' + r[2] + '\x1e';
    return key;
}

class RuleCache {
  public:
    std::shared_ptr<const CompiledRules> find(const std::string& key) {
        std::lock_guard lock(mutex_);
        auto it = cache_.find(key);
        return it == cache_.end() ? nullptr : it->second;
    }
    void put(const std::string& key, std::shared_ptr<const CompiledRules> rules) {
        std::lock_guard lock(mutex_);
        if (cache_.size() >= 16) cache_.clear();  // a station changes its list rarely
        cache_[key] = std::move(rules);
    }

  private:
    std::mutex mutex_;
    std::map<std::string, std::shared_ptr<const CompiledRules>> cache_;
};

RuleCache& ruleCache() {
    static RuleCache cache;
    return cache;
}

struct Compiled {
    std::vector<Row> rows;  // repeats dropped
    std::shared_ptr<const CompiledRules> rules;
};

Compiled compile(const CsvTable& table, const CompiledRules* fallback) {
    table.requireColumns({"category", "term"}, {"except"});
    auto rules = std::make_shared<CompiledRules>();
    rules->fallback = fallback;
    Compiled out;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const std::string where = table.where(r);
        const std::string rawCategory = trim(table.field(r, "category"));
        requireText(rawCategory, "category", kMaxNameBytes, true, where);
        // Categories are grouping labels: "SARA" and "sara" are the same one.
        std::string category = keyOf(rawCategory);
        std::string term = trim(table.field(r, "term"));
        requireText(term, "term", kMaxNoteBytes, true, where);
        std::string except = trim(table.field(r, "except"));
        requireText(except, "except", kMaxNoteBytes, false, where);
        if (rules->addRow(category, term, except, where))
            out.rows.push_back({std::move(category), std::move(term), std::move(except)});
    }
    rules->fallback = nullptr;  // what it needed is copied in
    out.rules = std::move(rules);
    return out;
}

const CompiledRules& shippedRules() {
    static const std::shared_ptr<const CompiledRules> rules =
        compile(CsvReader::parse(embedded::kContentWordsCsv, kShippedSource, true), nullptr).rules;
    return *rules;
}

}  // namespace

ContentFilter ContentFilter::parse(std::string_view csv, std::string_view sourceName) {
    const bool shippedBase = sourceName.substr(0, kShippedSource.size()) == kShippedSource;
    Compiled c =
        compile(CsvReader::parse(csv, sourceName, true), shippedBase ? nullptr : &shippedRules());
    ContentFilter filter;
    for (const Row& r : c.rows)
        filter.terms_.push_back({r[0], r[1], r[2]});
    ruleCache().put(cacheKey(c.rows), std::move(c.rules));
    return filter;
}

ContentFilter ContentFilter::load(const std::filesystem::path& file) {
    Compiled c = compile(CsvReader::readFile(file, true), &shippedRules());
    ContentFilter filter;
    for (const Row& r : c.rows)
        filter.terms_.push_back({r[0], r[1], r[2]});
    ruleCache().put(cacheKey(c.rows), std::move(c.rules));
    return filter;
}

ContentFilter ContentFilter::shipped() {
    // Parsed once: every question scanned in a process uses the same rules.
    static const ContentFilter rules = parse(embedded::kContentWordsCsv, kShippedSource);
    return rules;
}

namespace {

// [SECTION] Scanning

class Matcher {
  public:
    Matcher(const std::vector<std::vector<Alternative>>& sets, std::vector<ContentWord> words)
        : sets_(sets), words_(std::move(words)), roots_(words_.size()), bare_(words_.size()) {}

    std::size_t size() const { return words_.size(); }
    const ContentWord& word(std::size_t i) const { return words_[i]; }

    // Ends (exclusive) of every way the slot matches from word i.
    void slotEnds(const Slot& slot, std::size_t i, std::vector<std::size_t>& out) {
        if (slot.gap >= 0) {
            for (std::size_t k = 0; k <= static_cast<std::size_t>(slot.gap) && i + k <= size(); ++k)
                out.push_back(i + k);
            return;
        }
        for (const Alternative& alt : slot.alternatives)
            sequenceEnds(alt, 0, i, out);
    }

    // The shortest match of the rule from word i: its end, or 0 when it does not match.
    std::size_t match(const Rule& rule, std::size_t i) {
        std::vector<std::size_t> at{i};
        for (const Slot& slot : rule.slots) {
            std::vector<std::size_t> next;
            for (std::size_t p : at)
                slotEnds(slot, p, next);
            std::sort(next.begin(), next.end());
            next.erase(std::unique(next.begin(), next.end()), next.end());
            if (next.empty()) return 0;
            at = std::move(next);
        }
        return at.front() > i ? at.front() : 0;
    }

    // True when an exception stands within two words before or three words after.
    bool excepted(const Rule& rule, std::size_t begin, std::size_t end) {
        if (rule.except.alternatives.empty()) return false;
        std::vector<std::size_t> ends;
        for (std::size_t j = begin >= 2 ? begin - 2 : 0; j < begin; ++j) {
            slotEnds(rule.except, j, ends);
            for (std::size_t e : ends)
                if (e <= begin) return true;  // wholly before the match
            ends.clear();
        }
        for (std::size_t j = end; j < std::min(size(), end + 3); ++j) {
            slotEnds(rule.except, j, ends);
            if (!ends.empty()) return true;
        }
        return false;
    }

  private:
    void sequenceEnds(const Alternative& alt, std::size_t k, std::size_t i,
                      std::vector<std::size_t>& out) {
        if (k == alt.size()) {
            out.push_back(i);
            return;
        }
        const Pattern& p = alt[k];
        if (p.kind == Pattern::Kind::Set) {
            std::vector<std::size_t> mids;
            for (const Alternative& entry : sets_[p.set])
                sequenceEnds(entry, 0, i, mids);
            for (std::size_t m : mids)
                sequenceEnds(alt, k + 1, m, out);
            return;
        }
        if (i < size() && matches(p, i)) sequenceEnds(alt, k + 1, i + 1, out);
    }

    bool matches(const Pattern& p, std::size_t i) {
        const ContentWord& w = words_[i];
        switch (p.kind) {
            case Pattern::Kind::Number:
                return w.number || std::find(kNumberWords.begin(), kNumberWords.end(), w.word) !=
                                       kNumberWords.end();
            case Pattern::Kind::Word: {
                if (w.word == p.text) return true;
                if (!bare_[i]) bare_[i] = ContentText::withoutClitic(w.word);
                return std::find(bare_[i]->begin(), bare_[i]->end(), p.text) != bare_[i]->end();
            }
            case Pattern::Kind::Root: {
                if (w.word == p.text) return true;
                if (w.number) return false;
                if (!roots_[i]) roots_[i] = ContentText::roots(w.word);
                return std::find(roots_[i]->begin(), roots_[i]->end(), p.text) != roots_[i]->end();
            }
            case Pattern::Kind::Set:
                break;
        }
        return false;
    }

    const std::vector<std::vector<Alternative>>& sets_;
    std::vector<ContentWord> words_;
    std::vector<std::optional<std::vector<std::string>>> roots_;
    std::vector<std::optional<std::vector<std::string>>> bare_;
};

}  // namespace

std::vector<ContentFlag> ContentFilter::scan(std::string_view text) const {
    std::vector<ContentFlag> flags;
    if (terms_.empty()) return flags;
    std::vector<Row> rows;
    rows.reserve(terms_.size());
    for (const Term& t : terms_)
        rows.push_back({t.category, t.term, t.lower});
    const std::string key = cacheKey(rows);
    std::shared_ptr<const CompiledRules> rules = ruleCache().find(key);
    if (!rules) {
        // parse() and load() checked these rows and cached them; the cache let them go.
        CsvTable table;
        table.source = "content rules";
        table.header = {"category", "term", "except"};
        for (const Row& r : rows) {
            table.rows.push_back({r[0], r[1], r[2]});
            table.lines.push_back(table.rows.size() + 1);
        }
        rules = compile(table, &shippedRules()).rules;
        ruleCache().put(key, rules);
    }
    Matcher m(rules->sets, ContentText::words(text));
    for (std::size_t i = 0; i < m.size(); ++i) {
        for (const Rule& rule : rules->rules) {
            const std::size_t end = m.match(rule, i);
            if (end == 0 || m.excepted(rule, i, end)) continue;
            const std::size_t offset = m.word(i).offset;
            const std::size_t length = m.word(end - 1).end - offset;
            flags.push_back({rule.category, rule.term, offset, length});
        }
    }
    // Within one category only the widest matches are kept: "dukung calon bupati nomor 2" says
    // it all, its parts "calon bupati" and "bupati nomor 2" would only repeat it.
    const auto within = [](const ContentFlag& inner, const ContentFlag& outer) {
        return inner.category == outer.category && inner.offset >= outer.offset &&
               inner.offset + inner.length <= outer.offset + outer.length;
    };
    std::vector<ContentFlag> widest;
    for (std::size_t a = 0; a < flags.size(); ++a) {
        bool covered = false;
        for (std::size_t b = 0; b < flags.size() && !covered; ++b) {
            if (a == b || !within(flags[a], flags[b])) continue;
            // Of two equal spans the earlier rule stays.
            const bool equal =
                flags[a].offset == flags[b].offset && flags[a].length == flags[b].length;
            covered = !equal || b < a;
        }
        if (!covered) widest.push_back(flags[a]);
    }
    return widest;
}

}  // namespace ds
