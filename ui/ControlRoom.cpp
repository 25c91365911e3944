// The control room application: GLFW windows with OpenGL 3 and Dear ImGui, the frame loop.
//
// Index
// [SECTION] GLFW and OpenGL handles (RAII)
// [SECTION] One OS window with its own ImGui context
// [SECTION] The application
// [SECTION] Frame loop
// [SECTION] runControlRoom
//
// Two OS windows (control room, guests) each have their own ImGui context and back-end state;
// GLFW's callbacks are routed to the window's context by hand (ImGui 1.86's GLFW back end keeps
// its state per context but its callbacks use the current one). Keys go through InputQueue so a
// press and release between two frames (xdotool, fast typists) still counts.
//
// The loop never waits on the disk: the database is on DatabaseWorker, files on FileSaver and
// ScreenshotWriter, exports on JobRunner. It sleeps in glfwWaitEventsTimeout until input, a
// posted result, or the next second of the station clock (faster while meters move), and draws
// nothing while minimised.
#include "ui/ControlRoom.h"

#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <imgui_internal.h>

#define GLFW_INCLUDE_NONE
#include <GL/gl.h>
#include <GLFW/glfw3.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "studio/CommandContext.h"
#include "ui/ControlRoomView.h"
#include "ui/DatabaseWorker.h"
#include "ui/DeviceScanner.h"
#include "ui/Input.h"
#include "ui/Jobs.h"
#include "ui/Layout.h"
#include "ui/RecordKeeping.h"
#include "ui/RecorderProcess.h"
#include "ui/RecordingControl.h"
#include "ui/Screenshot.h"
#include "ui/Style.h"
#include "ui/Translations.h"
#include "ui/UiSettings.h"

namespace ds::ui {

// Input.h's key codes are GLFW's.
static_assert(key::F8 == GLFW_KEY_F8 && key::Enter == GLFW_KEY_ENTER && key::A == GLFW_KEY_A &&
              key::LeftShift == GLFW_KEY_LEFT_SHIFT && key::RightSuper == GLFW_KEY_RIGHT_SUPER &&
              key::KpEnter == GLFW_KEY_KP_ENTER && key::Escape == GLFW_KEY_ESCAPE &&
              key::Up == GLFW_KEY_UP && key::N0 == GLFW_KEY_0 && key::Equal == GLFW_KEY_EQUAL &&
              key::F12 == GLFW_KEY_F12 && key::Tab == GLFW_KEY_TAB);
static_assert(ModShift == GLFW_MOD_SHIFT && ModCtrl == GLFW_MOD_CONTROL && ModAlt == GLFW_MOD_ALT);

namespace {

std::atomic<bool> gScreenshotRequested{false};
std::atomic<bool> gQuitRequested{false};
extern "C" void onSigusr1(int) {
    gScreenshotRequested.store(true);
}
extern "C" void onSigterm(int) {
    gQuitRequested.store(true);
}

// [SECTION] GLFW and OpenGL handles (RAII)

struct GlfwLibrary {
    bool ok = false;
    GlfwLibrary() {
        glfwSetErrorCallback([](int code, const char* text) {
            std::fprintf(stderr, "dialogstudio: GLFW error %d: %s\n", code, text);
        });
        ok = glfwInit() == GLFW_TRUE;
    }
    ~GlfwLibrary() {
        if (ok) glfwTerminate();
    }
    GlfwLibrary(const GlfwLibrary&) = delete;
    GlfwLibrary& operator=(const GlfwLibrary&) = delete;
};

struct WindowDeleter {
    void operator()(GLFWwindow* w) const { glfwDestroyWindow(w); }
};
using WindowPtr = std::unique_ptr<GLFWwindow, WindowDeleter>;

struct ContextDeleter {
    void operator()(ImGuiContext* c) const { ImGui::DestroyContext(c); }
};
using ContextPtr = std::unique_ptr<ImGuiContext, ContextDeleter>;

// [SECTION] One OS window with its own ImGui context

class OsWindow {
  public:
    OsWindow(const std::string& title, int width, int height, FontRole role, float scale,
             bool vsync, const std::string& iniPath)
        : role_(role), iniPath_(iniPath) {
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
        window_.reset(glfwCreateWindow(width, height, title.c_str(), nullptr, nullptr));
        if (!window_) return;
        glfwSetWindowUserPointer(window_.get(), this);
        glfwMakeContextCurrent(window_.get());
        glfwSwapInterval(vsync ? 1 : 0);

        context_.reset(ImGui::CreateContext());
        ImGui::SetCurrentContext(context_.get());
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;  // saved by us, off the frame loop
        io.LogFilename = nullptr;
        if (!iniPath_.empty()) {
            const std::string ini = readFile(iniPath_);
            if (!ini.empty()) ImGui::LoadIniSettingsFromMemory(ini.c_str(), ini.size());
        }
        fonts_ = loadFonts(io.Fonts, role_, scale);
        style::applyTheme(role_ == FontRole::Main ? scale : 1.0f);
        // Callbacks are ours (routed to this context), so the back end installs none.
        ImGui_ImplGlfw_InitForOpenGL(window_.get(), false);
        ImGui_ImplOpenGL3_Init("#version 130");
        backendsUp_ = true;
        installCallbacks();
    }

