#include "studio/Signature.h"

#include <fmt/format.h>

#include "studio/Errors.h"

namespace ds {

nlohmann::json Signature::toJson() const {
    return {{"name", name},
            {"nrp", nrp},
            {"position", position},
            {"place", place},
            {"signed_on", formatDay(signedOn)},
            {"signed_at", formatUtc(signedAt)},
            {"actor", actor},
            {"journal_id", journalId},
            {"journal_hash", journalHash}};
}

std::string Signature::normaliseNrp(const std::string& text) {
    std::string digits;
    for (char c : text) {
        if (c == ' ') continue;
        if (c < '0' || c > '9') {
            digits.clear();
            break;
        }
        digits += c;
    }
    if (digits.size() != 8 && digits.size() != 18) {
        throw UserError(
            fmt::format("--nrp: '{}' is neither an NRP (8 digits) nor an NIP (18 digits)", text));
    }
    return digits;
}

}  // namespace ds
