#pragma once
// Keyboard (and, for the headless harness, mouse) input for Dear ImGui 1.86.
//
// ImGui 1.86 samples key state once per frame (io.KeysDown), so a key pressed and released
// between two frames is never seen. That is exactly what xdotool does, and what a fast typist
// does with a modifier. InputQueue keeps the events in order and applies them one frame at a
// time, stopping before an event that would undo a press the current frame has not seen yet
// (ImGui 1.87 added the same "input trickling"), one key stroke or one run of typing per frame. The
// real window and the headless harness both feed their events through it, so the unit tests
// exercise the same path as a person.
//
// Key codes are GLFW's (the 1.86 GLFW back end indexes io.KeysDown with them); ControlRoom.cpp
// checks these constants against <GLFW/glfw3.h> at compile time.
#include <deque>

namespace ds::ui {

namespace key {
inline constexpr int Space = 32;
inline constexpr int N0 = 48;  // N0..N9 are 48..57
inline constexpr int N1 = 49;
inline constexpr int N7 = 55;
inline constexpr int N9 = 57;
inline constexpr int Equal = 61;
inline constexpr int Minus = 45;
inline constexpr int A = 65;  // A..Z are 65..90
inline constexpr int D = 68;
inline constexpr int E = 69;
inline constexpr int G = 71;
inline constexpr int I = 73;
inline constexpr int L = 76;
inline constexpr int N = 78;
inline constexpr int O = 79;
inline constexpr int Q = 81;
inline constexpr int R = 82;
inline constexpr int S = 83;
inline constexpr int T = 84;
inline constexpr int X = 88;
inline constexpr int Escape = 256;
inline constexpr int Enter = 257;
inline constexpr int Tab = 258;
inline constexpr int Backspace = 259;
inline constexpr int Insert = 260;
inline constexpr int Delete = 261;
inline constexpr int Right = 262;
inline constexpr int Left = 263;
inline constexpr int Down = 264;
inline constexpr int Up = 265;
inline constexpr int PageUp = 266;
inline constexpr int PageDown = 267;
inline constexpr int Home = 268;
inline constexpr int End = 269;
inline constexpr int F1 = 290;  // F1..F12 are 290..301
inline constexpr int F2 = 291;
inline constexpr int F3 = 292;
inline constexpr int F4 = 293;
inline constexpr int F5 = 294;
inline constexpr int F6 = 295;
inline constexpr int F7 = 296;
inline constexpr int F8 = 297;
inline constexpr int F9 = 298;
inline constexpr int F10 = 299;
inline constexpr int F11 = 300;
inline constexpr int F12 = 301;
inline constexpr int KpSubtract = 333;
inline constexpr int KpAdd = 334;
inline constexpr int KpEnter = 335;
inline constexpr int LeftShift = 340;
inline constexpr int LeftControl = 341;
inline constexpr int LeftAlt = 342;
inline constexpr int LeftSuper = 343;
inline constexpr int RightShift = 344;
inline constexpr int RightControl = 345;
inline constexpr int RightAlt = 346;
inline constexpr int RightSuper = 347;
}  // namespace key

// Modifier bits, as GLFW_MOD_*.
enum Mods : int { ModNone = 0, ModShift = 1, ModCtrl = 2, ModAlt = 4, ModSuper = 8 };

struct InputEvent {
    enum class Kind { Key, Char, MouseButton, MouseMove, Wheel, Focus } kind = Kind::Key;
    int code = 0;        // key code or mouse button
    bool down = false;   // key/button pressed (true) or released; Focus: gained
    unsigned ch = 0;     // Char: the code point
    float x = 0, y = 0;  // MouseMove: position; Wheel: x/y offsets
};

class InputQueue {
  public:
    void push(const InputEvent& e) { events_.push_back(e); }
    void pushKey(int code, bool down) { push({InputEvent::Kind::Key, code, down, 0, 0, 0}); }
    void pushChar(unsigned ch) { push({InputEvent::Kind::Char, 0, false, ch, 0, 0}); }
    // A whole key stroke with modifiers (the headless harness).
    void pushStroke(int code, int mods);
    // UTF-8 text as characters.
    void pushText(const char* utf8);

    // [frame loop] Before NewFrame, with the target ImGui context current: applies events up to
    // the first that must wait for the next frame. Mouse events are applied only when
    // `applyMouse` (the GLFW back end polls the real mouse itself).
    void apply(bool applyMouse);
    bool pending() const { return !events_.empty(); }
    void clear() { events_.clear(); }

  private:
    std::deque<InputEvent> events_;
    bool keyPressedLastFrame_ = false;
};

}  // namespace ds::ui
