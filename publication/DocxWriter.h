#pragma once
// A minimal Office Open XML word-processing document (.docx: a zip of [Content_Types].xml,
// _rels/.rels, word/document.xml and word/styles.xml) that Word and LibreOffice open and edit:
// headings and paragraphs only, in Noto Sans, A4. Written with libzip.
#include <filesystem>
#include <string>
#include <vector>

namespace ds::publication {

struct DocxParagraph {
    enum class Kind { Title, Heading, Body, Small };
    Kind kind = Kind::Body;
    std::string text;
};

class DocxWriter {
  public:
    // Writes through file.part, renamed when complete. UserError naming the file on failure.
    static void write(const std::filesystem::path& file, const std::string& title,
                      const std::vector<DocxParagraph>& paragraphs);
    static std::string xmlEscape(const std::string& text);
};

}  // namespace ds::publication
