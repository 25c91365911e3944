#include "studio/PersonalData.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <span>

#include "studio/Masking.h"
#include "studio/TextRules.h"

namespace ds {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
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

}  // namespace

bool PersonalData::identityWithheld(const InfoRequest& r) {
    return r.decided() && r.decision.decision == "refused" && r.decision.ground == "P17a" &&
           r.decision.subground == 2;
}

std::string PersonalData::district(std::string_view address) {
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

ExportedPerson PersonalData::requester(const InfoRequest& r, bool erased) const {
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
    if (unmasked_) {
        out.name = q.name;
        out.address = q.address;
        out.phone = q.phone;
        out.email = q.email;
    } else {
        out.name = initials(q.name);
        out.address = district(q.address);
        out.phone = maskContact(q.phone);
        out.email = maskContact(q.email);
    }
    return out;
}

}  // namespace ds
