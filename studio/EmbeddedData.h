#pragma once
// The data files shipped in studio/data/, compiled into the binary so Dialog Studio runs on its
// defaults with nothing installed beside it.
#include <string_view>

namespace ds::embedded {
extern const std::string_view kHolidaysCsv;      // studio/data/holidays-id.csv
extern const std::string_view kContentWordsCsv;  // studio/data/content-words.csv
}  // namespace ds::embedded
