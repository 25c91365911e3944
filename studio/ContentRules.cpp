#include "studio/ContentRules.h"

#include "studio/CsvReader.h"
#include "studio/EmbeddedData.h"

namespace ds {

namespace {

constexpr const char* kShippedSource = "content-words.csv (built in)";

// Quoted always (RFC 4180): rule text holds commas and starts with @ or ~, which a
// spreadsheet guard would change.
std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::vector<ContentRuleRow> rowsOf(const CsvTable& table) {
    std::vector<ContentRuleRow> out;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        out.push_back({table.field(r, "category"), table.field(r, "term"), table.field(r, "except"),
                       table.source});
    }
    return out;
}

}  // namespace

ContentFilter ContentRules::forStation(const std::string& stationList) {
    if (stationList.empty()) return ContentFilter::shipped();
    // The station's list on its own first, so an error names its own file and line.
    ContentFilter::load(stationList);
    std::string csv(embedded::kContentWordsCsv);
    if (!csv.empty() && csv.back() != '\n') csv += '\n';
    for (const ContentRuleRow& r : rowsOf(CsvReader::readFile(stationList, true))) {
        csv += quoted(r.category) + "," + quoted(r.term) + "," + quoted(r.except) + "\n";
    }
    // A source name starting with the shipped list's: its sets are in the text itself.
    return ContentFilter::parse(csv, std::string(kShippedSource) + " + " + stationList);
}

std::vector<ContentRuleRow> ContentRules::rows(const std::string& stationList) {
    std::vector<ContentRuleRow> out =
        rowsOf(CsvReader::parse(embedded::kContentWordsCsv, kShippedSource, true));
    if (!stationList.empty()) {
        for (ContentRuleRow& r : rowsOf(CsvReader::readFile(stationList, true)))
            out.push_back(std::move(r));
    }
    return out;
}

}  // namespace ds
