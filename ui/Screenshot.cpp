#include "ui/Screenshot.h"

#include <imgui.h>
#include <imgui_internal.h>
#include <stb_image_write.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace ds::ui {

Image Image::crop(int x, int y, int w, int h) const {
    Image out;
    x = std::clamp(x, 0, width);
    y = std::clamp(y, 0, height);
    w = std::clamp(w, 0, width - x);
    h = std::clamp(h, 0, height - y);
    out.width = w;
    out.height = h;
    out.rgb.resize(static_cast<std::size_t>(w) * h * 3);
    for (int row = 0; row < h; ++row) {
        const auto* src = rgb.data() + (static_cast<std::size_t>(y + row) * width + x) * 3;
        std::copy(src, src + static_cast<std::size_t>(w) * 3,
                  out.rgb.data() + static_cast<std::size_t>(row) * w * 3);
    }
    return out;
}

// --- RegionSink ---

namespace {
std::map<std::string, Region>* gSink = nullptr;
float gScaleX = 1, gScaleY = 1;

Region toRegion(ImVec2 min, ImVec2 max) {
    return {min.x * gScaleX, min.y * gScaleY, (max.x - min.x) * gScaleX, (max.y - min.y) * gScaleY};
}
}  // namespace

void RegionSink::begin(std::map<std::string, Region>* sink, float scaleX, float scaleY) {
    gSink = sink;
    gScaleX = scaleX;
    gScaleY = scaleY;
}

void RegionSink::end() {
    gSink = nullptr;
}

void RegionSink::mark(const char* name) {
    if (!gSink) return;
    (*gSink)[name] = toRegion(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

void RegionSink::markRect(const char* name, float x0, float y0, float x1, float y1) {
    if (gSink) (*gSink)[name] = toRegion(ImVec2(x0, y0), ImVec2(x1, y1));
}

void RegionSink::markWindow(const char* name, const char* windowName) {
    if (!gSink) return;
    if (ImGuiWindow* w = ImGui::FindWindowByName(windowName)) {
        (*gSink)[name] = toRegion(w->Pos, ImVec2(w->Pos.x + w->Size.x, w->Pos.y + w->Size.y));
    }
}

// --- ScreenshotWriter ---

ScreenshotWriter::ScreenshotWriter() : thread_([this](std::stop_token stop) { run(stop); }) {}

ScreenshotWriter::~ScreenshotWriter() = default;  // the thread writes what is queued, then ends

void ScreenshotWriter::png(std::string path, Image image) {
    {
        std::lock_guard lock(mutex_);
        items_.push_back({std::move(path), std::move(image), {}, false});
    }
    cv_.notify_one();
}

void ScreenshotWriter::text(std::string path, std::string text) {
    {
        std::lock_guard lock(mutex_);
        items_.push_back({std::move(path), {}, std::move(text), true});
    }
    cv_.notify_one();
}

void ScreenshotWriter::flush() {
    std::unique_lock lock(mutex_);
    idle_.wait(lock, [this] { return items_.empty() && !busy_; });
}

int ScreenshotWriter::written() const {
    std::lock_guard lock(mutex_);
    return written_;
}

void ScreenshotWriter::run(std::stop_token stop) {
    for (;;) {
        Item item;
        {
            std::unique_lock lock(mutex_);
            cv_.wait(lock, stop, [this] { return !items_.empty(); });
            if (items_.empty()) return;
            item = std::move(items_.front());
            items_.pop_front();
            busy_ = true;
        }
        std::error_code ec;
        std::filesystem::create_directories(std::filesystem::path(item.path).parent_path(), ec);
        bool ok = false;
        if (item.isText) {
            std::ofstream out(item.path, std::ios::binary | std::ios::trunc);
            out << item.text;
            ok = static_cast<bool>(out);
        } else if (item.image.width > 0 && item.image.height > 0) {
            ok = stbi_write_png(item.path.c_str(), item.image.width, item.image.height, 3,
                                item.image.rgb.data(), item.image.width * 3) != 0;
        }
        {
            std::lock_guard lock(mutex_);
            busy_ = false;
            if (ok) ++written_;
        }
        idle_.notify_all();
    }
}

}  // namespace ds::ui
