#pragma once
// The nota dinas (internal memo) that goes with each hand-over of an SOP item, one per page, in
// the house style of the session record (letterhead, A4, "Halaman X dari Y"): to and from
// (post and name), date, number, attachment, subject, what is handed on or sent back with the
// notes, the step's time against its standard (mutu baku), and the sender's signature block.
#include <filesystem>
#include <string>
#include <vector>

#include "publication/StepRecord.h"
#include "studio/Station.h"

namespace ds::publication {

struct Handover {
    int sequence = 0;        // the item's k-th hand-over, part of the memo's number
    std::string itemCode;    // "RILIS-3", "LIPUT-12"
    std::string itemTitle;   // what the item is about
    std::string attachment;  // "Draft rilis versi 3"
    StepRecord from;         // the step closed by the hand-over
    StepRecord to;           // the step it opened
    std::string fromNip;     // the sender's NIP for the signature block (may be empty)
};

class NotaDinasPdf {
  public:
    // The hand-overs of an item's steps: every closed step followed by another.
    static std::vector<Handover> handovers(const std::vector<StepRecord>& steps,
                                           const std::string& itemCode,
                                           const std::string& itemTitle,
                                           const std::string& attachmentPrefix);
    static void write(const std::filesystem::path& file, const Station& station,
                      const std::vector<Handover>& notes);
};

}  // namespace ds::publication
