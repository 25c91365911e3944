#include "recordings/LoudnessCache.h"

#include <sys/stat.h>

#include <fstream>
#include <vector>

#include "recordings/LoudnessMeter.h"
#include "recordings/ProgrammeReader.h"
#include "studio/Errors.h"
#include "studio/PartFile.h"

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
        try {
            PartFile cache(cachePath(file));
            cache.write(j.dump(2) + "\n");
            cache.commit();
        } catch (const UserError&) {
            // A cache that cannot be written (a read-only archive) is measured again next time.
        }
    }
    return f;
}

}  // namespace ds::recordings
