#include "publication/FileDigest.h"

#include <openssl/evp.h>

#include <array>
#include <fstream>
#include <memory>

#include <fmt/format.h>

#include "studio/Errors.h"

namespace ds::publication {

std::string sha256File(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw UserError(fmt::format("cannot read {}", path.string()));
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("SHA-256 unavailable");
    std::array<char, 65536> buf{};
    while (in) {
        in.read(buf.data(), buf.size());
        if (in.gcount() > 0) EVP_DigestUpdate(ctx.get(), buf.data(), in.gcount());
    }
    if (in.bad()) throw UserError(fmt::format("cannot read {}", path.string()));
    std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
    unsigned len = 0;
    EVP_DigestFinal_ex(ctx.get(), md.data(), &len);
    std::string hex;
    for (unsigned i = 0; i < len; ++i)
        hex += fmt::format("{:02x}", md[i]);
    return hex;
}

}  // namespace ds::publication
