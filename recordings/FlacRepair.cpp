#include "recordings/FlacRepair.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "posix/UniqueFd.h"
#include "studio/Errors.h"

namespace ds::recordings {

namespace {

// The last frames are looked for in this much of the end of the file: many times the largest
// frame libFLAC writes at 24-bit stereo (4096-sample blocks are about 25 KB).
constexpr std::uint64_t kTail = 4u << 20;

std::uint8_t crc8(const std::uint8_t* p, std::size_t n) {
    std::uint8_t crc = 0;
    for (std::size_t i = 0; i < n; ++i) {
        crc ^= p[i];
        for (int b = 0; b < 8; ++b)
            crc = static_cast<std::uint8_t>(crc & 0x80 ? (crc << 1) ^ 0x07 : crc << 1);
    }
    return crc;
}

const std::array<std::uint16_t, 256>& crc16Table() {
    static const std::array<std::uint16_t, 256> table = [] {
        std::array<std::uint16_t, 256> t{};
        for (unsigned i = 0; i < 256; ++i) {
            std::uint16_t c = static_cast<std::uint16_t>(i << 8);
            for (int b = 0; b < 8; ++b)
                c = static_cast<std::uint16_t>(c & 0x8000 ? (c << 1) ^ 0x8005 : c << 1);
            t[i] = c;
        }
        return t;
    }();
    return table;
}

std::uint16_t crc16(const std::uint8_t* p, std::size_t n) {
    const auto& t = crc16Table();
    std::uint16_t crc = 0;
    for (std::size_t i = 0; i < n; ++i)
        crc = static_cast<std::uint16_t>((crc << 8) ^ t[(crc >> 8) ^ p[i]]);
    return crc;
}

struct FrameHeader {
    std::uint64_t number = 0;  // frame number (fixed block size) or first sample (variable)
    bool variable = false;
    std::uint32_t blockSize = 0;
};

// Parses a frame header at p (n bytes available); nullopt unless sync, fields and CRC-8 agree.
std::optional<FrameHeader> parseHeader(const std::uint8_t* p, std::size_t n) {
    if (n < 6 || p[0] != 0xFF || (p[1] & 0xFE) != 0xF8) return std::nullopt;
    const unsigned bsCode = p[2] >> 4, srCode = p[2] & 0x0F;
    const unsigned chCode = p[3] >> 4, ssCode = (p[3] >> 1) & 0x07;
    if (bsCode == 0 || srCode == 0x0F || chCode > 10 || ssCode == 3 || (p[3] & 1))
        return std::nullopt;
    FrameHeader h;
    h.variable = (p[1] & 1) != 0;
    // The UTF-8-like coded number.
    std::size_t at = 4;
    const std::uint8_t first = p[at];
    int extra = 0;
    std::uint64_t value = 0;
    if (first < 0x80) {
        value = first;
    } else if ((first & 0xE0) == 0xC0) {
        extra = 1, value = first & 0x1F;
    } else if ((first & 0xF0) == 0xE0) {
        extra = 2, value = first & 0x0F;
    } else if ((first & 0xF8) == 0xF0) {
        extra = 3, value = first & 0x07;
    } else if ((first & 0xFC) == 0xF8) {
        extra = 4, value = first & 0x03;
    } else if ((first & 0xFE) == 0xFC) {
        extra = 5, value = first & 0x01;
    } else if (first == 0xFE) {
        extra = 6, value = 0;
    } else {
        return std::nullopt;
    }
    ++at;
    for (int i = 0; i < extra; ++i, ++at) {
        if (at >= n || (p[at] & 0xC0) != 0x80) return std::nullopt;
        value = value << 6 | (p[at] & 0x3F);
    }
    h.number = value;
    if (bsCode == 1) {
        h.blockSize = 192;
    } else if (bsCode <= 5) {
        h.blockSize = 576u << (bsCode - 2);
    } else if (bsCode == 6) {
        if (at + 1 > n) return std::nullopt;
        h.blockSize = p[at++] + 1u;
    } else if (bsCode == 7) {
        if (at + 2 > n) return std::nullopt;
        h.blockSize = (p[at] << 8 | p[at + 1]) + 1u;
        at += 2;
    } else {
        h.blockSize = 256u << (bsCode - 8);
    }
    if (srCode == 12) at += 1;
    if (srCode == 13 || srCode == 14) at += 2;
    if (at + 1 > n || crc8(p, at) != p[at]) return std::nullopt;
    return h;
}

std::uint64_t be64(const std::uint8_t* p) {
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i)
        v = v << 8 | p[i];
    return v;
}

}  // namespace

