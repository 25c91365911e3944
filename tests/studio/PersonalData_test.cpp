// Personal data in exports (UU PDP; PPID.md): initials, masked contacts, address cut to the
// district, NIK never, and no identity at all for a refusal under Pasal 17a sub-ground 2.
#include <gtest/gtest.h>

#include "studio/PersonalDataPolicy.h"

namespace ds {
namespace {

InfoRequest request() {
    InfoRequest r;
    r.requester = {"Dewi Anggraini",
                   "Jl. Melati No. 3, Kel. Sawah Lebar, Kec. Ratu Agung, Kota Bengkulu",
                   "Mahasiswa",
                   "081234567890",
                   "dewi.anggraini@contoh.id",
                   "1771012345678901",
                   "Surat kuasa dari Budi"};
    return r;
}

TEST(PersonalData, MaskedByDefault) {
    ExportedPerson p = PersonalDataPolicy(Audience::PublicExport).requester(request());
    EXPECT_EQ(p.name, "D. A.");
    EXPECT_EQ(p.phone, "0812****7890");
    EXPECT_EQ(p.email, "d***@contoh.id");
    EXPECT_EQ(p.address, "Kec. Ratu Agung, Kota Bengkulu");
    EXPECT_EQ(p.occupation, "Mahasiswa");
    EXPECT_FALSE(p.withheld);
}

TEST(PersonalData, UnmaskedShowsAllButTheNik) {
    ExportedPerson p = PersonalDataPolicy(Audience::OfficerUnmasked).requester(request());
    EXPECT_EQ(p.name, "Dewi Anggraini");
    EXPECT_EQ(p.phone, "081234567890");
    EXPECT_EQ(p.address, request().requester.address);
    // ExportedPerson has no NIK field at all: no export can carry it.
}

TEST(PersonalData, RefusalUnderPasal17aSubground2NeverShowsTheIdentity) {
    InfoRequest r = request();
    r.decidedAt = now();
    r.decision.decision = "refused";
    r.decision.ground = "P17a";
    r.decision.subground = 2;
    for (bool unmasked : {false, true}) {
        ExportedPerson p = PersonalDataPolicy::exportFor(unmasked).requester(r);
        EXPECT_TRUE(p.withheld);
        EXPECT_EQ(p.name, PersonalDataPolicy::kWithheld);
        EXPECT_TRUE(p.phone.empty() && p.email.empty() && p.address.empty() &&
                    p.occupation.empty());
    }
    r.decision.subground = 1;  // another sub-ground of P17a: the usual rules
    EXPECT_EQ(PersonalDataPolicy(Audience::OfficerUnmasked).requester(r).name, "Dewi Anggraini");
}

TEST(PersonalData, ErasedDataSaysSo) {
    ExportedPerson p = PersonalDataPolicy(Audience::OfficerUnmasked).requester(request(), true);
    EXPECT_TRUE(p.erased);
    EXPECT_EQ(p.name, PersonalDataPolicy::kErased);
    EXPECT_TRUE(p.phone.empty());
}

TEST(PersonalData, AddressIsCutToTheDistrict) {
    EXPECT_EQ(PersonalDataPolicy::district(""), "");
    EXPECT_EQ(PersonalDataPolicy::district("Jl. S. Parman No. 12, Kota Bengkulu"), "Kota Bengkulu");
    EXPECT_EQ(PersonalDataPolicy::district("Desa Pagar Dewa, Kecamatan Selebar"),
              "Kecamatan Selebar");
    EXPECT_EQ(PersonalDataPolicy::district("Kampung Harapan, Distrik Abepura, Kota Jayapura"),
              "Distrik Abepura, Kota Jayapura");
    EXPECT_EQ(PersonalDataPolicy::district("Jl. Merdeka 1"), "***");
    // "Kota" inside a word is not a city.
    EXPECT_EQ(PersonalDataPolicy::district("Perumahan Kotabaru Indah"), "***");
}

}  // namespace
}  // namespace ds
