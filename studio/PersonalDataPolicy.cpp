#include "studio/PersonalDataPolicy.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <span>
#include <vector>

#include <fmt/format.h>

#include "studio/Journal.h"
#include "studio/Masking.h"
#include "studio/TextRules.h"
#include "studio/Transaction.h"

namespace ds {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
// Letters of a name: ASCII letters and every byte of a multi-byte UTF-8 character.
bool isNameByte(char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalpha(u) || u >= 0x80 || c == '\'' || c == '-';
}

// Position of the first of `words` in `text` that starts a word, or npos.
std::size_t findWord(const std::string& text, std::span<const std::string_view> words) {
    std::size_t best = std::string::npos;
    for (std::string_view w : words) {
        for (std::size_t p = text.find(w); p != std::string::npos; p = text.find(w, p + 1)) {
            bool starts = p == 0 || text[p - 1] == ' ' || text[p - 1] == ',';
            // "kota" in "Kotabaru" is no city: a keyword without its own dot ends the word.
            std::size_t end = p + w.size();
            bool ends = w.back() == '.' || w.back() == ' ' || end == text.size() ||
                        !std::isalpha(static_cast<unsigned char>(text[end]));
            if (starts && ends) {
                best = std::min(best, p);
                break;
            }
        }
    }
    return best;
}

// Forms of address and academic, religious and professional titles, lower case without dots:
// "Bapak", "Ibu", "Sdr.", "H.", "Hj.", "Ir.", "Dr.", "drs.", "S.H." ...
constexpr std::array<std::string_view, 58> kHonorifics{
    "bapak", "ibu",   "pak",    "bu",       "bpk",    "sdr",  "sdri", "saudara", "saudari", "h",
    "hj",    "haji",  "hajah",  "hajjah",   "ir",     "dr",   "drs",  "dra",     "prof",    "kh",
    "ust",   "ustad", "ustadz", "ustadzah", "mas",    "mbak", "mba",  "kak",     "bang",    "abang",
    "dik",   "adik",  "om",     "tante",    "nyonya", "ny",   "tuan", "tn",      "nona",    "nn",
    "mr",    "mrs",   "ms",     "sh",       "se",     "st",   "spd",  "mpd",     "msi",     "mh",
    "mm",    "amd",   "apt",    "skm",      "skom",   "ssos", "sip",  "dokter"};

// A word without the punctuation around it, lower case and without dots: "S.H.," -> "sh".
std::string bare(std::string_view word) {
    std::string out;
    for (char c : word) {
        if (c == '.' || c == ',' || c == '(' || c == ')' || c == '"' || c == '\'') continue;
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

bool isHonorific(std::string_view word) {
    const std::string b = bare(word);
    if (b.empty()) return true;
    if (std::find(kHonorifics.begin(), kHonorifics.end(), b) != kHonorifics.end()) return true;
    // Abbreviated degrees written with inner dots ("S.Kom.", "M.Si") are titles, not names.
    const auto inner = word.find('.');
    return inner != std::string_view::npos && inner + 1 < word.size() && word.size() <= 8 &&
           std::isalpha(static_cast<unsigned char>(word[inner + 1]));
}

struct Word {
    std::size_t begin = 0, end = 0;  // bytes of the word itself
    std::string_view text;
};

std::vector<Word> splitWords(std::string_view text) {
    std::vector<Word> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && !isNameByte(text[i]) && text[i] != '.')
            ++i;
        std::size_t b = i;
        while (i < text.size() && (isNameByte(text[i]) || text[i] == '.'))
            ++i;
        if (i > b) out.push_back({b, i, text.substr(b, i - b)});
    }
    return out;
}

// Words that follow "saya" in a sentence and are no name: "saya mau tanya", "Saya Warga ...".
constexpr std::array<std::string_view, 36> kNotNames{
    "dari",        "di",     "asal",   "tinggal", "ingin", "mau",    "mohon", "bertanya", "tanya",
    "yang",        "dan",    "sudah",  "belum",   "juga",  "adalah", "warga", "selaku",   "sebagai",
    "minta",       "punya",  "sedang", "akan",    "tidak", "kok",    "ini",   "itu",      "terima",
    "mengucapkan", "dengan", "pernah", "bisa",    "masih", "cuma",   "hanya", "lagi",     "ya"};

bool notAName(std::string_view word) {
    const std::string b = bare(word);
    return std::find(kNotNames.begin(), kNotNames.end(), b) != kNotNames.end();
}

bool capitalised(std::string_view w) {
    if (w.empty()) return false;
    const auto u = static_cast<unsigned char>(w.front());
    if (u >= 0x80) return true;
    if (!std::isupper(u)) return false;
    // "SKCK", "STNK": an acronym, not a name.
    std::size_t letters = 0, upper = 0;
    for (char c : w) {
        if (std::isalpha(static_cast<unsigned char>(c))) {
            ++letters;
            if (std::isupper(static_cast<unsigned char>(c))) ++upper;
        }
    }
    return letters < 2 || upper < letters;
}

// Byte spans of names the writer gives as their own.
std::vector<std::pair<std::size_t, std::size_t>> introducedNames(std::string_view text) {
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    const std::vector<Word> w = splitWords(text);
    for (std::size_t i = 0; i < w.size(); ++i) {
        const std::string a = bare(w[i].text);
        const std::string b = i + 1 < w.size() ? bare(w[i + 1].text) : std::string();
        std::size_t start = 0;
        bool explicitName = false;
        if ((a == "nama" && (b == "saya" || b == "sy" || b == "aku" || b == "ku")) ||
            ((a == "saya" || a == "aku" || a == "sy") && b == "bernama")) {
            start = i + 2;
            explicitName = true;
        } else if (a == "perkenalkan" || a == "namaku") {
            start = i + 1;
            if (start < w.size() &&
                (bare(w[start].text) == "saya" || bare(w[start].text) == "nama"))
                ++start;
            explicitName = true;
        } else if (a == "saya" || a == "aku" || a == "sy") {
            start = i + 1;
        } else {
            continue;
        }
        std::size_t j = start;
        bool titled = false;
        while (j < w.size() && isHonorific(w[j].text) && bare(w[j].text).size() > 0) {
            titled = true;
            ++j;
        }
        std::size_t first = j, k = j;
        while (k < w.size() && k - first < 4 && !notAName(w[k].text) &&
               (explicitName || titled || capitalised(w[k].text)) &&
               (k == first || capitalised(w[k].text) || explicitName)) {
            // A name ends where the sentence or clause does.
            bool stop = false;
            std::size_t after = w[k].end;
            if (w[k].text.back() == '.' && !isHonorific(w[k].text)) stop = true;
            if (after < text.size() && (text[after] == ',' || text[after] == '!' ||
                                        text[after] == '?' || text[after] == ';'))
                stop = true;
            ++k;
            if (stop) break;
        }
        if (k == first) continue;
        if (!explicitName && !titled && !capitalised(w[first].text)) continue;
        std::size_t from = titled ? w[start].begin : w[first].begin;
        std::size_t to = w[k - 1].end;
        while (to > from && text[to - 1] == '.')
            --to;
        spans.push_back({from, to});
        i = k - 1;
    }
    return spans;
}

// Replaces e-mail addresses.
std::string hideEmails(std::string_view text, const std::string& mark) {
    std::string out;
    std::size_t copied = 0;
    std::size_t at = text.find('@');
    while (at != std::string_view::npos) {
        std::size_t b = at;
        while (b > copied && (std::isalnum(static_cast<unsigned char>(text[b - 1])) ||
                              text[b - 1] == '.' || text[b - 1] == '_' || text[b - 1] == '-' ||
                              text[b - 1] == '+' || text[b - 1] == '%'))
            --b;
        std::size_t e = at + 1;
        while (e < text.size() && (std::isalnum(static_cast<unsigned char>(text[e])) ||
                                   text[e] == '.' || text[e] == '-'))
            ++e;
        while (e > at + 1 && text[e - 1] == '.')
            --e;
        std::string_view domain = text.substr(at + 1, e - at - 1);
        if (b < at && domain.find('.') != std::string_view::npos) {
            out.append(text.substr(copied, b - copied));
            out += mark;
            copied = e;
        }
        at = text.find('@', std::max(at + 1, copied));
    }
    out.append(text.substr(copied));
    return out;
}

// Replaces runs of 8 digits or more (with the separators people write in numbers): phone
// numbers, NIK and account numbers alike.
std::string hideNumbers(std::string_view text, const std::string& mark) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        const bool start = isDigit(c) || (c == '+' && i + 1 < text.size() && isDigit(text[i + 1]));
        if (!start) {
            out += c;
            ++i;
            continue;
        }
        std::size_t j = i, digits = 0, lastDigit = i;
        while (j < text.size()) {
            const char d = text[j];
            if (isDigit(d)) {
                ++digits;
                lastDigit = j;
            } else if (!(d == ' ' || d == '-' || d == '.' || d == '(' || d == ')' ||
                         (d == '+' && j == i))) {
                break;
            }
            ++j;
        }
        if (digits >= 8) {
            out += mark;
        } else {
            out.append(text, i, lastDigit + 1 - i);
        }
        i = lastDigit + 1;
    }
    return out;
}

