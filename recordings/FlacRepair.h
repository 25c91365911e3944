#pragma once
// FlacRepair: makes an interrupted FLAC recording whole. libFLAC writes STREAMINFO with a total
// sample count of 0 (unknown) when the stream starts and fills it in only at a clean close; a
// killed recorder also leaves its last frame cut short. Decoders cope with both, but players use
// the count for the length and the seek bar, and some reject the torn frame.
//
// The repair finds the last complete frame by walking back from the end of the file over frame
// headers (sync code and CRC-8) and checking each frame's CRC-16, cuts anything after it, and
// writes the total sample count into STREAMINFO. The MD5 stays zero ("not computed", which the
// format allows). Nothing is written when the file is already right. Markers stay in the
// database: FLAC has no cue points for them (the exports carry them as chapters).
#include <filesystem>

#include "recordings/RepairReport.h"

namespace ds::recordings {

class FlacRepair {
  public:
    // dryRun: decide and report, write nothing. Throws UserError if the file is not FLAC or
    // cannot be written.
    static RepairReport repair(const std::filesystem::path& path, bool dryRun);
};

}  // namespace ds::recordings
