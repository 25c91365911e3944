#include <gtest/gtest.h>

#include "studio/Errors.h"
#include "studio/RundownFile.h"

namespace ds {
namespace {

const Day kDay = *parseDay("2026-11-26");

std::string message(std::string_view data, std::string_view source = "rundown.csv") {
    try {
        RundownFile::parse(data, source, "Asia/Jakarta", kDay);
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

TEST(RundownFile, ReadsCsvWithTimesOnTheSessionsDay) {
    auto segs = RundownFile::parse(
        "kind,title,planned,notes,fixed_start,hard_out\n"
        "opening,Pembukaan,3:00,,,\n"
        "qa,\"Tanya jawab, sesi 1\",15,Telepon dibuka,09:05,\n"
        "closing,Penutup,2.5,,,10:00\n",
        "rundown.csv", "Asia/Jakarta", kDay);
    ASSERT_EQ(segs.size(), 3u);
    EXPECT_EQ(segs[0].planned, std::chrono::minutes(3));
    EXPECT_EQ(segs[1].title, "Tanya jawab, sesi 1");
    EXPECT_EQ(formatUtc(*segs[1].fixedStart), "2026-11-26T02:05:00.000Z");
    EXPECT_EQ(segs[2].planned, std::chrono::seconds(150));
    EXPECT_EQ(formatUtc(*segs[2].hardOut), "2026-11-26T03:00:00.000Z");
    EXPECT_EQ(segs[2].ord, 2);
}

TEST(RundownFile, ReadsJson) {
    auto segs = RundownFile::parse(R"([{"kind": "qa", "title": "Tanya jawab", "planned": 20}])",
                                   "rundown.json", "Asia/Jakarta", kDay);
    ASSERT_EQ(segs.size(), 1u);
    EXPECT_EQ(segs[0].planned, std::chrono::minutes(20));
}

TEST(RundownFile, ErrorsNameTheFileRowAndField) {
    std::string m = message("kind,title,planned\nopening,Buka,3\nsermon,Ceramah,5\n");
    EXPECT_NE(m.find("rundown.csv"), std::string::npos) << m;
    EXPECT_NE(m.find("line 3"), std::string::npos) << m;
    EXPECT_NE(m.find("kind"), std::string::npos) << m;
    m = message("kind,title,planned\nqa,Tanya,lima menit\n");
    EXPECT_NE(m.find("planned"), std::string::npos) << m;
    m = message("kind,title,planned\nqa,Tanya,5:75\n");
    EXPECT_NE(m.find("planned"), std::string::npos) << m;
    m = message("kind,title,planned\nqa,,5\n");
    EXPECT_NE(m.find("title"), std::string::npos) << m;
    m = message("kind,title,planned,fixed_start\nqa,Tanya,5,25:00\n");
    EXPECT_NE(m.find("fixed_start"), std::string::npos) << m;
    m = message("kind,title\nqa,Tanya\n");
    EXPECT_NE(m.find("planned"), std::string::npos) << m;
    m = message("kind,title,planned\n");
    EXPECT_NE(m.find("no segments"), std::string::npos) << m;
    m = message("[]", "r.json");
    EXPECT_NE(m.find("no segments"), std::string::npos) << m;
    m = message(R"([{"kind": "qa", "title": "x", "planned": 5, "colour": "red"}])", "r.json");
    EXPECT_NE(m.find("colour"), std::string::npos) << m;
    m = message(R"([{"kind": "qa", "title": "x"}])", "r.json");
    EXPECT_NE(m.find("segment 1"), std::string::npos) << m;
    m = message("[{", "r.json");
    EXPECT_NE(m.find("not valid JSON"), std::string::npos) << m;
    m = message("kind,title,planned\nqa,Tan\xff,5\n");
    EXPECT_NE(m.find("UTF-8"), std::string::npos) << m;
}

TEST(RundownFile, PlannedLengthForms) {
    EXPECT_EQ(RundownFile::parsePlanned("5"), std::chrono::minutes(5));
    EXPECT_EQ(RundownFile::parsePlanned("0.5"), std::chrono::seconds(30));
    EXPECT_EQ(RundownFile::parsePlanned("4:30"), std::chrono::seconds(270));
    EXPECT_EQ(RundownFile::parsePlanned("1:02:03"), std::chrono::seconds(3723));
    EXPECT_FALSE(RundownFile::parsePlanned(""));
    EXPECT_FALSE(RundownFile::parsePlanned("-5"));
    EXPECT_FALSE(RundownFile::parsePlanned("1:2:3:4"));
    EXPECT_FALSE(RundownFile::parsePlanned("5."));
}

}  // namespace
}  // namespace ds
