#pragma once
// Personal data in the journal (UU 27/2022 PDP). The journal is hash-chained and append-only,
// so nothing written into it can be erased later without breaking the chain. It therefore
// never holds a requester's or caller's personal data in clear: each value is written as a
// keyed digest (HMAC-SHA256) under a random key kept with the request or question. Whoever holds
// the register can check that a journal row matches it; the retention rule erases the key along
// with the data (crypto-shredding), after which the digests in the journal name nobody, while
// every row, its hash and the chain stay exactly as written.
#include <string>
#include <string_view>

namespace ds {

class PersonalSeal {
  public:
    // A fresh key (32 random bytes, hex) for one request's or question's personal data.
    static std::string newKey();
    // "hmac-sha256:<hex>" of `value` under `key`. An empty value stays empty (nothing to hide);
    // without a key (erased) a value is written as "***", never in clear.
    static std::string seal(std::string_view key, std::string_view value);
};

}  // namespace ds
