// Registration numbers as printed on the written notice and read back from it.
#include "studio/RegistrationNumber.h"

#include <gtest/gtest.h>

namespace ds {
namespace {

RegistrationNumber number(int sequence, std::string code, int month, int year) {
    RegistrationNumber n;
    n.sequence = sequence;
    n.stationCode = std::move(code);
    n.month = month;
    n.year = year;
    return n;
}

void expectSame(const std::optional<RegistrationNumber>& got, const RegistrationNumber& want) {
    ASSERT_TRUE(got.has_value());
    EXPECT_EQ(got->sequence, want.sequence);
    EXPECT_EQ(got->stationCode, want.stationCode);
    EXPECT_EQ(got->month, want.month);
    EXPECT_EQ(got->year, want.year);
}

TEST(RegistrationNumber, Format) {
    EXPECT_EQ(number(7, "BKL", 11, 2026).toString(), "0007/PPID-BKL/XI/2026");
    EXPECT_EQ(number(1, "POLRESBKL", 1, 2027).toString(), "0001/PPID-POLRESBKL/I/2027");
    EXPECT_EQ(number(123, "K9", 4, 2026).toString(), "0123/PPID-K9/IV/2026");
}

TEST(RegistrationNumber, AllTwelveRomanMonths) {
    const char* roman[] = {"I",   "II",   "III", "IV", "V",  "VI",
                           "VII", "VIII", "IX",  "X",  "XI", "XII"};
    for (int m = 1; m <= 12; ++m) {
        const std::string text = number(1, "BKL", m, 2026).toString();
        EXPECT_EQ(text, std::string("0001/PPID-BKL/") + roman[m - 1] + "/2026");
        expectSame(RegistrationNumber::parse(text), number(1, "BKL", m, 2026));
    }
}

TEST(RegistrationNumber, RoundTrip) {
    for (const auto& n :
         {number(7, "BKL", 11, 2026), number(9999, "SMG01", 12, 2026), number(1, "AB", 3, 2030)}) {
        const std::string text = n.toString();
        expectSame(RegistrationNumber::parse(text), n);
        EXPECT_EQ(RegistrationNumber::parse(text)->toString(), text);
    }
}

TEST(RegistrationNumber, SequenceOf10000AndMoreGrowsWider) {
    EXPECT_EQ(number(9999, "BKL", 12, 2026).toString(), "9999/PPID-BKL/XII/2026");
    EXPECT_EQ(number(10000, "BKL", 12, 2026).toString(), "10000/PPID-BKL/XII/2026");
    EXPECT_EQ(number(123456, "BKL", 12, 2026).toString(), "123456/PPID-BKL/XII/2026");
    expectSame(RegistrationNumber::parse("10000/PPID-BKL/XII/2026"),
               number(10000, "BKL", 12, 2026));
}

TEST(RegistrationNumber, InvalidStringsAreRejected) {
    for (const char* bad : {
             "",
             "0007/PPID-BKL/XI",         // no year
             "0007/PPID-BKL/XI/2026/1",  // extra part
             "7/PPID-BKL/XI/2026",       // not padded
             "007/PPID-BKL/XI/2026",     // not padded enough
             "00007/PPID-BKL/XI/2026",   // padded too much
             "0000/PPID-BKL/XI/2026",    // sequences start at 1
             "00a7/PPID-BKL/XI/2026",
             "-007/PPID-BKL/XI/2026",
             "0007/PPID-bkl/XI/2026",            // lower-case station code
             "0007/PPID-B/XI/2026",              // code too short
             "0007/PPID-ABCDEFGHIJKLM/XI/2026",  // code too long
             "0007/PPID-BK L/XI/2026",
             "0007/PPIDBKL/XI/2026",  // no dash
             "0007/ppid-BKL/XI/2026",
             "0007/PPID-BKL/11/2026",    // Arabic month
             "0007/PPID-BKL/xi/2026",    // lower-case Roman
             "0007/PPID-BKL/XIII/2026",  // no 13th month
             "0007/PPID-BKL/IIII/2026",  // not the usual form of IV
             "0007/PPID-BKL/XI/26",      // two-digit year
             "0007/PPID-BKL/XI/2026 ",   // trailing space
             " 0007/PPID-BKL/XI/2026",
             "1234567890/PPID-BKL/XI/2026",  // too large for the counter
         }) {
        EXPECT_FALSE(RegistrationNumber::parse(bad).has_value()) << bad;
    }
}

TEST(RegistrationNumber, InvalidPartsAreNeverPrinted) {
    EXPECT_THROW(number(0, "BKL", 11, 2026).toString(), std::invalid_argument);
    EXPECT_THROW(number(1, "BKL", 13, 2026).toString(), std::invalid_argument);
    EXPECT_THROW(number(1, "BKL", 0, 2026).toString(), std::invalid_argument);
    EXPECT_THROW(number(1, "bkl", 1, 2026).toString(), std::invalid_argument);
}

TEST(RegistrationNumber, StationCodes) {
    for (const char* good : {"BKL", "AB", "POLRESBKL", "SMG01", "ABCDEFGHIJKL", "12"}) {
        EXPECT_TRUE(isValidStationCode(good)) << good;
    }
    for (const char* bad :
         {"", "B", "ABCDEFGHIJKLM", "bkl", "BK-L", "BK/L", "BK L", "BKÉ", "POLRES_BKL"}) {
        EXPECT_FALSE(isValidStationCode(bad)) << bad;
    }
}

}  // namespace
}  // namespace ds
