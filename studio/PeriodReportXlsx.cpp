#include "studio/PeriodReportXlsx.h"

#include "studio/PeriodReport.h"
#include "studio/PpidTerms.h"
#include "studio/Progress.h"
#include "studio/Vocabulary.h"
#include "studio/XlsxBook.h"

namespace ds {

namespace {

void summarySheet(XlsxBook& book, const PeriodReport& r) {
    const PeriodCounts& c = r.totals;
    auto sh = book.sheet("Ringkasan", {{"Kode", 26}, {"Uraian", 56}, {"Jumlah", 12}});
    auto num = [&](const char* key, const char* label, double v) {
        sh.text(0, key);
        sh.text(1, label);
        sh.number(2, v);
        sh.next();
    };
    auto dec = [&](const char* key, const char* label, const std::optional<double>& v) {
        sh.text(0, key);
        sh.text(1, label);
        sh.optionalNumber(2, v);
        sh.next();
    };
    sh.text(0, "period");
    sh.text(1, r.range.label());
    sh.next();
    sh.text(0, "from");
    sh.text(1, "Dari tanggal");
    sh.date(2, r.range.from);
    sh.next();
    sh.text(0, "to");
    sh.text(1, "Sampai tanggal");
    sh.date(2, r.range.to);
    sh.next();
    num("received", "Permohonan diterima", c.received);
    num("granted_full", "Diberikan seluruhnya", c.grantedFull);
    num("granted_partial", "Diberikan sebagian", c.grantedPartial);
    num("refused", "Ditolak", c.refused);
    num("not_held", "Tidak dikuasai / belum didokumentasikan", c.notHeld);
    num("pending", "Masih diproses", c.pending);
    num("extended", "Diperpanjang", c.extended);
    num("escalated", "Diteruskan ke pimpinan", c.escalated);
    num("overdue", "Melewati batas waktu, belum diputus", c.overdue);
    num("decided", "Diputus", c.decided);
    num("decided_on_time", "Diputus tepat waktu", c.decidedOnTime);
    num("decided_late", "Diputus terlambat", c.decidedLate);
    num("written", "Permohonan tertulis", r.written);
    num("unwritten", "Permohonan tidak tertulis", r.unwritten);
    dec("median_days", "Median waktu pemenuhan (hari)", r.time.medianDays);
    dec("p90_days", "Persentil ke-90 waktu pemenuhan (hari)", r.time.p90Days);
    dec("median_working_days", "Median waktu pemenuhan (hari kerja)", r.time.medianWorkingDays);
    dec("p90_working_days", "Persentil ke-90 (hari kerja)", r.time.p90WorkingDays);
    num("objections_filed", "Keberatan diajukan", r.objections.filed);
    num("disputes_filed", "Sengketa ke Komisi Informasi", r.objections.disputes);
    num("follow_ups_sent", "Tindak lanjut ke satuan", r.followUps.sent);
}

void groundsSheet(XlsxBook& book, const PeriodReport& r) {
    auto sh = book.sheet("Alasan penolakan", {{"Kode", 14}, {"Dasar hukum", 80}, {"Jumlah", 10}});
    for (const Term& t : vocab::refusalGrounds()) {
        sh.text(0, t.code);
        sh.text(1, t.id);
        sh.integer(2, r.totals.byGround.at(std::string(t.code)));
        sh.next();
    }
}

void fulfilmentSheet(XlsxBook& book, const PeriodReport& r, Progress& progress) {
    auto sh = book.sheet("Waktu layanan", {{"No. registrasi", 24},
                                           {"Sesi", 8},
                                           {"Diterima", 17},
                                           {"Diputus", 17},
                                           {"Keputusan", 16},
                                           {"Hari", 10},
                                           {"Hari kerja", 10},
                                           {"Tepat waktu", 11}});
    std::size_t i = 0;
    for (const Fulfilment& f : r.fulfilments) {
        if (++i % 4096 == 0) progress.update(i, r.fulfilments.size());
        sh.text(0, f.registrationNumber);
        if (f.sessionId) sh.integer(1, *f.sessionId);
        sh.dateTime(2, f.receivedAt);
        sh.dateTime(3, f.decidedAt);
        sh.text(4, f.decision);
        sh.decimal(5, f.days);
        sh.integer(6, f.workingDays);
        sh.text(7, f.onTime ? "ya" : "tidak");
        sh.next();
    }
}

void monthSheet(XlsxBook& book, const PeriodReport& r) {
    auto sh = book.sheet("Per bulan", {{"Bulan", 10},
                                       {"Diterima", 10},
                                       {"Seluruhnya", 11},
                                       {"Sebagian", 10},
                                       {"Ditolak", 10},
                                       {"Diproses", 10},
                                       {"Tepat waktu", 11},
                                       {"Terlambat", 10},
                                       {"Median hari kerja", 12}});
    for (const PeriodMonth& m : r.months) {
        const PeriodCounts& c = m.counts;
        sh.date(0, date::sys_days{date::year{m.year} / date::month{static_cast<unsigned>(m.month)} /
                                  1});
        sh.integer(1, c.received);
        sh.integer(2, c.grantedFull);
        sh.integer(3, c.grantedPartial);
        sh.integer(4, c.refused);
        sh.integer(5, c.pending);
        sh.integer(6, c.decidedOnTime);
        sh.integer(7, c.decidedLate);
        sh.optionalNumber(8, m.medianWorkingDays);
        sh.next();
    }
}

void sessionSheet(XlsxBook& book, const PeriodReport& r) {
    auto sh = book.sheet("Per sesi", {{"Sesi", 8},
                                      {"Tanggal", 11},
                                      {"Topik", 40},
                                      {"Mitra media", 24},
                                      {"Status", 10},
                                      {"Diterima", 10},
                                      {"Seluruhnya", 11},
                                      {"Sebagian", 10},
                                      {"Ditolak", 10},
                                      {"Diproses", 10},
                                      {"Terlambat", 10}});
    for (const PeriodSession& s : r.sessions) {
        const PeriodCounts& c = s.counts;
        if (s.id) sh.integer(0, *s.id);
        if (s.day) sh.date(1, *s.day);
        sh.text(2, s.topic);
        sh.text(3, s.partnerMedia);
        sh.text(4, s.status);
        sh.integer(5, c.received);
        sh.integer(6, c.grantedFull);
        sh.integer(7, c.grantedPartial);
        sh.integer(8, c.refused);
        sh.integer(9, c.pending);
        sh.integer(10, c.decidedLate);
        sh.next();
    }
}

void channelSheet(XlsxBook& book, const PeriodReport& r) {
    auto sh = book.sheet("Saluran", {{"Kode", 12}, {"Saluran", 24}, {"Jumlah", 10}});
    for (const Term& t : vocab::channels()) {
        sh.text(0, t.code);
        sh.text(1, t.id);
        auto it = r.byChannel.find(std::string(t.code));
        sh.integer(2, it == r.byChannel.end() ? 0 : it->second);
        sh.next();
    }
}

void objectionSheets(XlsxBook& book, const PeriodReport& r) {
    const ObjectionCounts& o = r.objections;
    auto g = book.sheet("Keberatan alasan",
                        {{"Kode", 10}, {"Alasan (Pasal 35 ayat (1))", 80}, {"Jumlah", 10}});
    for (const Term& t : vocab::objectionGrounds()) {
        g.text(0, t.code);
        g.text(1, t.id);
        g.integer(2, o.byGround.at(std::string(t.code)));
        g.next();
    }
    auto h =
        book.sheet("Keberatan hasil", {{"Tahap", 12}, {"Kode", 16}, {"Hasil", 50}, {"Jumlah", 10}});
    auto row = [&](const char* stage, std::string_view code, std::string_view label, int v) {
        h.text(0, stage);
        h.text(1, code);
        h.text(2, label);
        h.integer(3, v);
        h.next();
    };
    for (const Term& t : vocab::objectionOutcomes()) {
        row("keberatan", t.code, t.id, o.outcomes.at(std::string(t.code)));
    }
    row("keberatan", "open", "Belum ditanggapi", o.open);
    row("keberatan", "answered_on_time", "Ditanggapi dalam 30 hari kerja", o.answeredOnTime);
    row("keberatan", "answered_late", "Ditanggapi melewati batas", o.answeredLate);
    for (const Term& t : vocab::disputeOutcomes()) {
        row("sengketa", t.code, t.id, o.disputeOutcomes.at(std::string(t.code)));
    }
    row("sengketa", "open", "Masih berjalan", o.disputesOpen);
}

void followUpSheet(XlsxBook& book, const PeriodReport& r) {
    auto sh = book.sheet("Tindak lanjut", {{"Satuan", 32}, {"Jumlah", 10}});
    for (const auto& [unit, count] : r.followUps.byUnit) {
        sh.text(0, unit);
        sh.integer(1, count);
        sh.next();
    }
}

// Complaints (SOP 003, SOP 004): the figures, the recurring problems, and per area and month
// (the chart of the PDF as numbers).
void complaintSheets(XlsxBook& book, const PeriodReport& r) {
    const ComplaintStats& c = r.complaints;
    auto sh = book.sheet("Keluhan", {{"Bagian", 18}, {"Kode", 40}, {"Jumlah", 12}});
    const auto add = [&](const char* part, const std::string& key, int value) {
        sh.text(0, part);
        sh.text(1, key);
        sh.integer(2, value);
        sh.next();
    };
    add("total", "keluhan", c.total);
    add("total", "juga permohonan informasi", c.infoRequests);
    add("total", "melewati batas", c.overdue);
    for (const auto& [k, v] : c.byKind)
        add("jenis", k, v);
    for (const auto& [k, v] : c.byStatus)
        add("status", k, v);
    for (const auto& [k, v] : c.byTopic)
        add("topik", k, v);
    for (const auto& [k, v] : c.byUnit)
        add("satuan", k, v);
    for (const auto& [k, v] : c.byArea)
        add("wilayah", k, v);
    for (const auto& [label, t] : {std::pair{"hari sampai diteruskan", c.toForward},
                                   std::pair{"hari sampai selesai", c.toFinish}}) {
        sh.text(0, "waktu");
        sh.text(1, std::string(label) + " (median)");
        sh.optionalNumber(2, t.medianDays);
        sh.next();
        sh.text(0, "waktu");
        sh.text(1, std::string(label) + " (persentil 90)");
        sh.optionalNumber(2, t.p90Days);
        sh.next();
    }
    auto rec = book.sheet("Keluhan berulang", {{"Masalah", 28},
                                               {"Wilayah", 28},
                                               {"Kali", 8},
                                               {"Sesi", 8},
                                               {"Bulan", 8},
                                               {"Pertama", 12},
                                               {"Terakhir", 12}});
    for (const RecurringProblem& p : c.recurring) {
        rec.text(0, p.topic);
        rec.text(1, p.area);
        rec.integer(2, p.count);
        rec.integer(3, p.sessions);
        rec.integer(4, p.months);
        rec.date(5, p.first);
        rec.date(6, p.last);
        rec.next();
    }
    std::vector<XlsxBook::Column> columns{{"Wilayah", 28}};
    for (const std::string& m : c.months)
        columns.push_back({m, 9});
    columns.push_back({"Jumlah", 9});
    auto area = book.sheet("Keluhan per wilayah", columns);
    for (const AreaMonths& a : c.areaMonths) {
        area.text(0, a.area);
        for (std::size_t m = 0; m < a.counts.size(); ++m)
            area.integer(static_cast<int>(m) + 1, a.counts[m]);
        area.integer(static_cast<int>(a.counts.size()) + 1, a.total);
        area.next();
    }
}

}  // namespace

void PeriodReportXlsx::write(const PeriodReport& r, const std::filesystem::path& file,
                             Progress& progress) {
    progress.phase("menulis XLSX");
    XlsxBook book(file, r.station.timeZone, "Laporan Layanan Informasi Publik " + r.range.label(),
                  r.station.name);
    summarySheet(book, r);
    groundsSheet(book, r);
    fulfilmentSheet(book, r, progress);
    monthSheet(book, r);
    sessionSheet(book, r);
    channelSheet(book, r);
    objectionSheets(book, r);
    followUpSheet(book, r);
    complaintSheets(book, r);
    progress.check();
    progress.phase("mengemas XLSX");
    book.close();
}

}  // namespace ds
