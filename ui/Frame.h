#pragma once
// What every window's draw() gets for one frame: the snapshot, the time, the rundown figures
// for that time, the recording status, the fonts, the frame loop's own state, and the list the
// window appends its commands to. Plain data and references; no ImGui types, so tests build one.
#include <string>
#include <vector>

#include "studio/RundownClock.h"
#include "ui/Commands.h"
#include "ui/Jobs.h"
#include "ui/RecordingControl.h"
#include "ui/Snapshot.h"

namespace ds::ui {

struct FontSet;  // ui/Style.h

// What the frame loop itself knows and shows.
struct AppState {
    std::string guestMessage;  // the producer's one-line message on the guest screen
    bool guestVisible = true;  // the guest window is open
    bool guestFullscreen = false;
    float scale = 1.0f;         // UI scale setting
    int layoutPreset = -1;      // >= 0: windows take this preset's places this frame
    std::vector<JobInfo> jobs;  // background jobs with progress
    std::string exportDir;      // where exports go
    struct ExportChoice {
        std::string code;   // RecordKeeping's format code
        std::string label;  // in the current language
    };
    std::vector<ExportChoice> exports;
    // The capture devices found by the last scan (names), and whether a scan is running.
    std::vector<std::string> devices;
    bool scanningDevices = false;
    std::string deviceScanError;
    double frameMs = 0.0;     // CPU time of the last frame (status bar)
    bool workerBusy = false;  // a database command is being applied
};

struct Frame {
    const Snapshot& snap;
    TimePoint now;
    const RundownFigures* figures;  // null when no session is open
    const RecordingStatus& recording;
    const FontSet& fonts;
    const AppState& app;
    CommandList& out;

    void emit(Command c) const { out.push_back(std::move(c)); }
    std::int64_t sessionId() const { return snap.session ? snap.session->id : 0; }
};

// The rundown figures of the snapshot's session at `now` (RundownClock via SessionStore::clock).
RundownFigures figuresAt(const Snapshot& snap, TimePoint now);

}  // namespace ds::ui