// Replaces each case-insensitive occurrence of `name` that stands as whole words.
std::string hideFullName(std::string_view text, std::string_view name, const std::string& mark) {
    const std::string n = lower(trim(name));
    if (n.find(' ') == std::string::npos) return std::string(text);  // one word: the short name
    const std::string low = lower(text);
    std::string out;
    std::size_t copied = 0;
    for (std::size_t p = low.find(n); p != std::string::npos; p = low.find(n, p + 1)) {
        if (p < copied) continue;
        bool starts = p == 0 || !isNameByte(text[p - 1]);
        bool ends = p + n.size() >= text.size() || !isNameByte(text[p + n.size()]);
        if (!starts || !ends) continue;
        out.append(text.substr(copied, p - copied));
        out += mark;
        copied = p + n.size();
    }
    out.append(text.substr(copied));
    return out;
}

// The first `count` code points of a text.
std::string leading(std::string_view text, std::size_t count) {
    std::size_t cut = 0, cps = 0;
    while (cut < text.size() && cps < count) {
        ++cut;
        while (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
            ++cut;
        ++cps;
    }
    std::string out(text.substr(0, cut));
    if (cut < text.size()) out += "...";
    return out;
}

// The caller's area without a street address: "Jl. Melati 3, Kel. Sawah Lebar" -> "Kel. Sawah
// Lebar"; an area that names no street stays as it is.
std::string area(std::string_view origin) {
    std::string text = PersonalDataPolicy::cleanText(origin, {});
    const std::string low = lower(text);
    static constexpr std::array<std::string_view, 7> kStreet{"jl.",   "jalan ", "jln", "gg.",
                                                             "gang ", "rt ",    "no."};
    if (findWord(low, kStreet) == std::string::npos) return text;
    static constexpr std::array<std::string_view, 9> kArea{
        "kel.", "kelurahan", "desa", "kec.", "kecamatan", "distrik", "kota", "kab.", "kabupaten"};
    const std::size_t p = findWord(low, kArea);
    return p == std::string::npos ? std::string() : trim(text.substr(p));
}

}  // namespace

