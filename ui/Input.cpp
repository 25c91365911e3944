#include "ui/Input.h"

#include <imgui.h>

#include <algorithm>
#include <vector>

namespace ds::ui {

namespace {

void updateModifiers(ImGuiIO& io) {
    io.KeyCtrl = io.KeysDown[key::LeftControl] || io.KeysDown[key::RightControl];
    io.KeyShift = io.KeysDown[key::LeftShift] || io.KeysDown[key::RightShift];
    io.KeyAlt = io.KeysDown[key::LeftAlt] || io.KeysDown[key::RightAlt];
    io.KeySuper = io.KeysDown[key::LeftSuper] || io.KeysDown[key::RightSuper];
}

// Decodes one UTF-8 sequence; returns bytes used (invalid bytes become U+FFFD, one at a time).
int decode(const unsigned char* s, unsigned& cp) {
    if (s[0] < 0x80) return cp = s[0], 1;
    int len = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC0 ? 2 : 0;
    if (len == 0) return cp = 0xFFFD, 1;
    cp = s[0] & (0x3F >> (len - 1));
    for (int i = 1; i < len; ++i) {
        if ((s[i] & 0xC0) != 0x80) return cp = 0xFFFD, 1;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    return len;
}

bool isModifier(int code) {
    return code >= key::LeftShift && code <= key::RightSuper;
}

}  // namespace

void InputQueue::pushStroke(int code, int mods) {
    const int modKeys[] = {key::LeftShift, key::LeftControl, key::LeftAlt, key::LeftSuper};
    for (int i = 0; i < 4; ++i) {
        if (mods & (1 << i)) pushKey(modKeys[i], true);
    }
    pushKey(code, true);
    pushKey(code, false);
    for (int i = 3; i >= 0; --i) {
        if (mods & (1 << i)) pushKey(modKeys[i], false);
    }
}

void InputQueue::pushText(const char* utf8) {
    const auto* s = reinterpret_cast<const unsigned char*>(utf8);
    while (*s) {
        unsigned cp = 0;
        s += decode(s, cp);
        pushChar(cp);
    }
}

void InputQueue::apply(bool applyMouse) {
    ImGuiIO& io = ImGui::GetIO();
    // What one frame may take, as a person at human speed would give it: a run of typed
    // characters, or one key stroke (with its modifiers); and no key changes twice. Whatever
    // would break that waits for the next frame, with everything behind it, in order.
    std::vector<int> touched;
    bool keyPressed = false, typed = false;
    bool buttonPressed[5] = {};
    while (!events_.empty()) {
        const InputEvent& e = events_.front();
        if (e.kind == InputEvent::Kind::Key && e.code >= 0 && e.code < 512) {
            if (std::find(touched.begin(), touched.end(), e.code) != touched.end()) break;
            if (e.down && !isModifier(e.code)) {
                if (keyPressed || typed) break;
                keyPressed = true;
            }
            // X sends Alt+A as Alt down, A down, Alt up, A up: the modifier must still be held
            // in the frame that sees the key go down, so its release waits a frame.
            if (!e.down && isModifier(e.code) && keyPressed) break;
            io.KeysDown[e.code] = e.down;
            touched.push_back(e.code);
            updateModifiers(io);
        } else if (e.kind == InputEvent::Kind::Char) {
            // A key stroke (Tab, F3) may move the keyboard to another field; ImGui 1.86 makes
            // that field active one frame later and drops characters typed in that very frame.
            // So typing after a key stroke waits one frame.
            if (keyPressed || keyPressedLastFrame_) break;
            typed = true;
            io.AddInputCharacter(e.ch);
        } else if (e.kind == InputEvent::Kind::Focus) {
            io.AddFocusEvent(e.down);
        } else if (applyMouse) {
            if (e.kind == InputEvent::Kind::MouseMove) {
                // A move after a press in this frame would make the press land where the move
                // ends: it waits for the next frame, like a drag does.
                if (std::find(std::begin(buttonPressed), std::end(buttonPressed), true) !=
                    std::end(buttonPressed)) {
                    break;
                }
                io.MousePos = ImVec2(e.x, e.y);
            } else if (e.kind == InputEvent::Kind::MouseButton && e.code >= 0 && e.code < 5) {
                if (!e.down && buttonPressed[e.code]) break;
                io.MouseDown[e.code] = e.down;
                if (e.down) buttonPressed[e.code] = true;
            } else if (e.kind == InputEvent::Kind::Wheel) {
                io.MouseWheelH += e.x;
                io.MouseWheel += e.y;
            }
        }
        events_.pop_front();
    }
    keyPressedLastFrame_ = keyPressed;
}

}  // namespace ds::ui
