#include "studio/SessionRecordXlsx.h"

#include <fmt/format.h>

#include "studio/PpidTerms.h"
#include "studio/Progress.h"
#include "studio/SessionRecord.h"
#include "studio/Vocabulary.h"
#include "studio/XlsxBook.h"

namespace ds {

namespace {

std::string termLabel(std::span<const Term> list, const std::string& code) {
    const Term* t = vocab::find(list, code);
    return t ? std::string(t->id) : code;
}

void sessionSheet(XlsxBook& book, const SessionRecord& r) {
    const Session& s = r.session;
    auto sh = book.sheet("Sesi", {{"Uraian", 24}, {"Nilai", 60}});
    auto row = [&](const char* label, const std::string& value) {
        sh.text(0, label);
        sh.text(1, value);
        sh.next();
    };
    row("Stasiun", r.station.name);
    row("Nomor sesi", std::to_string(s.id));
    row("Program", s.programmeTitle);
    row("Topik", s.topic);
    row("Mitra media", s.partnerMedia);
    sh.text(0, "Jadwal mulai");
    sh.dateTime(1, s.scheduledStart);
    sh.next();
    row("Sprin", s.sprinNumber);
    if (s.sprinDate) {
        sh.text(0, "Tanggal Sprin");
        sh.date(1, *s.sprinDate);
        sh.next();
    }
    for (const Guest& g : s.guests)
        row("Narasumber", g.rank + " " + g.name + ", " + g.position);
    for (const Officer& o : s.officers) {
        row(("Petugas: " + termLabel(vocab::officerRoles(), o.role)).c_str(),
            o.rank + " " + o.name + (o.nrp.empty() ? "" : " NRP/NIP " + o.nrp));
    }
    row("Status", s.status);
    if (r.signature) {
        row("Ditandatangani oleh", r.signature->name + " (" + r.signature->nrp + ")");
        sh.text(0, "Tanggal tanda tangan");
        sh.date(1, r.signature->signedOn);
        sh.next();
        row("Jurnal (baris, hash)",
            fmt::format("#{} {}", r.signature->journalId, r.signature->journalHash));
    }
    row("Data pribadi",
        r.unmasked ? "tidak disamarkan (akses tercatat di jurnal)" : "disamarkan (UU 27/2022)");
}

void countsSheet(XlsxBook& book, const SessionRecord& r) {
    const nlohmann::json& q = r.report["questions"];
    const nlohmann::json& p = r.report["requests"];
    auto sh = book.sheet("Rekapitulasi", {{"Kode", 18}, {"Uraian", 52}, {"Jumlah", 10}});
    auto row = [&](const char* key, const char* label, const nlohmann::json& v) {
        sh.text(0, key);
        sh.text(1, label);
        if (v.is_number()) sh.number(2, v.get<double>());
        sh.next();
    };
    row("questions", "Pertanyaan pendengar diterima", q["received"]);
    row("received", "Permohonan informasi diterima", p["received"]);
    row("granted_full", "Diberikan seluruhnya", p["granted_full"]);
    row("granted_partial", "Diberikan sebagian", p["granted_partial"]);
    row("refused", "Ditolak", p["refused"]);
    row("not_held", "Tidak dikuasai / belum didokumentasikan", p["not_held"]);
    row("pending", "Masih diproses", p["pending"]);
    row("extended", "Diperpanjang", p["extended"]);
    row("escalated", "Diteruskan ke pimpinan", p["escalated"]);
    row("overdue", "Melewati batas waktu", p["overdue"]);
    row("median_time_to_decision_seconds", "Median waktu sampai keputusan (detik)",
        p["median_time_to_decision_seconds"]);
}

void groundsSheet(XlsxBook& book, const SessionRecord& r) {
    const nlohmann::json& byGround = r.report["requests"]["refused_by_ground"];
    auto sh = book.sheet("Alasan penolakan", {{"Kode", 14}, {"Dasar hukum", 80}, {"Jumlah", 10}});
    for (const Term& t : vocab::refusalGrounds()) {
        sh.text(0, t.code);
        sh.text(1, t.id);
        sh.integer(2, byGround.value(std::string(t.code), 0));
        sh.next();
    }
}

void registerSheet(XlsxBook& book, const SessionRecord& r, Progress& progress) {
    auto sh = book.sheet("Register", {{"No. registrasi", 24}, {"Diterima", 17},
                                      {"Saluran", 12},        {"Tertulis", 9},
                                      {"Pemohon", 20},        {"Alamat", 24},
                                      {"Pekerjaan", 16},      {"Telepon", 16},
                                      {"E-mail", 22},         {"Informasi yang diminta", 50},
                                      {"Tujuan", 30},         {"Status", 18},
                                      {"Keputusan", 16},      {"Dasar", 8},
                                      {"Angka", 7},           {"Alasan", 40},
                                      {"Batas waktu", 12},    {"Pemberitahuan", 13},
                                      {"Penyerahan", 12},     {"Diputus", 17},
                                      {"Hari kerja", 10},     {"Terlambat", 10},
                                      {"Diperpanjang", 12},   {"Keberatan", 10}});
    std::size_t i = 0;
    for (const RegisterEntry& e : r.entries) {
        if (++i % 512 == 0) progress.update(i, r.entries.size());
        const InfoRequest& q = e.request;
        sh.text(0, q.registrationNumber);
        sh.dateTime(1, q.receivedAt);
        sh.text(2, q.channel);
        sh.text(3, q.written ? "ya" : "tidak");
        sh.text(4, e.person.name);
        sh.text(5, e.person.address);
        sh.text(6, e.person.occupation);
        sh.text(7, e.person.phone);
        sh.text(8, e.person.email);
        sh.text(9, q.details);
        sh.text(10, q.purpose);
        sh.text(11, q.status);
        sh.text(12, q.decision.decision);
        sh.text(13, q.decision.ground);
        if (q.decision.subground) sh.integer(14, *q.decision.subground);
        sh.text(15, q.decision.reason);
        sh.date(16, q.dueDate);
        if (q.decision.noticeDate) sh.date(17, *q.decision.noticeDate);
        if (q.decision.handoverDate) sh.date(18, *q.decision.handoverDate);
        if (q.decidedAt) sh.dateTime(19, *q.decidedAt);
        if (e.workingDaysToDecision >= 0) sh.integer(20, e.workingDaysToDecision);
        sh.text(21, e.overdue ? "ya" : "tidak");
        sh.text(22, q.extended ? "ya" : "tidak");
        sh.integer(23, static_cast<std::int64_t>(e.objections.size()));
        sh.next();
    }
}

void timesSheet(XlsxBook& book, const SessionRecord& r) {
    auto sh = book.sheet("Waktu keputusan", {{"No. registrasi", 24},
                                             {"Diterima", 17},
                                             {"Diputus", 17},
                                             {"Keputusan", 16},
                                             {"Detik", 12},
                                             {"Hari", 10},
                                             {"Hari kerja", 10}});
    for (const RegisterEntry& e : r.entries) {
        const InfoRequest& q = e.request;
        if (!q.decidedAt) continue;
        double secs = std::chrono::duration<double>(*q.decidedAt - q.receivedAt).count();
        sh.text(0, q.registrationNumber);
        sh.dateTime(1, q.receivedAt);
        sh.dateTime(2, *q.decidedAt);
        sh.text(3, q.decision.decision);
        sh.number(4, secs);
        sh.decimal(5, secs / 86400.0);
        sh.integer(6, e.workingDaysToDecision);
        sh.next();
    }
}

void followUpSheet(XlsxBook& book, const SessionRecord& r) {
    auto sh = book.sheet("Tindak lanjut", {{"No. registrasi", 24},
                                           {"Jenis satuan", 14},
                                           {"Satuan", 26},
                                           {"Dikirim", 17},
                                           {"Batas", 12},
                                           {"Dijawab", 17},
                                           {"Jawaban", 40}});
    for (const RegisterEntry& e : r.entries) {
        for (const FollowUp& f : e.followUps) {
            sh.text(0, e.request.registrationNumber);
            sh.text(1, f.unitKind);
            sh.text(2, f.unitName);
            sh.dateTime(3, f.sentAt);
            sh.date(4, f.dueDate);
            if (f.answeredAt) sh.dateTime(5, *f.answeredAt);
            sh.text(6, f.answer);
            sh.next();
        }
    }
}

void objectionSheet(XlsxBook& book, const SessionRecord& r) {
    auto sh = book.sheet("Keberatan", {{"No. keberatan", 28},
                                       {"No. registrasi", 24},
                                       {"Diajukan", 17},
                                       {"Alasan", 8},
                                       {"Uraian", 40},
                                       {"Batas tanggapan", 14},
                                       {"Tanggapan", 16},
                                       {"Ditanggapi", 17},
                                       {"Sengketa", 26},
                                       {"Putusan sengketa", 16}});
    for (const RegisterEntry& e : r.entries) {
        for (const Objection& o : e.objections) {
            sh.text(0, o.number);
            sh.text(1, e.request.registrationNumber);
            sh.dateTime(2, o.filedAt);
            sh.text(3, o.ground);
            sh.text(4, o.reason);
            sh.date(5, o.dueDate);
            sh.text(6, o.outcome);
            if (o.answeredAt) sh.dateTime(7, *o.answeredAt);
            sh.text(8, o.disputeBody);
            sh.text(9, o.disputeOutcome);
            sh.next();
        }
    }
}

void amendmentSheet(XlsxBook& book, const SessionRecord& r) {
    auto sh = book.sheet("Amandemen", {{"No.", 6},
                                       {"Waktu", 17},
                                       {"Bagian", 24},
                                       {"Kolom", 20},
                                       {"Sebelum", 30},
                                       {"Sesudah", 30},
                                       {"Alasan", 40},
                                       {"Oleh", 14},
                                       {"Setelah tanda tangan", 12}});
    for (const Amendment& a : r.amendments) {
        for (const AmendmentChange& c : a.changes) {
            sh.integer(0, a.id);
            sh.dateTime(1, a.at);
            sh.text(2, a.label);
            sh.text(3, c.field);
            sh.text(4, c.before);
            sh.text(5, c.after);
            sh.text(6, a.reason);
            sh.text(7, a.actor);
            sh.text(8, a.afterSigning ? "ya" : "tidak");
            sh.next();
        }
    }
}

// The session's complaints (SOP 003, SOP 004), from the session report's figures.
void complaintSheet(XlsxBook& book, const SessionRecord& r) {
    if (!r.report.contains("complaints")) return;
    const nlohmann::json& c = r.report["complaints"];
    auto sh = book.sheet("Keluhan", {{"Bagian", 18}, {"Kode", 40}, {"Jumlah", 12}});
    for (const char* key : {"total", "info_requests", "overdue"}) {
        sh.text(0, "total");
        sh.text(1, key);
        sh.integer(2, c[key].get<int>());
        sh.next();
    }
    for (const char* part : {"by_kind", "by_status", "by_topic", "by_unit", "by_area"}) {
        for (const auto& [k, v] : c[part].items()) {
            sh.text(0, part);
            sh.text(1, k);
            sh.integer(2, v.get<int>());
            sh.next();
        }
    }
    for (const char* times : {"time_to_forward_days", "time_to_finish_days"}) {
        for (const char* key : {"median", "p90"}) {
            sh.text(0, times);
            sh.text(1, key);
            const nlohmann::json& v = c[times][key];
            sh.optionalNumber(2, v.is_number() ? std::optional(v.get<double>()) : std::nullopt);
            sh.next();
        }
    }
}

}  // namespace

void SessionRecordXlsx::write(const SessionRecord& r, const std::filesystem::path& file,
                              Progress& progress) {
    progress.phase("menulis XLSX");
    XlsxBook book(file, r.station.timeZone,
                  fmt::format("Catatan Pelayanan Informasi Publik, Sesi {}", r.session.id),
                  r.station.name);
    sessionSheet(book, r);
    countsSheet(book, r);
    groundsSheet(book, r);
    registerSheet(book, r, progress);
    timesSheet(book, r);
    followUpSheet(book, r);
    objectionSheet(book, r);
    amendmentSheet(book, r);
    complaintSheet(book, r);
    progress.check();
    book.close();
}

}  // namespace ds
