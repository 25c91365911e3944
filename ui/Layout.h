#pragma once
// Where the control room's windows go in the main OS window. The status strip sits under the
// menu bar, the message bar at the bottom; the role windows share the rest. A preset places
// them (View menu); otherwise they keep where the user put them (imgui.ini). Inside ui/ only.
#include <imgui.h>
#include <imgui_internal.h>

#include "ui/Commands.h"
#include "ui/Style.h"

namespace ds::ui::layout {

enum Preset { All = 0, ProducerOnly = 1, ScreenerOnly = 2, PpidOnly = 3, PresetCount = 4 };

// The menu bar's height, right from the first frame (ImGui's WorkPos lags one frame behind).
float menuBarHeight();
// Where the status strip starts (under the menu bar), and its height for these fonts.
float statusStripTop();
float statusStripHeight(const FontSet& fonts);
float messageBarHeight();

// The area the role windows share: below the menu bar and status strip, above the message bar.
ImRect workArea(const FontSet& fonts);

// Calls SetNextWindowPos/Size for `window`: always when `preset` >= 0 (a preset was chosen this
// frame), else only the first time (the user's arrangement persists in imgui.ini).
void place(WindowId window, const FontSet& fonts, int preset);

}  // namespace ds::ui::layout