bool PersonalDataPolicy::identityWithheld(const InfoRequest& r) {
    return r.decided() && r.decision.decision == "refused" && r.decision.ground == "P17a" &&
           r.decision.subground == 2;
}

std::string PersonalDataPolicy::district(std::string_view address) {
    std::string text = trim(address);
    if (text.empty()) return {};
    std::string low = lower(text);
    static constexpr std::array<std::string_view, 3> kDistrict{"kec.", "kecamatan", "distrik"};
    static constexpr std::array<std::string_view, 4> kCity{"kota", "kab.", "kabupaten", "kab "};
    std::size_t p = findWord(low, kDistrict);
    if (p == std::string::npos) p = findWord(low, kCity);
    if (p == std::string::npos) return "***";
    return trim(text.substr(p));
}

std::string PersonalDataPolicy::shortName(std::string_view name) {
    std::string_view text = name;
    // Degrees follow a comma: "Bambang Sutrisno, S.H.".
    if (auto comma = text.find(','); comma != std::string_view::npos) text = text.substr(0, comma);
    for (const Word& w : splitWords(text)) {
        if (isHonorific(w.text)) continue;
        std::string_view word = w.text;
        while (!word.empty() && (word.back() == '.' || word.back() == '\'' || word.back() == '-'))
            word.remove_suffix(1);
        while (!word.empty() && (word.front() == '\'' || word.front() == '-'))
            word.remove_prefix(1);
        if (!word.empty()) return std::string(word);
    }
    return {};
}

std::string PersonalDataPolicy::cleanText(std::string_view text, std::string_view callerName,
                                          const HiddenMarks& marks) {
    std::string out = hideEmails(text, marks.email);
    out = hideNumbers(out, marks.number);
    out = hideFullName(out, callerName, marks.name);
    const auto spans = introducedNames(out);
    for (auto it = spans.rbegin(); it != spans.rend(); ++it)
        out.replace(it->first, it->second - it->first, marks.name);
    return out;
}

