// Content flags as the screener sees them on listeners' messages (SOP 003 and 004).
#include "studio/ContentFilter.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "studio/ContentRules.h"
#include "studio/ContentText.h"
#include "studio/Errors.h"

namespace ds {
namespace {

bool contains(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

// "category:matched text" for each flag, in order: what the screener's highlight shows.
std::vector<std::string> flags(const ContentFilter& filter, std::string_view text) {
    std::vector<std::string> out;
    for (const ContentFlag& f : filter.scan(text)) {
        out.push_back(f.category + ":" + std::string(text.substr(f.offset, f.length)));
    }
    return out;
}

using Flags = std::vector<std::string>;

class ContentFilterShipped : public ::testing::Test {
  protected:
    const ContentFilter filter = ContentFilter::shipped();
};

TEST_F(ContentFilterShipped, TheSentenceATestOnceMissed) {
    EXPECT_EQ(flags(filter, "Polisi dukung calon bupati nomor 2 ya?"),
              (Flags{"politik:dukung calon bupati nomor 2"}));
}

TEST_F(ContentFilterShipped, NearMissesStayClean) {
    for (const char* text :
         {"calon penumpang bus sering kecopetan", "kampanye keselamatan berlalu lintas di sekolah",
          "beli beras partai besar", "nomor urut antrean 15 dilewati", "Timnas menang 2-0 semalam",
          "Anjing liar menggigit anak", "daging babi hutan", "Saya tersesat cari kantor polsek",
          "Nama saya Sara", "tawuran antar pelajar", "Laut Cina Selatan", "Saya bodoh soal hukum",
          "Kebakaran di dekat gereja", "Pak Lurah sampah di RT kami belum diangkut",
          "Pemilihan ketua RT ricuh"}) {
        EXPECT_EQ(flags(filter, text), Flags{}) << text;
    }
}

TEST_F(ContentFilterShipped, AffixesAndReduplication) {
    EXPECT_EQ(flags(filter, "mereka mengkafirkan tetangga"), (Flags{"sara:mengkafirkan"}));
    EXPECT_EQ(flags(filter, "ngapain nyoblos"), (Flags{"politik:nyoblos"}));
    EXPECT_EQ(flags(filter, "pencoblosan ulang"), (Flags{"politik:pencoblosan"}));
    EXPECT_EQ(flags(filter, "itu penistaan"), (Flags{"sara:penistaan"}));
    EXPECT_EQ(flags(filter, "kafir2 itu"), (Flags{"sara:kafir2"}));
    EXPECT_EQ(flags(filter, "kafir-kafir itu"), (Flags{"sara:kafir", "sara:kafir"}));
    EXPECT_EQ(flags(filter, "bajingannya kabur"), (Flags{"hinaan:bajingannya"}));
    // Colloquial m- for me- ("milih" is "memilih").
    EXPECT_EQ(flags(filter, "nanti milih partai apa"), (Flags{"politik:milih partai"}));
}

TEST_F(ContentFilterShipped, DisguisedSpelling) {
    EXPECT_EQ(flags(filter, "dukung c4lon bupati n0 2"),
              (Flags{"politik:dukung c4lon bupati n0 2"}));
    EXPECT_EQ(flags(filter, "dasar k a f i r"), (Flags{"sara:k a f i r"}));
    EXPECT_EQ(flags(filter, "K.a.f.i.r semua"), (Flags{"sara:K.a.f.i.r"}));
    EXPECT_EQ(flags(filter, "t o l o l petugasnya"), (Flags{"hinaan:t o l o l"}));
    EXPECT_EQ(flags(filter, "Brengsekkk"), (Flags{"hinaan:Brengsekkk"}));
    EXPECT_EQ(flags(filter, "dukung no2 ya"), (Flags{"politik:dukung no2"}));
    EXPECT_EQ(flags(filter, "ka*fir"), (Flags{"sara:ka*fir"}));
    // A full stop with no space after it does not glue two words ("Pak.saya").
    EXPECT_EQ(flags(filter, "Pak.saya mau tanya"), Flags{});
}

TEST_F(ContentFilterShipped, PhraseRules) {
    EXPECT_EQ(flags(filter, "Pilih nomer 3 aja"), (Flags{"politik:Pilih nomer 3"}));
    EXPECT_EQ(flags(filter, "kader partai bagi kaos"), (Flags{"politik:kader partai"}));
    EXPECT_EQ(flags(filter, "konflik antar suku"), (Flags{"sara:konflik antar suku"}));
    EXPECT_EQ(flags(filter, "Kapolsek tidak becus"), (Flags{"hinaan:Kapolsek tidak becus"}));
    // An exception cancels the word near it only.
    EXPECT_EQ(flags(filter, "kampanye keselamatan oke, tapi kampanye cagub jangan"),
              (Flags{"politik:kampanye", "politik:cagub"}));
}

TEST_F(ContentFilterShipped, SeveralCategories) {
    EXPECT_EQ(flags(filter, "Dasar cina bangsat"), (Flags{"sara:Dasar cina", "hinaan:bangsat"}));
}

TEST_F(ContentFilterShipped, Utf8NeighboursAndOffsets) {
    EXPECT_EQ(flags(filter,
                    "\xE2\x80\x9C"
                    "kafir"
                    "\xE2\x80\x9D"),
              (Flags{"sara:kafir"}));
    EXPECT_EQ(flags(filter, "\xF0\x9F\x98\xA1kafir\xF0\x9F\x98\xA1"), (Flags{"sara:kafir"}));
    EXPECT_EQ(flags(filter, "kafir\xC3\xA9"), Flags{});  // another word
    const std::string text = "Bu Ni Luh \xE2\x80\x94 tolong jangan golput";
    const auto found = filter.scan(text);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(text.substr(found[0].offset, found[0].length), "golput");
    EXPECT_EQ(found[0].term, "golput");  // the rule as written in the list
    const std::string disguised = "ayo C0BL0S";
    const auto coblos = ContentFilter::shipped().scan(disguised);
    ASSERT_EQ(coblos.size(), 1u);
    EXPECT_EQ(coblos[0].term, "~coblos");
    EXPECT_EQ(disguised.substr(coblos[0].offset, coblos[0].length), "C0BL0S");
}

TEST_F(ContentFilterShipped, BrokenUtf8DoesNotStopTheScan) {
    EXPECT_EQ(flags(filter, "\xFF kafir \xC3"), (Flags{"sara:kafir"}));
    EXPECT_EQ(flags(filter, ""), Flags{});
}

TEST(ContentText, Roots) {
    const auto has = [](std::string_view word, const char* root) {
        const auto r = ContentText::roots(word);
        return std::find(r.begin(), r.end(), root) != r.end();
    };
    EXPECT_TRUE(has("menembak", "tembak"));
    EXPECT_TRUE(has("kekafiran", "kafir"));
    EXPECT_TRUE(has("dinistakan", "nista"));
    EXPECT_TRUE(has("nyoblos", "coblos"));
    EXPECT_TRUE(has("kebakaran", "bakar"));
    EXPECT_TRUE(has("milih", "pilih"));
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
}

TEST(ContentFilter, AStationListExtendsTheShippedRulesAndUsesTheirSets) {
    const std::filesystem::path file =
        std::filesystem::temp_directory_path() / "ds_content_station_list.csv";
    {
        std::ofstream out(file);
        out << "category,term,except\npolitik,~usung @calon,\nhinaan,~kadal,gurun\n";
    }
    const ContentFilter f = ContentRules::forStation(file.string());
    // On its own the station's list may use the shipped sets too.
    EXPECT_EQ(ContentFilter::load(file).size(), 2u);
    std::filesystem::remove(file);
    EXPECT_EQ(f.size(), ContentFilter::shipped().size() + 2);
    EXPECT_EQ(flags(f, "partai mengusung cabup"), (Flags{"politik:mengusung cabup"}));
    EXPECT_EQ(flags(f, "dasar kadal"), (Flags{"hinaan:kadal"}));
    EXPECT_EQ(flags(f, "kadal gurun"), Flags{});
    EXPECT_EQ(flags(f, "jangan golput"), (Flags{"politik:golput"}));  // shipped rules still hold
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
    EXPECT_TRUE(contains(m, "missing column 'category'")) << m;
    m = error("category,term\npolitik,dukung @tidakada\n");
    EXPECT_TRUE(contains(m, "kata.csv line 2: field 'term': unknown set '@tidakada'")) << m;
    m = error("category,term\n@calon,paslon\n");
    EXPECT_TRUE(contains(m, "already defined by the shipped rules")) << m;
    m = error("category,term\npolitik,...2 calon\n");
    EXPECT_TRUE(contains(m, "may not begin or end with a gap")) << m;
    m = error("category,term\npolitik,~ab\n");
    EXPECT_TRUE(contains(m, "three letters")) << m;
    m = error("category,term,except\nhinaan,anjing,liar||\n");
    EXPECT_TRUE(contains(m, "field 'except'")) << m;
    m = error("");
    EXPECT_TRUE(contains(m, "kata.csv")) << m;
    EXPECT_THROW(ContentFilter::load("/nonexistent/kata.csv"), InputError);
}

}  // namespace
}  // namespace ds
