#include "studio/PdfDocument.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "studio/Errors.h"
#include "studio/Progress.h"

namespace ds {

namespace {

// A4 in points and the margins of an Indonesian official letter (left wider for binding).
constexpr double kPageWidth = 595.276;
constexpr double kPageHeight = 841.890;
constexpr double kLeft = 70.0;   // about 2.5 cm
constexpr double kRight = 50.0;  // about 1.8 cm
constexpr double kTop = 50.0;
constexpr double kBottom = 62.0;  // leaves room for the footer
constexpr double kCellPad = 3.0;
constexpr const char* kFamily = "Noto Sans";

struct FontDeleter {
    void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
};

PangoAlignment pangoAlign(Align a) {
    switch (a) {
        case Align::Center:
            return PANGO_ALIGN_CENTER;
        case Align::Right:
            return PANGO_ALIGN_RIGHT;
        default:
            return PANGO_ALIGN_LEFT;
    }
}

}  // namespace

void PdfDocument::CairoDeleter::operator()(cairo_t* cr) const {
    cairo_destroy(cr);
}
void PdfDocument::SurfaceDeleter::operator()(cairo_surface_t* s) const {
    cairo_surface_destroy(s);
}
void PdfDocument::GObjectDeleter::operator()(void* object) const {
    g_object_unref(object);
}

std::string PdfDocument::escape(std::string_view text) {
    gchar* e = g_markup_escape_text(text.data(), static_cast<gssize>(text.size()));
    std::string out(e);
    g_free(e);
    return out;
}

PdfDocument::PdfDocument(std::filesystem::path file, Info info)
    : file_(std::move(file)), info_(std::move(info)) {
    // One shared Pango context for every layout (a context per layout is slow), at 72 dpi so
    // that a 10-point font is 10 units of the PDF's point-based space, with metrics unhinted so
    // layout does not depend on any screen.
    context_.reset(pango_font_map_create_context(pango_cairo_font_map_get_default()));
    pango_cairo_context_set_resolution(context_.get(), 72.0);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context_.get(), options);
    cairo_font_options_destroy(options);
    pango_context_set_language(context_.get(), pango_language_from_string("id"));
    newPage();
}

PdfDocument::~PdfDocument() = default;

double PdfDocument::contentWidth() const {
    return kPageWidth - kLeft - kRight;
}
double PdfDocument::bottom() const {
    return kPageHeight - kTop - kBottom;
}
double PdfDocument::remaining() const {
    return bottom() - y_;
}

void PdfDocument::newPage() {
    cairo_rectangle_t extents{0, 0, kPageWidth, kPageHeight};
    Page p;
    p.surface.reset(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents));
    p.cr.reset(cairo_create(p.surface.get()));
    // Content coordinates: origin at the top-left corner of the text area.
    cairo_translate(p.cr.get(), kLeft, kTop);
    pages_.push_back(std::move(p));
    y_ = 0.0;
}

