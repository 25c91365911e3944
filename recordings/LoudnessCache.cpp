#include "recordings/LoudnessCache.h"

#include <sys/stat.h>

#include <fstream>
#include <vector>

#include "recordings/LoudnessMeter.h"
#include "recordings/ProgrammeReader.h"

namespace ds::recordings {

namespace {

struct Stamp {
    std::int64_t size = -1;
    std::int64_t mtimeNs = -1;
};

Stamp stampOf(const std::filesystem::path& file) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) return {};
    return {static_cast<std::int64_t>(st.st_size),
            static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
}

}  // namespace

std::filesystem::path LoudnessCache::cachePath(const std::filesystem::path& file) {
    std::filesystem::path p = file;
    p += ".loudness.json";
    return p;
}

std::optional<LoudnessFigures> LoudnessCache::cached(const std::filesystem::path& file) {
    std::ifstream in(cachePath(file));
    if (!in) return std::nullopt;
    const nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return std::nullopt;
    const Stamp s = stampOf(file);
    if (j.value("size", std::int64_t{-2}) != s.size ||
        j.value("mtime_ns", std::int64_t{-2}) != s.mtimeNs || !j.contains("loudness"))
        return std::nullopt;
    return LoudnessFigures::fromJson(j["loudness"]);
}

LoudnessFigures LoudnessCache::get(const std::filesystem::path& file) {
    if (auto c = cached(file)) return *c;
    const Stamp before = stampOf(file);
    ProgrammeReader reader({file});
    LoudnessMeter meter(reader.channels(), reader.sampleRate(), true);
    std::vector<float> block(16384 * reader.channels());
    while (std::size_t n = reader.read(block.data(), 16384))
        meter.add(block.data(), n);
    const LoudnessFigures f = meter.figures();
    const Stamp after = stampOf(file);
    if (before.size == after.size && before.mtimeNs == after.mtimeNs) {
        const nlohmann::json j = {
            {"size", after.size}, {"mtime_ns", after.mtimeNs}, {"loudness", f.toJson()}};
        std::filesystem::path tmp = cachePath(file);
        tmp += ".tmp";
        std::ofstream out(tmp);
        out << j.dump(2) << '\n';
        out.close();
        std::error_code ec;
        if (out) std::filesystem::rename(tmp, cachePath(file), ec);
        if (!out || ec) std::filesystem::remove(tmp, ec);
    }
    return f;
}

}  // namespace ds::recordings