RepairReport FlacRepair::repair(const std::filesystem::path& path, bool dryRun) {
    const std::string where = "'" + path.string() + "'";
    const posix::UniqueFd file(::open(path.c_str(), (dryRun ? O_RDONLY : O_RDWR) | O_CLOEXEC));
    if (!file) throw UserError(fmt::format("cannot open {}: {}", where, std::strerror(errno)));
    const int fd = file.get();
    auto fail = [&](const std::string& what) {
        throw UserError(fmt::format("cannot repair {}: {}", where, what));
    };
    struct stat st {};
    if (::fstat(fd, &st) != 0) fail(std::strerror(errno));
    const auto fileSize = static_cast<std::uint64_t>(st.st_size);
    auto readAt = [&](std::uint64_t offset, std::size_t size) {
        std::vector<std::uint8_t> b(size);
        const ssize_t got = ::pread(fd, b.data(), size, static_cast<off_t>(offset));
        b.resize(got > 0 ? static_cast<std::size_t>(got) : 0);
        return b;
    };

    const auto magic = readAt(0, 8 + 34);
    if (magic.size() < 42 || std::memcmp(magic.data(), "fLaC", 4) != 0 || (magic[4] & 0x7F) != 0)
        throw UserError(fmt::format("{} is not a FLAC file", where));
    const std::uint32_t minBlock = magic[8] << 8 | magic[9];
    const std::uint32_t maxBlock = magic[10] << 8 | magic[11];
    const std::uint64_t infoBits = be64(magic.data() + 8 + 10);
    const std::uint64_t declared = infoBits & 0xFFFFFFFFFull;

    // Metadata blocks, to where the frames start.
    std::uint64_t at = 4;
    for (;;) {
        const auto h = readAt(at, 4);
        if (h.size() < 4) fail("its metadata is cut short");
        const std::uint64_t length = h[1] << 16 | h[2] << 8 | h[3];
        at += 4 + length;
        if (h[0] & 0x80) break;
    }
    const std::uint64_t framesStart = at;

    RepairReport report;
    report.container = "flac";
    report.framesInHeader = declared == 0 ? -1 : static_cast<std::int64_t>(declared);

    // The tail of the file and the frame headers in it.
    const std::uint64_t tailStart = fileSize > framesStart + kTail ? fileSize - kTail : framesStart;
    const auto tail = readAt(tailStart, static_cast<std::size_t>(fileSize - tailStart));
    std::vector<std::pair<std::size_t, FrameHeader>> headers;
    for (std::size_t i = 0; i + 1 < tail.size(); ++i) {
        if (tail[i] != 0xFF) continue;
        if (auto h = parseHeader(tail.data() + i, tail.size() - i)) headers.emplace_back(i, *h);
    }
    auto complete = [&](std::size_t from, std::size_t to) {
        if (to < from + 8) return false;
        const std::uint16_t stored = static_cast<std::uint16_t>(tail[to - 2] << 8 | tail[to - 1]);
        return crc16(tail.data() + from, to - from - 2) == stored;
    };

    // The last complete frame: it ends at the end of the file, or where a torn one begins. A
    // sync code inside a frame's audio can pass for a header (CRC-8 is weak), so each possible
    // end is tried against every header within one frame's largest size before it.
    const unsigned channels = ((magic[8 + 12] >> 1) & 0x07) + 1u;
    const std::size_t maxFrame = static_cast<std::size_t>(maxBlock) * channels * 4 + 1024;
    std::optional<std::size_t> lastStart;
    std::size_t end = tail.size();
    for (std::size_t k = headers.size() + 1; k-- > 0 && !lastStart;) {
        const std::size_t endPos = k == headers.size() ? tail.size() : headers[k].first;
        for (std::size_t i = k; i-- > 0;) {
            if (endPos - headers[i].first > maxFrame) break;
            if (complete(headers[i].first, endPos)) {
                lastStart = i;
                end = endPos;
                break;
            }
        }
    }
    std::uint64_t total = 0;
    std::uint64_t newSize = framesStart;
    if (lastStart) {
        const FrameHeader& h = headers[*lastStart].second;
        const std::uint64_t firstSample =
            h.variable ? h.number : h.number * (minBlock == maxBlock ? maxBlock : h.blockSize);
        total = firstSample + h.blockSize;
        newSize = tailStart + end;
    } else if (fileSize > framesStart + kTail) {
        fail("no complete frame in its last 4 MB");
    }
    report.framesOnDisk = static_cast<std::int64_t>(total);

    if (newSize < fileSize) {
        report.bytesDropped = fileSize - newSize;
        report.actions.push_back(
            fmt::format("cut {} bytes of a torn last frame", report.bytesDropped));
    }
    if (declared != total) {
        report.actions.push_back(
            fmt::format("set the STREAMINFO sample count to {} (it said {})", total, declared));
    }
    report.modified = newSize < fileSize || declared != total;
    if (dryRun || !report.modified) return report;

    if (newSize < fileSize && ::ftruncate(fd, static_cast<off_t>(newSize)) != 0)
        fail(std::strerror(errno));
    if (declared != total) {
        const std::uint64_t bits = (infoBits & ~0xFFFFFFFFFull) | (total & 0xFFFFFFFFFull);
        std::uint8_t out[8];
        for (int i = 0; i < 8; ++i)
            out[i] = static_cast<std::uint8_t>(bits >> (56 - 8 * i));
        if (::pwrite(fd, out, 8, 8 + 10) != 8) fail(std::strerror(errno));
    }
    if (::fsync(fd) != 0) fail(std::strerror(errno));
    return report;
}

}  // namespace ds::recordings