std::string PersonalDataPolicy::callerName(std::string_view name) const {
    switch (audience_) {
        case Audience::GuestScreen:
            return shortName(name);
        case Audience::PublicExport:
            return initials(name);
        case Audience::Officer:
        case Audience::OfficerUnmasked:
            return std::string(name);
    }
    return {};
}

std::string PersonalDataPolicy::contact(std::string_view contact) const {
    switch (audience_) {
        case Audience::GuestScreen:
            return {};
        case Audience::PublicExport:
        case Audience::Officer:
            return maskContact(contact);
        case Audience::OfficerUnmasked:
            return std::string(contact);
    }
    return {};
}

std::string PersonalDataPolicy::text(std::string_view text, std::string_view callerName,
                                     const HiddenMarks& marks) const {
    return masksText() ? cleanText(text, callerName, marks) : std::string(text);
}

nlohmann::json PersonalDataPolicy::question(const Question& q) const {
    nlohmann::json j = q.toJson();
    j["caller_name"] = callerName(q.callerName);
    j["contact"] = contact(q.contact);
    j["text"] = text(q.text, q.callerName);
    return j;
}

ExportedPerson PersonalDataPolicy::requester(const InfoRequest& r, bool erased) const {
    ExportedPerson out;
    if (identityWithheld(r)) {
        out.name = kWithheld;
        out.withheld = true;
        return out;
    }
    if (erased) {
        out.name = kErased;
        out.erased = true;
        out.occupation = r.requester.occupation;
        return out;
    }
    const Requester& q = r.requester;
    out.occupation = q.occupation;
    if (unmasked()) {
        out.name = q.name;
        out.address = q.address;
        out.phone = q.phone;
        out.email = q.email;
    } else {
        out.name = audience_ == Audience::GuestScreen ? shortName(q.name) : initials(q.name);
        out.address = audience_ == Audience::GuestScreen ? std::string() : district(q.address);
        out.phone = contact(q.phone);
        out.email = contact(q.email);
    }
    return out;
}

nlohmann::json PersonalDataPolicy::request(const InfoRequest& r) const {
    nlohmann::json j = r.toJson();
    const ExportedPerson p = requester(r);
    nlohmann::json& who = j["requester"];
    who["name"] = p.name;
    who["address"] = p.address;
    who["phone"] = p.phone;
    who["email"] = p.email;
    who["occupation"] = p.occupation;
    if (p.withheld) who["occupation"] = "";
    // The NIK never leaves the record, and a power of attorney names people too.
    who["nik"] = r.requester.nik.empty() || p.withheld ? "" : "***";
    if (p.withheld) {
        who["power_of_attorney"] = "";
    } else if (!unmasked() && !r.requester.powerOfAttorney.empty()) {
        who["power_of_attorney"] = "***";
    }
    if (masksText()) j["details"] = cleanText(r.details, r.requester.name);
    return j;
}

std::string PersonalDataPolicy::field(std::string_view name, std::string_view value) const {
    if (unmasked()) return std::string(value);
    if (name == "requester.nik") return value.empty() ? "" : "***";
    if (name == "requester.name") return initials(value);
    if (name == "caller_name") return callerName(value);
    if (name == "requester.phone" || name == "requester.email" || name == "contact")
        return contact(value);
    if (name == "requester.address") return district(value);
    if (name == "requester.power_of_attorney") return value.empty() ? "" : "***";
    return std::string(value);
}

std::string PersonalDataPolicy::markerLabel(const Question& q) {
    std::string about = q.topic.empty() ? leading(cleanText(q.text, q.callerName), 48)
                                        : cleanText(q.topic, q.callerName);
    for (char& c : about)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return fmt::format("Pertanyaan {}: {}", q.number, about);
}

std::string PersonalDataPolicy::publicLabel(std::string_view label) {
    return cleanText(label, {});
}

void PersonalDataPolicy::journalUnmasked(Database& db, const std::string& actor,
                                         const std::string& action, const std::string& subject,
                                         const nlohmann::json& detail) {
    Transaction tx(db);
    Journal::append(db, {actor, action, subject, nullptr, detail});
    tx.commit();
}

GuestQuestion PersonalDataPolicy::guestQuestion(const Question& q, const HiddenMarks& marks) {
    return {q.number, shortName(q.callerName), area(q.origin),
            cleanText(q.text, q.callerName, marks)};
}

}  // namespace ds
