#pragma once
// Running the real dialogstudio on the Xvfb display of the test's CTest fixture: processes with
// their own environment, the command line's JSON, screenshots read back with stb_image, and the
// artefact folder where every screenshot is kept for people to look at.
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <stb_image.h>
#include <nlohmann/json.hpp>

#include "tests/TempDir.h"

extern char** environ;

namespace ds::ui::xtest {

namespace fs = std::filesystem;

inline std::string readText(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

inline bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// The display the fixture's Xvfb is on.
inline std::string display() {
    const char* dir = std::getenv("DS_XVFB_DIR");
    if (!dir) return {};
    std::string d = readText(fs::path(dir) / "display");
    while (!d.empty() && (d.back() == '\n' || d.back() == ' '))
        d.pop_back();
    return d;
}

using ds::test::TempDir;

// A child process with this environment plus `extra`; stdout to a file we can read while it runs.
class Process {
  public:
    Process(const std::vector<std::string>& argv, const std::map<std::string, std::string>& extra,
            const fs::path& outFile) {
        std::map<std::string, std::string> env;
        for (char** e = environ; *e; ++e) {
            std::string kv = *e;
            const auto eq = kv.find('=');
            if (eq != std::string::npos) env[kv.substr(0, eq)] = kv.substr(eq + 1);
        }
        for (const auto& [k, v] : extra)
            env[k] = v;
        std::vector<std::string> envStrings;
        for (const auto& [k, v] : env)
            envStrings.push_back(k + "=" + v);
        std::vector<char*> envp, args;
        for (auto& s : envStrings)
            envp.push_back(s.data());
        envp.push_back(nullptr);
        std::vector<std::string> argvCopy = argv;
        for (auto& s : argvCopy)
            args.push_back(s.data());
        args.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 1, outFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                         0644);
        const std::string errFile = outFile.string() + ".err";
        posix_spawn_file_actions_addopen(&actions, 2, errFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                         0644);
        if (posix_spawn(&pid_, args[0], &actions, nullptr, args.data(), envp.data()) != 0)
            pid_ = -1;
        posix_spawn_file_actions_destroy(&actions);
        out_ = outFile;
    }
    ~Process() {
        if (pid_ > 0 && !exited_) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
    }
    pid_t pid() const { return pid_; }
    std::string output() const { return readText(out_); }
    std::string errors() const { return readText(out_.string() + ".err"); }

    // Waits until stdout holds `text` (true) or the process ends or time runs out (false).
    bool waitForOutput(const std::string& text, std::chrono::seconds timeout) {
        const auto end = std::chrono::steady_clock::now() + timeout;
        while (std::chrono::steady_clock::now() < end) {
            if (contains(output(), text)) return true;
            if (hasExited()) return contains(output(), text);
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return false;
    }
    bool hasExited() {
        if (exited_) return true;
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            exited_ = true;
            status_ = status;
        }
        return exited_;
    }
    // The exit code, waiting up to `timeout`; -1 on timeout (then it is killed), 128+n on signal n.
    int wait(std::chrono::seconds timeout) {
        const auto end = std::chrono::steady_clock::now() + timeout;
        while (!hasExited()) {
            if (std::chrono::steady_clock::now() > end) {
                ::kill(pid_, SIGKILL);
                ::waitpid(pid_, nullptr, 0);
                exited_ = true;
                return -1;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return WIFEXITED(status_) ? WEXITSTATUS(status_) : 128 + WTERMSIG(status_);
    }
    void signal(int sig) { ::kill(pid_, sig); }

  private:
    pid_t pid_ = -1;
    bool exited_ = false;
    int status_ = 0;
    fs::path out_;
};

// Runs a short command; returns its exit code and stdout.
inline int run(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
               std::string* out, const fs::path& scratch) {
    Process p(argv, env, scratch / "run.out");
    const int code = p.wait(std::chrono::seconds(120));
    if (out) *out = p.output();
    return code;
}

struct Png {
    int width = 0, height = 0;
    std::vector<unsigned char> rgb;

    bool load(const fs::path& path) {
        int n = 0;
        unsigned char* data = stbi_load(path.c_str(), &width, &height, &n, 3);
        if (!data) return false;
        rgb.assign(data, data + static_cast<std::size_t>(width) * height * 3);
        stbi_image_free(data);
        return true;
    }
    const unsigned char* at(int x, int y) const {
        return &rgb[(static_cast<std::size_t>(y) * width + x) * 3];
    }

    // Fraction of the pixels in [x, x+w) x [y, y+h) for which pred(r, g, b) holds.
    template <class Pred>
    double fraction(double x, double y, double w, double h, Pred pred) const {
        const int x0 = std::max(0, int(x)), y0 = std::max(0, int(y));
        const int x1 = std::min(width, int(x + w)), y1 = std::min(height, int(y + h));
        long hit = 0, all = 0;
        for (int py = y0; py < y1; ++py) {
            for (int px = x0; px < x1; ++px) {
                const unsigned char* p = at(px, py);
                ++all;
                if (pred(p[0], p[1], p[2])) ++hit;
            }
        }
        return all ? double(hit) / all : 0.0;
    }
    // How many distinct colours (quantised): a blank or one-colour image has very few.
    int colours() const {
        std::map<int, int> seen;
        for (std::size_t i = 0; i + 2 < rgb.size(); i += 3) {
            seen[(rgb[i] >> 3) << 10 | (rgb[i + 1] >> 3) << 5 | (rgb[i + 2] >> 3)]++;
        }
        return static_cast<int>(seen.size());
    }
};

inline bool isRed(int r, int g, int b) {
    return r > 150 && g < 90 && b < 90;
}
inline bool isGreen(int r, int g, int b) {
    return g > 150 && r < 140 && b < 170;
}
inline bool isBright(int r, int g, int b) {
    return r > 190 && g > 190 && b > 190;
}
inline bool isDark(int r, int g, int b) {
    return r < 40 && g < 40 && b < 40;
}

// Copies a screenshot folder to the artefacts (kept after the test, for people to look at).
inline void keepArtefacts(const fs::path& shots, const std::string& name) {
    const fs::path to = fs::path(DS_ARTEFACTS) / name;
    std::error_code ec;
    fs::remove_all(to, ec);
    fs::create_directories(to, ec);
    fs::copy(shots, to, fs::copy_options::recursive | fs::copy_options::overwrite_existing, ec);
}

// xdotool typing into one window of the room, as a person at the keyboard would.
class Keyboard {
  public:
    Keyboard(std::map<std::string, std::string> env, fs::path scratch)
        : env_(std::move(env)), scratch_(std::move(scratch)) {}
    // Finds the window whose title contains `title` and gives it the keyboard.
    bool focus(const std::string& title) {
        std::string out;
        if (xdotool({"search", "--sync", "--name", title}, &out) != 0) return false;
        window_ = out.substr(0, out.find('\n'));
        if (window_.empty() || xdotool({"windowfocus", "--sync", window_}) != 0) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        return true;
    }
    void key(const std::string& keys) {
        ASSERT_EQ(xdotool({"key", "--window", window_, "--clearmodifiers", keys}), 0) << keys;
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
    void type(const std::string& text) {
        ASSERT_EQ(xdotool({"type", "--window", window_, "--delay", "15", text}), 0) << text;
        std::this_thread::sleep_for(std::chrono::milliseconds(150));
    }

  private:
    int xdotool(const std::vector<std::string>& args, std::string* out = nullptr);

    std::map<std::string, std::string> env_;
    fs::path scratch_;
    std::string window_;
};

// The environment every run gets: the fixture's display and a private home for config, data
// and the database.
inline std::map<std::string, std::string> roomEnv(const fs::path& home) {
    return {{"DISPLAY", display()},
            {"XDG_CONFIG_HOME", (home / "config").string()},
            {"XDG_DATA_HOME", (home / "data").string()},
            {"DIALOGSTUDIO_DB", (home / "ui.db").string()},
            {"DIALOGSTUDIO_ACTOR", "penguji"},
            {"DIALOGSTUDIO_LANG", ""}};
}

inline int Keyboard::xdotool(const std::vector<std::string>& args, std::string* out) {
    std::vector<std::string> argv = {"/usr/bin/xdotool"};
    argv.insert(argv.end(), args.begin(), args.end());
    return run(argv, env_, out, scratch_);
}

}  // namespace ds::ui::xtest
