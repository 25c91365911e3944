#include "studio/ComplaintChart.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "studio/IndonesianDate.h"
#include "studio/PdfDocument.h"

namespace ds {

namespace {

struct Colour {
    double r, g, b;
};
// Distinct in colour and in lightness, so a grey print still tells them apart.
constexpr std::array<Colour, ComplaintChart::kMaxAreas + 1> kColours{{
    {0.12, 0.30, 0.60},  // dark blue
    {0.90, 0.50, 0.10},  // orange
    {0.20, 0.60, 0.30},  // green
    {0.75, 0.15, 0.20},  // red
    {0.55, 0.40, 0.70},  // purple
    {0.55, 0.75, 0.90},  // light blue
    {0.70, 0.70, 0.70},  // grey: Lainnya
}};

// 1, 2, 5, 10, 20, 50 ...: a step giving at most five gridlines up to `max`.
int niceStep(int max) {
    for (int scale = 1;; scale *= 10) {
        for (int s : {1, 2, 5}) {
            if (max <= s * scale * 5) return s * scale;
        }
    }
}

std::string monthLabel(const std::string& code) {
    // "2026-09" -> "Sep\n2026"
    const int year = std::stoi(code.substr(0, 4));
    const int month = std::stoi(code.substr(5, 2));
    return fmt::format("{}\n{}", idn::monthName(month).substr(0, 3), year);
}

}  // namespace

void ComplaintChart::draw(PdfDocument& pdf, const ComplaintStats& stats, double height) {
    if (stats.months.empty() || stats.areaMonths.empty()) return;
    // The busiest areas keep their own colour; the others are summed.
    struct Series {
        std::string name;
        std::vector<int> counts;
    };
    std::vector<Series> series;
    const std::size_t months = stats.months.size();
    for (const AreaMonths& a : stats.areaMonths) {
        if (series.size() < static_cast<std::size_t>(kMaxAreas)) {
            series.push_back({a.area, a.counts});
            continue;
        }
        if (series.size() == static_cast<std::size_t>(kMaxAreas))
            series.push_back({"Lainnya", std::vector<int>(months, 0)});
        for (std::size_t m = 0; m < months; ++m)
            series.back().counts[m] += a.counts[m];
    }
    int max = 1;
    for (std::size_t m = 0; m < months; ++m) {
        int sum = 0;
        for (const Series& s : series)
            sum += s.counts[m];
        max = std::max(max, sum);
    }
    const int step = niceStep(max);
    // One step above the tallest bar, so its total stands clear of the title.
    const int top = (max / step + 1) * step;

    pdf.keepTogether(height + 10);
    const double x0 = 0, y0 = pdf.cursor();
    const double legendWidth = 150, axisWidth = 26, labelHeight = 26, titleHeight = 14;
    const double plotX = x0 + axisWidth;
    const double plotW = pdf.contentWidth() - axisWidth - legendWidth - 10;
    const double plotY = y0 + titleHeight;
    const double plotH = height - titleHeight - labelHeight;
    const TextStyle small{.size = 7.5, .spaceAfter = 0};
    const TextStyle axis{.size = 7.5, .align = Align::Right, .spaceAfter = 0};
    const TextStyle centred{.size = 7.5, .align = Align::Center, .spaceAfter = 0};

    pdf.drawAt(x0, y0, pdf.contentWidth(), "Jumlah keluhan per wilayah per bulan",
               {.size = 8.5, .bold = true, .spaceAfter = 0});
    // Scale: gridlines at each step, the count beside each.
    for (int v = 0; v <= top; v += step) {
        const double y = plotY + plotH - plotH * v / top;
        pdf.lineAt(plotX, y, plotX + plotW, y, v == 0 ? 0.8 : 0.2);
        pdf.drawAt(x0, y - 4.5, axisWidth - 4, std::to_string(v), axis);
    }
    pdf.lineAt(plotX, plotY, plotX, plotY + plotH, 0.8);
    const double slot = plotW / static_cast<double>(months);
    const double barW = std::min(slot * 0.62, 40.0);
    for (std::size_t m = 0; m < months; ++m) {
        const double bx = plotX + slot * static_cast<double>(m) + (slot - barW) / 2;
        double y = plotY + plotH;
        int sum = 0;
        for (std::size_t s = 0; s < series.size(); ++s) {
            const int c = series[s].counts[m];
            if (c == 0) continue;
            const double h = plotH * c / top;
            const Colour& col = kColours[std::min(s, kColours.size() - 1)];
            y -= h;
            pdf.rectAt(bx, y, barW, h, col.r, col.g, col.b);
            sum += c;
        }
        if (sum > 0) pdf.drawAt(bx - 6, y - 10, barW + 12, std::to_string(sum), centred);
        if (months <= 12 || m % 2 == 0)
            pdf.drawAt(plotX + slot * static_cast<double>(m), plotY + plotH + 3, slot,
                       monthLabel(stats.months[m]), centred);
    }
    // Legend: a swatch and the area with its total, in the order of the stack (bottom first).
    const double lx = plotX + plotW + 14;
    double ly = plotY;
    for (std::size_t s = 0; s < series.size(); ++s) {
        const Colour& col = kColours[std::min(s, kColours.size() - 1)];
        int total = 0;
        for (int c : series[s].counts)
            total += c;
        pdf.rectAt(lx, ly + 1.5, 9, 9, col.r, col.g, col.b);
        const std::string text = fmt::format("{} ({})", series[s].name, total);
        pdf.drawAt(lx + 13, ly, legendWidth - 14, text, small);
        ly += std::max(13.0, pdf.measure(text, small, legendWidth - 14) + 3);
    }
    pdf.advance(height + 6);
}

}  // namespace ds
