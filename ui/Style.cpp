#include "ui/Style.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <vector>

#include "ui/Input.h"

namespace ds::ui {

namespace {

// Latin with Indonesian and other names' accents, general punctuation (dashes, quotes, bullet,
// ellipsis), and the few symbols the windows use, merged from the Noto symbol fonts.
const ImWchar kTextRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x205E, 0};
const ImWchar kArrowRanges[] = {0x2190, 0x2199, 0};  // Noto Sans Symbols
// Symbols 2: media (pause, stop, record), geometric shapes, warning sign, check and cross.
const ImWchar kShapeRanges[] = {0x23F8, 0x23FA, 0x25A0, 0x25FF, 0x26A0, 0x26A0,
                                0x2713, 0x2713, 0x2717, 0x2717, 0};
const ImWchar kClockRanges[] = {0x0020, 0x007E, 0x2013, 0x2013, 0};
const ImWchar kDigitRanges[] = {0x0020, 0x0020, 0x002B, 0x003A, 0x2013, 0x2013, 0};

std::string fontDir() {
    if (const char* dir = std::getenv("DIALOGSTUDIO_FONT_DIR"); dir && *dir) return dir;
    return "/usr/share/fonts/truetype/noto";
}

// Font files are read once per process; the atlas borrows the bytes (FontDataOwnedByAtlas is
// false), so rebuilding at another scale reads nothing from disk.
const std::vector<char>* fontData(const std::string& path) {
    static std::map<std::string, std::vector<char>> cache;
    auto it = cache.find(path);
    if (it == cache.end()) {
        std::ifstream in(path, std::ios::binary);
        if (!in) return nullptr;
        std::vector<char> bytes((std::istreambuf_iterator<char>(in)), {});
        it = cache.emplace(path, std::move(bytes)).first;
    }
    return it->second.empty() ? nullptr : &it->second;
}

ImFont* addFont(ImFontAtlas* atlas, const std::string& path, float size, const ImWchar* ranges,
                bool merge = false) {
    const std::vector<char>* data = fontData(path);
    if (!data) return nullptr;
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;
    cfg.MergeMode = merge;
    cfg.OversampleH = size > 40 ? 1 : 2;  // big glyphs need no oversampling; saves atlas space
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    std::snprintf(cfg.Name, sizeof cfg.Name, "%s %.0fpx",
                  std::filesystem::path(path).filename().c_str(), size);
    return atlas->AddFontFromMemoryTTF(const_cast<char*>(data->data()),
                                       static_cast<int>(data->size()), size, &cfg, ranges);
}

ImFont* textFont(ImFontAtlas* atlas, const std::string& dir, bool bold, float size) {
    ImFont* f = addFont(atlas, dir + (bold ? "/NotoSans-Bold.ttf" : "/NotoSans-Regular.ttf"), size,
                        kTextRanges);
    if (!f) return nullptr;
    addFont(atlas, dir + "/NotoSansSymbols-Regular.ttf", size, kArrowRanges, true);
    addFont(atlas, dir + "/NotoSansSymbols2-Regular.ttf", size, kShapeRanges, true);
    return f;
}

}  // namespace

FontSet loadFonts(ImFontAtlas* atlas, FontRole role, float scale) {
    atlas->Clear();
    FontSet f;
    f.fontDir = fontDir();
    const std::string& dir = f.fontDir;
    // Sizes for a desk at arm's length on a 1080p screen: body text 19 px (ImGui's default is
    // 13), the clocks readable from the next desk.
    const bool guest = role == FontRole::Guest;
    const float body = (guest ? 54.0f : 19.0f) * scale;
    f.regular = textFont(atlas, dir, false, body);
    if (f.regular) {
        f.bold = textFont(atlas, dir, true, body);
        f.small = textFont(atlas, dir, false, (guest ? 40.0f : 15.5f) * scale);
        f.heading = textFont(atlas, dir, true, (guest ? 66.0f : 25.0f) * scale);
        f.clock = addFont(atlas, dir + "/NotoSans-Bold.ttf", (guest ? 80.0f : 50.0f) * scale,
                          kClockRanges);
        f.big = addFont(atlas, dir + "/NotoSans-Bold.ttf", (guest ? 170.0f : 96.0f) * scale,
                        kDigitRanges);
    }
    if (!f.regular || !f.bold || !f.small || !f.heading || !f.clock || !f.big) {
        // No Noto: ImGui's built-in font, scaled up, so the room still works (and says so).
        atlas->Clear();
        ImFontConfig cfg;
        cfg.SizePixels = std::round(13.0f * scale * (guest ? 3.0f : 1.5f));
        f.regular = f.bold = f.small = f.heading = f.clock = f.big = atlas->AddFontDefault(&cfg);
        f.fallback = true;
    }
    atlas->Build();
    return f;
}

