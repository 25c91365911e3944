#include "studio/RegistrationNumber.h"

#include <array>
#include <stdexcept>

#include <fmt/format.h>

namespace ds {

namespace {

constexpr std::array<std::string_view, 12> kRomanMonths = {"I",   "II",   "III", "IV", "V",  "VI",
                                                           "VII", "VIII", "IX",  "X",  "XI", "XII"};
constexpr std::string_view kPrefix = "PPID-";
// A sequence longer than this would not fit an int; no station issues a billion a year.
constexpr std::size_t kMaxSequenceDigits = 9;

bool allDigits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

int toInt(std::string_view digits) {
    int v = 0;
    for (char c : digits)
        v = v * 10 + (c - '0');
    return v;
}

// Splits "a/b/c/d" into exactly four parts.
bool splitFour(std::string_view text, std::array<std::string_view, 4>& parts) {
    for (std::size_t i = 0; i < 3; ++i) {
        const auto slash = text.find('/');
        if (slash == std::string_view::npos) return false;
        parts[i] = text.substr(0, slash);
        text.remove_prefix(slash + 1);
    }
    if (text.find('/') != std::string_view::npos) return false;
    parts[3] = text;
    return true;
}

}  // namespace

std::string RegistrationNumber::toString() const {
    // A malformed number must never be issued: it is a programming error, not the user's.
    if (sequence < 1 || month < 1 || month > 12 || year < 1 || year > 9999 ||
        !isValidStationCode(stationCode)) {
        throw std::invalid_argument(
            fmt::format("invalid registration number parts: sequence {}, station '{}', month {}, "
                        "year {}",
                        sequence, stationCode, month, year));
    }
    return fmt::format("{:04}/{}{}/{}/{:04}", sequence, kPrefix, stationCode,
                       kRomanMonths[static_cast<std::size_t>(month - 1)], year);
}

std::optional<RegistrationNumber> RegistrationNumber::parse(std::string_view text) {
    std::array<std::string_view, 4> parts;
    if (!splitFour(text, parts)) return std::nullopt;
    const auto [seq, station, roman, year] = parts;

    // Exactly the form toString writes: four digits, or more with no leading zero.
    if (!allDigits(seq) || seq.size() < 4 || seq.size() > kMaxSequenceDigits) return std::nullopt;
    if (seq.size() > 4 && seq[0] == '0') return std::nullopt;
    if (station.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
    const std::string_view code = station.substr(kPrefix.size());
    if (!isValidStationCode(code)) return std::nullopt;
    if (!allDigits(year) || year.size() != 4) return std::nullopt;

    RegistrationNumber number;
    number.sequence = toInt(seq);
    number.stationCode = std::string(code);
    number.year = toInt(year);
    for (std::size_t m = 0; m < kRomanMonths.size(); ++m) {
        if (kRomanMonths[m] == roman) number.month = static_cast<int>(m) + 1;
    }
    if (number.sequence < 1 || number.month == 0 || number.year < 1) return std::nullopt;
    return number;
}

bool isValidStationCode(std::string_view code) {
    if (code.size() < 2 || code.size() > 12) return false;
    for (char c : code) {
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
    }
    return true;
}

}  // namespace ds
