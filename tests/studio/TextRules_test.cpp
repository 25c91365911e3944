// What text the record accepts, and how a refusal reads to the person who typed or imported it.
#include "studio/TextRules.h"

#include <gtest/gtest.h>

#include "studio/Errors.h"

namespace ds {
namespace {

using namespace std::string_literals;

// Message of the InputError thrown by requireText, or "" if the text is accepted.
std::string refusal(std::string_view text, std::size_t maxBytes = kMaxQuestionTextBytes,
                    bool required = true, std::string_view where = "questions.csv row 4: ") {
    try {
        requireText(text, "text", maxBytes, required, where);
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

bool contains(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

TEST(TextRules, ValidUtf8) {
    EXPECT_EQ(firstInvalidUtf8(""), std::nullopt);
    EXPECT_EQ(firstInvalidUtf8("Selamat pagi, Pak Kapolres"), std::nullopt);
    EXPECT_EQ(firstInvalidUtf8("Caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x8A"),
              std::nullopt);                                        // é — 😊
    EXPECT_EQ(firstInvalidUtf8("\xF4\x8F\xBF\xBF"), std::nullopt);  // U+10FFFF, the last one
    EXPECT_EQ(firstInvalidUtf8("\xEF\xBF\xBF"),
              std::nullopt);  // U+FFFF is a noncharacter, not invalid
}

TEST(TextRules, OverlongFormsAreInvalid) {
    EXPECT_EQ(firstInvalidUtf8("ab\xC0\xAF"), 2u);        // '/' in two bytes
    EXPECT_EQ(firstInvalidUtf8("\xC1\xBF"), 0u);          // 0x7F in two bytes
    EXPECT_EQ(firstInvalidUtf8("x\xE0\x80\xAF"), 1u);     // '/' in three bytes
    EXPECT_EQ(firstInvalidUtf8("\xF0\x80\x80\xAF"), 0u);  // '/' in four bytes
}

TEST(TextRules, SurrogatesAndBeyondUnicodeAreInvalid) {
    EXPECT_EQ(firstInvalidUtf8("ok\xED\xA0\x80"), 2u);          // U+D800
    EXPECT_EQ(firstInvalidUtf8("\xED\xBF\xBF"), 0u);            // U+DFFF
    EXPECT_EQ(firstInvalidUtf8("\xED\x9F\xBF"), std::nullopt);  // U+D7FF is fine
    EXPECT_EQ(firstInvalidUtf8("\xF4\x90\x80\x80"), 0u);        // U+110000
    EXPECT_EQ(firstInvalidUtf8("\xF5\x80\x80\x80"), 0u);
    EXPECT_EQ(firstInvalidUtf8("\xFF"), 0u);
}

TEST(TextRules, TruncatedAndStraySequencesAreInvalid) {
    EXPECT_EQ(firstInvalidUtf8("caf\xC3"), 3u);         // text ends inside é
    EXPECT_EQ(firstInvalidUtf8("\xE2\x80"), 0u);        // two of three bytes
    EXPECT_EQ(firstInvalidUtf8("\xF0\x9F\x98 x"), 0u);  // three of four, then ASCII
    EXPECT_EQ(firstInvalidUtf8("a\x80"), 1u);           // continuation byte with no lead
    EXPECT_EQ(firstInvalidUtf8("\xC3\xA9\xA9"), 2u);    // one continuation too many
}

TEST(TextRules, AcceptsOrdinaryText) {
    EXPECT_EQ(refusal("Pak, bagaimana cara lapor kehilangan?\nTerima kasih.\r\n\tBudi"), "");
    EXPECT_EQ(refusal("Bu Ni Luh Putu \xE2\x80\x94 Denpasar \xF0\x9F\x99\x8F"), "");
}

TEST(TextRules, InvalidUtf8NamesFieldWhereAndByte) {
    const std::string message = refusal("caf\xC3");
    EXPECT_EQ(message, "questions.csv row 4: field 'text': invalid UTF-8 at byte 4");
}

TEST(TextRules, NulIsRefused) {
    const std::string message = refusal("halo\0dunia"s);
    EXPECT_TRUE(contains(message, "questions.csv row 4: field 'text': ")) << message;
    EXPECT_TRUE(contains(message, "NUL")) << message;
}

TEST(TextRules, ControlCharactersAreRefusedButNewlineAndTabPass) {
    EXPECT_TRUE(contains(refusal("bell\x07"), "U+0007")) << refusal("bell\x07");
    EXPECT_TRUE(contains(refusal("esc\x1B[31m"), "U+001B"));
    EXPECT_TRUE(contains(refusal("del\x7F"), "U+007F"));
    EXPECT_TRUE(contains(refusal("c1\xC2\x85"), "U+0085"));  // NEXT LINE, a C1 control
    EXPECT_EQ(refusal("no-break\xC2\xA0space"), "");         // U+00A0 is not a control
    EXPECT_EQ(refusal("a\tb\nc\r\n"), "");
}

TEST(TextRules, OverTheLimitIsRefusedWithTheLimit) {
    const std::string megabyte(1024 * 1024, 'a');
    const std::string message = refusal(megabyte);
    EXPECT_TRUE(contains(message, "questions.csv row 4: field 'text': ")) << message;
    EXPECT_TRUE(contains(message, "1048576 bytes")) << message;
    EXPECT_TRUE(contains(message, "8192")) << message;
    // Exactly at the limit is fine; the limit counts bytes, not characters.
    EXPECT_EQ(refusal(std::string(kMaxQuestionTextBytes, 'a')), "");
    EXPECT_NE(refusal("\xC3\xA9\xC3\xA9", 3), "");  // two characters, four bytes
}

TEST(TextRules, RequiredFieldMustHaveMoreThanWhiteSpace) {
    EXPECT_EQ(refusal(""), "questions.csv row 4: field 'text': must not be empty");
    EXPECT_EQ(refusal(" \t\r\n "), "questions.csv row 4: field 'text': must not be empty");
    EXPECT_EQ(refusal("", kMaxNoteBytes, false), "");
    EXPECT_EQ(refusal("x"), "");
}

TEST(TextRules, WithoutWhereTheMessageStartsWithTheField) {
    try {
        requireText("", "name", kMaxNameBytes, true);
        FAIL() << "accepted an empty required name";
    } catch (const InputError& e) {
        EXPECT_STREQ(e.what(), "field 'name': must not be empty");
    }
}

TEST(TextRules, RefusalIsAUserError) {
    // The command table turns UserError into exit code 1; InputError must be one.
    EXPECT_THROW(requireText("", "name", kMaxNameBytes, true), UserError);
}

TEST(TextRules, TrimRemovesAsciiWhiteSpaceAtBothEnds) {
    EXPECT_EQ(trim("  Budi Santoso \t\r\n"), "Budi Santoso");
    EXPECT_EQ(trim(""), "");
    EXPECT_EQ(trim(" \t "), "");
    EXPECT_EQ(trim("a  b"), "a  b");
    EXPECT_EQ(trim("\xC2\xA0x\xC2\xA0"), "\xC2\xA0x\xC2\xA0");  // only ASCII white space
}

}  // namespace
}  // namespace ds
