#include "studio/PpidTerms.h"

#include <array>

namespace ds::vocab {

namespace {

// UU 14/2008 Pasal 35 ayat (1), huruf a-g, in the statute's words.
constexpr std::array kObjectionGrounds{
    Term{"P35a",
         "Pasal 35 ayat (1) huruf a UU 14/2008: penolakan atas permintaan informasi berdasarkan "
         "alasan pengecualian Pasal 17",
         "UU 14/2008 Art. 35(1)(a): refusal on an exemption of Art. 17"},
    Term{"P35b",
         "Pasal 35 ayat (1) huruf b UU 14/2008: tidak disediakannya informasi berkala (Pasal 9)",
         "UU 14/2008 Art. 35(1)(b): periodic information not provided (Art. 9)"},
    Term{"P35c", "Pasal 35 ayat (1) huruf c UU 14/2008: tidak ditanggapinya permintaan informasi",
         "UU 14/2008 Art. 35(1)(c): the request was not answered"},
    Term{"P35d",
         "Pasal 35 ayat (1) huruf d UU 14/2008: permintaan informasi ditanggapi tidak sebagaimana "
         "yang diminta",
         "UU 14/2008 Art. 35(1)(d): answered other than as requested"},
    Term{"P35e", "Pasal 35 ayat (1) huruf e UU 14/2008: tidak dipenuhinya permintaan informasi",
         "UU 14/2008 Art. 35(1)(e): the request was not fulfilled"},
    Term{"P35f", "Pasal 35 ayat (1) huruf f UU 14/2008: pengenaan biaya yang tidak wajar",
         "UU 14/2008 Art. 35(1)(f): unreasonable charges"},
    Term{"P35g",
         "Pasal 35 ayat (1) huruf g UU 14/2008: penyampaian informasi melebihi waktu yang diatur",
         "UU 14/2008 Art. 35(1)(g): information given later than the law allows"},
};

constexpr std::array kObjectionOutcomes{
    Term{"upheld", "Keberatan diterima", "Objection upheld"},
    Term{"partly_upheld", "Keberatan diterima sebagian", "Objection partly upheld"},
    Term{"rejected", "Keberatan ditolak (keputusan PPID dikuatkan)",
         "Objection rejected (the PPID's decision stands)"},
    Term{"withdrawn", "Keberatan dicabut", "Objection withdrawn"},
};

constexpr std::array kDisputeOutcomes{
    Term{"granted", "Permohonan dikabulkan Komisi Informasi", "Granted by the Commission"},
    Term{"partly_granted", "Dikabulkan sebagian", "Partly granted"},
    Term{"rejected", "Permohonan ditolak Komisi Informasi", "Rejected by the Commission"},
    Term{"mediated", "Selesai melalui mediasi", "Settled by mediation"},
    Term{"withdrawn", "Sengketa dicabut", "Dispute withdrawn"},
};

constexpr std::array kJournalActions{
    Term{"request.open", "Pendaftaran permohonan", "Request registered"},
    Term{"request.decide", "Keputusan PPID", "Decision"},
    Term{"request.extend", "Perpanjangan waktu (Pasal 22 ayat (8))", "Extension"},
    Term{"request.escalate", "Diteruskan ke pimpinan", "Escalated to leadership"},
    Term{"request.leadership", "Kebijakan pimpinan", "Leadership decision"},
    Term{"request.follow_up", "Tindak lanjut ke satuan", "Follow-up to a unit"},
    Term{"request.follow_up_reply", "Jawaban satuan", "Unit's reply"},
    Term{"request.notice", "Tanggal pemberitahuan tertulis", "Written-notice date"},
    Term{"request.handover", "Tanggal penyerahan informasi", "Handover date"},
    Term{"request.objection", "Keberatan diajukan", "Objection filed"},
    Term{"request.objection_answer", "Tanggapan atasan PPID", "Superior's answer"},
    Term{"request.dispute", "Sengketa ke Komisi Informasi", "Dispute filed"},
    Term{"request.dispute_outcome", "Putusan sengketa", "Dispute outcome"},
    Term{"request.amend", "Amandemen", "Amendment"},
    Term{"session.sign", "Penandatanganan catatan sesi", "Session record signed"},
    Term{"session.amend", "Amandemen", "Amendment"},
    Term{"retention.apply", "Penghapusan data pribadi (retensi)", "Personal data erased"},
};

}  // namespace

std::span<const Term> objectionGrounds() {
    return kObjectionGrounds;
}
std::span<const Term> objectionOutcomes() {
    return kObjectionOutcomes;
}
std::span<const Term> disputeOutcomes() {
    return kDisputeOutcomes;
}
std::span<const Term> journalActions() {
    return kJournalActions;
}

}  // namespace ds::vocab
