#pragma once
// The periodic report as a printable PDF in Indonesian (UU 14/2008 Pasal 12; Perki 1/2021
// Pasal 56): summary, time to fulfil, refusals by legal ground, channels, months, objections
// and disputes, follow-ups, per-session figures, obstacles and plans, and a signature block
// for the PPID. Per-request times are in the XLSX/CSV/JSON forms; the PDF gives their
// distribution, so a year of 73,000 requests stays a report of a few pages.
#include <filesystem>

namespace ds {

struct PeriodReport;
class Progress;

class PeriodReportPdf {
  public:
    static void write(const PeriodReport& report, const std::filesystem::path& file,
                      Progress& progress);
};

}  // namespace ds
