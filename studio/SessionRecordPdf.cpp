#include "studio/SessionRecordPdf.h"

#include "studio/JournalAnchor.h"

#include <algorithm>

#include <fmt/format.h>

#include "studio/IndonesianDate.h"
#include "studio/PdfDocument.h"
#include "studio/PpidTerms.h"
#include "studio/Progress.h"
#include "studio/ReportText.h"
#include "studio/SessionRecord.h"
#include "studio/Vocabulary.h"

namespace ds {

namespace {

// [SECTION] Wording helpers

std::string termLabel(std::span<const Term> list, const std::string& code) {
    const Term* t = vocab::find(list, code);
    return t ? std::string(t->id) : code;
}

int count(const nlohmann::json& j, const char* key) {
    return j.contains(key) && j[key].is_number() ? j[key].get<int>() : 0;
}

// The place written before the date of the signature: the signature's own, else the station's.
std::string placeOf(const SessionRecord& r) {
    if (r.signature && !r.signature->place.empty()) return r.signature->place;
    return report::placeOf(r.station);
}

// [SECTION] Sections

void title(PdfDocument& pdf, const SessionRecord& r) {
    const Session& s = r.session;
    TextStyle t;
    t.size = 12.5;
    t.bold = true;
    t.align = Align::Center;
    t.spaceAfter = 1;
    pdf.text("CATATAN PELAYANAN INFORMASI PUBLIK", t);
    t.size = 11;
    pdf.text("SIARAN DIALOG INTERAKTIF", t);
    TextStyle sub;
    sub.size = 9.5;
    sub.align = Align::Center;
    sub.spaceAfter = 14;
    Day day = localDay(s.scheduledStart, r.station.timeZone);
    pdf.text(fmt::format("Nomor sesi: {} · {}, {}", s.id, idn::dayName(day), idn::longDate(day)),
             sub);
}

void details(PdfDocument& pdf, const SessionRecord& r) {
    const Session& s = r.session;
    const std::string& tz = r.station.timeZone;
    pdf.text("I. RINCIAN SESI", TextStyle::heading());
    Day day = localDay(s.scheduledStart, tz);
    std::string when = fmt::format("{} s.d. {} (rencana)", idn::clock(s.scheduledStart, tz),
                                   idn::clock(s.plannedEnd(), tz));
    if (s.startedAt && s.endedAt) {
        when += fmt::format("; siaran {} s.d. {}", idn::clock(*s.startedAt, tz),
                            idn::clock(*s.endedAt, tz));
    }
    std::string sprin = s.sprinNumber.empty() ? "-" : s.sprinNumber;
    if (s.sprinDate) sprin += " tanggal " + idn::longDate(*s.sprinDate);
    std::string status = r.signature ? "Ditandatangani (dibekukan; koreksi melalui amandemen)"
                                     : "Draf, belum ditandatangani";
    pdf.fields({{"Program", s.programmeTitle},
                {"Topik", s.topic},
                {"Mitra media", s.partnerMedia},
                {"Hari, tanggal", idn::dayName(day) + ", " + idn::longDate(day)},
                {"Waktu", when},
                {"Dasar (Sprin)", sprin},
                {"Status catatan", status}},
               95, 9.5);
}

void people(PdfDocument& pdf, const SessionRecord& r) {
    const Session& s = r.session;
    pdf.text("II. NARASUMBER", TextStyle::heading());
    if (s.guests.empty()) {
        pdf.text("Tidak ada narasumber tercatat.", TextStyle::body());
    } else {
        std::vector<std::vector<std::string>> rows;
        for (std::size_t i = 0; i < s.guests.size(); ++i) {
            const Guest& g = s.guests[i];
            rows.push_back({std::to_string(i + 1), g.name, g.rank, g.position});
        }
        pdf.table({{"No.", 0.5, Align::Center}, {"Nama", 3}, {"Pangkat", 1.4}, {"Jabatan", 4}},
                  rows, {});
    }
    pdf.keepTogether(70);
    std::string basis = s.sprinNumber.empty()
                            ? "III. PETUGAS"
                            : fmt::format("III. PETUGAS (berdasarkan {})", s.sprinNumber);
    pdf.text(basis, TextStyle::heading());
    if (s.officers.empty()) {
        pdf.text("Tidak ada petugas tercatat.", TextStyle::body());
        return;
    }
    std::vector<std::vector<std::string>> rows;
    for (std::size_t i = 0; i < s.officers.size(); ++i) {
        const Officer& o = s.officers[i];
        rows.push_back({std::to_string(i + 1), termLabel(vocab::officerRoles(), o.role), o.name,
                        o.rank, o.nrp});
    }
    pdf.table({{"No.", 0.5, Align::Center},
               {"Tugas", 1.8},
               {"Nama", 3},
               {"Pangkat", 1.2},
               {"NRP/NIP", 1.6}},
              rows, {});
}

void counts(PdfDocument& pdf, const SessionRecord& r) {
    const nlohmann::json& q = r.report["questions"];
    const nlohmann::json& p = r.report["requests"];
    pdf.keepTogether(200);
    pdf.text("IV. REKAPITULASI LAYANAN INFORMASI (SOP 000 Pasal 11)", TextStyle::heading());
    std::string median = "-";
    if (!p["median_time_to_decision_seconds"].is_null()) {
        median = report::duration(p["median_time_to_decision_seconds"].get<double>());
    }
    int objections = 0;
    for (const RegisterEntry& e : r.entries)
        objections += static_cast<int>(e.objections.size());
    auto n = [](int v) { return std::to_string(v); };
    std::vector<std::vector<std::string>> rows = {
        {"1", "Pertanyaan pendengar diterima", n(count(q, "received"))},
        {"2", "Permohonan informasi diterima", n(count(p, "received"))},
        {"3", "Diberikan seluruhnya", n(count(p, "granted_full"))},
        {"4", "Diberikan sebagian", n(count(p, "granted_partial"))},
        {"5", "Ditolak (rincian alasan pada bagian V)", n(count(p, "refused"))},
        {"", "di antaranya: tidak dikuasai atau belum didokumentasikan", n(count(p, "not_held"))},
        {"6", "Masih diproses (termasuk yang diperpanjang dan diteruskan)", n(count(p, "pending"))},
        {"7", "Diperpanjang (UU 14/2008 Pasal 22 ayat (8))", n(count(p, "extended"))},
        {"8", "Diteruskan ke pimpinan (SOP 000 Pasal 12 ayat (2))", n(count(p, "escalated"))},
        {"9", "Melewati batas waktu per " + idn::longDate(localDay(r.asOf, r.station.timeZone)),
         n(count(p, "overdue"))},
        {"10", "Median waktu sampai keputusan", median},
        {"11", "Keberatan diajukan (UU 14/2008 Pasal 35)", n(objections)},
    };
    pdf.table({{"No.", 0.5, Align::Center}, {"Uraian", 6}, {"Jumlah", 1.3, Align::Right}}, rows,
              {9.0});
}

void refusals(PdfDocument& pdf, const SessionRecord& r) {
    pdf.keepTogether(90);
    pdf.text("V. ALASAN PENOLAKAN DAN DASAR HUKUM", TextStyle::heading());
    const nlohmann::json& byGround = r.report["requests"]["refused_by_ground"];
    std::vector<std::vector<std::string>> rows;
    for (const Term& t : vocab::refusalGrounds()) {
        int n = byGround.value(std::string(t.code), 0);
        if (n > 0) rows.push_back({std::string(t.code), std::string(t.id), std::to_string(n)});
    }
    if (rows.empty()) {
        pdf.text("Tidak ada permohonan yang ditolak dalam sesi ini.", TextStyle::body());
        return;
    }
    pdf.table({{"Kode", 0.9}, {"Dasar hukum", 6}, {"Jumlah", 1, Align::Right}}, rows, {9.0});
    std::vector<std::vector<std::string>> each;
    for (const RegisterEntry& e : r.entries) {
        const InfoRequest& q = e.request;
        if (!q.decided() || q.decision.decision != "refused") continue;
        std::string test = q.decision.consequenceTest;
        if (!q.decision.exemptionPeriod.empty()) {
            test += (test.empty() ? "" : "\n") + ("Jangka waktu: " + q.decision.exemptionPeriod);
        }
        each.push_back({q.registrationNumber,
                        report::groundText(q.decision.ground, q.decision.subground, q.decision.law),
                        q.decision.reason, test.empty() ? "-" : test});
    }
    pdf.text("Rincian penolakan:", TextStyle::body());
    pdf.table({{"No. registrasi", 1.5},
               {"Dasar hukum", 2.4},
               {"Alasan", 2.4},
               {"Uji konsekuensi (Pasal 19) dan jangka waktu (Pasal 20)", 2.6}},
              each, {8.0});
}

void registerTable(PdfDocument& pdf, const SessionRecord& r, Progress& progress) {
    pdf.keepTogether(120);
    pdf.text("VI. REGISTER PERMOHONAN INFORMASI", TextStyle::heading());
    TextStyle note = TextStyle::body(8.5);
    note.italic = true;
    note.spaceAfter = 6;
    pdf.text(r.unmasked ? "Register lengkap tanpa penyamaran data pribadi; pencetakan ini "
                          "tercatat dalam jurnal. NIK tidak pernah dicetak."
                        : "Data pribadi pemohon disamarkan sesuai UU 27/2022 tentang "
                          "Pelindungan Data Pribadi: nama sebagai inisial, nomor telepon dan "
                          "e-mail disamarkan, alamat sampai kecamatan. NIK tidak pernah dicetak.",
             note);
    if (r.entries.empty()) {
        pdf.text("Tidak ada permohonan informasi dalam sesi ini.", TextStyle::body());
        return;
    }
    const std::string& tz = r.station.timeZone;
    // Times in the table are the station's local time; the zone is named once, in the header.
    const std::string zone = idn::zoneAbbreviation(tz, r.printedAt);
    std::vector<std::vector<std::string>> rows;
    for (std::size_t i = 0; i < r.entries.size(); ++i) {
        const RegisterEntry& e = r.entries[i];
        const InfoRequest& q = e.request;
        std::string who = e.person.name.empty() ? "-" : e.person.name;
        if (!e.person.withheld && !e.person.erased) {
            for (const std::string* part :
                 {&e.person.occupation, &e.person.address, &e.person.phone, &e.person.email}) {
                if (!part->empty()) who += "\n" + *part;
            }
        }
        who += "\n" + termLabel(vocab::channels(), q.channel) +
               (q.written ? ", tertulis" : ", tidak tertulis");
        std::string received = q.registrationNumber + "\n" + idn::shortDateTime(q.receivedAt, tz);
        std::string info = q.details;
        if (!q.purpose.empty()) info += "\nTujuan: " + q.purpose;
        std::string decision = report::decisionText(q);
        if (q.decided() && !q.decision.materialGiven.empty()) {
            decision += "\nDiberikan: " + q.decision.materialGiven;
        }
        if (q.decided() && !q.decision.redactedParts.empty()) {
            decision += "\nDikecualikan: " + q.decision.redactedParts;
        }
        if (!q.leadershipDecidedBy.empty()) {
            decision += "\nKebijakan pimpinan: " + q.leadershipDecidedBy;
        }
        std::string dates = "Batas: " + idn::shortDate(q.dueDate);
        if (q.extended) dates += " (diperpanjang)";
        if (q.decision.noticeDate)
            dates += "\nPemberitahuan: " + idn::shortDate(*q.decision.noticeDate);
        if (q.decision.handoverDate)
            dates += "\nPenyerahan: " + idn::shortDate(*q.decision.handoverDate);
        if (e.workingDaysToDecision >= 0) {
            dates += fmt::format("\nWaktu: {} hari kerja", e.workingDaysToDecision);
        }
        if (e.overdue) dates += "\nMELEWATI BATAS WAKTU";
        rows.push_back({std::to_string(i + 1), received, who, info, decision, dates});
    }
    pdf.table({{"No.", 0.45, Align::Center},
               {"No. registrasi, diterima (" + zone + ")", 1.55},
               {"Pemohon, saluran", 1.6},
               {"Informasi yang diminta", 2.5},
               {"Keputusan", 1.9},
               {"Tanggal", 1.45}},
              rows, {7.5}, &progress);
}

// The session's complaints (SOP 003, SOP 004): how many, where they stand, by topic and area.
void complaints(PdfDocument& pdf, const SessionRecord& r) {
    if (!r.report.contains("complaints")) return;
    const nlohmann::json& c = r.report["complaints"];
    if (count(c, "total") == 0) return;
    pdf.keepTogether(80);
    pdf.text("KELUHAN DAN LAPORAN MASALAH (SOP COMMUNITY POLICING, SOP BHABINKAMTIBMAS)",
             TextStyle::heading());
    const nlohmann::json& s = c["by_status"];
    pdf.text(fmt::format("Jumlah {}: dicatat {}, diteruskan {}, ditindaklanjuti {}, selesai {}; "
                         "melewati batas {}.",
                         count(c, "total"), count(s, "dicatat"), count(s, "diteruskan"),
                         count(s, "ditindaklanjuti"), count(s, "selesai"), count(c, "overdue")),
             TextStyle::body());
    std::vector<std::vector<std::string>> rows;
    for (const auto& [topic, n] : c["by_topic"].items())
        rows.push_back({"Topik", topic, std::to_string(n.get<int>())});
    for (const auto& [area, n] : c["by_area"].items())
        rows.push_back({"Wilayah", area, std::to_string(n.get<int>())});
    for (const auto& [unit, n] : c["by_unit"].items())
        rows.push_back({"Diteruskan ke", unit, std::to_string(n.get<int>())});
    pdf.table({{"", 1.2}, {"", 4}, {"Jumlah", 1, Align::Right}}, rows, {});
}

void followUpsAndObjections(PdfDocument& pdf, const SessionRecord& r) {
    std::vector<std::vector<std::string>> follow, object;
    const std::string& tz = r.station.timeZone;
    for (const RegisterEntry& e : r.entries) {
        for (const FollowUp& f : e.followUps) {
            std::string reply = f.answered()
                                    ? idn::shortDateTime(*f.answeredAt, tz) + "\n" + f.answer
                                    : "belum dijawab";
            follow.push_back({e.request.registrationNumber, f.unitName,
                              idn::shortDateTime(f.sentAt, tz), idn::shortDate(f.dueDate), reply});
        }
        for (const Objection& o : e.objections) {
            std::string answer =
                o.open() ? "menunggu tanggapan" : termLabel(vocab::objectionOutcomes(), o.outcome);
            if (o.answeredAt) answer += " (" + idn::shortDate(localDay(*o.answeredAt, tz)) + ")";
            if (o.disputed()) {
                answer += "\nSengketa: " + o.disputeBody;
                if (!o.disputeOutcome.empty()) {
                    answer += ", " + termLabel(vocab::disputeOutcomes(), o.disputeOutcome);
                }
            }
            object.push_back({o.number + "\n" + e.request.registrationNumber,
                              termLabel(vocab::objectionGrounds(), o.ground), o.reason,
                              idn::shortDate(o.dueDate), answer});
        }
    }
    pdf.keepTogether(90);
    pdf.text("VII. TINDAK LANJUT KE SATUAN DAN KEBERATAN", TextStyle::heading());
    if (follow.empty() && object.empty()) {
        pdf.text("Tidak ada tindak lanjut ke satuan maupun keberatan.", TextStyle::body());
        return;
    }
    if (!follow.empty()) {
        pdf.text(
            "Tindak lanjut ke Satker/Satfung/Polsek (SOP 000 Pasal 6 ayat (5), Pasal 12 ayat (1)):",
            TextStyle::body());
        pdf.table({{"No. registrasi", 1.5},
                   {"Satuan", 1.7},
                   {"Dikirim", 1.3},
                   {"Batas", 1.1},
                   {"Jawaban", 3}},
                  follow, {8.0});
    }
    if (!object.empty()) {
        pdf.text("Keberatan kepada atasan PPID (UU 14/2008 Pasal 35 dan 36):", TextStyle::body());
        pdf.table({{"No. keberatan, permohonan", 2},
                   {"Alasan (Pasal 35 ayat (1))", 2.6},
                   {"Uraian", 2},
                   {"Batas tanggapan", 1.1},
                   {"Tanggapan", 1.9}},
                  object, {8.0});
    }
}

void history(PdfDocument& pdf, const SessionRecord& r) {
    pdf.keepTogether(90);
    pdf.text("VIII. RIWAYAT CATATAN", TextStyle::heading());
    const std::string& tz = r.station.timeZone;
    if (r.amendments.empty()) {
        pdf.text("Amandemen: tidak ada.", TextStyle::body());
    } else {
        std::vector<std::vector<std::string>> rows;
        for (std::size_t i = 0; i < r.amendments.size(); ++i) {
            const Amendment& a = r.amendments[i];
            std::string changes;
            for (const AmendmentChange& c : a.changes) {
                if (!changes.empty()) changes += "\n";
                changes += fmt::format("{}: \"{}\" → \"{}\"", report::fieldLabel(c.field), c.before,
                                       c.after);
            }
            rows.push_back(
                {std::to_string(i + 1),
                 idn::shortDateTime(a.at, tz) + (a.afterSigning ? "\nsetelah ditandatangani" : ""),
                 a.label, changes, a.reason, a.actor});
        }
        pdf.text("Amandemen (koreksi dengan alasan tertulis, tercatat dalam jurnal):",
                 TextStyle::body());
        pdf.table({{"No.", 0.45, Align::Center},
                   {"Waktu (" + idn::zoneAbbreviation(tz, r.printedAt) + ")", 1.35},
                   {"Bagian", 1.4},
                   {"Perubahan", 3.2},
                   {"Alasan", 2},
                   {"Oleh", 1}},
                  rows, {7.5});
    }
    if (!r.signature) return;
    if (r.afterSigning.empty()) {
        pdf.text("Langkah setelah penandatanganan: tidak ada.", TextStyle::body());
        return;
    }
    std::vector<std::vector<std::string>> rows;
    for (const HistoryEntry& h : r.afterSigning) {
        rows.push_back({idn::shortDateTime(h.at, tz), h.subject,
                        termLabel(vocab::journalActions(), h.action), h.detail, h.actor});
    }
    pdf.text("Langkah setelah penandatanganan (proses permohonan berlanjut sesuai batas waktu):",
             TextStyle::body());
    pdf.table({{"Waktu (" + idn::zoneAbbreviation(tz, r.printedAt) + ")", 1.3},
               {"Permohonan", 1.6},
               {"Langkah", 2},
               {"Keterangan", 3},
               {"Oleh", 1}},
              rows, {7.5});
}

void signatureBlock(PdfDocument& pdf, const SessionRecord& r) {
    const double width = 230.0;
    const double x = pdf.contentWidth() - width;
    TextStyle s = TextStyle::body(10);
    s.align = Align::Center;
    std::string place = placeOf(r);
    std::string date =
        r.signature ? idn::longDate(r.signature->signedOn) : "...................... 20....";
    std::string position = r.signature && !r.signature->position.empty()
                               ? r.signature->position
                               : "PEJABAT PENGELOLA INFORMASI DAN DOKUMENTASI\n" + r.station.name;
    std::string name = r.signature ? r.signature->name : "(..............................)";
    std::string nrp = r.signature
                          ? (r.signature->nrp.size() == 18 ? "NIP " : "NRP ") + r.signature->nrp
                          : "NRP/NIP ..............................";
    std::string head = place + ", " + date + "\n" + position;
    // The closing sentence of an Indonesian official record, kept on the page of the signature
    // so that a signature never stands alone on a page of its own.
    TextStyle closing = TextStyle::body();
    closing.align = Align::Justify;
    const std::string closingText =
        "Demikian catatan pelayanan informasi publik ini dibuat dengan sebenarnya untuk "
        "dipergunakan sebagaimana mestinya.";
    double needed = pdf.measure(closingText, closing, pdf.contentWidth()) + closing.spaceAfter +
                    pdf.measure(head, s, width) + 60 + 30 + 40;
    pdf.keepTogether(needed);
    pdf.text(closingText, closing);
    pdf.spacer(6);
    double y = pdf.cursor();
    pdf.drawAt(x, y, width, head, s);
    y += pdf.measure(head, s, width) + 48;
    TextStyle n = s;
    n.bold = true;
    pdf.drawAt(x, y, width, name, n);
    double nameHeight = pdf.measure(name, n, width);
    if (r.signature) {
        // The name underlined, as the signature block of an Indonesian letter has it.
        double w = std::min(width, pdf.textWidth(name, n));
        pdf.lineAt(x + (width - w) / 2, y + nameHeight, x + (width + w) / 2, y + nameHeight, 0.6);
    }
    y += nameHeight + 2;
    pdf.drawAt(x, y, width, nrp, s);
    y += pdf.measure(nrp, s, width) + 14;
    pdf.advance(y - pdf.cursor());
    TextStyle small = TextStyle::body(7);
    small.gray = 0.3;
    if (r.signature) {
        pdf.text(
            fmt::format(
                "Penandatanganan tercatat dalam jurnal Dialog Studio baris #{} pada {} "
                "(segel {}). Jurnal berantai dan bersegel kunci stasiun; keutuhannya "
                "diperiksa dengan perintah dialogstudio journal verify --anchor BERKAS.pdf. "
                "Saat dicetak jurnal berisi {} baris (baris terakhir {}).",
                r.signature->journalId, idn::dateTime(r.signature->signedAt, r.station.timeZone),
                r.signature->journalHash, r.journalRows, r.journalHead.substr(0, 16) + "…"),
            small);
    } else {
        pdf.text(
            "Draf: catatan ini belum ditandatangani dan masih dapat berubah. Tanda tangan "
            "dicatat dengan perintah dialogstudio session sign.",
            small);
    }
}

// The journal anchors a filed record carries where `journal verify --anchor` reads them back:
// the head at signing and the head when printed.
std::string keywords(const SessionRecord& r) {
    std::string k = "PPID; Dialog Interaktif; SOP 000 Pasal 11";
    if (r.signature) {
        k += "; " + JournalAnchor{r.signature->journalId, r.signature->journalHash, {}}.line();
    }
    if (r.journalRows > 0) k += "; " + JournalAnchor{r.journalRows, r.journalHead, {}}.line();
    return k;
}

}  // namespace

void SessionRecordPdf::write(const SessionRecord& r, const std::filesystem::path& file,
                             Progress& progress) {
    progress.phase("menyusun halaman");
    PdfDocument pdf(file, {fmt::format("Catatan Pelayanan Informasi Publik, Sesi {}", r.session.id),
                           r.station.name, r.session.topic, keywords(r)});
    if (!r.signature) pdf.setWatermark("DRAF");
    std::string printed = idn::dateTime(r.printedAt, r.station.timeZone);
    std::string left =
        fmt::format("Catatan sesi {} · {} · dicetak {}{}", r.session.id, r.station.name, printed,
                    r.unmasked ? " · TIDAK DISAMARKAN" : "");
    pdf.setFooter([left](int page, int pages) {
        return std::pair{left, fmt::format("Halaman {} dari {}", page, pages)};
    });
    pdf.letterhead(report::letterheadLines(r.station), 10.5);
    title(pdf, r);
    details(pdf, r);
    people(pdf, r);
    counts(pdf, r);
    refusals(pdf, r);
    registerTable(pdf, r, progress);
    followUpsAndObjections(pdf, r);
    complaints(pdf, r);
    history(pdf, r);
    signatureBlock(pdf, r);
    progress.phase("menulis PDF");
    pdf.finish(&progress);
}

}  // namespace ds
