#include "audio/WaveChunks.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>

#include "audio/AudioError.h"

namespace ds::audio {

namespace {

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

File open(const std::filesystem::path& path, const char* mode) {
    File f(std::fopen(path.c_str(), mode));
    if (!f) throw AudioError("cannot open '" + path.string() + "': " + std::strerror(errno));
    return f;
}

std::uint32_t le32(const unsigned char* p) {
    return std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 |
           std::uint32_t(p[3]) << 24;
}
std::uint64_t le64(const unsigned char* p) {
    return le32(p) | std::uint64_t(le32(p + 4)) << 32;
}

void put32(std::string& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i)
        out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

std::string readAt(std::FILE* f, std::uint64_t offset, std::size_t size) {
    std::string data(size, '\0');
    if (fseeko(f, static_cast<off_t>(offset), SEEK_SET) != 0 ||
        std::fread(data.data(), 1, size, f) != size)
        return {};
    return data;
}

std::string fixedString(const char* p, std::size_t size) {
    std::size_t n = 0;
    while (n < size && p[n] != '\0')
        ++n;
    return std::string(p, n);
}

}  // namespace

std::vector<WaveChunks::Chunk> WaveChunks::list(const std::filesystem::path& path) {
    File f = open(path, "rb");
    if (fseeko(f.get(), 0, SEEK_END) != 0)
        throw AudioError("cannot seek in '" + path.string() + "'");
    const std::uint64_t fileSize = static_cast<std::uint64_t>(ftello(f.get()));
    const std::string head = readAt(f.get(), 0, 12);
    if (head.size() != 12 || head.compare(8, 4, "WAVE") != 0 ||
        (head.compare(0, 4, "RIFF") != 0 && head.compare(0, 4, "RF64") != 0))
        throw AudioError("'" + path.string() + "' is not a RIFF/RF64 WAVE file");

    std::vector<Chunk> chunks;
    std::uint64_t rf64DataSize = 0;
    std::uint64_t offset = 12;
    while (offset + 8 <= fileSize) {
        const std::string h = readAt(f.get(), offset, 8);
        if (h.size() != 8) break;
        Chunk c;
        c.id = h.substr(0, 4);
        c.offset = offset + 8;
        c.size = le32(reinterpret_cast<const unsigned char*>(h.data() + 4));
        if (c.id == "ds64") {
            const std::string ds = readAt(f.get(), c.offset, 16);
            if (ds.size() == 16)
                rf64DataSize = le64(reinterpret_cast<const unsigned char*>(ds.data() + 8));
        }
        if (c.id == "data" && c.size == 0xFFFFFFFFu && head.compare(0, 4, "RF64") == 0)
            c.size = rf64DataSize;
        if (c.offset + c.size > fileSize) {
            // An interrupted file: the rest is audio the header has not caught up with.
            chunks.push_back(c);
            break;
        }
        chunks.push_back(c);
        offset = c.offset + c.size + (c.size & 1);  // chunks are padded to even sizes
    }
    return chunks;
}

void WaveChunks::appendCuePoints(const std::filesystem::path& path,
                                 const std::vector<CuePoint>& cues) {
    if (cues.empty()) return;
    File f = open(path, "r+b");
    const std::string head = readAt(f.get(), 0, 12);
    const bool rf64 = head.compare(0, 4, "RF64") == 0;
    if (head.size() != 12 || (!rf64 && head.compare(0, 4, "RIFF") != 0))
        throw AudioError("'" + path.string() + "' is not a RIFF/RF64 WAVE file");

    if (fseeko(f.get(), 0, SEEK_END) != 0)
        throw AudioError("cannot seek in '" + path.string() + "'");
    std::uint64_t size = static_cast<std::uint64_t>(ftello(f.get()));

    std::string out;
    if (size & 1) out.push_back('\0');  // the data chunk's pad byte

    // 'cue ': count, then per point: id, position, 'data', chunk start, block start, offset.
    out += "cue ";
    put32(out, static_cast<std::uint32_t>(4 + 24 * cues.size()));
    put32(out, static_cast<std::uint32_t>(cues.size()));
    for (const CuePoint& c : cues) {
        const auto frame =
            static_cast<std::uint32_t>(std::min<std::uint64_t>(c.frame, 0xFFFFFFFFu));
        put32(out, c.id);
        put32(out, frame);
        out += "data";
        put32(out, 0);
        put32(out, 0);
        put32(out, frame);
    }

    // 'LIST' 'adtl' with one 'labl' (id + NUL-terminated text, padded to even) per point.
    std::string adtl = "adtl";
    for (const CuePoint& c : cues) {
        const std::string text = c.label + '\0';
        adtl += "labl";
        put32(adtl, static_cast<std::uint32_t>(4 + text.size()));
        put32(adtl, c.id);
        adtl += text;
        if (text.size() & 1) adtl.push_back('\0');
    }
    out += "LIST";
    put32(out, static_cast<std::uint32_t>(adtl.size()));
    out += adtl;

    if (std::fwrite(out.data(), 1, out.size(), f.get()) != out.size())
        throw AudioError("cannot write markers to '" + path.string() +
                         "': " + std::strerror(errno));
    size += out.size();

    // The container size: RIFF's 32-bit field, or the 64-bit one in RF64's ds64 chunk.
    std::string sizeField;
    if (rf64) {
        const std::uint64_t riffSize = size - 8;
        put32(sizeField, static_cast<std::uint32_t>(riffSize & 0xFFFFFFFFu));
        put32(sizeField, static_cast<std::uint32_t>(riffSize >> 32));
        if (fseeko(f.get(), 20, SEEK_SET) != 0)
            throw AudioError("cannot seek in '" + path.string() + "'");
    } else {
        if (size - 8 > 0xFFFFFFFFu)
            throw AudioError("markers would push '" + path.string() + "' past 4 GB");
        put32(sizeField, static_cast<std::uint32_t>(size - 8));
        if (fseeko(f.get(), 4, SEEK_SET) != 0)
            throw AudioError("cannot seek in '" + path.string() + "'");
    }
    if (std::fwrite(sizeField.data(), 1, sizeField.size(), f.get()) != sizeField.size() ||
        std::fflush(f.get()) != 0 || ::fsync(fileno(f.get())) != 0)
        throw AudioError("cannot write markers to '" + path.string() +
                         "': " + std::strerror(errno));
}

std::vector<CuePoint> WaveChunks::readCuePoints(const std::filesystem::path& path) {
    std::vector<CuePoint> cues;
    std::map<std::uint32_t, std::string> labels;
    File f = open(path, "rb");
    for (const Chunk& c : list(path)) {
        if (c.id == "cue " && c.size >= 4 && c.size < (1u << 24)) {
            const std::string d = readAt(f.get(), c.offset, c.size);
            const auto* p = reinterpret_cast<const unsigned char*>(d.data());
            const std::uint32_t count = d.size() >= 4 ? le32(p) : 0;
            for (std::uint32_t i = 0; i < count && 4 + 24 * (i + 1) <= d.size(); ++i) {
                const unsigned char* e = p + 4 + 24 * i;
                cues.push_back(CuePoint{le32(e), le32(e + 20), {}});
            }
        } else if (c.id == "LIST" && c.size >= 4 && c.size < (1u << 24)) {
            const std::string d = readAt(f.get(), c.offset, c.size);
            if (d.compare(0, 4, "adtl") != 0) continue;
            std::size_t at = 4;
            while (at + 8 <= d.size()) {
                const std::string id = d.substr(at, 4);
                const std::uint32_t size =
                    le32(reinterpret_cast<const unsigned char*>(d.data() + at + 4));
                if (at + 8 + size > d.size()) break;
                if (id == "labl" && size >= 4) {
                    const std::uint32_t cueId =
                        le32(reinterpret_cast<const unsigned char*>(d.data() + at + 8));
                    labels[cueId] = fixedString(d.data() + at + 12, size - 4);
                }
                at += 8 + size + (size & 1);
            }
        }
    }
    for (CuePoint& c : cues) {
        auto it = labels.find(c.id);
        if (it != labels.end()) c.label = it->second;
    }
    return cues;
}

std::optional<BextFields> WaveChunks::readBext(const std::filesystem::path& path) {
    File f = open(path, "rb");
    for (const Chunk& c : list(path)) {
        if (c.id != "bext" || c.size < 602) continue;
        const std::string d = readAt(f.get(), c.offset, c.size);
        if (d.size() < 602) return std::nullopt;
        const auto* p = reinterpret_cast<const unsigned char*>(d.data());
        BextFields b;
        b.description = fixedString(d.data(), 256);
        b.originator = fixedString(d.data() + 256, 32);
        b.originatorReference = fixedString(d.data() + 288, 32);
        b.originationDate = fixedString(d.data() + 320, 10);
        b.originationTime = fixedString(d.data() + 330, 8);
        b.timeReference = le64(p + 338);
        b.version = static_cast<std::uint16_t>(p[346] | p[347] << 8);
        b.codingHistory = fixedString(d.data() + 602, d.size() - 602);
        return b;
    }
    return std::nullopt;
}

}  // namespace ds::audio