namespace style {

void applyTheme(float scale) {
    ImGuiStyle& s = ImGui::GetStyle();
    s = ImGuiStyle();
    ImGui::StyleColorsDark(&s);
    s.WindowRounding = 4.0f;
    s.FrameRounding = 3.0f;
    s.GrabRounding = 3.0f;
    s.TabRounding = 3.0f;
    s.WindowPadding = ImVec2(10, 8);
    s.FramePadding = ImVec2(8, 5);
    s.ItemSpacing = ImVec2(8, 6);
    s.ItemInnerSpacing = ImVec2(6, 4);
    s.CellPadding = ImVec2(6, 3);
    s.ScrollbarSize = 16.0f;
    s.WindowTitleAlign = ImVec2(0.0f, 0.5f);
    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = vec(colours::Text);
    c[ImGuiCol_TextDisabled] = vec(colours::Faint);
    c[ImGuiCol_WindowBg] = vec(IM_COL32(18, 20, 24, 255));
    c[ImGuiCol_ChildBg] = vec(IM_COL32(22, 25, 29, 255));
    c[ImGuiCol_PopupBg] = vec(IM_COL32(30, 34, 40, 250));
    c[ImGuiCol_Border] = vec(IM_COL32(62, 68, 78, 255));
    c[ImGuiCol_FrameBg] = vec(IM_COL32(38, 43, 50, 255));
    c[ImGuiCol_FrameBgHovered] = vec(IM_COL32(50, 57, 67, 255));
    c[ImGuiCol_FrameBgActive] = vec(IM_COL32(58, 66, 78, 255));
    c[ImGuiCol_TitleBg] = vec(IM_COL32(26, 29, 34, 255));
    c[ImGuiCol_TitleBgActive] = vec(IM_COL32(34, 52, 78, 255));
    c[ImGuiCol_MenuBarBg] = vec(IM_COL32(24, 27, 31, 255));
    c[ImGuiCol_Header] = vec(colours::Selected);
    c[ImGuiCol_HeaderHovered] = vec(IM_COL32(46, 86, 140, 255));
    c[ImGuiCol_HeaderActive] = vec(IM_COL32(52, 96, 156, 255));
    c[ImGuiCol_Button] = vec(IM_COL32(48, 56, 68, 255));
    c[ImGuiCol_ButtonHovered] = vec(IM_COL32(62, 74, 90, 255));
    c[ImGuiCol_ButtonActive] = vec(IM_COL32(74, 90, 110, 255));
    c[ImGuiCol_TableHeaderBg] = vec(IM_COL32(32, 36, 42, 255));
    c[ImGuiCol_TableRowBgAlt] = vec(IM_COL32(255, 255, 255, 8));
    c[ImGuiCol_Tab] = vec(IM_COL32(34, 39, 46, 255));
    c[ImGuiCol_TabActive] = vec(IM_COL32(46, 86, 140, 255));
    c[ImGuiCol_TabHovered] = vec(IM_COL32(56, 100, 160, 255));
    c[ImGuiCol_CheckMark] = vec(colours::Ok);
    c[ImGuiCol_PlotHistogram] = vec(colours::Accent);
    s.ScaleAllSizes(scale);
}

ImVec4 vec(ImU32 c) {
    return ImGui::ColorConvertU32ToFloat4(c);
}

ImU32 urgency(Urgency u) {
    switch (u) {
        case Urgency::Ok:
            return colours::Ok;
        case Urgency::Warning:
            return colours::Amber;
        case Urgency::Over:
            return colours::Red;
    }
    return colours::Text;
}

bool shortcut(int key, int mods, bool repeat) {
    const ImGuiIO& io = ImGui::GetIO();
    const int now = (io.KeyShift ? ModShift : 0) | (io.KeyCtrl ? ModCtrl : 0) |
                    (io.KeyAlt ? ModAlt : 0) | (io.KeySuper ? ModSuper : 0);
    return now == mods && ImGui::IsKeyPressed(key, repeat);
}

bool enterPressedAfter() {
    return ImGui::IsItemDeactivated() &&
           (ImGui::IsKeyPressed(key::Enter, false) || ImGui::IsKeyPressed(key::KpEnter, false));
}

bool modalOpen() {
    return ImGui::GetTopMostPopupModal() != nullptr;
}

std::string signedClock(Duration d) {
    const std::string s = formatClock(d);
    if (d >= std::chrono::seconds(1)) return "+" + s;
    if (d > -std::chrono::seconds(1)) return "±" + s;
    return s;
}

std::string clock(Duration d) {
    return formatClock(d);
}

namespace {

// The widest digit of `font`: every digit gets that cell.
float digitCell(ImFont* font) {
    float w = 0;
    for (char c = '0'; c <= '9'; ++c)
        w = std::max(w, font->FindGlyph(c)->AdvanceX);
    return w;
}

float charAdvance(ImFont* font, char c, float cell) {
    if (c >= '0' && c <= '9') return cell;
    return font->FindGlyph(static_cast<ImWchar>(static_cast<unsigned char>(c)))->AdvanceX;
}

}  // namespace

ImVec2 clockTextSize(ImFont* font, const std::string& text, float scale) {
    const float cell = digitCell(font);
    float w = 0;
    for (char c : text)
        w += charAdvance(font, c, cell);
    return ImVec2(w * scale, font->FontSize * scale);
}

void clockText(ImFont* font, const std::string& text, ImU32 colour, float scale) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float cell = digitCell(font);
    const float size = font->FontSize * scale;
    float x = start.x;
    for (char c : text) {
        const float adv = charAdvance(font, c, cell) * scale;
        const char s[2] = {c, 0};
        float offset = 0;
        if (c >= '0' && c <= '9') offset = (adv - font->FindGlyph(c)->AdvanceX * scale) * 0.5f;
        dl->AddText(font, size, ImVec2(x + offset, start.y), colour, s, s + 1);
        x += adv;
    }
    ImGui::Dummy(ImVec2(x - start.x, size));
    logOnly(text);
}

