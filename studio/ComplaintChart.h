#pragma once
// Complaints by area over months as a stacked bar chart drawn with cairo in a PDF (early
// detection, SOP 004 B: an officer would rather look than read): one bar per month, one colour
// per area (the busiest areas; the rest as "Lainnya"), a scale of whole numbers and a legend.
#include "studio/ComplaintStats.h"

namespace ds {

class PdfDocument;

class ComplaintChart {
  public:
    static constexpr int kMaxAreas = 6;  // more areas than this are summed as "Lainnya"
    // Draws at the cursor across the content width, `height` points tall, then moves the
    // cursor below it. Draws nothing for no months.
    static void draw(PdfDocument& pdf, const ComplaintStats& stats, double height);
};

}  // namespace ds
