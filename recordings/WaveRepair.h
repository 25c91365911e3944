#pragma once
// WaveRepair: makes an interrupted RIFF/WAVE or RF64 recording readable by every player.
//
// A recorder killed mid-programme leaves all its audio in the file (libsndfile writes straight
// to the descriptor) but a header up to half a second behind, and possibly a last frame cut in
// the middle. Readers that trust the header (most players, editors, playout systems) then stop
// early or refuse the file. The repair, in place and in this order so that it can itself be
// interrupted and run again:
//   1. the audio on disk is everything after the 'data' chunk header, unless what follows the
//      declared data is a proper chunk chain ('cue ', 'LIST': the recorder was closing);
//   2. a torn last frame (fewer bytes than one frame) is cut off, as is a torn trailing chunk;
//   3. the 'data' and RIFF sizes are set to the audio on disk; past 4 GB the header becomes
//      RF64 (EBU Tech 3306) where the recorder kept a JUNK chunk for the ds64 chunk: libsndfile
//      keeps 24 bytes, 4 short of a ds64 chunk, so 'fmt ' moves up 4 bytes into the 'fact'
//      chunk RF64 does without, as libsndfile itself does; an RF64 header gets its ds64 sizes
//      and sample count;
//   4. the markers become 'cue ' points with 'labl' names (audio::WaveChunks), unless the file
//      already has cue points.
// Nothing is written when the file is already right. Audio bytes are never changed or moved.
#include <filesystem>
#include <vector>

#include "recordings/RepairReport.h"

namespace ds::recordings {

class WaveRepair {
  public:
    // dryRun: decide and report, write nothing. Throws UserError if the file is not a WAV, has
    // no 'fmt '/'data' chunk, or cannot be written.
    static RepairReport repair(const std::filesystem::path& path,
                               const std::vector<CueMarker>& markers, bool dryRun);
};

}  // namespace ds::recordings