    ~OsWindow() {
        if (!backendsUp_) return;
        glfwMakeContextCurrent(window_.get());
        ImGui::SetCurrentContext(context_.get());
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
    }
    OsWindow(const OsWindow&) = delete;
    OsWindow& operator=(const OsWindow&) = delete;

    bool ok() const { return backendsUp_; }
    GLFWwindow* glfw() const { return window_.get(); }
    ImGuiContext* context() const { return context_.get(); }
    const FontSet& fonts() const { return fonts_; }
    bool visible() const { return glfwGetWindowAttrib(window_.get(), GLFW_VISIBLE) != 0; }
    bool iconified() const { return glfwGetWindowAttrib(window_.get(), GLFW_ICONIFIED) != 0; }
    bool inputPending() const { return input_.pending(); }
    // Frames still to draw after input, so hover and popups settle.
    int& activity() { return activity_; }

    // Rebuilds the fonts and theme at a new scale (between frames).
    void rescale(float scale) {
        glfwMakeContextCurrent(window_.get());
        ImGui::SetCurrentContext(context_.get());
        fonts_ = loadFonts(ImGui::GetIO().Fonts, role_, scale);
        style::applyTheme(role_ == FontRole::Main ? scale : 1.0f);
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }

    struct Capture {
        bool wanted = false;
        std::string text;
        std::map<std::string, Region> regions;
        Image image;
    };

