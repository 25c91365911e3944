#pragma once
// The content rules in use at a station (SOP 003 and 004): the shipped list
// (studio/data/content-words.csv, whose header explains the rule syntax) extended by the
// station's own list (`station set --content-words-file`), whose rows may use the shipped
// sets. The screener, the intake and `content check` all scan with forStation().
#include <string>
#include <vector>

#include "studio/ContentFilter.h"

namespace ds {

struct ContentRuleRow {
    std::string category, term, except;
    std::string source;  // "content-words.csv (built in)" or the station's file
};

class ContentRules {
  public:
    // The shipped rules, plus the station's list when stationList is not empty. Throws
    // InputError naming the station's file, line and field for a row that cannot be used.
    static ContentFilter forStation(const std::string& stationList);
    // The rows of forStation(), for printing.
    static std::vector<ContentRuleRow> rows(const std::string& stationList);
};

}  // namespace ds
