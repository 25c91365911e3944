#include "studio/XlsxBook.h"

#include <xlsxwriter.h>

#include <date/tz.h>
#include <fmt/format.h>

#include "studio/Errors.h"
#include "studio/LibraryStderr.h"

namespace ds {

void XlsxBook::Closer::operator()(lxw_workbook* wb) const {
    // Closing is the only way libxlsxwriter frees a workbook; the file it writes is the
    // caller's .part file, which PartFile removes unless the export was committed.
    workbook_close(wb);
}

XlsxBook::XlsxBook(const std::filesystem::path& file, std::string timeZone,
                   const std::string& title, const std::string& author)
    : file_(file), timeZone_(std::move(timeZone)) {
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.use_zip64 = LXW_TRUE;
    // Its temporary files go beside the output, not to /tmp, which may be a small RAM disk.
    std::string tmpdir = file_.has_parent_path() ? file_.parent_path().string() : ".";
    options.tmpdir = tmpdir.data();
    LibraryStderr quiet;
    book_.reset(workbook_new_opt(file_.c_str(), &options));
    std::string said = quiet.finish();
    if (!book_) {
        throw UserError(fmt::format("cannot write {}{}", file_.string(),
                                    said.empty() ? "" : " (" + said + ")"));
    }
    lxw_doc_properties props{};
    props.title = const_cast<char*>(title.c_str());
    props.author = const_cast<char*>(author.c_str());
    props.company = const_cast<char*>(author.c_str());
    workbook_set_properties(book_.get(), &props);
    lxw_workbook* wb = book_.get();
    header_ = workbook_add_format(wb);
    format_set_bold(header_);
    format_set_bg_color(header_, 0xE0E0E0);
    format_set_border(header_, LXW_BORDER_THIN);
    format_set_text_wrap(header_);
    format_set_align(header_, LXW_ALIGN_VERTICAL_TOP);
    date_ = workbook_add_format(wb);
    format_set_num_format(date_, "yyyy-mm-dd");
    dateTime_ = workbook_add_format(wb);
    format_set_num_format(dateTime_, "yyyy-mm-dd hh:mm");
    decimal_ = workbook_add_format(wb);
    format_set_num_format(decimal_, "0.00");
    integer_ = workbook_add_format(wb);
    format_set_num_format(integer_, "0");
    wrap_ = workbook_add_format(wb);
    format_set_text_wrap(wrap_);
    format_set_align(wrap_, LXW_ALIGN_VERTICAL_TOP);
}

XlsxBook::~XlsxBook() = default;

XlsxBook::Sheet XlsxBook::sheet(const std::string& name, const std::vector<Column>& columns) {
    lxw_worksheet* ws = workbook_add_worksheet(book_.get(), name.c_str());
    if (!ws) throw UserError(fmt::format("cannot add the sheet '{}' to {}", name, file_.string()));
    for (std::size_t c = 0; c < columns.size(); ++c) {
        auto col = static_cast<lxw_col_t>(c);
        worksheet_set_column(ws, col, col, columns[c].width, nullptr);
        worksheet_write_string(ws, 0, col, columns[c].title.c_str(), header_);
    }
    worksheet_freeze_panes(ws, 1, 0);
    return Sheet(*this, ws);
}

void XlsxBook::close() {
    LibraryStderr quiet;
    lxw_error err = workbook_close(book_.release());
    quiet.finish();
    if (err != LXW_NO_ERROR) {
        throw UserError(fmt::format(
            "cannot write {}: {}; check the free space and that the folder can be written, "
            "then export again",
            file_.string(), lxw_strerror(err)));
    }
}

void XlsxBook::Sheet::text(int col, std::string_view value) {
    if (value.empty()) return;
    std::string s(value);
    // Long texts wrap; short ones stay on one line so the sheet is easy to scan.
    worksheet_write_string(ws_, static_cast<lxw_row_t>(row_), static_cast<lxw_col_t>(col),
                           s.c_str(), s.size() > 60 ? book_->wrap_ : nullptr);
}

void XlsxBook::Sheet::number(int col, double value) {
    worksheet_write_number(ws_, static_cast<lxw_row_t>(row_), static_cast<lxw_col_t>(col), value,
                           nullptr);
}

void XlsxBook::Sheet::integer(int col, std::int64_t value) {
    worksheet_write_number(ws_, static_cast<lxw_row_t>(row_), static_cast<lxw_col_t>(col),
                           static_cast<double>(value), book_->integer_);
}

void XlsxBook::Sheet::decimal(int col, double value) {
    worksheet_write_number(ws_, static_cast<lxw_row_t>(row_), static_cast<lxw_col_t>(col), value,
                           book_->decimal_);
}

void XlsxBook::Sheet::optionalNumber(int col, const std::optional<double>& value) {
    if (value) decimal(col, *value);
}

void XlsxBook::Sheet::date(int col, Day value) {
    date::year_month_day ymd{value};
    lxw_datetime dt{static_cast<int>(ymd.year()),
                    static_cast<int>(static_cast<unsigned>(ymd.month())),
                    static_cast<int>(static_cast<unsigned>(ymd.day())),
                    0,
                    0,
                    0.0};
    worksheet_write_datetime(ws_, static_cast<lxw_row_t>(row_), static_cast<lxw_col_t>(col), &dt,
                             book_->date_);
}

void XlsxBook::Sheet::dateTime(int col, TimePoint value) {
    auto local = date::make_zoned(book_->timeZone_, value).get_local_time();
    auto dayPart = date::floor<date::days>(local);
    date::year_month_day ymd{dayPart};
    date::hh_mm_ss hms{std::chrono::floor<std::chrono::seconds>(local - dayPart)};
    lxw_datetime dt{static_cast<int>(ymd.year()),
                    static_cast<int>(static_cast<unsigned>(ymd.month())),
                    static_cast<int>(static_cast<unsigned>(ymd.day())),
                    static_cast<int>(hms.hours().count()),
                    static_cast<int>(hms.minutes().count()),
                    static_cast<double>(hms.seconds().count())};
    worksheet_write_datetime(ws_, static_cast<lxw_row_t>(row_), static_cast<lxw_col_t>(col), &dt,
                             book_->dateTime_);
}

}  // namespace ds
