#pragma once
// An XLSX workbook written with libxlsxwriter, one sheet per table, numbers as numbers and
// dates as Excel dates (the station's local time), so a spreadsheet program can sum and sort
// them. Sheets are written row by row in libxlsxwriter's constant-memory mode, which keeps a
// year of requests well inside the memory budget. The workbook handle lives in a unique_ptr
// whose deleter closes it; close() reports libxlsxwriter's error.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "studio/Time.h"

typedef struct lxw_workbook lxw_workbook;
typedef struct lxw_worksheet lxw_worksheet;
typedef struct lxw_format lxw_format;

namespace ds {

class XlsxBook {
  public:
    struct Column {
        std::string title;
        double width = 12.0;  // in characters
    };

    // One sheet: cells of the current row, then next().
    class Sheet {
      public:
        void text(int col, std::string_view value);
        void number(int col, double value);  // general number format
        void integer(int col, std::int64_t value);
        void decimal(int col, double value);  // two decimals shown, full value kept
        void optionalNumber(int col, const std::optional<double>& value);
        void date(int col, Day value);
        void dateTime(int col, TimePoint value);  // in the book's time zone
        void next() { ++row_; }
        int row() const { return row_; }

      private:
        friend class XlsxBook;
        Sheet(XlsxBook& book, lxw_worksheet* ws) : book_(&book), ws_(ws) {}
        XlsxBook* book_;
        lxw_worksheet* ws_;
        int row_ = 1;  // row 0 holds the header
    };

    // Writes `file` (the caller passes its PartFile's .part path). tz: the station's time zone,
    // for dates and times.
    XlsxBook(const std::filesystem::path& file, std::string timeZone, const std::string& title,
             const std::string& author);
    ~XlsxBook();
    XlsxBook(const XlsxBook&) = delete;
    XlsxBook& operator=(const XlsxBook&) = delete;

    // A new sheet (name at most 31 characters) with a bold, frozen header row.
    Sheet sheet(const std::string& name, const std::vector<Column>& columns);
    // Writes the file. Throws UserError with libxlsxwriter's reason.
    void close();

  private:
    struct Closer {
        void operator()(lxw_workbook* wb) const;
    };
    std::unique_ptr<lxw_workbook, Closer> book_;
    std::filesystem::path file_;
    std::string timeZone_;
    lxw_format* header_ = nullptr;
    lxw_format* date_ = nullptr;
    lxw_format* dateTime_ = nullptr;
    lxw_format* decimal_ = nullptr;
    lxw_format* integer_ = nullptr;
    lxw_format* wrap_ = nullptr;
};

}  // namespace ds
