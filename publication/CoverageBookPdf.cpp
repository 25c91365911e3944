#include "publication/CoverageBookPdf.h"

#include <fmt/format.h>

#include "studio/IndonesianDate.h"
#include "studio/PdfDocument.h"
#include "studio/ReportText.h"

namespace ds::publication {

void CoverageBookPdf::write(const std::filesystem::path& file, const Station& station,
                            const std::string& periodText, const std::vector<Coverage>& coverages) {
    const std::string& tz = station.timeZone;
    ds::PdfDocument pdf(file, {"Buku Jadwal Peliputan " + periodText, station.name,
                               "Buku jadwal peliputan (SOP Peliputan dan Dokumentasi)",
                               "peliputan; dokumentasi; SOP"});
    std::string left = fmt::format("Buku jadwal peliputan \u00b7 {} \u00b7 dicetak {}",
                                   station.name, idn::dateTime(now(), tz));
    pdf.setFooter([left](int page, int pages) {
        return std::pair{left, fmt::format("Halaman {} dari {}", page, pages)};
    });
    pdf.letterhead(report::letterheadLines(station), 10.5);
    TextStyle t;
    t.size = 13;
    t.bold = true;
    t.align = Align::Center;
    t.spaceAfter = 2;
    pdf.text("BUKU JADWAL PELIPUTAN", t);
    TextStyle sub = TextStyle::body(10);
    sub.align = Align::Center;
    sub.spaceAfter = 12;
    pdf.text(periodText, sub);
    std::vector<std::vector<std::string>> rows;
    int n = 0;
    for (const Coverage& c : coverages) {
        Day d = localDay(c.eventStart, tz);
        std::string source =
            c.source == CoverageSource::Letter
                ? fmt::format("Surat {} ({})", c.letterNumber, c.requester)
            : c.source == CoverageSource::Agenda
                ? "Agenda kepala daerah"
                : fmt::format("Dialog Interaktif, sesi {}", c.sessionId.value_or(0));
        std::string team;
        for (const auto& m : c.team)
            team += (team.empty() ? "" : "\n") + (m.rank.empty() ? m.name : m.rank + " " + m.name) +
                    (m.task.empty() ? "" : " (" + m.task + ")");
        std::string order = c.sptNumber.empty() ? (c.needsSpt ? "SPT belum terbit" : "-")
                                                : (c.sessionId ? "Sprin " : "SPT ") + c.sptNumber;
        std::string state = c.done
                                ? "Selesai, diarsipkan"
                                : fmt::format("Langkah {}: {}", c.step,
                                              std::string(sopStep(Sop::Coverage, c.step).titleId));
        rows.push_back(
            {std::to_string(++n),
             idn::dayName(d) + ", " + idn::shortDate(d) + "\n" + idn::clock(c.eventStart, tz),
             c.title, c.place, source, team.empty() ? "-" : team, order, state});
    }
    if (rows.empty()) {
        pdf.text("Tidak ada jadwal peliputan pada periode ini.", TextStyle::body());
    } else {
        pdf.table({{"No.", 0.35, Align::Center},
                   {"Hari, tanggal, waktu", 1.1},
                   {"Kegiatan", 1.8},
                   {"Tempat", 1.1},
                   {"Sumber", 1.3},
                   {"Tim peliputan", 1.5},
                   {"SPT/Sprin", 1.0},
                   {"Status", 1.2}},
                  rows, {7.5});
    }
    pdf.finish();
}

}  // namespace ds::publication
