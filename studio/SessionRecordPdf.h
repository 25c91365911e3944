#pragma once
// The session record as a printable PDF in Indonesian (issue 4): letterhead, the session's
// details, guests and officers with their assignment order, the SOP 000 Pasal 11 counts, the
// refusals with their legal grounds, the register of requests (personal data as the record
// was built: masked by default), follow-ups and objections, the history (amendments and steps
// after signing) and the PPID officer's signature block with its journal anchor. An unsigned
// record prints as a draft ("DRAF").
#include <filesystem>

namespace ds {

struct SessionRecord;
class Progress;

class SessionRecordPdf {
  public:
    static void write(const SessionRecord& record, const std::filesystem::path& file,
                      Progress& progress);
};

}  // namespace ds
