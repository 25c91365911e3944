#include "service/Secrets.h"

#include <array>
#include <cctype>
#include <stdexcept>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

namespace ds::service {

namespace {

std::string hex(const unsigned char* data, std::size_t n) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(n * 2);
    for (std::size_t i = 0; i < n; ++i) {
        out.push_back(kDigits[data[i] >> 4]);
        out.push_back(kDigits[data[i] & 0xF]);
    }
    return out;
}

}  // namespace

std::string newToken() {
    std::array<unsigned char, 32> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1)
        throw std::runtime_error("the system's random generator failed");
    return hex(bytes.data(), bytes.size());
}

std::string sha256Hex(std::string_view text) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
    unsigned int len = 0;
    if (EVP_Digest(text.data(), text.size(), md.data(), &len, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("SHA-256 failed");
    return hex(md.data(), len);
}

std::string hmacSha256Hex(std::string_view key, std::string_view body) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
    unsigned int len = 0;
    if (!HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
              reinterpret_cast<const unsigned char*>(body.data()), body.size(), md.data(), &len))
        throw std::runtime_error("HMAC-SHA256 failed");
    return hex(md.data(), len);
}

bool constantTimeEquals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

bool signatureMatches(std::string_view secret, std::string_view body, std::string_view header) {
    constexpr std::string_view kPrefix = "sha256=";
    if (header.substr(0, kPrefix.size()) != kPrefix) return false;
    std::string given(header.substr(kPrefix.size()));
    for (char& c : given)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return constantTimeEquals(hmacSha256Hex(secret, body), given);
}

}  // namespace ds::service