    // One frame: input, NewFrame, draw(), Render, swap. Returns the CPU milliseconds from
    // NewFrame to the end of Render (the draw data is ready; the GPU's part is not counted).
    double frame(const std::function<void()>& draw, Capture* capture) {
        glfwMakeContextCurrent(window_.get());
        ImGui::SetCurrentContext(context_.get());
        input_.apply(false);
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        const auto start = std::chrono::steady_clock::now();
        ImGui::NewFrame();
        ImGuiIO& io = ImGui::GetIO();
        if (capture) {
            capture::begin(&capture->text);
            RegionSink::begin(&capture->regions, io.DisplayFramebufferScale.x,
                              io.DisplayFramebufferScale.y);
        }
        draw();
        if (capture) {
            for (const char* w :
                 {"###producer", "###screener", "###ppid", "###status", "###messages"}) {
                RegionSink::markWindow(w + 3, w);
            }
            RegionSink::end();
            capture::end();
        }
        ImGui::Render();
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();
        int w = 0, h = 0;
        glfwGetFramebufferSize(window_.get(), &w, &h);
        glViewport(0, 0, w, h);
        glClearColor(0.07f, 0.08f, 0.09f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        if (capture && w > 0 && h > 0) {
            // The back buffer before the swap: exactly what this frame drew.
            Image img;
            img.width = w;
            img.height = h;
            img.rgb.resize(static_cast<std::size_t>(w) * h * 3);
            std::vector<unsigned char> raw(img.rgb.size());
            glPixelStorei(GL_PACK_ALIGNMENT, 1);
            glReadBuffer(GL_BACK);
            glReadPixels(0, 0, w, h, GL_RGB, GL_UNSIGNED_BYTE, raw.data());
            const std::size_t row = static_cast<std::size_t>(w) * 3;
            for (int y = 0; y < h; ++y) {
                std::copy_n(raw.data() + (h - 1 - y) * row, row, img.rgb.data() + y * row);
            }
            capture->image = std::move(img);
        }
        glfwSwapBuffers(window_.get());
        if (activity_ > 0) --activity_;
        return ms;
    }

    // The window layout, when ImGui says it changed (saved off the frame loop).
    std::optional<std::string> iniToSave() {
        ImGui::SetCurrentContext(context_.get());
        ImGuiIO& io = ImGui::GetIO();
        if (iniPath_.empty() || !io.WantSaveIniSettings) return std::nullopt;
        io.WantSaveIniSettings = false;
        return std::string(ImGui::SaveIniSettingsToMemory());
    }
    const std::string& iniPath() const { return iniPath_; }

  private:
    static OsWindow* self(GLFWwindow* w) {
        return static_cast<OsWindow*>(glfwGetWindowUserPointer(w));
    }

    // Runs a back-end callback with this window's context current.
    template <class Fn>
    void inContext(Fn fn) {
        ImGuiContext* previous = ImGui::GetCurrentContext();
        ImGui::SetCurrentContext(context_.get());
        fn();
        ImGui::SetCurrentContext(previous);
        activity_ = 3;
        glfwPostEmptyEvent();
    }

    void installCallbacks() {
        GLFWwindow* w = window_.get();
        glfwSetKeyCallback(w, [](GLFWwindow* win, int key, int, int action, int) {
            if (action == GLFW_REPEAT) return;  // ImGui repeats held keys itself
            self(win)->input_.pushKey(key, action == GLFW_PRESS);
            self(win)->activity_ = 3;
        });
        glfwSetCharCallback(w, [](GLFWwindow* win, unsigned int c) {
            self(win)->input_.pushChar(c);
            self(win)->activity_ = 3;
        });
        glfwSetMouseButtonCallback(w, [](GLFWwindow* win, int button, int action, int mods) {
            self(win)->inContext(
                [&] { ImGui_ImplGlfw_MouseButtonCallback(win, button, action, mods); });
        });
        glfwSetScrollCallback(w, [](GLFWwindow* win, double x, double y) {
            self(win)->inContext([&] { ImGui_ImplGlfw_ScrollCallback(win, x, y); });
        });
        glfwSetWindowFocusCallback(w, [](GLFWwindow* win, int focused) {
            self(win)->inContext([&] { ImGui_ImplGlfw_WindowFocusCallback(win, focused); });
        });
        glfwSetCursorEnterCallback(w, [](GLFWwindow* win, int entered) {
            self(win)->inContext([&] { ImGui_ImplGlfw_CursorEnterCallback(win, entered); });
        });
        // The back end polls the cursor; this only says "draw, the mouse moved".
        glfwSetCursorPosCallback(w,
                                 [](GLFWwindow* win, double, double) { self(win)->activity_ = 2; });
        glfwSetWindowRefreshCallback(w, [](GLFWwindow* win) { self(win)->activity_ = 1; });
    }

    FontRole role_;
    std::string iniPath_;
    WindowPtr window_;
    ContextPtr context_;
    FontSet fonts_;
    InputQueue input_;
    bool backendsUp_ = false;
    int activity_ = 3;
};

// [SECTION] The application

class App {
  public:
    App(CommandContext& ctx, const ControlRoomOptions& options) : ctx_(ctx), options_(options) {}

