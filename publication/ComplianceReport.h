#pragma once
// The compliance figures as documents: a PDF in the house style (a table per SOP, a bar chart
// of steps within and over their standard, the items late now) and an XLSX workbook (one
// sheet of step figures, one of late items) for the period report.
#include <filesystem>
#include <string>

#include "publication/Compliance.h"
#include "studio/Station.h"

namespace ds::publication {

class ComplianceReport {
  public:
    static void writePdf(const std::filesystem::path& file, const Station& station,
                         const std::string& periodText, const Compliance& c);
    static void writeXlsx(const std::filesystem::path& file, const Station& station,
                          const Compliance& c);
};

}  // namespace ds::publication
