#pragma once
// Dear ImGui without a window or a GPU: the control room's own fonts, theme and input path, for
// unit tests ("what is shown, what each key does") and for the frame benchmark. A frame runs
// NewFrame, the caller's drawing, and Render (the draw lists are built, nothing is rasterised);
// the text the frame drew is captured with ImGui's log, as the screenshot sidecars are.
// No ImGui types here, so tests need no ImGui headers.
#include <functional>
#include <memory>
#include <string>

namespace ds::ui {

struct FontSet;
class InputQueue;

class HeadlessUi {
  public:
    enum class Role { Main, Guest };

    HeadlessUi(float width = 1600, float height = 900, Role role = Role::Main, float scale = 1.0f);
    ~HeadlessUi();
    HeadlessUi(const HeadlessUi&) = delete;
    HeadlessUi& operator=(const HeadlessUi&) = delete;

    // Input for the next frames (applied one frame at a time, as in the real window).
    void key(int code, int mods = 0);
    // One key going down or up, for orders a stroke does not give (X releases a modifier
    // before the key it modified).
    void keyEvent(int code, bool down);
    void type(const char* utf8);
    void mouseMove(float x, float y);
    void mouseButton(int button, bool down);

    // Runs one frame and returns the text it drew. `capture` false skips the text log (the
    // benchmark measures drawing alone).
    std::string frame(const std::function<void()>& draw, bool capture = true);
    // Runs frames until the queued input is used up (at least one).
    std::string frames(const std::function<void()>& draw, int atLeast = 1);

    const FontSet& fonts() const;
    double lastFrameMs() const { return lastFrameMs_; }
    int drawVertices() const { return vertices_; }
    // Seconds of simulated time per frame (ImGui's timers, key repeat, double clicks).
    void setFrameSeconds(float dt) { dt_ = dt; }

    // Where the item with this label or id was last drawn (tests click it), or {-1,-1}.
    struct Rect {
        float x = -1, y = -1, w = 0, h = 0;
    };
    Rect windowRect(const char* windowName) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    double lastFrameMs_ = 0;
    int vertices_ = 0;
    float dt_ = 1.0f / 30.0f;
};

}  // namespace ds::ui
