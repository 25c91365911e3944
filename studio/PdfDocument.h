#pragma once
// A4 documents in the shape Indonesian offices file: letterhead, headings, paragraphs, ruled
// tables whose header repeats on every page, a footer with "Halaman X dari Y", and an optional
// "DRAF" mark. Built on cairo's PDF surface with Pango for text: Pango shapes and wraps
// Indonesian text properly (word wrapping, long registration numbers broken inside the word
// when they must be, font fallback) and cairo embeds subsets of the Noto fonts.
//
// Pages are first drawn on cairo recording surfaces, so the page count is known before the
// footers are written; finish() replays them into the PDF file (vector text stays text, which
// pdftotext and screen readers need). Every C handle lives in a unique_ptr with its deleter.
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

typedef struct _cairo cairo_t;
typedef struct _cairo_surface cairo_surface_t;
typedef struct _PangoContext PangoContext;
typedef struct _PangoLayout PangoLayout;

namespace ds {

class Progress;

enum class Align { Left, Center, Right, Justify };

struct TextStyle {
    double size = 10.0;  // points
    bool bold = false;
    bool italic = false;
    Align align = Align::Left;
    bool markup = false;      // Pango markup (<b>, <i>); escape user text with PdfDocument::escape
    double spaceAfter = 4.0;  // points below the paragraph
    double indent = 0.0;      // left indent in points
    double gray = 0.0;        // 0 black .. 1 white

    // The house style of the PPID documents: section headings and body text.
    static TextStyle heading() { return {.size = 10.5, .bold = true, .spaceAfter = 5}; }
    static TextStyle body(double size = 9.5) { return {.size = size}; }
};

struct TableColumn {
    std::string title;
    double weight = 1.0;  // share of the table's width
    Align align = Align::Left;
};

struct TableOptions {
    double fontSize = 8.5;
    double maxRowHeight = 260.0;  // longer cells are cut with an ellipsis
    bool numbered = false;        // not used by the table itself; callers add a "No." column
    double spaceAfter = 8.0;
};

class PdfDocument {
  public:
    struct Info {
        std::string title;
        std::string author;
        std::string subject;
        std::string keywords;
    };
    // Left and right footer text for page `page` of `pages` (1-based).
    using Footer = std::function<std::pair<std::string, std::string>(int page, int pages)>;

    PdfDocument(std::filesystem::path file, Info info);
    ~PdfDocument();
    PdfDocument(const PdfDocument&) = delete;
    PdfDocument& operator=(const PdfDocument&) = delete;

    // Geometry, in points; y grows downwards from the top of the content area.
    double contentWidth() const;
    double cursor() const { return y_; }
    double remaining() const;
    int pageCount() const { return static_cast<int>(pages_.size()); }

    void setFooter(Footer footer) { footer_ = std::move(footer); }
    // Printed diagonally in light grey on every page (e.g. "DRAF").
    void setWatermark(std::string text) { watermark_ = std::move(text); }

    // A paragraph at the cursor, wrapped to the content width; splits across pages by lines.
    void text(std::string_view text, const TextStyle& style);
    void spacer(double points);
    // A horizontal line across the content width.
    void rule(double thickness = 0.6);
    // Starts a new page unless `height` points remain on this one (keeps a heading with what
    // follows it).
    void keepTogether(double height);
    void newPage();
    // Lines centred on each other in a block at the top left, underlined: the kop surat. Lines
    // in capitals are bold, others (an address) plain.
    void letterhead(const std::vector<std::string>& lines, double size);
    // "label : value" rows; values wrap beside their labels.
    void fields(const std::vector<std::pair<std::string, std::string>>& rows, double labelWidth,
                double size);
    // A ruled table; rows never split, and the header repeats on each new page.
    void table(const std::vector<TableColumn>& columns,
               const std::vector<std::vector<std::string>>& rows, const TableOptions& options,
               Progress* progress = nullptr);

    // Low level, for blocks placed by hand (the signature block): height of `text` set at
    // `width`, and drawing it with its top-left corner at (x, y) in content coordinates.
    double measure(std::string_view text, const TextStyle& style, double width);
    void drawAt(double x, double y, double width, std::string_view text, const TextStyle& style);
    void lineAt(double x0, double y0, double x1, double y1, double thickness);
    // A filled rectangle (a chart's bar or a legend's swatch) in an RGB colour, 0..1 each.
    void rectAt(double x, double y, double width, double height, double r, double g, double b);
    // Width of `text` set on one line, unwrapped (e.g. to underline a name).
    double textWidth(std::string_view text, const TextStyle& style);
    void advance(double points) { y_ += points; }

    // Writes the PDF (footers and watermark included). Throws UserError when it cannot.
    void finish(Progress* progress = nullptr);

    static std::string escape(std::string_view text);

  private:
    struct CairoDeleter {
        void operator()(cairo_t* cr) const;
    };
    struct SurfaceDeleter {
        void operator()(cairo_surface_t* s) const;
    };
    struct GObjectDeleter {
        void operator()(void* object) const;
    };
    using CairoPtr = std::unique_ptr<cairo_t, CairoDeleter>;
    using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
    using LayoutPtr = std::unique_ptr<PangoLayout, GObjectDeleter>;
    struct Page {
        SurfacePtr surface;
        CairoPtr cr;
    };

    LayoutPtr layout(std::string_view text, const TextStyle& style, double width,
                     double maxHeight = 0) const;
    static double heightOf(PangoLayout* layout);
    cairo_t* cr() const { return pages_.back().cr.get(); }
    double bottom() const;
    // The table's column widths: shares by weight, widened so that no word is broken.
    std::vector<double> columnWidths(const std::vector<TableColumn>& columns,
                                     const std::vector<std::vector<std::string>>& rows,
                                     double size);
    void drawTableHeader(const std::vector<TableColumn>& columns, const std::vector<double>& widths,
                         double size);

    std::filesystem::path file_;
    Info info_;
    std::unique_ptr<PangoContext, GObjectDeleter> context_;
    std::vector<Page> pages_;
    double y_ = 0.0;
    Footer footer_;
    std::string watermark_;
};

}  // namespace ds
