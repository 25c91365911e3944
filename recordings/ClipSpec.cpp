#include "recordings/ClipSpec.h"

#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "studio/Errors.h"

namespace ds::recordings {

ClipSpec ClipSpec::parse(const std::string& text) {
    const auto colon = text.find(':');
    const std::string kind = text.substr(0, colon);
    ClipSpec c;
    if (kind == "segment" || kind == "segmen") {
        c.kind = Kind::Segment;
    } else if (kind == "question" || kind == "pertanyaan") {
        c.kind = Kind::Question;
    } else {
        throw UserError(fmt::format(
            "--clip '{}' is not a clip: give segment:N (the N-th rundown segment) or question:N "
            "(Pertanyaan N and its answer)",
            text));
    }
    const std::string number = colon == std::string::npos ? "" : text.substr(colon + 1);
    char* end = nullptr;
    const long n = std::strtol(number.c_str(), &end, 10);
    if (number.empty() || *end != '\0' || n < 1 || n > 100000)
        throw UserError(fmt::format("--clip '{}': the number after ':' must be 1 or more", text));
    c.number = static_cast<int>(n);
    return c;
}

std::string ClipSpec::slug() const {
    return fmt::format("{}-{}", kind == Kind::Segment ? "segment" : "question", number);
}

double parseSeconds(const std::string& text, const char* option) {
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || !std::isfinite(v) || std::fabs(v) > 36000.0)
        throw UserError(
            fmt::format("{} '{}' is not a number of seconds (e.g. -2 or +1.5)", option, text));
    return v;
}

}  // namespace ds::recordings
