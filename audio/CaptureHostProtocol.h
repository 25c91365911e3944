#pragma once
// The capture host's command line and status lines, shared by both ends.
//
// The recorder starts `dialogstudio-capture` with the shared block on fd 3, the write end of
// a status pipe on fd 4 and the read end of a control pipe on fd 5. The host answers with one
// line per event, fields separated by tabs, backslash and newline escaped:
//   READY <tab> sample rate <tab> host API <tab> device name
//   ERROR <tab> message          (the device could not be opened; the host exits)
//   LOST  <tab> message          (the stream stopped under it; the host exits at once)
// Closing the control pipe (or the recorder dying, which closes it) asks the host to stop.

#include <string>
#include <string_view>
#include <vector>

namespace ds::audio::capture_host {

inline constexpr int kSharedFd = 3;
inline constexpr int kStatusFd = 4;
inline constexpr int kControlFd = 5;
inline constexpr const char* kProgramName = "dialogstudio-capture";

enum ExitCode { kStopped = 0, kUsage = 1, kOpenFailed = 2, kLost = 3 };

inline std::string escape(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else if (c == '\t')
            out += "\\t";
        else
            out += c;
    }
    return out;
}

inline std::string unescape(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) {
            const char n = text[++i];
            out += n == 'n' ? '\n' : n == 't' ? '\t' : n;
        } else {
            out += text[i];
        }
    }
    return out;
}

// Splits a status line (without its newline) into unescaped fields.
inline std::vector<std::string> fields(std::string_view line) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t tab = line.find('\t', start);
        out.push_back(
            unescape(line.substr(start, tab == std::string_view::npos ? tab : tab - start)));
        if (tab == std::string_view::npos) break;
        start = tab + 1;
    }
    return out;
}

}  // namespace ds::audio::capture_host
