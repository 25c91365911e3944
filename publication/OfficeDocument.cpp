#include "publication/OfficeDocument.h"

#include <algorithm>

#include <fmt/format.h>

#include "studio/PdfDocument.h"

namespace ds::publication {

void signatureBlock(ds::PdfDocument& pdf, const std::string& placeAndDate, const std::string& post,
                    const std::string& name, const std::string& nip) {
    const double width = 230.0;
    const double x = pdf.contentWidth() - width;
    TextStyle s = TextStyle::body(10);
    s.align = Align::Center;
    std::string head = placeAndDate + "\n" + post;
    pdf.keepTogether(pdf.measure(head, s, width) + 110);
    double y = pdf.cursor();
    pdf.drawAt(x, y, width, head, s);
    y += pdf.measure(head, s, width) + 48;
    TextStyle n = s;
    n.bold = true;
    pdf.drawAt(x, y, width, name, n);
    double h = pdf.measure(name, n, width);
    double w = std::min(width, pdf.textWidth(name, n));
    pdf.lineAt(x + (width - w) / 2, y + h, x + (width + w) / 2, y + h, 0.6);
    y += h + 2;
    std::string id = nip.empty() ? "NIP -" : (nip.size() == 18 ? "NIP " : "NIP/NRP ") + nip;
    pdf.drawAt(x, y, width, id, s);
    y += pdf.measure(id, s, width) + 14;
    pdf.advance(y - pdf.cursor());
}

std::string minutesText(Duration d) {
    auto m = std::chrono::duration_cast<std::chrono::minutes>(d).count();
    if (m < 60) return fmt::format("{} menit", m);
    return m % 60 ? fmt::format("{} jam {} menit", m / 60, m % 60) : fmt::format("{} jam", m / 60);
}

std::string verdictText(const StepRecord& s, TimePoint now) {
    if (s.outcome == StepOutcome::Skipped) return "Tidak diperlukan";
    auto standard = standardOf(s.info());
    if (!standard) return "Tanpa mutu baku (menyesuaikan)";
    Duration taken = s.taken(now);
    std::string open = s.finishedAt ? "" : " (berjalan)";
    if (!s.over(now)) return "Sesuai mutu baku" + open;
    return fmt::format("Melebihi mutu baku {}{}", minutesText(taken - *standard), open);
}

}  // namespace ds::publication
