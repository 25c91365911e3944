#include "studio/JournalAnchor.h"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>

#include <fmt/format.h>

#include "studio/Errors.h"

namespace ds {

namespace {

constexpr std::string_view kTag = "dialogstudio-journal-anchor row=";

bool isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

struct InflateEnd {
    void operator()(z_stream* z) const {
        inflateEnd(z);
        delete z;
    }
};

// The stream's bytes inflated, or empty if it is not a zlib stream (images, fonts in other
// encodings): a PDF's compressed streams are tried one by one, whatever their filter.
std::string inflate(std::string_view data) {
    auto* raw = new z_stream{};
    if (inflateInit(raw) != Z_OK) {
        delete raw;
        return {};
    }
    std::unique_ptr<z_stream, InflateEnd> z(raw);
    z->next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z->avail_in = static_cast<uInt>(data.size());
    std::string out;
    char buf[16384];
    for (;;) {
        z->next_out = reinterpret_cast<Bytef*>(buf);
        z->avail_out = sizeof buf;
        int rc = ::inflate(z.get(), Z_NO_FLUSH);
        out.append(buf, sizeof buf - z->avail_out);
        if (rc == Z_STREAM_END) break;
        if (rc != Z_OK || out.size() > (64u << 20)) break;
        if (z->avail_in == 0 && z->avail_out != 0) break;
    }
    return out;
}

}  // namespace

std::string JournalAnchor::line() const {
    return fmt::format("{}{} hash={}", kTag, row, hash);
}

std::vector<JournalAnchor> JournalAnchor::scan(std::string_view text, const std::string& source) {
    std::vector<JournalAnchor> out;
    std::size_t at = 0;
    while ((at = text.find(kTag, at)) != std::string_view::npos) {
        std::size_t p = at + kTag.size();
        at = p;
        std::int64_t row = 0;
        std::size_t digits = 0;
        while (p < text.size() && text[p] >= '0' && text[p] <= '9' && digits < 18) {
            row = row * 10 + (text[p] - '0');
            ++p, ++digits;
        }
        if (digits == 0 || text.substr(p, 6) != " hash=") continue;
        p += 6;
        std::string hash(text.substr(p, 64));
        if (hash.size() != 64 || !std::all_of(hash.begin(), hash.end(), isHex)) continue;
        bool seen = false;
        for (const JournalAnchor& a : out)
            seen = seen || (a.row == row && a.hash == hash);
        if (!seen) out.push_back({row, hash, source});
    }
    return out;
}

std::vector<JournalAnchor> JournalAnchor::readFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        throw UserError(
            fmt::format("--anchor {}: cannot be read: {}", file.string(), std::strerror(errno)));
    }
    std::ostringstream buf;
    buf << in.rdbuf();
    std::string data = buf.str();
    std::string source = file.string();
    std::vector<JournalAnchor> anchors = scan(data, source);
    if (data.rfind("%PDF-", 0) == 0) {
        // Our own PDFs: the Info dictionary may sit in a compressed object stream, and the
        // printed paragraph always sits in a compressed page stream.
        std::size_t at = 0;
        while ((at = data.find("stream", at)) != std::string::npos) {
            std::size_t start = at + 6;
            at = start;
            if (start >= data.size()) break;
            if (data[start] == '\r') ++start;
            if (start < data.size() && data[start] == '\n')
                ++start;
            else
                continue;  // "endstream", not a stream's start
            std::size_t end = data.find("endstream", start);
            if (end == std::string::npos) break;
            for (JournalAnchor& a :
                 scan(inflate(std::string_view(data).substr(start, end - start)), source)) {
                bool seen = false;
                for (const JournalAnchor& b : anchors)
                    seen = seen || (a.row == b.row && a.hash == b.hash);
                if (!seen) anchors.push_back(a);
            }
            at = end + 9;
        }
    }
    if (anchors.empty()) {
        throw UserError(fmt::format(
            "--anchor {}: no journal anchor in it; give a file written by `dialogstudio journal "
            "anchor` or a signed session record PDF",
            file.string()));
    }
    return anchors;
}

}  // namespace ds
