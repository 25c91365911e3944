#include "studio/CsvReader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "studio/Errors.h"
#include "studio/TextRules.h"

namespace ds {

// [SECTION] CsvTable

int CsvTable::column(std::string_view name) const {
    const auto it = std::find(header.begin(), header.end(), name);
    return it == header.end() ? -1 : static_cast<int>(it - header.begin());
}

void CsvTable::requireColumns(const std::vector<std::string>& required,
                              const std::vector<std::string>& optional) const {
    std::vector<std::string> problems;
    for (const auto& name : required) {
        if (column(name) < 0) problems.push_back(fmt::format("missing column '{}'", name));
    }
    for (const auto& name : header) {
        const bool known = std::find(required.begin(), required.end(), name) != required.end() ||
                           std::find(optional.begin(), optional.end(), name) != optional.end();
        if (!known) problems.push_back(fmt::format("unknown column '{}'", name));
    }
    if (problems.empty()) return;
    std::string accepted = fmt::format("{}", fmt::join(required, ", "));
    if (!optional.empty()) accepted += fmt::format(" (optional: {})", fmt::join(optional, ", "));
    throw InputError(fmt::format("{} line {}: {}; the accepted columns are {}", source, headerLine,
                                 fmt::join(problems, "; "), accepted));
}

const std::string& CsvTable::field(std::size_t r, std::string_view name) const {
    static const std::string kEmpty;
    const int c = column(name);
    return c < 0 ? kEmpty : rows.at(r).at(static_cast<std::size_t>(c));
}

std::string CsvTable::where(std::size_t r) const {
    return fmt::format("{} line {}: ", source, lines.at(r));
}

// [SECTION] CsvReader

namespace {

// One record as read, before it is checked against the header.
struct Record {
    std::vector<std::string> fields;
    std::size_t line = 0;
};

// Splits the data into records. Works on bytes: every character that has a meaning in CSV is
// ASCII, and no byte of a multi-byte UTF-8 sequence is, so invalid UTF-8 cannot confuse it.
class Splitter {
  public:
    Splitter(std::string_view data, std::string_view source, bool skipComments)
        : data_(data), source_(source), skipComments_(skipComments) {}

    // Next non-blank, non-comment record; false at the end of the data.
    bool next(Record& out) {
        while (pos_ < data_.size()) {
            if (skipComments_ && data_[pos_] == '#') {
                skipLine();
                continue;
            }
            if (blankLine()) {
                skipLine();
                continue;
            }
            readRecord(out);
            return true;
        }
        return false;
    }

  private:
    // A line break is LF, CRLF or a lone CR; returns its length at pos (0 if none).
    std::size_t lineBreakAt(std::size_t pos) const {
        if (pos >= data_.size()) return 0;
        if (data_[pos] == '\n') return 1;
        if (data_[pos] == '\r') return pos + 1 < data_.size() && data_[pos + 1] == '\n' ? 2 : 1;
        return 0;
    }

    bool blankLine() const {
        for (std::size_t p = pos_; p < data_.size(); ++p) {
            if (lineBreakAt(p) > 0) return true;
            if (data_[p] != ' ' && data_[p] != '\t') return false;
        }
        return true;
    }

    void skipLine() {
        while (pos_ < data_.size()) {
            if (const std::size_t n = lineBreakAt(pos_)) {
                pos_ += n;
                ++line_;
                return;
            }
            ++pos_;
        }
    }

    [[noreturn]] void fail(std::size_t line, const std::string& problem) const {
        throw InputError(fmt::format("{} line {}: {}", source_, line, problem));
    }

    void readRecord(Record& out) {
        out.fields.clear();
        out.line = line_;
        std::string field;
        for (;;) {
            field.clear();
            if (pos_ < data_.size() && data_[pos_] == '"') {
                readQuoted(field);
            } else {
                readPlain(field, out.fields.size() + 1);
            }
            out.fields.push_back(field);
            if (pos_ < data_.size() && data_[pos_] == ',') {
                ++pos_;
                continue;
            }
            // End of the record: a line break or the end of the data.
            if (const std::size_t n = lineBreakAt(pos_)) {
                pos_ += n;
                ++line_;
            }
            return;
        }
    }

    // RFC 4180 allows quotes only in quoted fields; a stray one usually means a field that
    // should have been quoted, and guessing would silently shift the columns.
    void readPlain(std::string& field, std::size_t number) {
        while (pos_ < data_.size() && data_[pos_] != ',' && lineBreakAt(pos_) == 0) {
            if (data_[pos_] == '"') {
                fail(line_, fmt::format("field {} has a quote inside it; put the whole field in "
                                        "quotes and double the quote (\"\")",
                                        number));
            }
            field += data_[pos_++];
        }
    }

