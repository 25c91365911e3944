#include "publication/NotaDinasPdf.h"

#include <fmt/format.h>

#include "publication/OfficeDocument.h"
#include "studio/IndonesianDate.h"
#include "studio/PdfDocument.h"
#include "studio/ReportText.h"

namespace ds::publication {

namespace {

std::string post(const StepRecord& s) {
    return std::string(roleTitle(s.role));
}

std::string subjectOf(const Handover& h) {
    if (h.from.outcome == StepOutcome::Returned)
        return fmt::format("Pengembalian {} untuk diperbaiki", h.attachment);
    return fmt::format("Penyampaian {}: {}", h.attachment, h.to.info().titleId);
}

}  // namespace

std::vector<Handover> NotaDinasPdf::handovers(const std::vector<StepRecord>& steps,
                                              const std::string& itemCode,
                                              const std::string& itemTitle,
                                              const std::string& attachmentPrefix) {
    std::vector<Handover> out;
    for (std::size_t i = 0; i + 1 < steps.size(); ++i) {
        const StepRecord& from = steps[i];
        if (!from.finishedAt || from.outcome == StepOutcome::Skipped) continue;
        // The next step actually held by someone (skipped ones in between carry no memo).
        std::size_t j = i + 1;
        while (j < steps.size() && steps[j].outcome == StepOutcome::Skipped)
            ++j;
        if (j >= steps.size()) break;
        Handover h;
        h.sequence = static_cast<int>(out.size()) + 1;
        h.itemCode = itemCode;
        h.itemTitle = itemTitle;
        h.attachment = from.version ? fmt::format("{} versi {}", attachmentPrefix, *from.version)
                                    : attachmentPrefix;
        h.from = from;
        h.to = steps[j];
        out.push_back(h);
    }
    return out;
}

void NotaDinasPdf::write(const std::filesystem::path& file, const Station& station,
                         const std::vector<Handover>& notes) {
    const std::string& tz = station.timeZone;
    std::string title = notes.empty() ? "Nota Dinas" : "Nota Dinas " + notes.front().itemCode;
    ds::PdfDocument pdf(file, {title, station.name, "Nota dinas serah terima langkah SOP",
                               "nota dinas; SOP; mutu baku"});
    pdf.setFooter([&station](int page, int pages) {
        return std::pair{station.name, fmt::format("Halaman {} dari {}", page, pages)};
    });
    TimePoint printed = now();
    bool first = true;
    for (const Handover& h : notes) {
        if (!first) pdf.newPage();
        first = false;
        pdf.letterhead(report::letterheadLines(station), 10.5);
        TextStyle t;
        t.size = 13;
        t.bold = true;
        t.align = Align::Center;
        t.spaceAfter = 12;
        pdf.text("NOTA DINAS", t);
        Day day = localDay(*h.from.finishedAt, tz);
        int year = static_cast<int>(date::year_month_day(day).year());
        unsigned month = static_cast<unsigned>(date::year_month_day(day).month());
        static const char* kRoman[] = {"I",   "II",   "III", "IV", "V",  "VI",
                                       "VII", "VIII", "IX",  "X",  "XI", "XII"};
        pdf.fields(
            {{"Kepada", fmt::format("Yth. {} ({})", post(h.to), h.to.holderName)},
             {"Dari", fmt::format("{} ({})", post(h.from), h.from.holderName)},
             {"Tanggal", idn::longDate(day) + ", pukul " + idn::clock(*h.from.finishedAt, tz)},
             {"Nomor",
              fmt::format("ND/{}/{}/{}/{}", h.itemCode, h.sequence, kRoman[month - 1], year)},
             {"Sifat", "Segera"},
             {"Lampiran", "1 (satu) berkas: " + h.attachment},
             {"Perihal", subjectOf(h)}},
            80, 10);
        pdf.rule();
        pdf.spacer(6);
        TextStyle body = TextStyle::body(10);
        body.align = Align::Justify;
        body.spaceAfter = 8;
        if (h.from.outcome == StepOutcome::Returned) {
            pdf.text(fmt::format("Bersama ini dikembalikan {} perihal {} untuk diperbaiki "
                                 "sebelum diteruskan kembali, dengan catatan sebagai berikut:",
                                 h.attachment, h.itemTitle),
                     body);
            TextStyle note = body;
            note.indent = 18;
            note.italic = true;
            pdf.text(h.from.note, note);
        } else {
            pdf.text(fmt::format("Bersama ini disampaikan {} perihal {} untuk ditindaklanjuti: "
                                 "{}.",
                                 h.attachment, h.itemTitle, h.to.info().titleId),
                     body);
            if (!h.from.note.empty()) {
                TextStyle note = body;
                note.indent = 18;
                note.italic = true;
                pdf.text("Catatan: " + h.from.note, note);
            }
        }
        pdf.text(fmt::format("Waktu langkah ini menurut {}:", sopTitle(h.from.sop)), body);
        auto standard = standardOf(h.from.info());
        pdf.table({{"Langkah", 0.6, Align::Center},
                   {"Uraian", 2.6},
                   {"Pelaksana", 1.6},
                   {"Mutu baku", 0.9, Align::Center},
                   {"Diterima", 0.9, Align::Center},
                   {"Diserahkan", 0.9, Align::Center},
                   {"Waktu", 0.9, Align::Center},
                   {"Keterangan", 1.4}},
                  {{std::to_string(h.from.step), std::string(h.from.info().titleId),
                    h.from.holderName, standard ? minutesText(*standard) : "menyesuaikan",
                    idn::clock(h.from.startedAt, tz), idn::clock(*h.from.finishedAt, tz),
                    minutesText(h.from.taken(printed)), verdictText(h.from, printed)}},
                  {8});
        pdf.text("Demikian disampaikan, atas perhatiannya diucapkan terima kasih.", body);
        pdf.spacer(8);
        signatureBlock(pdf, report::placeOf(station) + ", " + idn::longDate(day), post(h.from),
                       h.from.holderName, h.fromNip);
    }
    pdf.finish();
}

}  // namespace ds::publication
