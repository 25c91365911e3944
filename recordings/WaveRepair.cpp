#include "recordings/WaveRepair.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "audio/AudioError.h"
#include "audio/WaveChunks.h"
#include "posix/UniqueFd.h"
#include "studio/Errors.h"

namespace ds::recordings {

namespace {

std::string readAt(int fd, std::uint64_t offset, std::size_t size) {
    std::string s(size, '\0');
    const ssize_t got = ::pread(fd, s.data(), size, static_cast<off_t>(offset));
    s.resize(got > 0 ? static_cast<std::size_t>(got) : 0);
    return s;
}

std::uint32_t le16(const std::string& s, std::size_t at) {
    return static_cast<unsigned char>(s[at]) | static_cast<unsigned char>(s[at + 1]) << 8;
}
std::uint32_t le32(const std::string& s, std::size_t at) {
    return le16(s, at) | le16(s, at + 2) << 16;
}
std::uint64_t le64(const std::string& s, std::size_t at) {
    return le32(s, at) | static_cast<std::uint64_t>(le32(s, at + 4)) << 32;
}
std::string bytes32(std::uint32_t v) {
    std::string out;
    for (int i = 0; i < 4; ++i)
        out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
    return out;
}
std::string bytes64(std::uint64_t v) {
    return bytes32(static_cast<std::uint32_t>(v & 0xFFFFFFFFu)) +
           bytes32(static_cast<std::uint32_t>(v >> 32));
}

bool printableId(const std::string& id) {
    if (id.size() != 4) return false;
    for (char c : id)
        if (c < 0x20 || c > 0x7E) return false;
    return true;
}

// Whether [from, fileSize) is a chain of chunks ending at the end of the file (the last pad
// byte may be missing). Sets hasCue when one of them is a 'cue ' chunk.
bool chunkChain(int fd, std::uint64_t from, std::uint64_t fileSize, bool& hasCue) {
    std::uint64_t at = from;
    while (at + 8 <= fileSize) {
        const std::string h = readAt(fd, at, 8);
        if (h.size() != 8 || !printableId(h.substr(0, 4))) return false;
        const std::uint64_t size = le32(h, 4);
        if (at + 8 + size > fileSize) return false;
        if (h.compare(0, 4, "cue ") == 0) hasCue = true;
        at += 8 + size + (size & 1);
    }
    return at == fileSize || at == fileSize + 1;
}

struct HeaderChunk {
    std::string id;
    std::uint64_t offset = 0;  // of the chunk header
    std::uint32_t size = 0;    // payload bytes
    std::uint64_t end() const { return offset + 8 + size + (size & 1); }
};

// The RF64 header's first bytes when the JUNK chunk kept for ds64 is smaller than a ds64 chunk
// (EBU Tech 3306: RIFF size, data size, sample count and a table length, 28 bytes): libsndfile,
// the recorder's writer, keeps only 24. Then 'fmt ' moves up into the 'fact' chunk after it
// (RF64 needs none; what is left of it becomes a JUNK chunk), which is the room libsndfile
// itself makes when its own header turns into RF64. Only these first hundred-odd bytes change,
// in one write; 'bext', the other chunks and the audio stay where they are. Empty when the
// header is not laid out that way.
std::string shiftedRf64Header(int fd, const std::vector<HeaderChunk>& chunks,
                              const std::string& ds64Sizes) {
    if (chunks.size() < 3 || chunks[0].id != "JUNK" || chunks[0].offset != 12 ||
        chunks[1].id != "fmt " || chunks[1].offset != chunks[0].end())
        return {};
    const HeaderChunk& spare = chunks[2];
    if ((spare.id != "fact" && spare.id != "JUNK" && spare.id != "PAD ") ||
        spare.offset != chunks[1].end() || chunks[0].size >= 28)
        return {};
    const std::uint64_t missing = 28 - chunks[0].size;
    const std::uint64_t spareBytes = spare.end() - spare.offset;
    if (spareBytes < missing + 8) return {};
    const std::string fmtChunk = readAt(fd, chunks[1].offset, chunks[1].end() - chunks[1].offset);
    if (fmtChunk.size() != chunks[1].end() - chunks[1].offset) return {};
    std::string out = "RF64" + bytes32(0xFFFFFFFFu) + "WAVE";
    out += "ds64" + bytes32(28) + ds64Sizes + bytes32(0);
    out += fmtChunk;
    const std::uint64_t filler = spareBytes - missing - 8;
    out += "JUNK" + bytes32(static_cast<std::uint32_t>(filler)) + std::string(filler, '\0');
    return out.size() == spare.end() ? out : std::string();
}

// Bytes that appendCuePoints will add for these cues (to know whether RIFF still fits).
std::uint64_t cueBytes(const std::vector<audio::CuePoint>& cues) {
    if (cues.empty()) return 0;
    std::uint64_t n = 1 + 12 + 24 * cues.size() + 12;
    for (const auto& c : cues)
        n += 12 + c.label.size() + 1 + ((c.label.size() + 1) & 1);
    return n;
}

class Writer {
  public:
    Writer(int fd, const std::filesystem::path& path) : fd_(fd), path_(path) {}
    void at(std::uint64_t offset, const std::string& data) {
        if (::pwrite(fd_, data.data(), data.size(), static_cast<off_t>(offset)) !=
            static_cast<ssize_t>(data.size()))
            fail();
    }
    void truncate(std::uint64_t size) {
        if (::ftruncate(fd_, static_cast<off_t>(size)) != 0) fail();
    }
    void sync() {
        if (::fsync(fd_) != 0) fail();
    }

