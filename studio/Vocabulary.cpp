#include "studio/Vocabulary.h"

#include <array>

#include <fmt/format.h>

#include "studio/Errors.h"

namespace ds::vocab {

namespace {

constexpr std::array kChannels{
    Term{"phone", "Telepon", "Phone"},
    Term{"sms", "SMS", "SMS"},
    Term{"whatsapp", "WhatsApp", "WhatsApp"},
    Term{"email", "E-mail", "E-mail"},
    Term{"social", "Media sosial", "Social media"},
    Term{"letter", "Surat", "Letter"},
    Term{"studio", "Datang ke studio", "In the studio"},
};

constexpr std::array kQuestionStatuses{
    Term{"new", "Baru", "New"},
    Term{"screened", "Disaring", "Screened"},
    Term{"approved", "Disetujui", "Approved"},
    Term{"on_air", "Sedang mengudara", "On air"},
    Term{"answered", "Terjawab", "Answered"},
    Term{"rejected", "Ditolak", "Rejected"},
    Term{"merged", "Digabung", "Merged"},
    Term{"deferred", "Dijawab tertulis", "Deferred (written answer)"},
};

constexpr std::array kSegmentKinds{
    Term{"opening", "Pembukaan", "Opening"}, Term{"material", "Materi", "Material"},
    Term{"qa", "Tanya jawab", "Q&A"},        Term{"break", "Jeda", "Break"},
    Term{"closing", "Penutup", "Closing"},   Term{"other", "Lainnya", "Other"},
};

constexpr std::array kOfficerRoles{
    Term{"producer", "Produser", "Producer"},
    Term{"screener", "Penyaring telepon", "Screener"},
    Term{"ppid", "Pejabat PPID", "PPID officer"},
    Term{"host", "Pemandu acara", "Host"},
};

constexpr std::array kUnitKinds{
    Term{"satker", "Satker", "Work unit"},
    Term{"satfung", "Satfung", "Functional unit"},
    Term{"polsek", "Polsek", "Sub-district police"},
    Term{"bhabinkamtibmas", "Bhabinkamtibmas", "Village community police"},
    Term{"other", "Lainnya", "Other"},
};

constexpr std::array kRequestStatuses{
    Term{"pending", "Diproses", "Pending"},
    Term{"extended", "Diperpanjang", "Extended"},
    Term{"escalated_to_leadership", "Menunggu kebijakan pimpinan", "Escalated to leadership"},
    Term{"granted_full", "Diberikan seluruhnya", "Granted in full"},
    Term{"granted_partial", "Diberikan sebagian", "Granted in part"},
    Term{"refused", "Ditolak", "Refused"},
    Term{"objection", "Keberatan", "Objection"},
    Term{"dispute", "Sengketa", "Dispute"},
};

constexpr std::array kRefusalGrounds{
    Term{"P17a", "Pasal 17 huruf a UU 14/2008: menghambat proses penegakan hukum",
         "UU 14/2008 Art. 17(a): obstructs law enforcement"},
    Term{"P17b", "Pasal 17 huruf b UU 14/2008: hak atas kekayaan intelektual dan persaingan usaha",
         "UU 14/2008 Art. 17(b): intellectual property and fair competition"},
    Term{"P17c", "Pasal 17 huruf c UU 14/2008: pertahanan dan keamanan negara",
         "UU 14/2008 Art. 17(c): national defence and security"},
    Term{"P17d", "Pasal 17 huruf d UU 14/2008: kekayaan alam Indonesia",
         "UU 14/2008 Art. 17(d): natural resources of Indonesia"},
    Term{"P17e", "Pasal 17 huruf e UU 14/2008: ketahanan ekonomi nasional",
         "UU 14/2008 Art. 17(e): national economic resilience"},
    Term{"P17f", "Pasal 17 huruf f UU 14/2008: kepentingan hubungan luar negeri",
         "UU 14/2008 Art. 17(f): foreign relations"},
    Term{"P17g", "Pasal 17 huruf g UU 14/2008: isi akta otentik pribadi dan wasiat",
         "UU 14/2008 Art. 17(g): private authentic deeds and wills"},
    Term{"P17h", "Pasal 17 huruf h UU 14/2008: rahasia pribadi",
         "UU 14/2008 Art. 17(h): personal secrets"},
    Term{"P17i", "Pasal 17 huruf i UU 14/2008: memorandum atau surat yang dirahasiakan",
         "UU 14/2008 Art. 17(i): confidential memoranda"},
    Term{"P17j", "Pasal 17 huruf j UU 14/2008: dilarang diungkap berdasarkan undang-undang",
         "UU 14/2008 Art. 17(j): disclosure forbidden by another law"},
    Term{"not_held", "Informasi tidak dikuasai badan publik ini (Pasal 22 ayat (7) huruf a-b)",
         "Not held by this public body (Art. 22(7)(a)-(b))"},
    Term{"not_documented", "Informasi belum didokumentasikan (Pasal 6 ayat (3) huruf e)",
         "Not yet documented (Art. 6(3)(e))"},
    Term{"P6", "Permohonan tidak memenuhi ketentuan (Pasal 6 ayat (2) UU 14/2008)",
         "Request does not meet the rules (Art. 6(2))"},
};

constexpr std::array kHoldings{
    Term{"held", "Dikuasai", "Held"},
    Term{"other_body", "Dikuasai badan publik lain", "Held by another public body"},
    Term{"not_documented", "Belum didokumentasikan", "Not yet documented"},
};

constexpr std::array kObtainMethods{
    Term{"view", "Melihat/membaca/mendengarkan/mencatat", "See, read, listen or take notes"},
    Term{"copy_hard", "Salinan cetak (hardcopy)", "Hard copy"},
    Term{"copy_soft", "Salinan elektronik (softcopy)", "Soft copy"},
};

constexpr std::array kDeliveryMethods{
    Term{"in_person", "Langsung", "In person"},
    Term{"courier", "Kurir", "Courier"},
    Term{"post", "Pos", "Post"},
    Term{"fax", "Faksimili", "Fax"},
    Term{"email", "E-mail", "E-mail"},
};

}  // namespace

std::span<const Term> channels() {
    return kChannels;
}
std::span<const Term> questionStatuses() {
    return kQuestionStatuses;
}
std::span<const Term> segmentKinds() {
    return kSegmentKinds;
}
std::span<const Term> officerRoles() {
    return kOfficerRoles;
}
std::span<const Term> unitKinds() {
    return kUnitKinds;
}
std::span<const Term> requestStatuses() {
    return kRequestStatuses;
}
std::span<const Term> refusalGrounds() {
    return kRefusalGrounds;
}
std::span<const Term> holdings() {
    return kHoldings;
}
std::span<const Term> obtainMethods() {
    return kObtainMethods;
}
std::span<const Term> deliveryMethods() {
    return kDeliveryMethods;
}

const Term* find(std::span<const Term> list, std::string_view code) {
    for (const Term& t : list) {
        if (t.code == code) return &t;
    }
    return nullptr;
}

std::string codes(std::span<const Term> list) {
    std::string out;
    for (const Term& t : list) {
        if (!out.empty()) out += ", ";
        out += t.code;
    }
    return out;
}

const Term& require(std::span<const Term> list, std::string_view code, std::string_view field) {
    if (const Term* t = find(list, code)) return *t;
    throw InputError(fmt::format("{}: '{}' is not one of {}", field, code, codes(list)));
}

bool groundNeedsSubground(std::string_view g) {
    return g == "P17a" || g == "P17h";
}
bool groundNeedsLaw(std::string_view g) {
    return g == "P17j";
}
bool groundIsExemption(std::string_view g) {
    return g.size() == 4 && g.substr(0, 3) == "P17";
}

}  // namespace ds::vocab
