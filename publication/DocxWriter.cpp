#include "publication/DocxWriter.h"

#include <zip.h>

#include <cstdlib>
#include <cstring>
#include <memory>

#include <fmt/format.h>

#include "studio/Errors.h"

namespace ds::publication {

namespace {

struct ZipDiscard {
    void operator()(zip_t* z) const { zip_discard(z); }
};

constexpr const char* kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>)";

constexpr const char* kRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>)";

constexpr const char* kDocRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>)";

constexpr const char* kStyles =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Noto Sans" w:hAnsi="Noto Sans" w:cs="Noto Sans"/><w:sz w:val="22"/><w:lang w:val="id-ID"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:jc w:val="both"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="left"/></w:pPr><w:rPr><w:b/><w:sz w:val="36"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Small"><w:name w:val="Small"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="18"/><w:color w:val="555555"/></w:rPr></w:style></w:styles>)";

void add(zip_t* z, const char* name, const std::string& data, const std::filesystem::path& file) {
    // libzip copies the buffer when freep is 1; keep our own copy alive by handing it a malloc'd
    // one, so the source outlives this function until zip_close.
    void* buf = std::malloc(data.size() ? data.size() : 1);
    if (!buf) throw std::bad_alloc();
    std::memcpy(buf, data.data(), data.size());
    zip_source_t* src = zip_source_buffer(z, buf, data.size(), 1);
    if (!src) {
        std::free(buf);
        throw UserError(fmt::format("cannot write {}: {}", file.string(), zip_strerror(z)));
    }
    if (zip_file_add(z, name, src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
        zip_source_free(src);
        throw UserError(fmt::format("cannot write {}: {}", file.string(), zip_strerror(z)));
    }
}

}  // namespace

std::string DocxWriter::xmlEscape(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                // XML 1.0 has no place for other control characters.
                if (static_cast<unsigned char>(c) >= 0x20 || c == '\t') out += c;
        }
    }
    return out;
}

void DocxWriter::write(const std::filesystem::path& file, const std::string& title,
                       const std::vector<DocxParagraph>& paragraphs) {
    std::string body;
    for (const auto& p : paragraphs) {
        const char* style = p.kind == DocxParagraph::Kind::Title     ? "Title"
                            : p.kind == DocxParagraph::Kind::Heading ? "Heading1"
                            : p.kind == DocxParagraph::Kind::Small   ? "Small"
                                                                     : "Normal";
        body += fmt::format("<w:p><w:pPr><w:pStyle w:val=\"{}\"/></w:pPr>", style);
        // Line breaks inside a paragraph become <w:br/>.
        std::size_t start = 0;
        while (true) {
            auto nl = p.text.find('\n', start);
            body += "<w:r><w:t xml:space=\"preserve\">" +
                    xmlEscape(p.text.substr(
                        start, nl == std::string::npos ? std::string::npos : nl - start)) +
                    "</w:t></w:r>";
            if (nl == std::string::npos) break;
            body += "<w:r><w:br/></w:r>";
            start = nl + 1;
        }
        body += "</w:p>";
    }
    std::string document =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        "<w:body>" +
        body +
        "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1418\" "
        "w:right=\"1418\" w:bottom=\"1418\" w:left=\"1701\" w:header=\"709\" w:footer=\"709\" "
        "w:gutter=\"0\"/></w:sectPr></w:body></w:document>";
    std::string core =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<cp:coreProperties "
        "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>" +
        xmlEscape(title) + "</dc:title><dc:language>id-ID</dc:language></cp:coreProperties>";

    const std::filesystem::path part = file.string() + ".part";
    std::filesystem::remove(part);
    int err = 0;
    std::unique_ptr<zip_t, ZipDiscard> z(zip_open(part.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err));
    if (!z) throw UserError(fmt::format("cannot create {}", file.string()));
    add(z.get(), "[Content_Types].xml", kContentTypes, file);
    add(z.get(), "_rels/.rels", kRels, file);
    add(z.get(), "word/_rels/document.xml.rels", kDocRels, file);
    add(z.get(), "word/document.xml", document, file);
    add(z.get(), "word/styles.xml", kStyles, file);
    add(z.get(), "docProps/core.xml", core, file);
    if (zip_close(z.get()) != 0)
        throw UserError(fmt::format("cannot write {}: {}", file.string(), zip_strerror(z.get())));
    z.release();  // closed: nothing left to discard
    std::error_code ec;
    std::filesystem::rename(part, file, ec);
    if (ec) throw UserError(fmt::format("cannot write {}: {}", file.string(), ec.message()));
}

}  // namespace ds::publication