  private:
    [[noreturn]] void fail() {
        throw UserError(
            fmt::format("cannot repair '{}': {}", path_.string(), std::strerror(errno)));
    }
    int fd_;
    const std::filesystem::path& path_;
};

}  // namespace

RepairReport WaveRepair::repair(const std::filesystem::path& path,
                                const std::vector<CueMarker>& markers, bool dryRun) {
    const std::string where = "'" + path.string() + "'";
    posix::UniqueFd file(::open(path.c_str(), (dryRun ? O_RDONLY : O_RDWR) | O_CLOEXEC));
    if (!file) throw UserError(fmt::format("cannot open {}: {}", where, std::strerror(errno)));
    const int fd = file.get();
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        throw UserError(fmt::format("cannot read {}: {}", where, std::strerror(errno)));
    const auto fileSize = static_cast<std::uint64_t>(st.st_size);

    const std::string head = readAt(fd, 0, 12);
    const bool rf64 = head.size() == 12 && head.compare(0, 4, "RF64") == 0;
    if (head.size() != 12 || (!rf64 && head.compare(0, 4, "RIFF") != 0) ||
        head.compare(8, 4, "WAVE") != 0)
        throw UserError(fmt::format("{} is not a WAV file (no RIFF/RF64 WAVE header)", where));

    RepairReport report;
    report.container = rf64 ? "rf64" : "wav";

    // The header chunks up to 'data'.
    std::uint64_t offset = 12;
    std::uint64_t fmtAt = 0, ds64At = 0, junkSize = 0, dataHeader = 0, dataSize = 0;
    std::uint64_t ds64Data = 0;
    bool haveFmt = false, haveDs64 = false, haveJunk = false, haveData = false;
    std::vector<HeaderChunk> chunks;  // before 'data'
    while (offset + 8 <= fileSize) {
        const std::string h = readAt(fd, offset, 8);
        const std::string id = h.substr(0, 4);
        const std::uint32_t size = le32(h, 4);
        if (id != "data") chunks.push_back({id, offset, size});
        if (id == "data") {
            haveData = true;
            dataHeader = offset;
            dataSize = rf64 && size == 0xFFFFFFFFu && haveDs64 ? ds64Data : size;
            break;
        }
        if (!printableId(id))
            throw UserError(
                fmt::format("{} has a damaged header (chunk at byte {})", where, offset));
        if (id == "fmt ") {
            haveFmt = true;
            fmtAt = offset + 8;
        } else if (id == "ds64" && size >= 24) {
            haveDs64 = true;
            ds64At = offset + 8;
            ds64Data = le64(readAt(fd, ds64At, 24), 8);
        } else if (id == "JUNK" && offset == 12) {
            haveJunk = true;
            junkSize = size;
        }
        offset += 8 + static_cast<std::uint64_t>(size) + (size & 1);
    }
    if (!haveFmt || !haveData)
        throw UserError(fmt::format(
            "{} has no {} chunk: the recorder stopped before any audio reached the disk", where,
            haveFmt ? "'data'" : "'fmt '"));
    const std::string fmtChunk = readAt(fd, fmtAt, 16);
    if (fmtChunk.size() < 16) throw UserError(fmt::format("{} has a damaged 'fmt ' chunk", where));
    const std::uint32_t blockAlign = le16(fmtChunk, 12);
    if (blockAlign == 0) throw UserError(fmt::format("{} has a damaged 'fmt ' chunk", where));

    const std::uint64_t payload = dataHeader + 8;
    const std::uint64_t available = fileSize > payload ? fileSize - payload : 0;
    report.framesInHeader = static_cast<std::int64_t>(dataSize / blockAlign);

    // 1. How much audio is on disk.
    std::uint64_t audioBytes = available;
    bool keepTrailing = false, hasCue = false;
    if (dataSize <= available) {
        const std::uint64_t next = payload + dataSize + (dataSize & 1);
        if (next >= fileSize) {
            audioBytes = dataSize;
        } else if (chunkChain(fd, next, fileSize, hasCue)) {
            audioBytes = dataSize;  // closed (or closing) cleanly: chunks follow the audio
            keepTrailing = true;
        } else {
            const std::string after = readAt(fd, payload + dataSize, 5);
            const auto startsWith = [&](const char* id) {
                return after.compare(0, 4, id) == 0 || after.compare(1, 4, id) == 0;
            };
            // Killed while appending the cue points: the audio ends where the header says.
            if (startsWith("cue ") || startsWith("LIST")) audioBytes = dataSize;
        }
    }
    const std::uint64_t frames = audioBytes / blockAlign;
    const std::uint64_t newData = frames * blockAlign;
    report.framesOnDisk = static_cast<std::int64_t>(frames);
    const std::uint64_t audioEnd = payload + newData;

    // 2. What the file must lose: a torn frame, a torn trailing chunk.
    std::uint64_t newSize = fileSize;
    if (!keepTrailing && fileSize > audioEnd) {
        newSize = audioEnd;
        report.bytesDropped = fileSize - audioEnd;
        report.actions.push_back(
            audioBytes == dataSize && audioBytes < available
                ? fmt::format("cut {} bytes of a cue chunk torn by the interruption",
                              report.bytesDropped)
                : fmt::format("cut {} bytes of a torn last frame", report.bytesDropped));
    }

    // 4 (decided first, since cue points can push the file past 4 GB).
    std::vector<audio::CuePoint> cues;
    if (!hasCue) {
        for (const CueMarker& m : markers) {
            if (m.frame < 0) continue;
            if (static_cast<std::uint64_t>(m.frame) > frames) {
                ++report.markersPastEnd;
                continue;
            }
            cues.push_back({static_cast<std::uint32_t>(cues.size() + 1),
                            static_cast<std::uint64_t>(m.frame), m.label});
        }
    }

    // 3. Sizes.
    const bool toRf64 =
        !rf64 && (newData > 0xFFFFFFFFu || newSize + cueBytes(cues) - 8 > 0xFFFFFFFFu);
    // Written in this order, so that a repair interrupted half-way leaves a file that is still
    // read to its end (a RIFF header whose data size says "to the end") and is repaired again.
    std::vector<std::pair<std::uint64_t, std::string>> writes;
    if (toRf64) {
        const std::string sizes = bytes64(newSize - 8) + bytes64(newData) + bytes64(frames);
        if (haveJunk && junkSize >= 28) {
            // ds64 takes the JUNK chunk's place; its table length is the JUNK's zeros.
            writes.push_back({12 + 8, sizes});
            writes.push_back({dataHeader + 4, bytes32(0xFFFFFFFFu)});
            writes.push_back({12, "ds64"});
            writes.push_back({0, "RF64" + bytes32(0xFFFFFFFFu)});
        } else {
            const std::string header = shiftedRf64Header(fd, chunks, sizes);
            if (header.empty())
                throw UserError(fmt::format(
                    "{} holds more than 4 GB but has no room for an RF64 header; it was left "
                    "as it is",
                    where));
            writes.push_back({dataHeader + 4, bytes32(0xFFFFFFFFu)});
            writes.push_back({0, header});
        }
        report.actions.push_back("turned the header into RF64 (the audio passes 4 GB)");
        report.actions.push_back(fmt::format("set the ds64 sizes to {} frames", frames));
    } else if (rf64) {
        if (!haveDs64) throw UserError(fmt::format("{} is RF64 without a ds64 chunk", where));
        const std::string current = readAt(fd, ds64At, 24);
        const std::string wanted = bytes64(newSize - 8) + bytes64(newData) + bytes64(frames);
        if (current != wanted) {
            writes.push_back({ds64At, wanted});
            report.actions.push_back(fmt::format("set the ds64 sizes to {} frames", frames));
        }
        if (readAt(fd, dataHeader + 4, 4) != bytes32(0xFFFFFFFFu))
            writes.push_back({dataHeader + 4, bytes32(0xFFFFFFFFu)});
        if (readAt(fd, 4, 4) != bytes32(0xFFFFFFFFu)) writes.push_back({4, bytes32(0xFFFFFFFFu)});
    } else {
        if (le32(readAt(fd, dataHeader + 4, 4), 0) != newData) {
            writes.push_back({dataHeader + 4, bytes32(static_cast<std::uint32_t>(newData))});
            report.actions.push_back(
                fmt::format("set the data size to {} frames (the header said {})", frames,
                            report.framesInHeader));
        }
        if (le32(readAt(fd, 4, 4), 0) != newSize - 8) {
            writes.push_back({4, bytes32(static_cast<std::uint32_t>(newSize - 8))});
            report.actions.push_back("set the RIFF size to the file's length");
        }
    }
    if (!cues.empty())
        report.actions.push_back(fmt::format("wrote {} markers as cue points", cues.size()));
    if (report.markersPastEnd > 0)
        report.actions.push_back(
            fmt::format("{} markers lie after the last audio on disk and were not written",
                        report.markersPastEnd));

    report.modified = newSize != fileSize || !writes.empty() || !cues.empty();
    report.cuePointsWritten = static_cast<int>(cues.size());
    if (rf64 || toRf64) report.container = "rf64";
    if (dryRun || !report.modified) return report;

    Writer w(fd, path);
    if (newSize != fileSize) w.truncate(newSize);
    for (const auto& [at, data] : writes)
        w.at(at, data);
    w.sync();
    file.reset();  // closed before WaveChunks opens it again
    if (!cues.empty()) {
        try {
            audio::WaveChunks::appendCuePoints(path, cues);
        } catch (const audio::AudioError& e) {
            throw UserError(fmt::format("cannot write the markers into {}: {}", where, e.what()));
        }
    }
    return report;
}

}  // namespace ds::recordings
