#pragma once
// Registration numbers for information requests (UU KIP Pasal 22(4)-(5), SOP 000 Pasal 6(4)).
//
// Format: SSSS/PPID-CODE/MM/YYYY, e.g. "0007/PPID-BKL/XI/2026": SSSS is the sequence number
// within the station and year (zero-padded to 4 digits, longer when it must be), CODE the
// station's short code, MM the month of receipt in Roman numerals (the usual form of Indonesian
// official numbering) and YYYY the year of receipt, both in the station's time zone. The
// sequence starts at 1 each year and never repeats; storage allocates it in the same
// transaction that records the request.
#include <optional>
#include <string>
#include <string_view>

namespace ds {

struct RegistrationNumber {
    int sequence = 0;
    std::string stationCode;
    int month = 0;  // 1..12
    int year = 0;

    // Throws std::invalid_argument if a part is out of range (a bug, never the user's input).
    std::string toString() const;
    // nullopt unless text is exactly in the format above.
    static std::optional<RegistrationNumber> parse(std::string_view text);
};

// Station short codes: 2 to 12 characters, A-Z and 0-9 only (they appear in numbers and files).
bool isValidStationCode(std::string_view code);

}  // namespace ds