bool actionButton(const char* label, const char* keyHint, bool enabled, ImU32 colour, ImVec2 size) {
    std::string text = keyHint && *keyHint ? std::string(label) + "  [" + keyHint + "]" : label;
    if (!enabled) ImGui::BeginDisabled();
    int pushed = 0;
    if (colour && enabled) {
        ImVec4 c = vec(colour);
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(c.x * 0.55f, c.y * 0.55f, c.z * 0.55f, 1));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered,
                              ImVec4(c.x * 0.7f, c.y * 0.7f, c.z * 0.7f, 1));
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, c);
        pushed = 3;
    }
    const bool clicked = ImGui::Button(text.c_str(), size);
    ImGui::PopStyleColor(pushed);
    if (!enabled) ImGui::EndDisabled();
    return clicked && enabled;
}

void badge(const char* text, ImU32 background, ImU32 foreground) {
    const ImVec2 pad = ImGui::GetStyle().FramePadding;
    const ImVec2 size = ImGui::CalcTextSize(text);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + size.x + pad.x * 2, p.y + size.y + pad.y * 2), background,
                      3.0f);
    ImGui::SetCursorScreenPos(ImVec2(p.x + pad.x, p.y + pad.y));
    ImGui::PushStyleColor(ImGuiCol_Text, foreground);
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
    ImGui::SetCursorScreenPos(p);
    ImGui::Dummy(ImVec2(size.x + pad.x * 2, size.y + pad.y * 2));
}

