#include "studio/PersonalSeal.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <stdexcept>

namespace ds {

namespace {

std::string hex(const unsigned char* data, std::size_t size) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(size * 2);
    for (std::size_t i = 0; i < size; ++i) {
        out.push_back(kHex[data[i] >> 4]);
        out.push_back(kHex[data[i] & 0xf]);
    }
    return out;
}

}  // namespace

std::string PersonalSeal::newKey() {
    unsigned char key[32];
    if (RAND_bytes(key, sizeof key) != 1) throw std::runtime_error("no random bytes for a key");
    return hex(key, sizeof key);
}

std::string PersonalSeal::seal(std::string_view key, std::string_view value) {
    if (value.empty()) return {};
    if (key.empty()) return "***";
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (!HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
              reinterpret_cast<const unsigned char*>(value.data()), value.size(), md, &len)) {
        throw std::runtime_error("HMAC-SHA256 failed");
    }
    return "hmac-sha256:" + hex(md, len);
}

}  // namespace ds
