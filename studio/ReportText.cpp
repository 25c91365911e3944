#include "studio/ReportText.h"

#include <cmath>

#include <fmt/format.h>

#include "studio/IndonesianDate.h"
#include "studio/Vocabulary.h"

namespace ds::report {

std::string duration(double seconds) {
    long long minutes = std::llround(seconds / 60.0);
    if (minutes < 60) return fmt::format("{} menit", minutes);
    long long hours = minutes / 60;
    if (hours < 24) {
        return minutes % 60 ? fmt::format("{} jam {} menit", hours, minutes % 60)
                            : fmt::format("{} jam", hours);
    }
    return hours % 24 ? fmt::format("{} hari {} jam", hours / 24, hours % 24)
                      : fmt::format("{} hari", hours / 24);
}

std::string days(const std::optional<double>& d) {
    if (!d) return "-";
    return idn::decimal(*d, 1) + " hari";
}

std::string groundText(const std::string& ground, std::optional<int> subground,
                       const std::string& law) {
    const Term* t = vocab::find(vocab::refusalGrounds(), ground);
    std::string text = t ? std::string(t->id) : ground;
    if (subground) {
        // "Pasal 17 huruf a UU 14/2008: ..." -> add "angka 2" after the letter.
        auto colon = text.find(':');
        std::string head = colon == std::string::npos ? text : text.substr(0, colon);
        std::string tail = colon == std::string::npos ? "" : text.substr(colon);
        auto uu = head.find(" UU ");
        if (uu != std::string::npos) {
            head.insert(uu, fmt::format(" angka {}", *subground));
        } else {
            head += fmt::format(" angka {}", *subground);
        }
        text = head + tail;
    }
    if (!law.empty()) text += " (" + law + ")";
    return text;
}

std::string decisionText(const InfoRequest& r) {
    const Term* status = vocab::find(vocab::requestStatuses(), r.status);
    std::string s = status ? std::string(status->id) : r.status;
    if (!r.decided()) return s;
    const Term* d = vocab::find(vocab::requestStatuses(), r.decision.decision);
    std::string text = d ? std::string(d->id) : r.decision.decision;
    if (r.decision.decision == "refused") {
        std::string g = r.decision.ground;
        if (r.decision.subground) g += fmt::format(" angka {}", *r.decision.subground);
        text += " (" + g + ")";
    }
    if (r.status == "objection" || r.status == "dispute") text += "; " + s;
    return text;
}

}  // namespace ds::report
