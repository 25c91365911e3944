#include "studio/PeriodReportPdf.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "studio/ComplaintChart.h"
#include "studio/IndonesianDate.h"
#include "studio/PdfDocument.h"
#include "studio/PeriodReport.h"
#include "studio/PpidTerms.h"
#include "studio/Progress.h"
#include "studio/ReportText.h"
#include "studio/Vocabulary.h"

namespace ds {

namespace {

// ASCII upper case: the period labels are Indonesian words without accents.
std::string upper(std::string s) {
    for (char& c : s) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return s;
}

std::string n(int v) {
    return std::to_string(v);
}

std::string percent(int part, int whole) {
    if (whole == 0) return "-";
    return idn::decimal(100.0 * part / whole, 1) + "%";
}

std::string workingDays(const std::optional<double>& v) {
    return v ? idn::decimal(*v, 1) + " hari kerja" : "-";
}

void summary(PdfDocument& pdf, const PeriodReport& r) {
    const PeriodCounts& c = r.totals;
    pdf.text("I. RINGKASAN LAYANAN PERMOHONAN INFORMASI", TextStyle::heading());
    std::vector<std::vector<std::string>> rows = {
        {"1", "Permohonan informasi diterima", n(c.received), ""},
        {"2", "Diberikan seluruhnya", n(c.grantedFull), percent(c.grantedFull, c.received)},
        {"3", "Diberikan sebagian", n(c.grantedPartial), percent(c.grantedPartial, c.received)},
        {"4", "Ditolak (rincian pada bagian III)", n(c.refused), percent(c.refused, c.received)},
        {"", "di antaranya: tidak dikuasai / belum didokumentasikan", n(c.notHeld), ""},
        {"5", "Masih diproses per " + idn::longDate(localDay(r.asOf, r.station.timeZone)),
         n(c.pending), percent(c.pending, c.received)},
        {"6", "Diperpanjang (UU 14/2008 Pasal 22 ayat (8))", n(c.extended), ""},
        {"7", "Diteruskan ke pimpinan (SOP 000 Pasal 12 ayat (2))", n(c.escalated), ""},
        {"8", "Melewati batas waktu dan belum diputus", n(c.overdue), ""},
        {"9", "Diputus tepat waktu", n(c.decidedOnTime), percent(c.decidedOnTime, c.decided)},
        {"10", "Diputus melewati batas waktu", n(c.decidedLate), percent(c.decidedLate, c.decided)},
        {"11", "Permohonan tertulis / tidak tertulis", n(r.written) + " / " + n(r.unwritten), ""},
    };
    pdf.table({{"No.", 0.5, Align::Center},
               {"Uraian", 6},
               {"Jumlah", 1.4, Align::Right},
               {"Persen", 1.1, Align::Right}},
              rows, {9.0});
}

void timing(PdfDocument& pdf, const PeriodReport& r, const std::vector<int>& buckets) {
    pdf.keepTogether(220);
    pdf.text("II. WAKTU PEMENUHAN PERMOHONAN", TextStyle::heading());
    pdf.text(fmt::format("Diukur dari penerimaan sampai keputusan (pemberitahuan tertulis, "
                         "UU 14/2008 Pasal 22 ayat (7)) untuk {} permohonan yang telah diputus. "
                         "Rincian per permohonan terdapat pada lampiran XLSX/CSV.",
                         r.time.decided),
             TextStyle::body(9));
    pdf.table(
        {{"Ukuran", 4}, {"Hari kalender", 2, Align::Right}, {"Hari kerja", 2, Align::Right}},
        {{"Median", report::days(r.time.medianDays), workingDays(r.time.medianWorkingDays)},
         {"Persentil ke-90", report::days(r.time.p90Days), workingDays(r.time.p90WorkingDays)}},
        {9.0});
    static constexpr std::array<const char*, 6> kLabels{"Hari yang sama (0 hari kerja)",
                                                        "1-3 hari kerja",
                                                        "4-7 hari kerja",
                                                        "8-10 hari kerja",
                                                        "11-17 hari kerja (dengan perpanjangan)",
                                                        "Lebih dari 17 hari kerja"};
    std::vector<std::vector<std::string>> rows;
    for (std::size_t i = 0; i < kLabels.size(); ++i) {
        rows.push_back({kLabels[i], n(buckets[i]), percent(buckets[i], r.time.decided)});
    }
    pdf.table({{"Sebaran waktu pemenuhan", 5},
               {"Jumlah", 1.5, Align::Right},
               {"Persen", 1.5, Align::Right}},
              rows, {9.0});
}

void grounds(PdfDocument& pdf, const PeriodReport& r) {
    pdf.keepTogether(160);
    pdf.text("III. PENOLAKAN MENURUT DASAR HUKUM", TextStyle::heading());
    std::vector<std::vector<std::string>> rows;
    for (const Term& t : vocab::refusalGrounds()) {
        rows.push_back(
            {std::string(t.code), std::string(t.id), n(r.totals.byGround.at(std::string(t.code)))});
    }
    rows.push_back({"", "Jumlah penolakan", n(r.totals.refused)});
    pdf.table({{"Kode", 0.9}, {"Dasar hukum", 6.2}, {"Jumlah", 1.1, Align::Right}}, rows, {8.5});
}

void channels(PdfDocument& pdf, const PeriodReport& r) {
    pdf.keepTogether(140);
    pdf.text("IV. PERMOHONAN MENURUT SALURAN", TextStyle::heading());
    std::vector<std::vector<std::string>> rows;
    for (const Term& t : vocab::channels()) {
        int v = r.byChannel.count(std::string(t.code)) ? r.byChannel.at(std::string(t.code)) : 0;
        rows.push_back({std::string(t.id), n(v), percent(v, r.totals.received)});
    }
    pdf.table({{"Saluran", 4}, {"Jumlah", 1.5, Align::Right}, {"Persen", 1.5, Align::Right}}, rows,
              {9.0});
}

void months(PdfDocument& pdf, const PeriodReport& r) {
    pdf.keepTogether(120);
    pdf.text("V. REKAPITULASI PER BULAN", TextStyle::heading());
    std::vector<std::vector<std::string>> rows;
    for (const PeriodMonth& m : r.months) {
        const PeriodCounts& c = m.counts;
        rows.push_back({idn::monthName(m.month) + " " + std::to_string(m.year), n(c.received),
                        n(c.grantedFull), n(c.grantedPartial), n(c.refused), n(c.pending),
                        n(c.decidedLate),
                        m.medianWorkingDays ? idn::decimal(*m.medianWorkingDays, 1) : "-"});
    }
    pdf.table({{"Bulan", 2.2},
               {"Diterima", 1.2, Align::Right},
               {"Seluruhnya", 1.3, Align::Right},
               {"Sebagian", 1.2, Align::Right},
               {"Ditolak", 1.1, Align::Right},
               {"Diproses", 1.1, Align::Right},
               {"Terlambat", 1.2, Align::Right},
               {"Median hari kerja", 1.4, Align::Right}},
              rows, {8.5});
}

void objections(PdfDocument& pdf, const PeriodReport& r) {
    const ObjectionCounts& o = r.objections;
    pdf.keepTogether(200);
    pdf.text("VI. KEBERATAN DAN SENGKETA INFORMASI", TextStyle::heading());
    pdf.text(fmt::format("Keberatan diajukan: {}; masih menunggu tanggapan atasan PPID: {}; "
                         "ditanggapi dalam 30 hari kerja (UU 14/2008 Pasal 36 ayat (2)): {}; "
                         "melewati batas: {}.",
                         o.filed, o.open, o.answeredOnTime, o.answeredLate),
             TextStyle::body(9));
    std::vector<std::vector<std::string>> rows;
    for (const Term& t : vocab::objectionGrounds()) {
        rows.push_back(
            {std::string(t.code), std::string(t.id), n(o.byGround.at(std::string(t.code)))});
    }
    pdf.table({{"Kode", 0.9}, {"Alasan keberatan", 6.2}, {"Jumlah", 1.1, Align::Right}}, rows,
              {8.5});
    std::vector<std::vector<std::string>> outcomes;
    for (const Term& t : vocab::objectionOutcomes()) {
        outcomes.push_back({"Keberatan", std::string(t.id), n(o.outcomes.at(std::string(t.code)))});
    }
    outcomes.push_back({"Keberatan", "Belum ditanggapi", n(o.open)});
    for (const Term& t : vocab::disputeOutcomes()) {
        outcomes.push_back({"Sengketa (Pasal 37)", std::string(t.id),
                            n(o.disputeOutcomes.at(std::string(t.code)))});
    }
    outcomes.push_back({"Sengketa (Pasal 37)", "Masih berjalan", n(o.disputesOpen)});
    pdf.table({{"Tahap", 2}, {"Hasil", 5}, {"Jumlah", 1.2, Align::Right}}, outcomes, {8.5});
}

void followUps(PdfDocument& pdf, const PeriodReport& r) {
    const FollowUpCounts& f = r.followUps;
    pdf.keepTogether(100);
    pdf.text("VII. TINDAK LANJUT KE SATKER, SATFUNG DAN POLSEK", TextStyle::heading());
    pdf.text(fmt::format("Permohonan diteruskan ke satuan: {}; dijawab: {} ({} tepat waktu); "
                         "melewati batas dan belum dijawab: {}.",
                         f.sent, f.answered, f.answeredOnTime, f.overdue),
             TextStyle::body(9));
    if (f.byUnit.empty()) return;
    std::vector<std::vector<std::string>> rows;
    for (const auto& [unit, count] : f.byUnit)
        rows.push_back({unit, n(count)});
    pdf.table({{"Satuan", 5}, {"Jumlah", 1.5, Align::Right}}, rows, {9.0});
}

// Complaints from the air (SOP 003, SOP 004): figures, recurring problems and the chart.
void complaints(PdfDocument& pdf, const PeriodReport& r) {
    const ComplaintStats& c = r.complaints;
    pdf.keepTogether(120);
    pdf.text(
        "VII-A. KELUHAN MASYARAKAT DAN DETEKSI DINI (SOP COMMUNITY POLICING, SOP "
        "BHABINKAMTIBMAS)",
        TextStyle::heading());
    if (c.total == 0) {
        pdf.text("Tidak ada keluhan atau laporan masalah dalam periode ini.", TextStyle::body(9));
        return;
    }
    const auto count = [](const std::vector<std::pair<std::string, int>>& list, const char* code) {
        for (const auto& [k, v] : list)
            if (k == code) return v;
        return 0;
    };
    pdf.text(
        fmt::format("Keluhan, pengaduan dan laporan masalah kamtibmas: {} (keluhan {}, "
                    "pengaduan {}, laporan masalah kamtibmas {}). Status: dicatat {}, "
                    "diteruskan {}, ditindaklanjuti {}, selesai {}; melewati batas: {}.",
                    n(c.total), n(count(c.byKind, "keluhan")), n(count(c.byKind, "pengaduan")),
                    n(count(c.byKind, "laporan_kamtibmas")), n(count(c.byStatus, "dicatat")),
                    n(count(c.byStatus, "diteruskan")), n(count(c.byStatus, "ditindaklanjuti")),
                    n(count(c.byStatus, "selesai")), n(c.overdue)),
        TextStyle::body(9));
    pdf.text(fmt::format("Waktu sampai diteruskan: median {}, persentil ke-90 {}. Waktu sampai "
                         "selesai: median {}, persentil ke-90 {}.",
                         report::days(c.toForward.medianDays), report::days(c.toForward.p90Days),
                         report::days(c.toFinish.medianDays), report::days(c.toFinish.p90Days)),
             TextStyle::body(9));
    ComplaintChart::draw(pdf, c, 190);
    if (!c.recurring.empty()) {
        pdf.keepTogether(60);
        pdf.text("Masalah berulang (deteksi dini), terbanyak lebih dulu:",
                 {.size = 9, .bold = true});
        std::vector<std::vector<std::string>> rows;
        int i = 0;
        for (const RecurringProblem& p : c.recurring) {
            if (++i > 15) break;
            rows.push_back(
                {std::to_string(i), p.topic, p.area, n(p.count), n(p.months), n(p.sessions)});
        }
        pdf.table({{"No.", 0.4, Align::Right},
                   {"Masalah", 2.2},
                   {"Wilayah", 2.2},
                   {"Kali", 0.6, Align::Right},
                   {"Bulan", 0.6, Align::Right},
                   {"Sesi", 0.6, Align::Right}},
                  rows, {9.0});
    }
    std::vector<std::vector<std::string>> units;
    for (const auto& [unit, k] : c.byUnit)
        units.push_back({unit, n(k)});
    if (!units.empty())
        pdf.table({{"Diteruskan ke satuan", 5}, {"Jumlah", 1.5, Align::Right}}, units, {9.0});
}

void sessions(PdfDocument& pdf, const PeriodReport& r, Progress& progress) {
    pdf.keepTogether(120);
    pdf.text("VIII. REKAPITULASI PER SESI DIALOG INTERAKTIF (SOP 000 Pasal 11)",
             TextStyle::heading());
    if (r.sessions.empty()) {
        pdf.text("Tidak ada sesi dalam periode ini.", TextStyle::body());
        return;
    }
    std::vector<std::vector<std::string>> rows;
    rows.reserve(r.sessions.size());
    for (const PeriodSession& s : r.sessions) {
        const PeriodCounts& c = s.counts;
        // The session's state in the document's language (codes are planned, live, ended,
        // signed).
        std::string status = s.status == "signed"    ? "ditandatangani"
                             : s.status == "ended"   ? "selesai, belum ditandatangani"
                             : s.status == "live"    ? "sedang berlangsung"
                             : s.status == "planned" ? "direncanakan"
                                                     : s.status;
        rows.push_back({s.id ? std::to_string(*s.id) : "-", s.day ? idn::shortDate(*s.day) : "-",
                        s.topic + (s.partnerMedia.empty() ? "" : "\n" + s.partnerMedia),
                        n(c.received), n(c.grantedFull), n(c.grantedPartial), n(c.refused),
                        n(c.pending), status});
    }
    pdf.table({{"Sesi", 0.7, Align::Right},
               {"Tanggal", 1.3},
               {"Topik, mitra media", 3.6},
               {"Diterima", 1.0, Align::Right},
               {"Seluruhnya", 1.1, Align::Right},
               {"Sebagian", 1.0, Align::Right},
               {"Ditolak", 0.9, Align::Right},
               {"Diproses", 0.9, Align::Right},
               {"Catatan", 1.3}},
              rows, {7.5}, &progress);
}

void notes(PdfDocument& pdf, const PeriodReport& r) {
    pdf.keepTogether(80);
    pdf.text("IX. HAMBATAN DAN RENCANA TINDAK LANJUT", TextStyle::heading());
    pdf.fields({{"Hambatan", r.obstacles}, {"Rencana tindak lanjut", r.plans}}, 110, 9.5);
}

void signature(PdfDocument& pdf, const PeriodReport& r) {
    const double width = 230.0;
    const double x = pdf.contentWidth() - width;
    TextStyle s = TextStyle::body(10);
    s.align = Align::Center;
    std::string text = report::placeOf(r.station) + ", " +
                       idn::longDate(localDay(r.generatedAt, r.station.timeZone)) +
                       "\nPEJABAT PENGELOLA INFORMASI DAN DOKUMENTASI\n" + r.station.name;
    double h = pdf.measure(text, s, width);
    // The closing sentence goes with the signature, so the signature never stands alone.
    TextStyle closing = TextStyle::body();
    closing.align = Align::Justify;
    const std::string closingText =
        "Demikian laporan layanan informasi publik ini disusun sebagai pertanggungjawaban "
        "pelaksanaan layanan informasi publik (UU 14/2008 Pasal 12).";
    pdf.keepTogether(pdf.measure(closingText, closing, pdf.contentWidth()) + closing.spaceAfter +
                     h + 100);
    pdf.text(closingText, closing);
    pdf.spacer(6);
    double y = pdf.cursor();
    pdf.drawAt(x, y, width, text, s);
    y += h + 50;
    // The officer who signs by hand, when named; otherwise lines to fill in.
    TextStyle n = s;
    n.bold = !r.signerName.empty();
    std::string name = r.signerName.empty() ? "(..............................)" : r.signerName;
    pdf.drawAt(x, y, width, name, n);
    double nameHeight = pdf.measure(name, n, width);
    if (!r.signerName.empty()) {
        double w = std::min(width, pdf.textWidth(name, n));
        pdf.lineAt(x + (width - w) / 2, y + nameHeight, x + (width + w) / 2, y + nameHeight, 0.6);
    }
    y += nameHeight + 2;
    std::string nrp = r.signerNrp.empty()        ? "NRP/NIP ...................."
                      : r.signerNrp.size() == 18 ? "NIP " + r.signerNrp
                                                 : "NRP " + r.signerNrp;
    pdf.drawAt(x, y, width, nrp, s);
    pdf.advance(y + pdf.measure(nrp, s, width) + 14 - pdf.cursor());
}

}  // namespace

void PeriodReportPdf::write(const PeriodReport& r, const std::filesystem::path& file,
                            Progress& progress) {
    progress.phase("menyusun halaman");
    std::vector<int> buckets(6, 0);
    for (const Fulfilment& f : r.fulfilments) {
        int w = f.workingDays;
        std::size_t b = w == 0 ? 0 : w <= 3 ? 1 : w <= 7 ? 2 : w <= 10 ? 3 : w <= 17 ? 4 : 5;
        ++buckets[b];
    }
    PdfDocument pdf(file, {"Laporan Layanan Informasi Publik " + r.range.label(), r.station.name,
                           "UU 14/2008 Pasal 12; Perki 1/2021", "PPID; laporan berkala"});
    // Short forms, so the footer that identifies a loose page stays on one line.
    std::string printed = idn::shortDateTime(r.generatedAt, r.station.timeZone);
    std::string period = r.range.kind == "range"
                             ? idn::shortDate(r.range.from) + " s.d. " + idn::shortDate(r.range.to)
                             : r.range.label();
    std::string left = fmt::format("Laporan layanan informasi publik {} · {} · dicetak {}", period,
                                   r.station.name, printed);
    pdf.setFooter([left](int page, int pages) {
        return std::pair{left, fmt::format("Halaman {} dari {}", page, pages)};
    });
    pdf.letterhead(report::letterheadLines(r.station), 10.5);
    TextStyle t;
    t.size = 12.5;
    t.bold = true;
    t.align = Align::Center;
    t.spaceAfter = 1;
    pdf.text("LAPORAN LAYANAN INFORMASI PUBLIK", t);
    t.size = 11;
    // "TAHUN 2026", "TRIWULAN I 2026", "MARET 2026"; a free range is named by its dates below.
    if (r.range.kind != "range") pdf.text(upper(r.range.label()), t);
    TextStyle sub = TextStyle::body(9.5);
    sub.align = Align::Center;
    sub.spaceAfter = 12;
    pdf.text(fmt::format("Periode {} s.d. {}\nDasar: UU 14/2008 Pasal 12; Perki 1/2021 tentang "
                         "Standar Layanan Informasi Publik; SOP 000 Pasal 11",
                         idn::longDate(r.range.from), idn::longDate(r.range.to)),
             sub);
    summary(pdf, r);
    timing(pdf, r, buckets);
    grounds(pdf, r);
    channels(pdf, r);
    months(pdf, r);
    objections(pdf, r);
    followUps(pdf, r);
    complaints(pdf, r);
    sessions(pdf, r, progress);
    // Section IX is short: it goes with the signature rather than leave it alone on a page.
    pdf.keepTogether(260);
    notes(pdf, r);
    signature(pdf, r);
    progress.phase("menulis PDF");
    pdf.finish(&progress);
}

}  // namespace ds