PdfDocument::LayoutPtr PdfDocument::layout(std::string_view text, const TextStyle& style,
                                           double width, double maxHeight) const {
    LayoutPtr l(pango_layout_new(context_.get()));
    std::unique_ptr<PangoFontDescription, FontDeleter> font(pango_font_description_new());
    pango_font_description_set_family(font.get(), kFamily);
    pango_font_description_set_size(font.get(), static_cast<gint>(style.size * PANGO_SCALE));
    pango_font_description_set_weight(font.get(),
                                      style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(font.get(),
                                     style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(l.get(), font.get());
    pango_layout_set_width(l.get(), static_cast<int>(std::max(1.0, width) * PANGO_SCALE));
    pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(l.get(), pangoAlign(style.align));
    pango_layout_set_justify(l.get(), style.align == Align::Justify);
    if (maxHeight > 0) {
        pango_layout_set_height(l.get(), static_cast<int>(maxHeight * PANGO_SCALE));
        pango_layout_set_ellipsize(l.get(), PANGO_ELLIPSIZE_END);
    }
    if (style.markup) {
        pango_layout_set_markup(l.get(), text.data(), static_cast<int>(text.size()));
    } else {
        pango_layout_set_text(l.get(), text.data(), static_cast<int>(text.size()));
    }
    return l;
}

double PdfDocument::heightOf(PangoLayout* l) {
    int w = 0, h = 0;
    pango_layout_get_size(l, &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
}

double PdfDocument::measure(std::string_view text, const TextStyle& style, double width) {
    return heightOf(layout(text, style, width).get());
}

void PdfDocument::drawAt(double x, double y, double width, std::string_view text,
                         const TextStyle& style) {
    LayoutPtr l = layout(text, style, width);
    cairo_set_source_rgb(cr(), style.gray, style.gray, style.gray);
    cairo_move_to(cr(), x, y);
    pango_cairo_show_layout(cr(), l.get());
}

void PdfDocument::lineAt(double x0, double y0, double x1, double y1, double thickness) {
    cairo_set_source_rgb(cr(), 0, 0, 0);
    cairo_set_line_width(cr(), thickness);
    cairo_move_to(cr(), x0, y0);
    cairo_line_to(cr(), x1, y1);
    cairo_stroke(cr());
}

void PdfDocument::rectAt(double x, double y, double width, double height, double r, double g,
                         double b) {
    cairo_set_source_rgb(cr(), r, g, b);
    cairo_rectangle(cr(), x, y, width, height);
    cairo_fill(cr());
}

void PdfDocument::text(std::string_view text, const TextStyle& style) {
    LayoutPtr l = layout(text, style, contentWidth() - style.indent);
    double total = heightOf(l.get());
    if (total <= remaining() || y_ == 0.0) {
        if (total > remaining()) {
            // Taller than a whole page: fall through to the line-by-line split below.
        } else {
            cairo_set_source_rgb(cr(), style.gray, style.gray, style.gray);
            cairo_move_to(cr(), style.indent, y_);
            pango_cairo_show_layout(cr(), l.get());
            y_ += total + style.spaceAfter;
            return;
        }
    }
    // Split by lines: each line goes where it fits, the rest continues on the next page.
    PangoLayoutIter* it = pango_layout_get_iter(l.get());
    double offset = 0.0;  // layout y that sits at the current page's y_start
    double start = y_;
    do {
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(it, nullptr, &logical);
        double top = static_cast<double>(logical.y) / PANGO_SCALE;
        double height = static_cast<double>(logical.height) / PANGO_SCALE;
        if (start + (top - offset) + height > bottom()) {
            newPage();
            start = y_;
            offset = top;
        }
        double baseline = static_cast<double>(pango_layout_iter_get_baseline(it)) / PANGO_SCALE;
        cairo_set_source_rgb(cr(), style.gray, style.gray, style.gray);
        cairo_move_to(cr(), style.indent + static_cast<double>(logical.x) / PANGO_SCALE,
                      start + baseline - offset);
        pango_cairo_show_layout_line(cr(), pango_layout_iter_get_line_readonly(it));
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    y_ = start + (total - offset) + style.spaceAfter;
}

void PdfDocument::spacer(double points) {
    y_ += points;
    if (y_ > bottom()) newPage();
}

void PdfDocument::rule(double thickness) {
    lineAt(0, y_, contentWidth(), y_, thickness);
    y_ += thickness + 2.0;
}

void PdfDocument::keepTogether(double height) {
    if (remaining() < height && y_ > 0.0) newPage();
}

void PdfDocument::letterhead(const std::vector<std::string>& lines, double size) {
    TextStyle s;
    s.size = size;
    s.bold = true;
    double widest = 0.0;
    std::vector<LayoutPtr> layouts;
    for (const std::string& line : lines) {
        layouts.push_back(layout(line, s, contentWidth()));
        PangoRectangle ink, logical;
        pango_layout_get_extents(layouts.back().get(), &ink, &logical);
        widest = std::max(widest, static_cast<double>(logical.width) / PANGO_SCALE);
    }
    widest = std::min(widest, contentWidth());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        // Re-lay each line at the block's width, centred: the kop surat's shape.
        TextStyle c = s;
        c.align = Align::Center;
        // The names of the institution and its unit (capitals) are bold, all alike, as on a
        // Polri or Pemda kop; an address or telephone line (lower case) is set plain.
        c.bold = std::none_of(lines[i].begin(), lines[i].end(),
                              [](char ch) { return ch >= 'a' && ch <= 'z'; });
        LayoutPtr l = layout(lines[i], c, widest);
        cairo_set_source_rgb(cr(), 0, 0, 0);
        cairo_move_to(cr(), 0, y_);
        pango_cairo_show_layout(cr(), l.get());
        y_ += heightOf(l.get());
    }
    y_ += 2.0;
    lineAt(0, y_, widest, y_, 1.2);
    y_ += 14.0;
}

void PdfDocument::fields(const std::vector<std::pair<std::string, std::string>>& rows,
                         double labelWidth, double size) {
    TextStyle s;
    s.size = size;
    double valueX = labelWidth + 10.0;
    double valueWidth = contentWidth() - valueX;
    for (const auto& [label, value] : rows) {
        LayoutPtr l = layout(label, s, labelWidth);
        LayoutPtr v = layout(value.empty() ? "-" : value, s, valueWidth);
        double h = std::max(heightOf(l.get()), heightOf(v.get()));
        if (h > remaining()) newPage();
        cairo_set_source_rgb(cr(), 0, 0, 0);
        cairo_move_to(cr(), 0, y_);
        pango_cairo_show_layout(cr(), l.get());
        LayoutPtr colon = layout(":", s, 8.0);
        cairo_move_to(cr(), labelWidth + 2.0, y_);
        pango_cairo_show_layout(cr(), colon.get());
        cairo_move_to(cr(), valueX, y_);
        pango_cairo_show_layout(cr(), v.get());
        y_ += h + 1.5;
    }
    y_ += 4.0;
}

void PdfDocument::drawTableHeader(const std::vector<TableColumn>& columns,
                                  const std::vector<double>& widths, double size) {
    TextStyle s;
    s.size = size;
    s.bold = true;
    std::vector<LayoutPtr> cells;
    double h = 0.0;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        TextStyle c = s;
        c.align = Align::Center;
        cells.push_back(layout(columns[i].title, c, widths[i] - 2 * kCellPad));
        h = std::max(h, heightOf(cells.back().get()));
    }
    h += 2 * kCellPad;
    cairo_t* c = cr();
    cairo_set_source_rgb(c, 0.88, 0.88, 0.88);
    cairo_rectangle(c, 0, y_, contentWidth(), h);
    cairo_fill(c);
    double x = 0.0;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        cairo_set_source_rgb(c, 0, 0, 0);
        double th = heightOf(cells[i].get());
        cairo_move_to(c, x + kCellPad, y_ + (h - th) / 2);
        pango_cairo_show_layout(c, cells[i].get());
        cairo_set_line_width(c, 0.5);
        cairo_rectangle(c, x, y_, widths[i], h);
        cairo_stroke(c);
        x += widths[i];
    }
    y_ += h;
}

double PdfDocument::textWidth(std::string_view text, const TextStyle& style) {
    LayoutPtr l = layout(text, style, 0);
    pango_layout_set_width(l.get(), -1);  // one line, unwrapped
    PangoRectangle ink, logical;
    pango_layout_get_extents(l.get(), &ink, &logical);
    return static_cast<double>(logical.width) / PANGO_SCALE;
}

std::vector<double> PdfDocument::columnWidths(const std::vector<TableColumn>& columns,
                                              const std::vector<std::vector<std::string>>& rows,
                                              double size) {
    // Shares by weight, but no column narrower than its longest word: a registration number
    // ("0001/PPID-BKL/VIII/2026"), a date or a heading word broken in the middle is unreadable
    // and cannot be found with a PDF reader's search. Only the few longest words of a column
    // (by bytes) are measured, so a year's table costs a handful of layouts per column.
    const double full = contentWidth();
    const std::size_t n = columns.size();
    double total = 0.0;
    for (const TableColumn& c : columns)
        total += c.weight;
    std::vector<double> minimum(n, 0.0);
    constexpr std::size_t kCandidates = 3;
    TextStyle plain;
    plain.size = size;
    TextStyle bold = plain;
    bold.bold = true;
    auto longestWords = [](std::string_view text, std::vector<std::string_view>& best) {
        std::size_t i = 0;
        while (i < text.size()) {
            while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t'))
                ++i;
            std::size_t j = i;
            while (j < text.size() && text[j] != ' ' && text[j] != '\n' && text[j] != '\t')
                ++j;
            if (j > i) {
                std::string_view w = text.substr(i, j - i);
                if (best.size() < kCandidates || w.size() > best.back().size()) {
                    if (std::find(best.begin(), best.end(), w) == best.end()) {
                        best.push_back(w);
                        std::sort(best.begin(), best.end(),
                                  [](auto a, auto b) { return a.size() > b.size(); });
                        if (best.size() > kCandidates) best.pop_back();
                    }
                }
            }
            i = j;
        }
    };
    for (std::size_t c = 0; c < n; ++c) {
        std::vector<std::string_view> cells, header;
        longestWords(columns[c].title, header);
        for (const auto& row : rows) {
            if (c < row.size()) longestWords(row[c], cells);
        }
        double w = 0.0;
        for (std::string_view word : header)
            w = std::max(w, textWidth(word, bold));
        for (std::string_view word : cells)
            w = std::max(w, textWidth(word, plain));
        // A very long word (a URL in a listener's text) still wraps inside itself.
        minimum[c] = std::min(w + 2 * kCellPad + 1.0, 0.4 * full);
    }
    // Columns below their minimum get it; the others share what is left by weight, until no
    // share falls below its minimum.
    std::vector<double> widths(n, 0.0);
    std::vector<bool> fixed(n, false);
    for (bool changed = true; changed;) {
        changed = false;
        double left = full, weights = 0.0;
        for (std::size_t c = 0; c < n; ++c) {
            if (fixed[c]) {
                left -= minimum[c];
            } else {
                weights += columns[c].weight;
            }
        }
        for (std::size_t c = 0; c < n; ++c) {
            widths[c] = fixed[c] ? minimum[c] : std::max(0.0, left) * columns[c].weight / weights;
        }
        for (std::size_t c = 0; c < n; ++c) {
            if (!fixed[c] && widths[c] < minimum[c]) {
                fixed[c] = true;
                changed = true;
            }
        }
        if (weights == 0.0) break;
    }
    double sum = 0.0;
    for (double w : widths)
        sum += w;
    if (sum > full + 0.5 || sum <= 0.0) {  // (rounding aside)
        // The minimums alone do not fit: back to plain shares (words then break).
        for (std::size_t c = 0; c < n; ++c)
            widths[c] = full * columns[c].weight / total;
    }
    return widths;
}

void PdfDocument::table(const std::vector<TableColumn>& columns,
                        const std::vector<std::vector<std::string>>& rows,
                        const TableOptions& options, Progress* progress) {
    std::vector<double> widths = columnWidths(columns, rows, options.fontSize);
    TextStyle s;
    s.size = options.fontSize;
    keepTogether(60.0);
    drawTableHeader(columns, widths, options.fontSize);
    std::vector<LayoutPtr> cells;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        if (progress && r % 256 == 0) progress->update(r, rows.size());
        cells.clear();
        double h = 0.0;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            TextStyle c = s;
            c.align = columns[i].align;
            std::string_view value = i < rows[r].size() ? std::string_view(rows[r][i]) : "";
            cells.push_back(layout(value, c, widths[i] - 2 * kCellPad, options.maxRowHeight));
            h = std::max(h, heightOf(cells.back().get()));
        }
        h += 2 * kCellPad;
        if (h > remaining()) {
            newPage();
            drawTableHeader(columns, widths, options.fontSize);
        }
        cairo_t* c = cr();
        double x = 0.0;
        cairo_set_line_width(c, 0.4);
        for (std::size_t i = 0; i < columns.size(); ++i) {
            cairo_set_source_rgb(c, 0, 0, 0);
            cairo_move_to(c, x + kCellPad, y_ + kCellPad);
            pango_cairo_show_layout(c, cells[i].get());
            cairo_rectangle(c, x, y_, widths[i], h);
            cairo_stroke(c);
            x += widths[i];
        }
        y_ += h;
    }
    y_ += options.spaceAfter;
}

