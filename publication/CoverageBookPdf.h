#pragma once
// The coverage schedule book (buku jadwal peliputan) that SOP 002 keeps as its record: one row
// per coverage in the period, in order of the activity: day and time, activity, place, where
// the request came from, the team, the SPT or Sprin, and how far it has gone.
#include <filesystem>
#include <string>
#include <vector>

#include "publication/Coverage.h"
#include "studio/Station.h"

namespace ds::publication {

class CoverageBookPdf {
  public:
    static void write(const std::filesystem::path& file, const Station& station,
                      const std::string& periodText, const std::vector<Coverage>& coverages);
};

}  // namespace ds::publication
