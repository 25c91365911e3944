#include "recordings/ExportSettings.h"

#include <cstdlib>

#include <fmt/format.h>

#include "studio/Errors.h"

namespace ds::recordings {

ExportSettings ExportSettings::forPreset(ExportFormat format, ExportPreset preset) {
    ExportSettings s;
    s.format = format;
    s.preset = preset;
    const bool archive = preset == ExportPreset::Archive;
    switch (format) {
        case ExportFormat::Mp3:
            s.codec = "libmp3lame";
            s.muxer = "mp3";
            s.extension = "mp3";
            s.bitRate = archive ? 256000 : 128000;
            break;
        case ExportFormat::M4a:
            s.codec = "aac";
            s.muxer = "ipod";
            s.extension = "m4a";
            s.bitRate = archive ? 256000 : 128000;
            break;
        case ExportFormat::Opus:
            s.codec = "libopus";
            s.muxer = "ogg";
            s.extension = "opus";
            s.bitRate = archive ? 128000 : 64000;
            s.sampleRate = 48000;
            break;
        case ExportFormat::Flac:
            s.codec = "flac";
            s.muxer = "flac";
            s.extension = "flac";
            s.bitsPerSample = archive ? 24 : 16;
            break;
        case ExportFormat::Mka:
            s.muxer = "matroska";
            s.extension = "mka";
            if (archive) {
                s.codec = "flac";
                s.bitsPerSample = 24;
            } else {
                s.codec = "libopus";
                s.bitRate = 64000;
                s.sampleRate = 48000;
            }
            break;
    }
    switch (preset) {
        case ExportPreset::Web:
            s.loudness = LoudnessTarget{-16.0, -1.0};
            break;
        case ExportPreset::Social:
            s.loudness = LoudnessTarget{-14.0, -1.0};
            break;
        case ExportPreset::Archive:
            s.loudness.reset();
            break;
    }
    return s;
}

double ExportSettings::limiterMarginDb() const {
    // Measured on speech with plosives limited at -16 LUFS, decoded and read with a 4x true-peak
    // meter: FLAC adds only 16-bit rounding; LAME's low-pass takes peaks down and AAC adds
    // under 0.1 dB, so 0.5 dB is plenty; Opus at 64 kb/s rings 0.7 to 1.3 dB over the limiter
    // on sharp transients, and not in proportion to it.
    if (lossless()) return 0.1;
    if (codec == "libopus") return 1.5;
    return 0.5;
}

std::string ExportSettings::describe() const {
    std::string codecName = codec == "libmp3lame" ? "MP3"
                            : codec == "aac"      ? "AAC"
                            : codec == "libopus"  ? "Opus"
                                                  : "FLAC";
    if (lossless()) return fmt::format("{} {}-bit", codecName, bitsPerSample);
    return fmt::format("{} {} kb/s", codecName, bitRate / 1000);
}

ExportFormat parseExportFormat(const std::string& text) {
    if (text == "mp3") return ExportFormat::Mp3;
    if (text == "m4a" || text == "aac") return ExportFormat::M4a;
    if (text == "opus" || text == "ogg") return ExportFormat::Opus;
    if (text == "flac") return ExportFormat::Flac;
    if (text == "mka" || text == "matroska") return ExportFormat::Mka;
    throw UserError(
        fmt::format("unknown export format '{}': choose mp3, m4a, opus, flac or mka", text));
}

ExportPreset parseExportPreset(const std::string& text) {
    if (text == "web" || text == "podcast") return ExportPreset::Web;
    if (text == "social") return ExportPreset::Social;
    if (text == "archive") return ExportPreset::Archive;
    throw UserError(fmt::format("unknown preset '{}': choose web, social or archive", text));
}

std::string formatName(ExportFormat format) {
    switch (format) {
        case ExportFormat::Mp3:
            return "mp3";
        case ExportFormat::M4a:
            return "m4a";
        case ExportFormat::Opus:
            return "opus";
        case ExportFormat::Flac:
            return "flac";
        case ExportFormat::Mka:
            return "mka";
    }
    return "mp3";
}

std::string presetName(ExportPreset preset) {
    switch (preset) {
        case ExportPreset::Web:
            return "web";
        case ExportPreset::Social:
            return "social";
        case ExportPreset::Archive:
            return "archive";
    }
    return "web";
}

std::optional<double> parseLoudness(const std::string& text) {
    if (text == "off" || text == "none") return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (text.empty() || end == nullptr || *end != '\0' || !(v >= -40.0 && v <= -5.0)) {
        throw UserError(
            fmt::format("--loudness '{}' is not a target: give -16 (web, podcast), -23 (EBU R128 "
                        "broadcast), -14 (social media), another level from -40 to -5 LUFS, or off",
                        text));
    }
    return v;
}

}  // namespace ds::recordings
