#pragma once
// Screenshots of the control room's windows for tests and bug reports: the frame's pixels (read
// back with glReadPixels by the frame loop), written as PNG with stb_image_write on a worker
// thread, with a text sidecar (what ImGui drew, from its log) and regions.json (where the named
// parts are: the clock, the REC box, the countdown, the guests' question), so a test can check
// colours where they matter.
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

namespace ds::ui {

struct Image {
    int width = 0, height = 0;
    std::vector<unsigned char> rgb;  // top row first, 3 bytes per pixel

    // The part of the image in [x, x+w) x [y, y+h) (clipped).
    Image crop(int x, int y, int w, int h) const;
};

struct Region {
    float x = 0, y = 0, w = 0, h = 0;  // framebuffer pixels
};

// Named regions of the frame being drawn (the views call mark(); only while capturing).
class RegionSink {
  public:
    static void begin(std::map<std::string, Region>* sink, float scaleX, float scaleY);
    static void end();
    // Records the last ImGui item's rectangle under `name`.
    static void mark(const char* name);
    // Records a rectangle in ImGui's coordinates (drawings that are not items).
    static void markRect(const char* name, float x0, float y0, float x1, float y1);
    // Records a window's rectangle by its ImGui name ("###producer").
    static void markWindow(const char* name, const char* windowName);
};

class ScreenshotWriter {
  public:
    ScreenshotWriter();
    ~ScreenshotWriter();  // writes what is queued, then stops
    ScreenshotWriter(const ScreenshotWriter&) = delete;
    ScreenshotWriter& operator=(const ScreenshotWriter&) = delete;

    void png(std::string path, Image image);        // [frame loop]
    void text(std::string path, std::string text);  // [frame loop]
    void flush();                                   // [frame loop] waits until all is written
    int written() const;

  private:
    struct Item {
        std::string path;
        Image image;
        std::string text;
        bool isText = false;
    };
    void run(std::stop_token stop);
    mutable std::mutex mutex_;
    std::condition_variable_any cv_;
    std::condition_variable idle_;
    std::deque<Item> items_;
    bool busy_ = false;
    int written_ = 0;
    std::jthread thread_;  // last: stopped and joined before the rest goes
};

}  // namespace ds::ui