    void readQuoted(std::string& field) {
        const std::size_t startLine = line_;
        ++pos_;  // the opening quote
        for (;;) {
            if (pos_ >= data_.size()) {
                fail(startLine, "a quoted field is not closed (its opening quote is on this line)");
            }
            const char c = data_[pos_];
            if (c == '"') {
                if (pos_ + 1 < data_.size() && data_[pos_ + 1] == '"') {
                    field += '"';
                    pos_ += 2;
                    continue;
                }
                ++pos_;  // the closing quote
                if (pos_ < data_.size() && data_[pos_] != ',' && lineBreakAt(pos_) == 0) {
                    fail(line_,
                         "unexpected text after a closing quote; double a quote inside "
                         "a quoted field (\"\")");
                }
                return;
            }
            if (const std::size_t n = lineBreakAt(pos_)) {
                field += '\n';  // one form of line break inside fields, whatever the file used
                pos_ += n;
                ++line_;
                continue;
            }
            field += c;
            ++pos_;
        }
    }

    std::string_view data_;
    std::string_view source_;
    bool skipComments_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
};

// Line of byte `offset` inside a field that begins on `firstLine` (fields may span lines).
std::size_t lineWithin(const std::string& field, std::size_t offset, std::size_t firstLine) {
    return firstLine +
           static_cast<std::size_t>(std::count(field.begin(), field.begin() + offset, '\n'));
}

}  // namespace

CsvTable CsvReader::parse(std::string_view data, std::string_view source, bool skipComments) {
    CsvTable table;
    table.source = std::string(source);

    // A byte-order mark is how Excel marks a UTF-8 CSV; it is not part of the first column name.
    constexpr std::string_view kBom = "\xEF\xBB\xBF";
    if (data.substr(0, kBom.size()) == kBom) data.remove_prefix(kBom.size());
    // A NUL byte means a binary or damaged file; said here, once, with its line, before any
    // message quotes a field it would cut short.
    if (std::size_t nul = data.find('\0'); nul != std::string_view::npos) {
        std::size_t line =
            1 + static_cast<std::size_t>(std::count(data.begin(), data.begin() + nul, '\n'));
        throw InputError(fmt::format(
            "{} line {}: a NUL byte (byte {} of the file); a CSV file is text: save it again as "
            "CSV UTF-8",
            source, line, nul + 1));
    }

    Splitter splitter(data, source, skipComments);
    Record record;
    if (!splitter.next(record)) {
        throw InputError(fmt::format("{}: the file is empty; expected a header line", source));
    }
    table.headerLine = record.line;
    for (std::size_t c = 0; c < record.fields.size(); ++c) {
        const std::string& raw = record.fields[c];
        if (auto bad = firstInvalidUtf8(raw)) {
            throw InputError(
                fmt::format("{} line {}: column {} of the header: invalid UTF-8 at "
                            "byte {}",
                            source, lineWithin(raw, *bad, record.line), c + 1, *bad + 1));
        }
        std::string name = trim(raw);
        if (name.empty()) {
            throw InputError(fmt::format("{} line {}: column {} of the header has no name", source,
                                         record.line, c + 1));
        }
        const int earlier = table.column(name);
        if (earlier >= 0) {
            throw InputError(
                fmt::format("{} line {}: column '{}' appears twice (columns {} and "
                            "{})",
                            source, record.line, name, earlier + 1, c + 1));
        }
        table.header.push_back(std::move(name));
    }

    while (splitter.next(record)) {
        if (record.fields.size() != table.header.size()) {
            throw InputError(fmt::format("{} line {}: expected {} fields ({}), found {}", source,
                                         record.line, table.header.size(),
                                         fmt::join(table.header, ","), record.fields.size()));
        }
        for (std::size_t c = 0; c < record.fields.size(); ++c) {
            const std::string& value = record.fields[c];
            if (auto bad = firstInvalidUtf8(value)) {
                throw InputError(fmt::format("{} line {}: field '{}': invalid UTF-8 at byte {}",
                                             source, lineWithin(value, *bad, record.line),
                                             table.header[c], *bad + 1));
            }
        }
        table.rows.push_back(std::move(record.fields));
        table.lines.push_back(record.line);
        record = Record{};
    }
    return table;
}

CsvTable CsvReader::readFile(const std::filesystem::path& file, bool skipComments) {
    std::error_code ec;
    const auto status = std::filesystem::status(file, ec);
    if (status.type() == std::filesystem::file_type::not_found) {
        throw InputError(fmt::format("{}: cannot read the file: it does not exist", file.string()));
    }
    if (!ec && status.type() != std::filesystem::file_type::regular) {
        throw InputError(
            fmt::format("{}: cannot read the file: not a regular file", file.string()));
    }
    std::ifstream in(file, std::ios::binary);
    std::ostringstream content;
    if (in) content << in.rdbuf();
    if (!in || in.bad()) {
        throw InputError(
            fmt::format("{}: cannot read the file: {}", file.string(), std::strerror(errno)));
    }
    return parse(content.str(), file.string(), skipComments);
}

}  // namespace ds
