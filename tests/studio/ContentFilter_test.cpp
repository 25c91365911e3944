// Content flags as the screener sees them on listeners' messages (SOP 003 and 004).
#include "studio/ContentFilter.h"

#include <gtest/gtest.h>

#include "studio/Errors.h"

namespace ds {
namespace {

bool contains(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

// "category:term@offset" for each flag, in order: what the screener's highlight shows.
std::vector<std::string> flags(const ContentFilter& filter, std::string_view text) {
    std::vector<std::string> out;
    for (const ContentFlag& f : filter.scan(text)) {
        out.push_back(f.category + ":" + f.term + "@" + std::to_string(f.offset));
    }
    return out;
}

using Flags = std::vector<std::string>;

class ContentFilterShipped : public ::testing::Test {
  protected:
    const ContentFilter filter = ContentFilter::shipped();
};

TEST_F(ContentFilterShipped, LoadsEveryTerm) {
    EXPECT_EQ(filter.size(), 36u);  // the rows of studio/data/content-words.csv
}

TEST_F(ContentFilterShipped, PoliticalCampaigningRaisesSeveralFlags) {
    const std::string text = "jangan pilih paslon nomor urut 2";
    EXPECT_EQ(flags(filter, text),
              (Flags{"politik:jangan pilih@0", "politik:paslon@13", "politik:nomor urut@20"}));
    // The highlight covers exactly the matched words.
    const auto found = filter.scan(text);
    ASSERT_EQ(found.size(), 3u);
    EXPECT_EQ(text.substr(found[2].offset, found[2].length), "nomor urut");
}

TEST_F(ContentFilterShipped, Sara) {
    EXPECT_EQ(flags(filter, "dasar kafir"), (Flags{"sara:kafir@6"}));
}

TEST_F(ContentFilterShipped, IgnoresAsciiCase) {
    const auto found = filter.scan("Stop KAMPANYE di Masjid!");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].category, "politik");
    EXPECT_EQ(found[0].term, "kampanye");  // the list's term, not the text's spelling
    EXPECT_EQ(found[0].offset, 5u);
    EXPECT_EQ(found[0].length, 8u);
}

TEST_F(ContentFilterShipped, WholeWordsOnly) {
    // A letter right after or before the term: not the term ("partainya" is "its party",
    // a different word for the screener to judge; "Cinangka" is a place).
    EXPECT_EQ(flags(filter, "partainya menang"), Flags{});
    EXPECT_EQ(flags(filter, "multipartai"), Flags{});
    EXPECT_EQ(flags(filter, "jalan Cinangka rusak"), Flags{});
    EXPECT_EQ(flags(filter, "kampanye2024"), Flags{});  // a digit continues the word too
    // Punctuation is not part of a word.
    EXPECT_EQ(flags(filter, "partai, bukan partai."),
              (Flags{"politik:partai@0", "politik:partai@14"}));
    EXPECT_EQ(flags(filter, "(golput)"), (Flags{"politik:golput@1"}));
}

TEST_F(ContentFilterShipped, AnyWhiteSpaceBetweenWords) {
    EXPECT_EQ(flags(filter, "soal  serangan \t\n fajar"), (Flags{"politik:serangan fajar@6"}));
    const auto found = filter.scan("serangan   fajar");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].length, 16u);
    // A no-break space typed on a phone counts as white space.
    EXPECT_EQ(flags(filter, "politik\xC2\xA0uang"), (Flags{"politik:politik uang@0"}));
    // But the words must both be there.
    EXPECT_EQ(flags(filter, "seranganfajar"), Flags{});
}

