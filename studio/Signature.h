#pragma once
// The PPID officer's signature on a session record (issue 4): who signed (name, NRP or NIP,
// position), where and on which date, and the journal row that records the signing. That row's
// hash is printed on the record, so the printed page names the exact state of the hash-chained
// journal it was signed against: `journal verify` proves the chain, and the row's content holds
// the counts and decisions as signed.
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "studio/Time.h"

namespace ds {

struct Signature {
    std::string name;
    std::string nrp;       // NRP (8 digits, police) or NIP (18 digits, civil servant)
    std::string position;  // e.g. "PPID Polres Bengkulu"
    std::string place;     // where it was signed, e.g. "Bengkulu"
    Day signedOn{};        // the date written on the signature
    TimePoint signedAt{};  // when it was recorded
    std::string actor;
    std::int64_t journalId = 0;
    std::string journalHash;

    nlohmann::json toJson() const;
    // Digits only, 8 (NRP) or 18 (NIP); spaces as in "19800101 200501 1 001" are dropped.
    // Throws UserError.
    static std::string normaliseNrp(const std::string& text);
};

}  // namespace ds