    int run();

  private:
    void loadSettings();
    void saveSettings();
    bool openWindows();
    void startWorker();
    struct FrameLoopApplier;
    void apply(Command command);
    void applyFrameLoopCommand(const FrameLoopCommand& command);
    void setGuestFullscreen(bool on);
    void showGuest(bool show);
    void drawFrame();
    void writeScreenshots(OsWindow::Capture& main, OsWindow::Capture* guest);
    double waitTimeout() const;
    void drawQuitConfirm();

    CommandContext& ctx_;
    ControlRoomOptions options_;
    UiSettings settings_;
    std::string settingsPath_;
    FileSaver saver_;
    ScreenshotWriter shots_;
    UiQueue queue_;
    std::unique_ptr<RecordingControl> recording_;
    std::unique_ptr<RecordKeeping> records_;
    std::unique_ptr<DeviceScanner> devices_;
    std::unique_ptr<GlfwLibrary> glfw_;  // before the windows: terminated after they are gone
    std::unique_ptr<OsWindow> main_;
    std::unique_ptr<OsWindow> guest_;
    std::unique_ptr<JobRunner> jobs_;
    std::unique_ptr<DatabaseWorker> worker_;
    ControlRoomView view_;
    AppState app_;
    std::shared_ptr<const Snapshot> snapshot_ = std::make_shared<const Snapshot>();
    CommandList commands_;
    bool quit_ = false;
    bool confirmQuit_ = false;
    int framesWithData_ = 0;
    std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
    double firstFrameMs_ = -1, firstDataFrameMs_ = -1;
    int screenshotSets_ = 0;
};

void App::loadSettings() {
    settingsPath_ = configDir() + "/ui.json";
    settings_ = UiSettings::fromJson(readFile(settingsPath_));
    // The command line's language (--lang, DIALOGSTUDIO_LANG) wins over the saved one.
    const bool explicitLang = !ctx_.options.lang.empty() || std::getenv("DIALOGSTUDIO_LANG");
    if (explicitLang || !settings_.lang) settings_.lang = ctx_.english() ? Lang::En : Lang::Id;
    setLanguage(*settings_.lang);
    if (options_.scale > 0) settings_.scale = options_.scale;
    if (options_.guestFullscreen) settings_.guestFullscreen = true;
    if (options_.noGuest) settings_.guestVisible = false;
    app_.scale = settings_.scale;
    app_.guestMessage = settings_.guestMessage;
    app_.guestVisible = settings_.guestVisible;
    app_.guestFullscreen = settings_.guestFullscreen;
    app_.exportDir = defaultExportDir();
}

void App::saveSettings() {
    settings_.lang = language();
    settings_.scale = app_.scale;
    settings_.guestMessage = app_.guestMessage;
    settings_.guestVisible = app_.guestVisible;
    settings_.guestFullscreen = app_.guestFullscreen;
    if (main_) {
        glfwGetWindowPos(main_->glfw(), &settings_.mainX, &settings_.mainY);
        glfwGetWindowSize(main_->glfw(), &settings_.mainWidth, &settings_.mainHeight);
    }
    if (guest_ && !app_.guestFullscreen) {
        glfwGetWindowPos(guest_->glfw(), &settings_.guestX, &settings_.guestY);
        glfwGetWindowSize(guest_->glfw(), &settings_.guestWidth, &settings_.guestHeight);
    }
    saver_.save(settingsPath_, settings_.toJson());
}

bool App::openWindows() {
    int w = options_.width > 0          ? options_.width
            : settings_.mainWidth > 200 ? settings_.mainWidth
                                        : 1600;
    int h = options_.height > 0          ? options_.height
            : settings_.mainHeight > 200 ? settings_.mainHeight
                                         : 900;
    main_ = std::make_unique<OsWindow>(tr(Tx::AppTitle), w, h, FontRole::Main, app_.scale, true,
                                       configDir() + "/imgui.ini");
    if (!main_->ok()) return false;
    if (settings_.mainX >= 0 && options_.width == 0)
        glfwSetWindowPos(main_->glfw(), settings_.mainX, settings_.mainY);
    // The guests' window is meant for a second screen: the one the main window is not on, else
    // beside the main window.
    const int gw = settings_.guestWidth > 200 ? settings_.guestWidth : 1280;
    const int gh = settings_.guestHeight > 200 ? settings_.guestHeight : 720;
    glfwWindowHint(GLFW_VISIBLE, app_.guestVisible ? GLFW_TRUE : GLFW_FALSE);
    guest_ = std::make_unique<OsWindow>(tr(Tx::GuestWindowTitle), gw, gh, FontRole::Guest, 1.0f,
                                        false, "");
    glfwWindowHint(GLFW_VISIBLE, GLFW_TRUE);
    if (!guest_->ok()) {
        guest_.reset();
        app_.guestVisible = false;
    } else {
        if (settings_.guestX >= 0)
            glfwSetWindowPos(guest_->glfw(), settings_.guestX, settings_.guestY);
        if (app_.guestFullscreen) setGuestFullscreen(true);
    }
    glfwFocusWindow(main_->glfw());
    return true;
}

void App::startWorker() {
    DatabaseWorker::Config config;
    config.databasePath = ctx_.databasePath();
    config.actor = ctx_.actor();
    config.startup.session = options_.session;
    config.startup.demo = options_.demo;
    config.startup.lastSession = settings_.lastSession;
    worker_ = std::make_unique<DatabaseWorker>(
        config, *recording_, queue_,
        [this](std::shared_ptr<const Snapshot> s) {
            snapshot_ = std::move(s);
            const auto id =
                snapshot_->session ? std::optional(snapshot_->session->id) : std::nullopt;
            if (id && id != settings_.lastSession) {
                // Saved at once: after a crash the room reopens this session.
                settings_.lastSession = id;
                saveSettings();
            }
        },
        [this](Outcome o) { view_.onOutcome(o, ImGui::GetTime()); });
}

void App::setGuestFullscreen(bool on) {
    if (!guest_) return;
    app_.guestFullscreen = on;
    GLFWwindow* g = guest_->glfw();
    if (on) {
        // The monitor the main window is not on; with one monitor, that one.
        int count = 0;
        GLFWmonitor** monitors = glfwGetMonitors(&count);
        GLFWmonitor* target = count > 0 ? monitors[count - 1] : glfwGetPrimaryMonitor();
        if (!target) return;
        const GLFWvidmode* mode = glfwGetVideoMode(target);
        glfwSetWindowMonitor(g, target, 0, 0, mode->width, mode->height, mode->refreshRate);
    } else {
        const int x = settings_.guestX >= 0 ? settings_.guestX : 80;
        const int y = settings_.guestY >= 0 ? settings_.guestY : 80;
        glfwSetWindowMonitor(g, nullptr, x, y,
                             settings_.guestWidth > 200 ? settings_.guestWidth : 1280,
                             settings_.guestHeight > 200 ? settings_.guestHeight : 720, 0);
    }
}

void App::showGuest(bool show) {
    if (!guest_) return;
    app_.guestVisible = show;
    if (show) {
        glfwShowWindow(guest_->glfw());
        glfwFocusWindow(main_->glfw());
    } else {
        glfwHideWindow(guest_->glfw());
    }
}

void App::apply(Command command) {
    route(
        std::move(command), [this](DatabaseCommand c) { worker_->post(std::move(c)); },
        [this](const FrameLoopCommand& c) { applyFrameLoopCommand(c); });
}

// One overload per frame-loop command, and no catch-all: a command without one does not compile.
struct App::FrameLoopApplier {
    App& app;

