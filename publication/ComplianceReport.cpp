#include "publication/ComplianceReport.h"

#include <algorithm>

#include <fmt/format.h>

#include "publication/OfficeDocument.h"
#include "studio/IndonesianDate.h"
#include "studio/PdfDocument.h"
#include "studio/ReportText.h"
#include "studio/XlsxBook.h"

namespace ds::publication {

namespace {

std::string median(const StepFigures& s) {
    if (!s.medianSeconds) return "-";
    return minutesText(std::chrono::seconds(static_cast<long>(*s.medianSeconds + 0.5)));
}

std::string standardText(const SopStepInfo& info) {
    auto s = standardOf(info);
    return s ? minutesText(*s) : "menyesuaikan";
}

std::string percent(int part, int whole) {
    if (whole == 0) return "-";
    return fmt::format("{}%", (part * 100 + whole / 2) / whole);
}

// Horizontal bars, one per step with work done: the filled part the steps within the
// standard, the outlined part those over it.
void chart(ds::PdfDocument& pdf, const Compliance& c, Sop sop) {
    int maxDone = 1;
    for (const auto& s : c.steps)
        if (s.sop == sop) maxDone = std::max(maxDone, s.done);
    const double label = 150, width = pdf.contentWidth() - label - 40, rowH = 14;
    int rows = 0;
    for (const auto& s : c.steps)
        if (s.sop == sop) ++rows;
    pdf.keepTogether(rows * rowH + 40);
    TextStyle small = TextStyle::body(7.5);
    double y = pdf.cursor();
    for (const auto& s : c.steps) {
        if (s.sop != sop) continue;
        const SopStepInfo& info = sopStep(sop, s.step);
        pdf.drawAt(0, y, label - 6, fmt::format("{}. {}", s.step, info.code), small);
        double x = label;
        double within = width * s.withinStandard / maxDone;
        double over = width * s.overStandard / maxDone;
        double mid = y + rowH / 2 - 1;
        if (within > 0) pdf.lineAt(x, mid, x + within, mid, 8);
        if (over > 0) {
            double x0 = x + within, x1 = x + within + over;
            pdf.lineAt(x0, mid - 4, x1, mid - 4, 0.8);
            pdf.lineAt(x0, mid + 4, x1, mid + 4, 0.8);
            pdf.lineAt(x1, mid - 4, x1, mid + 4, 0.8);
            pdf.lineAt(x0, mid - 4, x0, mid + 4, 0.8);
        }
        pdf.drawAt(x + within + over + 4, y, 40, fmt::format("{}/{}", s.withinStandard, s.done),
                   small);
        y += rowH;
    }
    pdf.advance(y - pdf.cursor() + 4);
    TextStyle legend = TextStyle::body(7.5);
    legend.gray = 0.3;
    pdf.text(
        "Batang penuh: sesuai mutu baku; batang bergaris tepi: melebihi mutu baku; angka: "
        "sesuai/selesai.",
        legend);
}

}  // namespace

void ComplianceReport::writePdf(const std::filesystem::path& file, const Station& station,
                                const std::string& periodText, const Compliance& c) {
    const std::string& tz = station.timeZone;
    ds::PdfDocument pdf(file,
                        {"Kepatuhan mutu baku waktu SOP " + periodText, station.name,
                         "Kepatuhan mutu baku waktu SOP 001 dan 002", "SOP; mutu baku; kepatuhan"});
    std::string left = fmt::format("Kepatuhan mutu baku \u00b7 {} \u00b7 per {}", station.name,
                                   idn::dateTime(c.asOf, tz));
    pdf.setFooter([left](int page, int pages) {
        return std::pair{left, fmt::format("Halaman {} dari {}", page, pages)};
    });
    pdf.letterhead(report::letterheadLines(station), 10.5);
    TextStyle t;
    t.size = 12.5;
    t.bold = true;
    t.align = Align::Center;
    t.spaceAfter = 2;
    pdf.text("LAPORAN KEPATUHAN MUTU BAKU WAKTU", t);
    TextStyle sub = TextStyle::body(10);
    sub.align = Align::Center;
    sub.spaceAfter = 12;
    pdf.text(periodText, sub);
    int section = 0;
    static const char* kRoman[] = {"I", "II", "III"};
    for (Sop sop : {Sop::Release, Sop::Coverage}) {
        pdf.text(fmt::format("{}. {} (SOP {})", kRoman[section++], sopTitle(sop), sopCode(sop)),
                 TextStyle::heading());
        std::vector<std::vector<std::string>> rows;
        for (const auto& s : c.steps) {
            if (s.sop != sop) continue;
            const SopStepInfo& info = sopStep(sop, s.step);
            rows.push_back({std::to_string(s.step), std::string(info.titleId),
                            std::string(roleTitle(info.role)), standardText(info),
                            std::to_string(s.done), std::to_string(s.withinStandard),
                            std::to_string(s.overStandard), percent(s.withinStandard, s.done),
                            median(s), std::to_string(s.open)});
        }
        pdf.table({{"No.", 0.4, Align::Center},
                   {"Langkah", 2.6},
                   {"Pelaksana", 1.3},
                   {"Mutu baku", 0.8, Align::Center},
                   {"Selesai", 0.6, Align::Right},
                   {"Sesuai", 0.6, Align::Right},
                   {"Melebihi", 0.6, Align::Right},
                   {"% sesuai", 0.6, Align::Right},
                   {"Median", 0.8, Align::Right},
                   {"Berjalan", 0.6, Align::Right}},
                  rows, {7.5});
        chart(pdf, c, sop);
        pdf.spacer(8);
    }
    pdf.text(fmt::format("{}. Terlambat saat ini", kRoman[section]), TextStyle::heading());
    if (c.lateNow.empty()) {
        pdf.text("Tidak ada langkah yang melewati mutu baku saat ini.", TextStyle::body());
    } else {
        std::vector<std::vector<std::string>> rows;
        for (const auto& l : c.lateNow)
            rows.push_back({l.item, fmt::format("{}. {}", l.step.step, l.step.info().titleId),
                            l.step.holderName, idn::shortDateTime(l.step.startedAt, tz),
                            standardText(l.step.info()),
                            minutesText(std::chrono::seconds(static_cast<long>(l.overSeconds)))});
        pdf.table({{"Berkas", 1.6},
                   {"Langkah", 2.2},
                   {"Pemegang", 1.3},
                   {"Sejak", 1.0},
                   {"Mutu baku", 0.8},
                   {"Terlambat", 0.9}},
                  rows, {7.5});
    }
    pdf.finish();
}

void ComplianceReport::writeXlsx(const std::filesystem::path& file, const Station& station,
                                 const Compliance& c) {
    ds::XlsxBook book(file, station.timeZone, "Kepatuhan mutu baku waktu SOP", station.name);
    auto sheet = book.sheet("Mutu baku", {{"SOP", 6},
                                          {"Langkah", 8},
                                          {"Uraian", 50},
                                          {"Pelaksana", 28},
                                          {"Mutu baku (menit)", 12},
                                          {"Selesai", 9},
                                          {"Sesuai", 9},
                                          {"Melebihi", 9},
                                          {"Berjalan", 9},
                                          {"Median (menit)", 12}});
    for (const auto& s : c.steps) {
        const SopStepInfo& info = sopStep(s.sop, s.step);
        sheet.text(0, sopCode(s.sop));
        sheet.integer(1, s.step);
        sheet.text(2, info.titleId);
        sheet.text(3, roleTitle(info.role));
        if (info.standardMinutes) sheet.integer(4, *info.standardMinutes);
        sheet.integer(5, s.done);
        sheet.integer(6, s.withinStandard);
        sheet.integer(7, s.overStandard);
        sheet.integer(8, s.open);
        std::optional<double> m;
        if (s.medianSeconds) m = *s.medianSeconds / 60.0;
        sheet.optionalNumber(9, m);
        sheet.next();
    }
    auto late = book.sheet("Terlambat", {{"Berkas", 40},
                                         {"SOP", 6},
                                         {"Langkah", 8},
                                         {"Pemegang", 28},
                                         {"Sejak", 18},
                                         {"Terlambat (menit)", 14}});
    for (const auto& l : c.lateNow) {
        late.text(0, l.item);
        late.text(1, sopCode(l.step.sop));
        late.integer(2, l.step.step);
        late.text(3, l.step.holderName);
        late.dateTime(4, l.step.startedAt);
        late.decimal(5, l.overSeconds / 60.0);
        late.next();
    }
    book.close();
}

}  // namespace ds::publication
