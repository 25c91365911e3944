// Instants, local times and dates as people type and read them at WIB, WITA and WIT stations.
#include "studio/Time.h"

#include <gtest/gtest.h>

#include "studio/Errors.h"

namespace ds {
namespace {

using namespace std::chrono_literals;
using date::days;
using date::sys_days;

TimePoint utc(int y, unsigned m, unsigned d, int hh, int mm, int ss = 0, int ms = 0) {
    return TimePoint{sys_days{date::year{y} / m / d}} + std::chrono::hours{hh} +
           std::chrono::minutes{mm} + std::chrono::seconds{ss} + std::chrono::milliseconds{ms};
}

Day day(int y, unsigned m, unsigned d) {
    return sys_days{date::year{y} / m / d};
}

// Message of the UserError thrown by f, or "" if none was thrown.
template <class F>
std::string userErrorOf(F f) {
    try {
        f();
    } catch (const UserError& e) {
        return e.what();
    }
    return "";
}

TEST(Time, FormatUtcIsFixedWidthWithMilliseconds) {
    EXPECT_EQ(formatUtc(utc(2026, 11, 25, 2, 0)), "2026-11-25T02:00:00.000Z");
    EXPECT_EQ(formatUtc(utc(2026, 1, 5, 23, 59, 7, 42)), "2026-01-05T23:59:07.042Z");
}

TEST(Time, FormattedInstantsSortAsText) {
    // Storage relies on text order being time order.
    const auto a = formatUtc(utc(2026, 9, 30, 23, 59, 59, 999));
    const auto b = formatUtc(utc(2026, 10, 1, 0, 0));
    EXPECT_LT(a, b);
    EXPECT_EQ(a.size(), b.size());
}

TEST(Time, ParseUtcRoundTrips) {
    const TimePoint t = utc(2026, 3, 17, 3, 0, 15, 250);
    EXPECT_EQ(parseUtc(formatUtc(t)), t);
}

TEST(Time, ParseUtcAcceptsShorterFormsAndOffsets) {
    EXPECT_EQ(parseUtc("2026-11-25T02:00Z"), utc(2026, 11, 25, 2, 0));
    EXPECT_EQ(parseUtc("2026-11-25T02:00:30Z"), utc(2026, 11, 25, 2, 0, 30));
    EXPECT_EQ(parseUtc("2026-11-25T02:00:30.5Z"), utc(2026, 11, 25, 2, 0, 30, 500));
    // 09:00 WIB is 02:00 UTC; 11:00 WIT is 02:00 UTC.
    EXPECT_EQ(parseUtc("2026-11-25T09:00+07:00"), utc(2026, 11, 25, 2, 0));
    EXPECT_EQ(parseUtc("2026-11-25T11:00:00.000+09:00"), utc(2026, 11, 25, 2, 0));
    EXPECT_EQ(parseUtc("2026-11-24T21:30-04:30"), utc(2026, 11, 25, 2, 0));
}

TEST(Time, ParseUtcRejectsAnythingElse) {
    for (const char* bad : {
             "",
             "2026-11-25",                 // no time
             "2026-11-25T02:00",           // no zone
             "2026-11-25 02:00Z",          // space instead of T
             "2026-1-25T02:00Z",           // one-digit month
             "2026-11-25T2:00Z",           // one-digit hour
             "2026-02-30T02:00Z",          // no such day
             "2026-11-25T24:00Z",          // no such hour
             "2026-11-25T02:60Z",          // no such minute
             "2026-11-25T02:00:00.1234Z",  // finer than milliseconds
             "2026-11-25T02:00:00.Z",      // dot with no digits
             "2026-11-25T02:00+0700",      // offset without colon
             "2026-11-25T02:00+25:00",     // no such offset
             "2026-11-25T02:00Zjunk",      // trailing text
             " 2026-11-25T02:00Z",         // leading space
         }) {
        EXPECT_EQ(parseUtc(bad), std::nullopt) << bad;
    }
}

TEST(Time, TimeZonesOfIndonesiaAreValid) {
    EXPECT_TRUE(isValidTimeZone("Asia/Jakarta"));
    EXPECT_TRUE(isValidTimeZone("Asia/Makassar"));
    EXPECT_TRUE(isValidTimeZone("Asia/Jayapura"));
}

TEST(Time, UnknownTimeZonesAreInvalidWithoutThrowing) {
    EXPECT_FALSE(isValidTimeZone(""));
    EXPECT_FALSE(isValidTimeZone("WIB"));
    EXPECT_FALSE(isValidTimeZone("Asia/Bandung"));
    EXPECT_FALSE(isValidTimeZone("../../etc/passwd"));
}

TEST(Time, ParseLocalUsesTheStationZone) {
    // 09:00 in Jakarta (UTC+7), Makassar (UTC+8) and Jayapura (UTC+9).
    EXPECT_EQ(parseLocal("2026-11-25 09:00", "Asia/Jakarta"), utc(2026, 11, 25, 2, 0));
    EXPECT_EQ(parseLocal("2026-11-25 09:00", "Asia/Makassar"), utc(2026, 11, 25, 1, 0));
    EXPECT_EQ(parseLocal("2026-11-25T09:00:30", "Asia/Jayapura"), utc(2026, 11, 25, 0, 0, 30));
    // Just after local midnight is the previous day in UTC.
    EXPECT_EQ(parseLocal("2026-01-01 00:30", "Asia/Jakarta"), utc(2025, 12, 31, 17, 30));
}

TEST(Time, ParseLocalRejectsMalformedTextNamingIt) {
    for (const char* bad :
         {"", "25-11-2026 09:00", "2026-11-25", "2026-11-25 9:00", "2026-11-25 09:00:00.000",
          "2026-02-30 09:00", "2026-11-25 09:00 WIB", "2026-11-25_09:00"}) {
        const std::string message = userErrorOf([&] { parseLocal(bad, "Asia/Jakarta"); });
        EXPECT_NE(message, "") << bad;
        EXPECT_NE(message.find(std::string("'") + bad + "'"), std::string::npos) << message;
    }
}

TEST(Time, ParseLocalRejectsTimesTheClocksSkipOrRepeat) {
    // Indonesia has no daylight saving; a station set to Berlin does. 2026-03-29 02:30 is
    // skipped there, 2026-10-25 02:30 happens twice.
    const std::string skipped =
        userErrorOf([] { parseLocal("2026-03-29 02:30", "Europe/Berlin"); });
    EXPECT_NE(skipped.find("'2026-03-29 02:30'"), std::string::npos) << skipped;
    EXPECT_NE(skipped.find("does not exist"), std::string::npos) << skipped;
    const std::string twice = userErrorOf([] { parseLocal("2026-10-25 02:30", "Europe/Berlin"); });
    EXPECT_NE(twice.find("'2026-10-25 02:30'"), std::string::npos) << twice;
    EXPECT_NE(twice.find("twice"), std::string::npos) << twice;
    // Either side of the gap is fine.
    EXPECT_EQ(parseLocal("2026-03-29 03:30", "Europe/Berlin"), utc(2026, 3, 29, 1, 30));
}

TEST(Time, ParseLocalRejectsUnknownZone) {
    const std::string message = userErrorOf([] { parseLocal("2026-11-25 09:00", "Asia/Bandung"); });
    EXPECT_NE(message.find("Asia/Bandung"), std::string::npos) << message;
}

TEST(Time, FormatLocalShowsWallTime) {
    const TimePoint t = utc(2026, 11, 25, 2, 0);
    EXPECT_EQ(formatLocal(t, "Asia/Jakarta"), "2026-11-25 09:00");
    EXPECT_EQ(formatLocal(t, "Asia/Makassar"), "2026-11-25 10:00");
    EXPECT_EQ(formatLocal(t, "Asia/Jayapura", "%H:%M %Z"), "11:00 WIT");
    EXPECT_THROW(formatLocal(t, "Nowhere/Zone"), UserError);
}

TEST(Time, LocalDayDependsOnTheZone) {
    // 16:30 UTC is 23:30 in Jakarta but already 01:30 next morning in Jayapura.
    const TimePoint t = utc(2026, 3, 17, 16, 30);
    EXPECT_EQ(localDay(t, "Asia/Jakarta"), day(2026, 3, 17));
    EXPECT_EQ(localDay(t, "Asia/Jayapura"), day(2026, 3, 18));
}

TEST(Time, DaysFormatAndParse) {
    EXPECT_EQ(formatDay(day(2026, 8, 17)), "2026-08-17");
    EXPECT_EQ(parseDay("2026-08-17"), day(2026, 8, 17));
    EXPECT_EQ(parseDay("2028-02-29"), day(2028, 2, 29));  // leap year
    for (const char* bad : {"", "2026-02-30", "2026-02-29", "2026-13-01", "2026-00-10", "2026-8-17",
                            "17-08-2026", "2026-08-17 ", "2026/08/17"}) {
        EXPECT_EQ(parseDay(bad), std::nullopt) << bad;
    }
}

TEST(Time, FormatClock) {
    EXPECT_EQ(formatClock(0s), "0:00");
    EXPECT_EQ(formatClock(42s), "0:42");
    EXPECT_EQ(formatClock(-42s), "-0:42");
    EXPECT_EQ(formatClock(12min), "12:00");
    EXPECT_EQ(formatClock(1h + 5min + 3s), "1:05:03");
    EXPECT_EQ(formatClock(-(1h + 5min + 3s)), "-1:05:03");
    EXPECT_EQ(formatClock(59min + 59s + 999ms), "59:59");  // whole seconds only
    EXPECT_EQ(formatClock(-500ms), "0:00");                // not yet a second over
}

}  // namespace
}  // namespace ds
