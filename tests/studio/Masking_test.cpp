// Personal data as it appears on the guests' screen and in register exports (UU PDP).
#include "studio/Masking.h"

#include <algorithm>

#include <gtest/gtest.h>

namespace ds {
namespace {

std::size_t stars(const std::string& s) {
    return static_cast<std::size_t>(std::count(s.begin(), s.end(), '*'));
}

std::size_t digits(const std::string& s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }));
}

TEST(Masking, MobileNumberAsDialledNationally) {
    EXPECT_EQ(maskContact("081234567890"), "0812****7890");
    EXPECT_EQ(maskContact("0812-3456-7890"), "0812****7890");
    EXPECT_EQ(maskContact("0812 3456 7890"), "0812****7890");
    EXPECT_EQ(maskContact(" 0812.3456.7890 "), "0812****7890");
}

TEST(Masking, MobileNumberWithCountryCode) {
    EXPECT_EQ(maskContact("+62 812-3456-7890"), "+62812****7890");
    EXPECT_EQ(maskContact("+6281234567890"), "+62812****7890");
    EXPECT_EQ(maskContact("+62 (812) 3456 7890"), "+62812****7890");
    // WhatsApp writes the country code without the plus.
    EXPECT_EQ(maskContact("6281234567890"), "62812****7890");
}

TEST(Masking, LongerAndShorterNumbers) {
    // 13 digits (0812-3456-78901): still the last four only, five masked.
    EXPECT_EQ(maskContact("0812-3456-78901"), "0812*****8901");
    // 10 digits: fewer shown so that half of what follows the operator code stays hidden.
    EXPECT_EQ(maskContact("0812-345-678"), "0812***678");
    // A Jakarta landline: area code kept.
    EXPECT_EQ(maskContact("(021) 555-1234"), "0215***234");
    // A local number without area code.
    EXPECT_EQ(maskContact("5551234"), "55***34");
}

TEST(Masking, NeverShowsMoreThanHalfOfTheSubscriberDigits) {
    // Whatever the length: at most 4 digits shown at the end, and of the digits after the
    // operator or area code at least half masked.
    std::string number = "0812";
    for (int extra = 0; extra < 12; ++extra) {
        const std::string masked = maskContact(number);
        EXPECT_EQ(masked.size(), number.size()) << number;
        EXPECT_EQ(masked.substr(0, 1), "0") << number;
        const std::size_t rest = digits(number) - 1;       // after the trunk 0
        EXPECT_GE(stars(masked) * 2 + 3, rest) << masked;  // the code is at most 3 digits
        const std::size_t lastStar = masked.rfind('*');
        if (lastStar != std::string::npos) {
            EXPECT_LE(masked.size() - lastStar - 1, 4u) << masked;
        }
        number += static_cast<char>('0' + extra % 10);
    }
}

TEST(Masking, Email) {
    EXPECT_EQ(maskContact("budi.santoso@mail.id"), "b***@mail.id");
    EXPECT_EQ(maskContact("  Siti@polri.go.id "), "S***@polri.go.id");
    // UTF-8 aware: the first character, not its first byte.
    EXPECT_EQ(maskContact("\xC3\xA9lodie@mail.fr"), "\xC3\xA9***@mail.fr");
    EXPECT_EQ(maskContact("@mail.id"), "***@mail.id");
}

TEST(Masking, EmptyStaysEmptyAndUnknownIsHidden) {
    EXPECT_EQ(maskContact(""), "");
    EXPECT_EQ(maskContact("   "), "");
    // Neither a phone number nor an e-mail: nothing of it is shown.
    EXPECT_EQ(maskContact("rumah Pak RT 05"), "***");
}

TEST(Masking, Initials) {
    EXPECT_EQ(initials("Budi Santoso"), "B. S.");
    EXPECT_EQ(initials("AKP Siti Rahma"), "A. S. R.");
    EXPECT_EQ(initials("  budi   santoso "), "B. S.");
    EXPECT_EQ(initials("Sukarno"), "S.");
    EXPECT_EQ(initials(""), "");
    EXPECT_EQ(initials("   "), "");
}

TEST(Masking, InitialsOfUtf8Names) {
    // The whole first character, never half of it.
    EXPECT_EQ(initials("\xC3\x89lodie Dupont"), "\xC3\x89. D.");               // Élodie
    EXPECT_EQ(initials("\xC3\xA9lodie"), "\xC3\xA9.");                         // not upper-cased
    EXPECT_EQ(initials("\xEA\xA6\xB1\xEA\xA6\xB8 Wati"), "\xEA\xA6\xB1. W.");  // Javanese script
    // Quotes and brackets around a word are not initials.
    EXPECT_EQ(initials("(Pak) Budi 'Ucok' S."), "P. B. U. S.");
}

TEST(Masking, FirstName) {
    EXPECT_EQ(firstName("Budi Santoso"), "Budi");
    EXPECT_EQ(firstName("  Siti   Rahma "), "Siti");
    EXPECT_EQ(firstName("Sukarno"), "Sukarno");
    EXPECT_EQ(firstName("\xC3\x89lodie Dupont"), "\xC3\x89lodie");
    EXPECT_EQ(firstName(""), "");
}

}  // namespace
}  // namespace ds
