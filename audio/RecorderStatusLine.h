#pragma once
// The contract between the recorder (`dialogstudio record --json`) and whoever reads its
// standard output (the control room's RecorderProcess, scripts, tests): one JSON object per
// line, ten a second, with the meters, loudness and alarms of the moment. Both sides convert
// through this struct, so a field renamed on one side cannot silently read as silence on the
// other; `version` changes when a field changes meaning, and a reader refuses other versions.
//
// The recorder decides what the figures mean (whether a channel is clipping); a reader shows
// them. Levels are dB; silence (or not enough audio yet) is -infinity in the struct and null in
// JSON. Figures are rounded to 0.01 dB and elapsed time to the millisecond on the way out, so
// fromJson(toJson(x)) == x for a line the recorder printed.
//
// Header only, with nlohmann-json alone: the ui reads it without linking the audio library.
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ds::audio {

struct StatusLineChannel {
    static constexpr double kSilence = -std::numeric_limits<double>::infinity();
    double peakDbfs = kSilence;      // sample peak over the last meter window
    double peakHoldDbfs = kSilence;  // highest recent window peak
    double rmsDbfs = kSilence;
    double truePeakDbtp = kSilence;
    bool clipping = false;  // the recorder's verdict on the last window

    bool operator==(const StatusLineChannel&) const = default;
};

struct RecorderStatusLine {
    static constexpr int kVersion = 1;
    static constexpr double kSilence = StatusLineChannel::kSilence;

    int version = kVersion;
    std::int64_t recording = 0;  // the recordings row; 0 while only armed (meters, no file)
    double elapsed = 0.0;        // seconds captured
    std::uint64_t frames = 0;    // frames on disk
    std::string state;           // the capture's state: running, reconnecting, finished, stopped
    std::vector<StatusLineChannel> channels;
    double momentaryLufs = kSilence;
    double shortTermLufs = kSilence;
    double integratedLufs = kSilence;
    double loudnessRangeLu = kSilence;
    std::vector<std::string> alarms;  // active alarm kinds (dead_air, clipping, ring_overrun...)
    std::uint64_t dropped = 0;        // frames the ring could not take
    std::uint64_t gaps = 0;

    bool operator==(const RecorderStatusLine&) const = default;

    // A sample peak this close to full scale, or a true peak at or over it, is clipping: the
    // converter or the encoder downstream will clip it even when no sample reached 1.0.
    static bool clippingAt(double peakDbfs, double truePeakDbtp) {
        return truePeakDbtp >= 0.0 || peakDbfs >= -0.1;
    }

    static double round(double v, double perUnit) { return std::round(v * perUnit) / perUnit; }
    static nlohmann::json level(double v) {
        return std::isfinite(v) ? nlohmann::json(round(v, 100.0)) : nlohmann::json();
    }
    static double levelOf(const nlohmann::json& j, const char* key) {
        const auto it = j.find(key);
        return it != j.end() && it->is_number() ? it->get<double>() : kSilence;
    }

    nlohmann::json toJson() const {
        nlohmann::json ch = nlohmann::json::array();
        for (const StatusLineChannel& c : channels) {
            ch.push_back({{"peak_dbfs", level(c.peakDbfs)},
                          {"peak_hold_dbfs", level(c.peakHoldDbfs)},
                          {"rms_dbfs", level(c.rmsDbfs)},
                          {"true_peak_dbtp", level(c.truePeakDbtp)},
                          {"clipping", c.clipping}});
        }
        return {{"version", version},
                {"recording", recording},
                {"elapsed", round(elapsed, 1000.0)},
                {"frames", frames},
                {"state", state},
                {"channels", ch},
                {"lufs",
                 {{"momentary", level(momentaryLufs)},
                  {"short_term", level(shortTermLufs)},
                  {"integrated", level(integratedLufs)},
                  {"range", level(loudnessRangeLu)}}},
                {"alarms", alarms},
                {"dropped", dropped},
                {"gaps", gaps}};
    }

    // nullopt for anything that is not a status line of this version (a line cut short, a
    // recorder of another version): the reader waits for the next line or says so.
    static std::optional<RecorderStatusLine> fromJson(const nlohmann::json& j) {
        if (!j.is_object() || !j.contains("recording") || j.value("version", 0) != kVersion)
            return std::nullopt;
        try {
            RecorderStatusLine s;
            s.recording = j.at("recording").get<std::int64_t>();
            s.elapsed = j.value("elapsed", 0.0);
            s.frames = j.value("frames", std::uint64_t{0});
            s.state = j.value("state", std::string());
            for (const nlohmann::json& c : j.value("channels", nlohmann::json::array())) {
                StatusLineChannel m;
                m.peakDbfs = levelOf(c, "peak_dbfs");
                m.peakHoldDbfs = levelOf(c, "peak_hold_dbfs");
                m.rmsDbfs = levelOf(c, "rms_dbfs");
                m.truePeakDbtp = levelOf(c, "true_peak_dbtp");
                m.clipping = c.value("clipping", false);
                s.channels.push_back(m);
            }
            const nlohmann::json lufs = j.value("lufs", nlohmann::json::object());
            s.momentaryLufs = levelOf(lufs, "momentary");
            s.shortTermLufs = levelOf(lufs, "short_term");
            s.integratedLufs = levelOf(lufs, "integrated");
            s.loudnessRangeLu = levelOf(lufs, "range");
            s.alarms = j.value("alarms", std::vector<std::string>{});
            s.dropped = j.value("dropped", std::uint64_t{0});
            s.gaps = j.value("gaps", std::uint64_t{0});
            return s;
        } catch (const nlohmann::json::exception&) {
            return std::nullopt;  // a field of the wrong type
        }
    }
};

}  // namespace ds::audio
