#pragma once
// Shared ground for the control room's unit tests: a temporary folder, a real database holding
// the demo session (Demo::create, as `dialogstudio demo` makes it), snapshots built from it the
// way the database worker builds them, and a Frame to draw windows headless.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "studio/Database.h"
#include "studio/Demo.h"
#include "tests/TempDir.h"
#include "ui/Frame.h"
#include "ui/HeadlessUi.h"
#include "ui/SnapshotBuilder.h"
#include "ui/Translations.h"

namespace ds::ui::test {

using ds::test::TempDir;

// The demo session in a fresh database.
class DemoDatabase {
  public:
    DemoDatabase() : db(Database::open(dir.path() / "ui.db")) {
        sessionId = Demo::create(db, "tester");
    }
    Snapshot snapshot(const std::string& contact = {}) {
        SnapshotBuilder builder(db, "tester");
        Snapshot s = builder.build(sessionId, contact, now());
        s.generation = 1;
        return s;
    }

    TempDir dir;
    Database db;
    std::int64_t sessionId = 0;
};

// Everything a window's draw() needs besides the snapshot, with sensible defaults.
struct FrameParts {
    TimePoint now = ds::now();
    RundownFigures figures;
    RecordingStatus recording;
    AppState app;
    CommandList out;

    Frame frame(const Snapshot& snap, const FontSet& fonts) {
        figures = figuresAt(snap, now);
        return Frame{snap, now, snap.session ? &figures : nullptr, recording, fonts, app, out};
    }
};

template <class T>
std::vector<T> commandsOf(const CommandList& list) {
    std::vector<T> out;
    for (const Command& c : list) {
        if (const T* x = std::get_if<T>(&c)) out.push_back(*x);
    }
    return out;
}

inline bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// Every test starts in Indonesian.
class UiTest : public ::testing::Test {
  protected:
    void SetUp() override { setLanguage(Lang::Id); }
    void TearDown() override { setLanguage(Lang::Id); }
};

}  // namespace ds::ui::test
