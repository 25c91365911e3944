#include "ui/Layout.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

namespace ds::ui::layout {

float menuBarHeight() {
    // ImGui moves WorkPos below the menu bar only from the frame after the bar was first drawn;
    // windows placed on the very first frame would otherwise sit under the bar and cover the
    // status strip for good (their place is kept in imgui.ini).
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    return std::max(vp->WorkPos.y - vp->Pos.y, ImGui::GetFrameHeight());
}

float statusStripTop() {
    return ImGui::GetMainViewport()->Pos.y + menuBarHeight();
}

float statusStripHeight(const FontSet& fonts) {
    // Tall enough for the taller of its columns, so nothing in it is cut off: the station's
    // name line (with the status badge) over two small lines, and a small label over the clock.
    const ImGuiStyle& s = ImGui::GetStyle();
    const float badge = fonts.bold->FontSize + s.FramePadding.y * 2;
    const float info = badge + (s.ItemSpacing.y + fonts.small->FontSize) * 2;
    const float clock = fonts.small->FontSize + s.ItemSpacing.y + fonts.clock->FontSize;
    return std::ceil(std::max(info, clock) + s.WindowPadding.y * 2 + s.CellPadding.y * 2 + 2.0f);
}

float messageBarHeight() {
    return ImGui::GetFrameHeight() + ImGui::GetStyle().WindowPadding.y * 2;
}

ImRect workArea(const FontSet& fonts) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float top = statusStripTop() + statusStripHeight(fonts);
    const float bottom = vp->WorkPos.y + vp->WorkSize.y - messageBarHeight();
    return ImRect(vp->WorkPos.x, top, vp->WorkPos.x + vp->WorkSize.x, bottom);
}

void place(WindowId window, const FontSet& fonts, int preset) {
    const ImRect a = workArea(fonts);
    const float w = a.GetWidth(), h = a.GetHeight();
    ImVec2 pos = a.Min, size = a.GetSize();
    const int p = preset >= 0 ? preset : All;
    if (p == All) {
        // Producer on the left half; screener over PPID on the right.
        const float left = w * 0.5f, split = h * 0.56f;
        switch (window) {
            case WindowId::Producer:
                size = ImVec2(left, h);
                break;
            case WindowId::Screener:
                pos = ImVec2(a.Min.x + left, a.Min.y);
                size = ImVec2(w - left, split);
                break;
            case WindowId::Ppid:
                pos = ImVec2(a.Min.x + left, a.Min.y + split);
                size = ImVec2(w - left, h - split);
                break;
            default:
                pos = ImVec2(a.Min.x + w * 0.2f, a.Min.y + h * 0.1f);
                size = ImVec2(w * 0.6f, h * 0.8f);
                break;
        }
    } else if (window == WindowId::Sessions || window == WindowId::Help) {
        pos = ImVec2(a.Min.x + w * 0.2f, a.Min.y + h * 0.1f);
        size = ImVec2(w * 0.6f, h * 0.8f);
    }
    const ImGuiCond cond = preset >= 0 ? ImGuiCond_Always : ImGuiCond_FirstUseEver;
    ImGui::SetNextWindowPos(pos, cond);
    ImGui::SetNextWindowSize(size, cond);
}

}  // namespace ds::ui::layout
