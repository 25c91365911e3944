#pragma once
// Look and feel shared by the windows: fonts (Noto Sans from fonts-noto-core, loaded by path,
// with the Indonesian alphabet and the punctuation people type), the colours that carry meaning
// (amber and red for time, red for on air and recording), the theme, and small drawing helpers
// (clock digits in fixed cells so a running clock does not jitter, buttons that show their key,
// meters). Inside ui/ only: it includes ImGui.
#include <imgui.h>

#include <string>

#include <vector>

#include "studio/ContentFilter.h"
#include "studio/RundownClock.h"
#include "studio/Time.h"

namespace ds::ui {

struct FontSet {
    ImFont* regular = nullptr;
    ImFont* bold = nullptr;
    ImFont* small = nullptr;
    ImFont* heading = nullptr;  // section titles, the segment title
    ImFont* clock = nullptr;    // station clock, on-air timer (ASCII)
    ImFont* big = nullptr;      // the countdown: digits, ':', '+', '-' only
    bool fallback = false;      // the Noto files were missing: ImGui's own font is used
    std::string fontDir;
};

enum class FontRole {
    Main,   // the control room window, at the UI scale
    Guest,  // the guests' screen: rasterised large, scaled to the window's height
};

// Adds the fonts to `atlas` (cleared first) and returns them. `scale` multiplies every size.
// Reads the files from $DIALOGSTUDIO_FONT_DIR or /usr/share/fonts/truetype/noto.
FontSet loadFonts(ImFontAtlas* atlas, FontRole role, float scale);

namespace colours {
inline constexpr ImU32 Text = IM_COL32(236, 238, 240, 255);
inline constexpr ImU32 Dim = IM_COL32(150, 156, 164, 255);
inline constexpr ImU32 Faint = IM_COL32(96, 102, 110, 255);
inline constexpr ImU32 Ok = IM_COL32(60, 210, 120, 255);
inline constexpr ImU32 Amber = IM_COL32(255, 176, 32, 255);
inline constexpr ImU32 Red = IM_COL32(240, 64, 56, 255);
inline constexpr ImU32 OnAir = IM_COL32(214, 24, 40, 255);
inline constexpr ImU32 Accent = IM_COL32(90, 170, 255, 255);
inline constexpr ImU32 Panel = IM_COL32(28, 31, 36, 255);
inline constexpr ImU32 PanelHi = IM_COL32(40, 45, 52, 255);
inline constexpr ImU32 Current = IM_COL32(20, 70, 45, 255);  // current segment row
inline constexpr ImU32 Selected = IM_COL32(36, 72, 120, 255);
inline constexpr ImU32 Flag = IM_COL32(255, 120, 40, 255);  // content flags (SARA, politik)
}  // namespace colours

namespace style {

// The control room's dark, high-contrast theme at `scale`.
void applyTheme(float scale);

ImVec4 vec(ImU32 c);
ImU32 urgency(Urgency u);

// Exactly this key with exactly these modifiers (ds::ui::Mods) went down this frame.
bool shortcut(int key, int mods = 0, bool repeat = false);

// The text field just drawn was left with Enter. (ImGuiInputTextFlags_EnterReturnsTrue is not
// used: with it ImGui 1.86 keeps the edit to itself until Enter, and Tab to the next field loses
// what was typed.)
bool enterPressedAfter();

// A modal popup (a confirmation, a reason) is open: the F-keys wait until it is answered.
bool modalOpen();

// "+1:05", "-0:42" (always signed) and "1:05" (formatClock).
std::string signedClock(Duration d);
std::string clock(Duration d);

// Text drawn in fixed-width digit cells (a running clock keeps its place), at the cursor, in
// `font` at its size times `scale`. Advances the cursor; the text is logged like ImGui text.
void clockText(ImFont* font, const std::string& text, ImU32 colour, float scale = 1.0f);
ImVec2 clockTextSize(ImFont* font, const std::string& text, float scale = 1.0f);

// A button that shows its key ("Berikutnya  F8"); disabled when !enabled. `colour` tints it.
bool actionButton(const char* label, const char* keyHint, bool enabled, ImU32 colour = 0,
                  ImVec2 size = ImVec2(0, 0));

// A filled label box, e.g. an on-air badge.
void badge(const char* text, ImU32 background, ImU32 foreground = colours::Text);

// A horizontal level meter from -60 to 0 dBFS with a peak-hold tick; amber above -9, red
// above -1.
void meterBar(const char* label, double peakDbfs, double holdDbfs, double rmsDbfs, float width,
              float height);

// Wrapped text with the content flags' matches in the flag colour (the screener's view).
void flaggedText(const std::string& text, const std::vector<ContentFlag>& flags);

// Text in a colour, logged for tests.
void colouredText(ImU32 colour, const char* text);
// Writes `text` into ImGui's log (what tests and screenshot sidecars read) without drawing.
void logOnly(const std::string& text);

// "Berikutnya###take" style ids keep windows and widgets stable across languages.
std::string withId(const char* label, const char* id);

}  // namespace style

// What a frame drew as text, for tests and screenshot sidecars. ImGui's log ends at the End()
// of every top-level window, so each window (and popup) restarts it right after its Begin with
// capture::window(); the text each End() flushes is collected through the clipboard hook, which
// is borrowed only for the capturing frame.
namespace capture {
void begin(std::string* sink);  // [frame loop] after NewFrame
void end();                     // [frame loop] before Render
void window();                  // [views] right after Begin/BeginPopupModal/BeginMainMenuBar
bool active();
}  // namespace capture
}  // namespace ds::ui