    void operator()(const cmd::SetLanguage& c) {
        setLanguage(c.lang);
        glfwSetWindowTitle(app.main_->glfw(), tr(Tx::AppTitle));
        if (app.guest_) glfwSetWindowTitle(app.guest_->glfw(), tr(Tx::GuestWindowTitle));
        app.saveSettings();
    }
    void operator()(const cmd::SetScale& s) {
        app.app_.scale = s.scale;
        app.main_->rescale(app.app_.scale);
        app.saveSettings();
    }
    void operator()(const cmd::SetGuestMessage& m) {
        app.app_.guestMessage = m.text;
        app.saveSettings();
    }
    void operator()(const cmd::ShowGuestWindow& g) {
        app.showGuest(g.show);
        app.saveSettings();
    }
    void operator()(const cmd::ToggleGuestFullscreen&) {
        if (app.guest_ && !app.app_.guestVisible) app.showGuest(true);
        app.setGuestFullscreen(!app.app_.guestFullscreen);
        app.saveSettings();
    }
    void operator()(const cmd::FocusWindow& fw) { app.view_.focus(fw.window); }
    void operator()(const cmd::ApplyLayout& l) { app.app_.layoutPreset = l.preset; }
    void operator()(const cmd::ExportSession& e) {
        for (const ExportFormat& format : RecordKeeping::exportFormats()) {
            if (format.code != e.format) continue;
            char stamp[32];
            const std::time_t t = std::time(nullptr);
            std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", std::localtime(&t));
            const std::string path = fmt::format("{}/{}-{}-{}{}", app.app_.exportDir, format.stem,
                                                 e.sessionId, stamp, format.extension);
            const std::string db = app.ctx_.databasePath();
            const std::string actor = app.ctx_.actor();
            const std::int64_t session = e.sessionId;
            RecordKeeping* records = app.records_.get();
            app.jobs_->submit(fmtTx(Tx::ExportJob, tr(format.label)),
                              [records, db, session, format, path, actor](JobProgress& progress) {
                                  return records->exportSession(db, session, format, path, actor,
                                                                progress);
                              });
        }
    }
    void operator()(const cmd::CancelJob& cj) { app.jobs_->cancel(cj.jobId); }
    void operator()(const cmd::ScanDevices&) {
        if (app.devices_->scan()) {
            app.app_.scanningDevices = true;
            app.app_.deviceScanError.clear();
        }
    }
    void operator()(const cmd::SaveScreenshots&) { gScreenshotRequested.store(true); }
    void operator()(const cmd::Quit&) {
        // Leaving stops a running recording: that is asked first. A live session simply goes
        // on in the database and is there again when the room reopens.
        if (app.recording_->status().state == RecordingState::Recording) {
            app.confirmQuit_ = true;
        } else {
            app.quit_ = true;
        }
    }
};

void App::applyFrameLoopCommand(const FrameLoopCommand& command) {
    std::visit(FrameLoopApplier{*this}, command);
}

void App::drawQuitConfirm() {
    if (confirmQuit_) {
        ImGui::OpenPopup("###confirm_quit");
        confirmQuit_ = false;
    }
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal(style::withId(tr(Tx::ConfirmQuitTitle), "confirm_quit").c_str(),
                               nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        capture::window();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
        ImGui::TextUnformatted(tr(Tx::ConfirmQuitBody));
        ImGui::PopTextWrapPos();
        bool yes = style::actionButton(tr(Tx::MenuQuit), "Enter", true, colours::Red);
        ImGui::SameLine();
        const bool no =
            style::actionButton(tr(Tx::Cancel), "Esc", true) || style::shortcut(key::Escape);
        yes = yes || (!ImGui::IsWindowAppearing() && style::shortcut(key::Enter));
        if (yes) {
            worker_->post(cmd::StopRecording{snapshot_->session ? snapshot_->session->id : 0});
            quit_ = true;
            ImGui::CloseCurrentPopup();
        } else if (no) {
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

// [SECTION] Frame loop

double App::waitTimeout() const {
    // Until the next whole second of the clock, so clocks tick on time and nothing else runs.
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    const double frac = std::fmod(std::chrono::duration<double>(now).count(), 1.0);
    double t = 1.0 - frac + 0.002;
    const RecordingStatus rec = recording_->status();
    if (rec.live()) t = std::min(t, 1.0 / 25.0);                 // meters move
    if (!rec.alarms.empty()) t = std::min(t, 0.1);               // alarms flash
    if (jobs_->busy() || worker_->busy()) t = std::min(t, 0.1);  // progress moves
    ImGui::SetCurrentContext(main_->context());
    if (ImGui::GetIO().WantTextInput) t = std::min(t, 0.25);  // the text caret blinks
    return t;
}

void App::writeScreenshots(OsWindow::Capture& main, OsWindow::Capture* guest) {
    std::string dir = options_.screenshotDir;
    if (dir.empty()) dir = configDir() + "/screenshots";
    if (screenshotSets_ > 0 && options_.frames == 0) dir += fmt::format("/{}", screenshotSets_);
    ++screenshotSets_;
    nlohmann::json regions;
    const auto save = [&](const std::string& name, OsWindow::Capture& c) {
        shots_.png(dir + "/" + name + ".png", c.image);
        shots_.text(dir + "/" + name + ".txt", c.text);
        nlohmann::json r = nlohmann::json::object();
        for (const auto& [key, reg] : c.regions)
            r[key] = {reg.x, reg.y, reg.w, reg.h};
        regions[name] = r;
    };
    save("main", main);
    // One image per role window, cut from the main window's frame.
    for (const char* w : {"producer", "screener", "ppid", "status"}) {
        auto it = main.regions.find(w);
        if (it == main.regions.end()) continue;
        const Region& r = it->second;
        shots_.png(dir + "/" + w + ".png", main.image.crop(int(r.x), int(r.y), int(r.w), int(r.h)));
    }
    if (guest) save("guest", *guest);
    regions["snapshot_generation"] = snapshot_->generation;
    regions["recording"] = recordingStateCode(recording_->status().state);
    shots_.text(dir + "/regions.json", regions.dump(2));
}

void App::drawFrame() {
    const TimePoint now = ds::now();
    const Snapshot& snap = *snapshot_;
    const RundownFigures figures = figuresAt(snap, now);
    const RecordingStatus rec = recording_->status();
    app_.jobs = jobs_->jobs();
    app_.workerBusy = worker_->busy();
    app_.exports.clear();
    for (const ExportFormat& f : RecordKeeping::exportFormats()) {
        app_.exports.push_back({f.code, tr(f.label)});
    }
    const bool haveData = snap.generation > 0;
    const bool lastFrame =
        options_.frames > 0 && haveData && framesWithData_ + 1 >= options_.frames;
    const bool shoot = lastFrame || gScreenshotRequested.exchange(false);

    OsWindow::Capture mainCapture, guestCapture;
    commands_.clear();
    if (!main_->iconified()) {
        Frame f{snap, now, snap.session ? &figures : nullptr, rec, main_->fonts(), app_, commands_};
        app_.frameMs = main_->frame(
            [&] {
                view_.drawMain(f);
                drawQuitConfirm();
            },
            shoot ? &mainCapture : nullptr);
        app_.layoutPreset = -1;
    }
    const bool drawGuest = guest_ && app_.guestVisible && !guest_->iconified();
    if (drawGuest) {
        Frame g{snap, now,      snap.session ? &figures : nullptr, rec, guest_->fonts(),
                app_, commands_};
        guest_->frame([&] { view_.drawGuest(g); }, shoot ? &guestCapture : nullptr);
    }
    if (shoot) writeScreenshots(mainCapture, drawGuest ? &guestCapture : nullptr);

    const double sinceStart =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_)
            .count();
    if (firstFrameMs_ < 0) firstFrameMs_ = sinceStart;
    if (haveData && firstDataFrameMs_ < 0) {
        firstDataFrameMs_ = sinceStart;
        if (options_.timing) {
            std::printf("first-frame-ms %.1f\nfirst-data-frame-ms %.1f\n", firstFrameMs_,
                        firstDataFrameMs_);
            std::fflush(stdout);
        }
    }
    if (haveData) ++framesWithData_;
    if (lastFrame) quit_ = true;

    for (Command& c : commands_)
        apply(std::move(c));
    if (auto ini = main_->iniToSave()) saver_.save(main_->iniPath(), std::move(*ini));
}

int App::run() {
    loadSettings();
    glfw_ = std::make_unique<GlfwLibrary>();
    if (!glfw_->ok) {
        std::fprintf(stderr, "%s\n", tr(Tx::NoDisplay));
        return 1;
    }
    // The recorder and the exports are this same binary's `record`, `report` and `export`
    // commands, run as child processes.
    std::error_code ec;
    const std::string self = std::filesystem::read_symlink("/proc/self/exe", ec).string();
    if (!options_.simulateRecording.empty()) {
        recording_ = std::make_unique<SimulatedRecording>(options_.simulateRecording);
    } else if (self.empty()) {
        recording_ = std::make_unique<NoRecording>();
    } else {
        recording_ = std::make_unique<RecorderProcess>(self, ctx_.databasePath());
    }
    records_ = std::make_unique<RecordKeeping>(self);
    devices_ = std::make_unique<DeviceScanner>(
        self, queue_, [this](std::vector<std::string> names, std::string error) {
            app_.devices = std::move(names);
            app_.deviceScanError = std::move(error);
            app_.scanningDevices = false;
        });
    if (!openWindows()) {
        std::fprintf(stderr, "%s\n", tr(Tx::NoOpenGl));
        return 1;
    }
    queue_.setWake([] { glfwPostEmptyEvent(); });
    jobs_ = std::make_unique<JobRunner>(queue_);
    startWorker();
    std::signal(SIGUSR1, onSigusr1);
    std::signal(SIGTERM, onSigterm);
    std::signal(SIGINT, onSigterm);

    while (!quit_) {
        const bool busy = main_->activity() > 0 || main_->inputPending() ||
                          (guest_ && guest_->activity() > 0) || options_.frames > 0;
        if (busy) {
            glfwPollEvents();
        } else if (main_->iconified() && (!guest_ || !app_.guestVisible || guest_->iconified())) {
            glfwWaitEventsTimeout(
                1.0);  // nothing to show: wake only to keep the worker's results flowing
        } else {
            glfwWaitEventsTimeout(waitTimeout());
        }
        // Results land in the main window's context (the message bar keeps its clock).
        ImGui::SetCurrentContext(main_->context());
        if (queue_.drain() > 0) main_->activity() = std::max(main_->activity(), 2);
        if (gQuitRequested.exchange(false)) quit_ = true;
        if (glfwWindowShouldClose(main_->glfw())) {
            glfwSetWindowShouldClose(main_->glfw(), GLFW_FALSE);
            applyFrameLoopCommand(cmd::Quit{});
        }
        if (guest_ && glfwWindowShouldClose(guest_->glfw())) {
            glfwSetWindowShouldClose(guest_->glfw(), GLFW_FALSE);
            if (app_.guestFullscreen) setGuestFullscreen(false);
            showGuest(false);
            saveSettings();
        }
        if (options_.frames > 0 && snapshot_->generation == 0 &&
            std::chrono::steady_clock::now() - started_ > std::chrono::seconds(20)) {
            std::fprintf(stderr, "dialogstudio: no data from the database after 20 s\n");
            return 1;
        }
        drawFrame();
    }
    saveSettings();
    worker_.reset();  // finishes the command in hand (and a stop on quit)
    jobs_.reset();
    shots_.flush();
    saver_.flush();
    return 0;
}

}  // namespace

// [SECTION] runControlRoom

int runControlRoom(CommandContext& ctx, const ControlRoomOptions& options) {
    App app(ctx, options);
    return app.run();
}

}  // namespace ds::ui
