#include "studio/ComplaintLetterPdf.h"

#include <fmt/format.h>

#include "studio/IndonesianDate.h"
#include "studio/Masking.h"
#include "studio/PdfDocument.h"
#include "studio/ReportText.h"

namespace ds {

namespace {

std::string label(std::span<const Term> list, std::string_view code) {
    const Term* t = vocab::find(list, code);
    return t ? std::string(t->id) : std::string(code);
}

}  // namespace

void ComplaintLetterPdf::write(const ComplaintLetter& letter, const Station& station,
                               const std::filesystem::path& file) {
    PdfDocument pdf(file, {fmt::format("Surat penerusan keluhan {}", letter.number), station.name,
                           letter.unitName, "Keluhan; Dialog Interaktif; SOP 003; SOP 004"});
    const std::string printed = idn::dateTime(letter.createdAt, station.timeZone);
    const std::string left =
        fmt::format("Surat {} · {} · {}", letter.number, station.name, printed);
    pdf.setFooter([left](int page, int pages) {
        return std::pair{left, fmt::format("Halaman {} dari {}", page, pages)};
    });
    pdf.letterhead(report::letterheadLines(station), 10.5);
    const Day day = localDay(letter.createdAt, station.timeZone);
    pdf.fields(
        {{"Nomor", letter.number},
         {"Klasifikasi", "BIASA"},
         {"Lampiran", "-"},
         {"Perihal", "Penerusan keluhan dan laporan masyarakat dari siaran Dialog Interaktif"},
         {"Tanggal", idn::longDate(day)}},
        90, 9.5);
    pdf.spacer(8);
    pdf.text(fmt::format("Kepada Yth.\n{}\ndi tempat", letter.unitName), TextStyle::body());
    pdf.spacer(4);
    pdf.text(
        "1. Bersama ini diteruskan keluhan, pengaduan dan laporan masalah kamtibmas yang "
        "disampaikan masyarakat dalam siaran Dialog Interaktif, untuk ditindaklanjuti sesuai "
        "tugas dan wilayah Saudara (SOP Community Policing dan SOP Bhabinkamtibmas: deteksi dini "
        "dan problem solving bersama tiga pilar: lurah, Bhabinkamtibmas dan Babinsa).",
        {.size = 9.5, .align = Align::Justify});
    pdf.text(
        "2. Mohon hasil tindak lanjut (jawaban, tindakan yang dilakukan dan unsur tiga pilar yang "
        "dilibatkan) disampaikan kepada pengelola siaran paling lambat pada tanggal batas "
        "masing-masing, agar dapat disampaikan kembali kepada warga.",
        {.size = 9.5, .align = Align::Justify});
    pdf.spacer(4);
    std::vector<std::vector<std::string>> rows;
    int n = 0;
    bool anyShared = false;
    for (const Complaint& c : letter.complaints) {
        anyShared = anyShared || c.contactShared;
        const std::string caller =
            c.contactShared
                ? fmt::format("{}\n{}", c.callerName.empty() ? "-" : c.callerName, c.contact)
                : fmt::format("{}\n{}", c.callerName.empty() ? "-" : initials(c.callerName),
                              c.contact.empty() ? "-" : maskContact(c.contact));
        rows.push_back({std::to_string(++n), idn::shortDateTime(c.receivedAt, station.timeZone),
                        label(complaint::kinds(), complaint::code(c.kind)) + "\n" + c.topic,
                        c.area(), c.text, caller, c.dueDate ? idn::shortDate(*c.dueDate) : "-"});
    }
    pdf.table({{"No.", 0.35, Align::Right},
               {"Diterima", 0.9},
               {"Jenis / topik", 1.2},
               {"Wilayah", 1.1},
               {"Isi keluhan", 2.6},
               {"Penanya", 1.1},
               {"Batas", 0.8}},
              rows, {});
    pdf.text(anyShared
                 ? "Kontak penanya yang ditampilkan lengkap diberikan agar Saudara dapat "
                   "menghubungi kembali; gunakan hanya untuk keperluan tindak lanjut (UU 27/2022 "
                   "tentang Pelindungan Data Pribadi). Pemberian kontak ini tercatat dalam jurnal."
                 : "Data pribadi penanya disamarkan (UU 27/2022 tentang Pelindungan Data Pribadi).",
             {.size = 8.5, .italic = true});
    pdf.spacer(6);
    pdf.text("3. Demikian untuk menjadi perhatian dan dilaksanakan.", TextStyle::body());
    pdf.spacer(18);
    pdf.keepTogether(90);
    const double x = pdf.contentWidth() * 0.55;
    const double y = pdf.cursor();
    pdf.drawAt(x, y, pdf.contentWidth() * 0.45,
               fmt::format("{}\n\n\n\n(..............................)", station.name),
               {.size = 9.5, .align = Align::Center});
    pdf.advance(80);
    pdf.finish();
}

}  // namespace ds
