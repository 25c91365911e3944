#include "ui/HeadlessUi.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <chrono>

#include "ui/Input.h"
#include "ui/Style.h"

namespace ds::ui {

struct HeadlessUi::Impl {
    ImGuiContext* context = nullptr;
    FontSet fonts;
    InputQueue input;
};

namespace {

// The key map the GLFW back end installs, so ImGui's own widgets (Tab, Enter, arrows, Esc)
// react to the same codes here.
void mapKeys(ImGuiIO& io) {
    io.KeyMap[ImGuiKey_Tab] = key::Tab;
    io.KeyMap[ImGuiKey_LeftArrow] = key::Left;
    io.KeyMap[ImGuiKey_RightArrow] = key::Right;
    io.KeyMap[ImGuiKey_UpArrow] = key::Up;
    io.KeyMap[ImGuiKey_DownArrow] = key::Down;
    io.KeyMap[ImGuiKey_PageUp] = key::PageUp;
    io.KeyMap[ImGuiKey_PageDown] = key::PageDown;
    io.KeyMap[ImGuiKey_Home] = key::Home;
    io.KeyMap[ImGuiKey_End] = key::End;
    io.KeyMap[ImGuiKey_Insert] = key::Insert;
    io.KeyMap[ImGuiKey_Delete] = key::Delete;
    io.KeyMap[ImGuiKey_Backspace] = key::Backspace;
    io.KeyMap[ImGuiKey_Space] = key::Space;
    io.KeyMap[ImGuiKey_Enter] = key::Enter;
    io.KeyMap[ImGuiKey_Escape] = key::Escape;
    io.KeyMap[ImGuiKey_KeyPadEnter] = key::KpEnter;
    io.KeyMap[ImGuiKey_A] = key::A;
    io.KeyMap[ImGuiKey_C] = key::A + 2;
    io.KeyMap[ImGuiKey_V] = key::A + 21;
    io.KeyMap[ImGuiKey_X] = key::X;
    io.KeyMap[ImGuiKey_Y] = key::A + 24;
    io.KeyMap[ImGuiKey_Z] = key::A + 25;
}

}  // namespace

HeadlessUi::HeadlessUi(float width, float height, Role role, float scale)
    : impl_(std::make_unique<Impl>()) {
    IMGUI_CHECKVERSION();
    impl_->context = ImGui::CreateContext();
    ImGui::SetCurrentContext(impl_->context);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DisplaySize = ImVec2(width, height);
    mapKeys(io);
    impl_->fonts =
        loadFonts(io.Fonts, role == Role::Guest ? FontRole::Guest : FontRole::Main, scale);
    style::applyTheme(scale);
    // No renderer: the atlas must still be built and given an id for ImGui to draw.
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(1));
}

HeadlessUi::~HeadlessUi() {
    ImGui::DestroyContext(impl_->context);
}

void HeadlessUi::key(int code, int mods) {
    impl_->input.pushStroke(code, mods);
}
void HeadlessUi::keyEvent(int code, bool down) {
    impl_->input.pushKey(code, down);
}
void HeadlessUi::type(const char* utf8) {
    impl_->input.pushText(utf8);
}
void HeadlessUi::mouseMove(float x, float y) {
    impl_->input.push({InputEvent::Kind::MouseMove, 0, false, 0, x, y});
}
void HeadlessUi::mouseButton(int button, bool down) {
    impl_->input.push({InputEvent::Kind::MouseButton, button, down, 0, 0, 0});
}

const FontSet& HeadlessUi::fonts() const {
    return impl_->fonts;
}

std::string HeadlessUi::frame(const std::function<void()>& draw, bool capture) {
    ImGui::SetCurrentContext(impl_->context);
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = dt_;
    impl_->input.apply(true);
    const auto start = std::chrono::steady_clock::now();
    ImGui::NewFrame();
    std::string text;
    if (capture) capture::begin(&text);
    draw();
    if (capture) capture::end();
    ImGui::Render();
    lastFrameMs_ =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    vertices_ = ImGui::GetDrawData()->TotalVtxCount;
    return text;
}

std::string HeadlessUi::frames(const std::function<void()>& draw, int atLeast) {
    std::string text;
    for (int i = 0; i < atLeast || impl_->input.pending(); ++i)
        text = frame(draw);
    return text;
}

HeadlessUi::Rect HeadlessUi::windowRect(const char* windowName) const {
    ImGui::SetCurrentContext(impl_->context);
    ImGuiWindow* w = ImGui::FindWindowByName(windowName);
    if (!w) return {};
    return {w->Pos.x, w->Pos.y, w->Size.x, w->Size.y};
}

}  // namespace ds::ui
