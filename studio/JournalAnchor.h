#pragma once
// An anchor: the journal's head (row number and seal) written down outside the database, on
// a filed session record (PDF metadata and its last paragraph) or in a file from
// `journal anchor` kept on a USB disk or the central server. The journal can only be cut
// back, emptied or re-chained past an anchor by changing the row the anchor names.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace ds {

struct JournalAnchor {
    std::int64_t row = 0;
    std::string hash;
    std::string source;  // where it was read (file name), for messages

    // The one line that carries the anchor, in anchor files and in PDF keywords.
    std::string line() const;
    // The anchors in `text` (every line() found), in order.
    static std::vector<JournalAnchor> scan(std::string_view text, const std::string& source);
    // The anchors in an anchor file or a PDF (its plain and its compressed streams are
    // searched). Throws UserError when the file cannot be read or carries no anchor.
    static std::vector<JournalAnchor> readFile(const std::filesystem::path& file);
};

}  // namespace ds