void PdfDocument::finish(Progress* progress) {
    SurfacePtr pdf(cairo_pdf_surface_create(file_.c_str(), kPageWidth, kPageHeight));
    if (cairo_surface_status(pdf.get()) != CAIRO_STATUS_SUCCESS) {
        throw UserError(fmt::format("cannot write {}: {}", file_.string(),
                                    cairo_status_to_string(cairo_surface_status(pdf.get()))));
    }
    cairo_pdf_surface_set_metadata(pdf.get(), CAIRO_PDF_METADATA_TITLE, info_.title.c_str());
    cairo_pdf_surface_set_metadata(pdf.get(), CAIRO_PDF_METADATA_AUTHOR, info_.author.c_str());
    cairo_pdf_surface_set_metadata(pdf.get(), CAIRO_PDF_METADATA_SUBJECT, info_.subject.c_str());
    cairo_pdf_surface_set_metadata(pdf.get(), CAIRO_PDF_METADATA_KEYWORDS, info_.keywords.c_str());
    cairo_pdf_surface_set_metadata(pdf.get(), CAIRO_PDF_METADATA_CREATOR, "Dialog Studio");
    CairoPtr out(cairo_create(pdf.get()));
    const int pages = pageCount();
    TextStyle footerStyle;
    footerStyle.size = 7.5;
    footerStyle.gray = 0.25;
    for (int i = 0; i < pages; ++i) {
        if (progress)
            progress->update(static_cast<std::size_t>(i), static_cast<std::size_t>(pages));
        Page& page = pages_[static_cast<std::size_t>(i)];
        page.cr.reset();
        cairo_t* c = out.get();
        if (!watermark_.empty()) {
            // Under the content, so the page stays readable.
            TextStyle w;
            w.size = 96;
            w.bold = true;
            LayoutPtr l = layout(watermark_, w, 1000);
            int lw = 0, lh = 0;
            pango_layout_get_size(l.get(), &lw, &lh);
            cairo_save(c);
            cairo_translate(c, kPageWidth / 2, kPageHeight / 2);
            cairo_rotate(c, -std::atan2(kPageHeight, kPageWidth));
            cairo_move_to(c, -static_cast<double>(lw) / PANGO_SCALE / 2,
                          -static_cast<double>(lh) / PANGO_SCALE / 2);
            cairo_set_source_rgb(c, 0.9, 0.9, 0.9);
            // As outlines, not text: glyphs of a diagonal word would otherwise end up scattered
            // through the page's extracted text ("DR", "AF" between table rows), for
            // pdftotext, copy and paste and screen readers alike.
            pango_cairo_layout_path(c, l.get());
            cairo_fill(c);
            cairo_restore(c);
        }
        cairo_set_source_surface(c, page.surface.get(), 0, 0);
        cairo_paint(c);
        page.surface.reset();
        if (footer_) {
            auto [left, right] = footer_(i + 1, pages);
            cairo_save(c);
            cairo_translate(c, kLeft, kPageHeight - kBottom + 18.0);
            cairo_set_source_rgb(c, 0.5, 0.5, 0.5);
            cairo_set_line_width(c, 0.4);
            cairo_move_to(c, 0, 0);
            cairo_line_to(c, contentWidth(), 0);
            cairo_stroke(c);
            double w = contentWidth();
            TextStyle r = footerStyle;
            r.align = Align::Right;
            // "Halaman 12 dari 23" needs a fifth of the width; the rest keeps the document's
            // name and print date on one line.
            LayoutPtr ll = layout(left, footerStyle, w * 0.8);
            LayoutPtr rl = layout(right, r, w * 0.2);
            cairo_set_source_rgb(c, 0.25, 0.25, 0.25);
            cairo_move_to(c, 0, 4.0);
            pango_cairo_show_layout(c, ll.get());
            cairo_move_to(c, w * 0.8, 4.0);
            pango_cairo_show_layout(c, rl.get());
            cairo_restore(c);
        }
        cairo_show_page(c);
    }
    out.reset();
    cairo_surface_finish(pdf.get());
    if (cairo_surface_status(pdf.get()) != CAIRO_STATUS_SUCCESS) {
        throw UserError(fmt::format("cannot write {}: {}", file_.string(),
                                    cairo_status_to_string(cairo_surface_status(pdf.get()))));
    }
}

}  // namespace ds
