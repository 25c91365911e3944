#pragma once
// The session record as an XLSX workbook: one sheet per table (session, counts, refusals by
// ground, register, time to decision, follow-ups, objections, amendments), numbers stored as
// numbers and dates as dates. Personal data as the record was built (masked by default).
#include <filesystem>

namespace ds {

struct SessionRecord;
class Progress;

class SessionRecordXlsx {
  public:
    static void write(const SessionRecord& record, const std::filesystem::path& file,
                      Progress& progress);
};

}  // namespace ds
