#pragma once
// Strict CSV reading for imports (RFC 4180: quoted fields, doubled quotes, newlines inside
// quotes, CRLF or LF; a UTF-8 byte-order mark is skipped). Errors name the file, the line and,
// where there is one, the column, so a person can find and fix the row.
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace ds {

struct CsvTable {
    std::string source;                 // file name used in messages
    std::vector<std::string> header;    // trimmed column names
    std::vector<std::vector<std::string>> rows;  // each row has header.size() fields
    std::vector<std::size_t> lines;     // line number (1-based) where each row starts
    std::size_t headerLine = 0;         // line of the header (comment lines may precede it)

    // Index of a column, or -1.
    int column(std::string_view name) const;
    // Throws InputError naming the file and its header line, each missing required column and
    // each column that is neither required nor optional, and listing the accepted columns.
    void requireColumns(const std::vector<std::string>& required,
                        const std::vector<std::string>& optional) const;
    // The field of row r in the named column, or "" if the table has no such column.
    const std::string& field(std::size_t r, std::string_view name) const;
    // "questions.csv line 4: " for messages about row r.
    std::string where(std::size_t r) const;
};

class CsvReader {
public:
    // skipComments: lines whose first character is '#' (outside quotes) are ignored.
    // Throws InputError for: an empty input or no header, invalid UTF-8 (line, column name and
    // byte within the field; checked after splitting, so the CSV structure is read first),
    // an unterminated quote (line where it began), a row with a different number of fields than
    // the header (line, expected and found), an empty or duplicate column name.
    // Blank lines are skipped.
    static CsvTable parse(std::string_view data, std::string_view source, bool skipComments = false);
    // Reads the file (InputError if it cannot be read) and parses it; source = the file's path.
    static CsvTable readFile(const std::filesystem::path& file, bool skipComments = false);
};

}  // namespace ds