TEST_F(ContentFilterShipped, Utf8Neighbours) {
    // Curly quotes, a dash, an ellipsis and an emoji are not letters: the term stands alone.
    EXPECT_EQ(flags(filter,
                    "\xE2\x80\x9C"
                    "kafir"
                    "\xE2\x80\x9D"),
              (Flags{"sara:kafir@3"}));
    EXPECT_EQ(flags(filter,
                    "caleg\xE2\x80\x94"
                    "curang"),
              (Flags{"politik:caleg@0"}));
    EXPECT_EQ(flags(filter, "golput\xE2\x80\xA6"), (Flags{"politik:golput@0"}));
    EXPECT_EQ(flags(filter, "\xF0\x9F\x98\xA1kafir\xF0\x9F\x98\xA1"), (Flags{"sara:kafir@4"}));
    // Accented letters are letters: "kafiré" and "ékafir" are other words.
    EXPECT_EQ(flags(filter, "kafir\xC3\xA9"), Flags{});
    EXPECT_EQ(flags(filter, "\xC3\xA9kafir"), Flags{});
    // Offsets are bytes, so a match after multi-byte text is placed right.
    const std::string text = "Bu Ni Luh \xE2\x80\x94 tolong jangan golput";
    const auto found = filter.scan(text);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(text.substr(found[0].offset, found[0].length), "golput");
}

TEST_F(ContentFilterShipped, HyphenatedTerms) {
    // "non-pribumi" is a term of its own; "pribumi" inside it also stands as a word.
    EXPECT_EQ(flags(filter, "warga non-pribumi"), (Flags{"sara:non-pribumi@6", "sara:pribumi@10"}));
}

TEST_F(ContentFilterShipped, OrdinaryQuestionHasNoFlag) {
    EXPECT_EQ(flags(filter,
                    "Selamat pagi Pak Kapolres, bagaimana cara mengurus SKCK online? "
                    "Terima kasih."),
              Flags{});
    EXPECT_EQ(flags(filter, ""), Flags{});
}

TEST_F(ContentFilterShipped, BrokenUtf8DoesNotStopTheScan) {
    // The screener's text is checked when saved; while typing it may be anything.
    EXPECT_EQ(flags(filter, "\xFF kafir \xC3"), (Flags{"sara:kafir@2"}));
}

TEST(ContentFilter, DefaultFlagsNothing) {
    EXPECT_EQ(ContentFilter{}.size(), 0u);
    EXPECT_TRUE(ContentFilter{}.scan("kafir kampanye").empty());
}

TEST(ContentFilter, CustomListWithOwnCategoryAndMultiWordTerm) {
    const ContentFilter f = ContentFilter::parse(
        "# station list\ncategory,term\nHOAKS,  berita   bohong \nhoaks,Berita Bohong\n", "x.csv");
    EXPECT_EQ(f.size(), 1u);  // the repeated term (other case, other spacing) counts once
    const auto found = f.scan("itu BERITA bohong!");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].category, "hoaks");
    EXPECT_EQ(found[0].term, "berita   bohong");
}

TEST(ContentFilter, BadListsNameSourceLineAndField) {
    const auto error = [](std::string_view csv) -> std::string {
        try {
            ContentFilter::parse(csv, "kata.csv");
        } catch (const InputError& e) {
            return e.what();
        }
        return "";
    };
    std::string m = error("category,term\nsara,kafir\npolitik,  \n");
    EXPECT_TRUE(contains(m, "kata.csv line 3: field 'term'")) << m;
    m = error("category,term\n,kafir\n");
    EXPECT_TRUE(contains(m, "kata.csv line 2: field 'category'")) << m;
    m = error("category,term\nsara,kaf\xC3\n");
    EXPECT_TRUE(contains(m, "kata.csv line 2: field 'term'")) << m;
    EXPECT_TRUE(contains(m, "UTF-8")) << m;
    m = error("kategori,term\nsara,kafir\n");
    EXPECT_TRUE(contains(m, "kata.csv line 1")) << m;
    EXPECT_TRUE(contains(m, "missing column 'category'")) << m;
    m = error("category,term\nsara,kafir,extra\n");
    EXPECT_TRUE(contains(m, "kata.csv line 2")) << m;
    m = error("");
    EXPECT_TRUE(contains(m, "kata.csv")) << m;
    EXPECT_THROW(ContentFilter::load("/nonexistent/kata.csv"), InputError);
}

}  // namespace
}  // namespace ds
