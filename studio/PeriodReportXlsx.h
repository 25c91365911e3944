#pragma once
// The periodic report as an XLSX workbook, one sheet per table: summary, refusals by ground,
// time to fulfil of every decided request, per month, per session, channels, objections and
// disputes, follow-ups by unit. Numbers are numbers and dates are dates.
#include <filesystem>

namespace ds {

struct PeriodReport;
class Progress;

class PeriodReportXlsx {
  public:
    static void write(const PeriodReport& report, const std::filesystem::path& file,
                      Progress& progress);
};

}  // namespace ds