void meterBar(const char* label, double peak, double hold, double rms, float width, float height) {
    constexpr double kFloor = -60.0;
    const auto pos = [&](double db) {
        if (!std::isfinite(db) || db < kFloor) db = kFloor;
        if (db > 0) db = 0;
        return static_cast<float>((db - kFloor) / -kFloor) * width;
    };
    ImGui::TextUnformatted(label);
    ImGui::SameLine();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + height), IM_COL32(10, 12, 14, 255));
    // Green to -9, amber to -1, red above: the colour is where the level is, not a gradient.
    const float x9 = pos(-9.0), x1 = pos(-1.0), xp = pos(peak);
    dl->AddRectFilled(p, ImVec2(p.x + std::min(xp, x9), p.y + height), colours::Ok);
    if (xp > x9)
        dl->AddRectFilled(ImVec2(p.x + x9, p.y), ImVec2(p.x + std::min(xp, x1), p.y + height),
                          colours::Amber);
    if (xp > x1)
        dl->AddRectFilled(ImVec2(p.x + x1, p.y), ImVec2(p.x + xp, p.y + height), colours::Red);
    const float xr = pos(rms);
    dl->AddRectFilled(ImVec2(p.x, p.y + height * 0.75f), ImVec2(p.x + xr, p.y + height),
                      IM_COL32(255, 255, 255, 90));
    if (std::isfinite(hold) && hold > kFloor) {
        const float xh = pos(hold);
        dl->AddRectFilled(ImVec2(p.x + xh - 2, p.y), ImVec2(p.x + xh + 1, p.y + height),
                          hold > -1.0 ? colours::Red : colours::Text);
    }
    for (double mark : {-50.0, -40.0, -30.0, -20.0, -10.0, 0.0}) {
        const float xm = pos(mark);
        dl->AddLine(ImVec2(p.x + xm, p.y + height - 4), ImVec2(p.x + xm, p.y + height),
                    IM_COL32(0, 0, 0, 200));
    }
    ImGui::Dummy(ImVec2(width, height));
    char text[48];
    if (std::isfinite(peak)) {
        std::snprintf(text, sizeof text, "%.1f dBFS", peak);
    } else {
        std::snprintf(text, sizeof text, "-inf dBFS");
    }
    ImGui::SameLine();
    ImGui::TextUnformatted(text);
}

void flaggedText(const std::string& text, const std::vector<ContentFlag>& flags) {
    if (flags.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(text.c_str());
        ImGui::PopTextWrapPos();
        return;
    }
    // Word by word, wrapping by hand, so a flagged word can take another colour mid-paragraph.
    const auto flagged = [&](std::size_t begin, std::size_t end) {
        for (const ContentFlag& f : flags) {
            if (begin < f.offset + f.length && f.offset < end) return true;
        }
        return false;
    };
    const float right = ImGui::GetContentRegionAvail().x + ImGui::GetCursorPosX();
    const float space = ImGui::CalcTextSize(" ").x;
    bool first = true;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t end = text.find_first_of(" \n", i);
        if (end == std::string::npos) end = text.size();
        if (end > i) {
            const char* b = text.data() + i;
            const char* e = text.data() + end;
            const float w = ImGui::CalcTextSize(b, e).x;
            if (!first) {
                ImGui::SameLine(0, space);
                if (ImGui::GetCursorPosX() + w > right) ImGui::NewLine();
            }
            const bool hot = flagged(i, end);
            if (hot) ImGui::PushStyleColor(ImGuiCol_Text, colours::Flag);
            ImGui::TextUnformatted(b, e);
            if (hot) ImGui::PopStyleColor();
            first = false;
        }
        if (end < text.size() && text[end] == '\n') {
            first = true;
        }
        i = end + 1;
    }
}

void colouredText(ImU32 colour, const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
}

void logOnly(const std::string& text) {
    if (GImGui && GImGui->LogEnabled) ImGui::LogText("%s\n", text.c_str());
}

std::string withId(const char* label, const char* id) {
    return std::string(label) + "###" + id;
}

}  // namespace style

namespace capture {

namespace {
std::string* gSink = nullptr;
void (*gSavedSet)(void*, const char*) = nullptr;
void* gSavedData = nullptr;

void collect(void*, const char* text) {
    if (gSink && text) {
        *gSink += text;
        if (!gSink->empty() && gSink->back() != '\n') *gSink += '\n';
    }
}
}  // namespace

void begin(std::string* sink) {
    ImGuiIO& io = ImGui::GetIO();
    gSink = sink;
    gSavedSet = io.SetClipboardTextFn;
    gSavedData = io.ClipboardUserData;
    io.SetClipboardTextFn = collect;
    window();
}

void end() {
    if (!gSink) return;
    if (GImGui->LogEnabled) ImGui::LogFinish();
    ImGuiIO& io = ImGui::GetIO();
    io.SetClipboardTextFn = gSavedSet;
    io.ClipboardUserData = gSavedData;
    gSink = nullptr;
}

void window() {
    if (!gSink || GImGui->LogEnabled) return;
    ImGui::LogToClipboard(0);
    // The title bar was drawn inside Begin, before the log restarted: log the title here.
    ImGuiWindow* w = GImGui->CurrentWindow;
    if (w && !(w->Flags & ImGuiWindowFlags_NoTitleBar)) {
        const char* end = ImGui::FindRenderedTextEnd(w->Name);
        if (end != w->Name) ImGui::LogText("%.*s\n", static_cast<int>(end - w->Name), w->Name);
    }
}

bool active() {
    return gSink != nullptr;
}

}  // namespace capture
}  // namespace ds::ui
