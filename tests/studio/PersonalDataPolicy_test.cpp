// One personal-data policy for every audience: what the guests, the public, an officer and an
// officer who asked for it see of the same question and request.
#include <gtest/gtest.h>

#include "studio/PersonalDataPolicy.h"

namespace ds {
namespace {

Question caller() {
    Question q;
    q.number = 4;
    q.callerName = "Ibu Hj. Rina Oktaviani, S.H.";
    q.origin = "Jl. Melati No. 3, Kel. Sawah Lebar";
    q.contact = "081234567890";
    q.text =
        "Selamat pagi, nama saya Bambang Sutrisno dari Selebar. Tolong hubungi 0812-3456-7890 "
        "atau bambang.s@mail.id, NIK saya 1771010101010001. Bagaimana cara membuat SKCK?";
    return q;
}

TEST(PersonalDataPolicy, TheShortNameSkipsHonorificsAndTitles) {
    EXPECT_EQ(PersonalDataPolicy::shortName("Ibu Hj. Rina Oktaviani, S.H."), "Rina");
    EXPECT_EQ(PersonalDataPolicy::shortName("Ir. H. Bambang Sutrisno"), "Bambang");
    EXPECT_EQ(PersonalDataPolicy::shortName("Bapak Dr. drs. Joko"), "Joko");
    EXPECT_EQ(PersonalDataPolicy::shortName("Sdr. Ahmad"), "Ahmad");
    EXPECT_EQ(PersonalDataPolicy::shortName("Sdri. Yuliana"), "Yuliana");
    EXPECT_EQ(PersonalDataPolicy::shortName("Pak Hendra"), "Hendra");
    EXPECT_EQ(PersonalDataPolicy::shortName("Bu Sri Wahyuni"), "Sri");
    EXPECT_EQ(PersonalDataPolicy::shortName("Siti Rahmawati"), "Siti");
    EXPECT_EQ(PersonalDataPolicy::shortName("Made Sudarsana, S.Kom."), "Made");
    EXPECT_EQ(PersonalDataPolicy::shortName(""), "");
}

TEST(PersonalDataPolicy, TheGuestScreenShowsNoPhoneEmailNikOrTheCallersName) {
    const GuestQuestion g = PersonalDataPolicy::guestQuestion(caller());
    EXPECT_EQ(g.number, 4);
    EXPECT_EQ(g.firstName, "Rina");
    EXPECT_EQ(g.area, "Kel. Sawah Lebar") << "no street address";
    for (const char* gone : {"0812-3456-7890", "3456", "bambang.s@mail.id", "@", "1771010101010001",
                             "Bambang", "Sutrisno"}) {
        EXPECT_EQ(g.text.find(gone), std::string::npos) << gone << " in: " << g.text;
    }
    EXPECT_NE(g.text.find("nama saya [nama disembunyikan] dari Selebar"), std::string::npos)
        << g.text;
    EXPECT_NE(g.text.find("Bagaimana cara membuat SKCK?"), std::string::npos) << g.text;
    EXPECT_NE(g.text.find("[nomor disembunyikan]"), std::string::npos) << g.text;
    EXPECT_NE(g.text.find("[e-mail disembunyikan]"), std::string::npos) << g.text;
}

TEST(PersonalDataPolicy, NamesGivenInTheTextInTheirUsualForms) {
    const auto clean = [](const char* text, const char* name = "") {
        return PersonalDataPolicy::cleanText(text, name);
    };
    EXPECT_EQ(clean("Saya Ibu Rina dari Kel. Padang Jati mau tanya"),
              "Saya [nama disembunyikan] dari Kel. Padang Jati mau tanya");
    EXPECT_EQ(clean("perkenalkan saya Pak Hendra Gunawan, warga Selebar"),
              "perkenalkan saya [nama disembunyikan], warga Selebar");
    EXPECT_EQ(clean("Assalamualaikum, saya Joko. Mau tanya SIM"),
              "Assalamualaikum, saya [nama disembunyikan]. Mau tanya SIM");
    // The caller's full name anywhere in the text.
    EXPECT_EQ(clean("Ini Dewi Anggraini, tolong dibantu", "Dewi Anggraini"),
              "Ini [nama disembunyikan], tolong dibantu");
    // Ordinary sentences keep every word.
    EXPECT_EQ(clean("Saya mau tanya soal SKCK di Polres"), "Saya mau tanya soal SKCK di Polres");
    EXPECT_EQ(clean("Apakah saya SKCK perlu?"), "Apakah saya SKCK perlu?");
    EXPECT_EQ(clean("Tahun 2026 ada 12 kasus"), "Tahun 2026 ada 12 kasus");
}

TEST(PersonalDataPolicy, EachAudienceSeesItsOwnViewOfAQuestion) {
    const Question q = caller();
    const auto guest = PersonalDataPolicy(Audience::GuestScreen).question(q);
    EXPECT_EQ(guest["contact"], "");
    EXPECT_EQ(guest["caller_name"], "Rina");
    const auto pub = PersonalDataPolicy(Audience::PublicExport).question(q);
    EXPECT_EQ(pub["contact"], "0812****7890");
    EXPECT_EQ(pub["caller_name"].get<std::string>().find("Rina"), std::string::npos);
    EXPECT_EQ(pub["text"].get<std::string>().find("0812-3456-7890"), std::string::npos);
    const auto officer = PersonalDataPolicy(Audience::Officer).question(q);
    EXPECT_EQ(officer["contact"], "0812****7890");
    EXPECT_EQ(officer["caller_name"], q.callerName) << "said on air, so in full";
    EXPECT_EQ(officer["text"], q.text) << "the screener reads what was written";
    const auto full = PersonalDataPolicy(Audience::OfficerUnmasked).question(q);
    EXPECT_EQ(full["contact"], "081234567890");
}

TEST(PersonalDataPolicy, MarkerLabelsCarryNoContacts) {
    Question q = caller();
    EXPECT_EQ(PersonalDataPolicy::markerLabel(q).find("0812"), std::string::npos);
    q.topic = "SKCK, hubungi 081234567890";
    EXPECT_EQ(PersonalDataPolicy::markerLabel(q),
              "Pertanyaan 4: SKCK, hubungi [nomor disembunyikan]");
    EXPECT_EQ(PersonalDataPolicy::publicLabel("Telepon dari budi@mail.id"),
              "Telepon dari [e-mail disembunyikan]");
}

TEST(PersonalDataPolicy, TheRequestViewHidesTheNikAndTheWithheldIdentity) {
    InfoRequest r;
    r.requester.name = "Budi Santoso Wijaya";
    r.requester.phone = "081234567890";
    r.requester.email = "budi.wijaya@example.com";
    r.requester.address = "Jl. Merdeka No. 12, Kec. Gading Cempaka, Kota Bengkulu";
    r.requester.nik = "1771010101010001";
    auto officer = PersonalDataPolicy(Audience::Officer).request(r)["requester"];
    EXPECT_EQ(officer["name"], "B. S. W.");
    EXPECT_EQ(officer["nik"], "***");
    EXPECT_EQ(officer["phone"], "0812****7890");
    EXPECT_EQ(officer["address"], "Kec. Gading Cempaka, Kota Bengkulu");
    auto full = PersonalDataPolicy(Audience::OfficerUnmasked).request(r)["requester"];
    EXPECT_EQ(full["name"], "Budi Santoso Wijaya");
    EXPECT_EQ(full["nik"], "***") << "the NIK never leaves the record";
    r.status = "refused";
    r.decision.decision = "refused";
    r.decision.ground = "P17a";
    r.decision.subground = 2;
    r.decidedAt = now();
    ASSERT_TRUE(PersonalDataPolicy::identityWithheld(r));
    auto withheld = PersonalDataPolicy(Audience::OfficerUnmasked).request(r).dump();
    for (const char* gone : {"Budi", "B. S. W.", "0812", "example.com", "Merdeka", "1771"})
        EXPECT_EQ(withheld.find(gone), std::string::npos) << gone;
}

}  // namespace
}  // namespace ds
