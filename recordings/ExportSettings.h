#pragma once
// What an export writes: the container and codec, the preset's bit rate and sample format, and
// the loudness target. The presets follow the publication workflow (seeds 001, 002): the
// programme and short clips go to the website and to social media, and a lossless copy is kept
// as documentation (seed 000, Pasal 7).
//
//   format  container / codec        web           social        archive
//   mp3     MP3 (LAME, ID3v2.3)      128 kb/s CBR  128 kb/s CBR  256 kb/s CBR
//   m4a     MPEG-4 audio / AAC-LC    128 kb/s      128 kb/s      256 kb/s
//   opus    Ogg / Opus               64 kb/s VBR   64 kb/s VBR   128 kb/s VBR
//   flac    FLAC                     16-bit        16-bit        24-bit
//   mka     Matroska / Opus (FLAC 24-bit with the archive preset)
//
// Loudness by preset: web -16 LUFS (podcasts, the website), social -14 LUFS (the platforms'
// playback level), archive untouched (the recording as it was; pass --loudness -23 for EBU
// R128 broadcast). The true-peak ceiling is -1 dBTP for every target.
//
// Sample rates: the recording's own (48 or 44.1 kHz) is kept; Opus always runs at 48 kHz, so a
// 44.1 kHz recording is resampled (libswresample) for it.
#include <optional>
#include <string>

namespace ds::recordings {

enum class ExportFormat { Mp3, M4a, Opus, Flac, Mka };
enum class ExportPreset { Web, Social, Archive };

struct LoudnessTarget {
    double lufs = -16.0;
    double ceilingDbtp = -1.0;
};

struct ExportSettings {
    ExportFormat format = ExportFormat::Mp3;
    ExportPreset preset = ExportPreset::Web;
    std::string codec;      // libavcodec encoder name: libmp3lame, aac, libopus, flac
    std::string muxer;      // libavformat muxer name: mp3, ipod, ogg, flac, matroska
    std::string extension;  // of the output file, without the dot
    long bitRate = 0;       // bits per second; 0 for lossless
    int sampleRate = 0;     // 0: the source's
    int channels = 0;       // 0: the source's
    int bitsPerSample = 0;  // lossless only: 16 or 24
    std::optional<LoudnessTarget> loudness;

    // The preset's settings for a format, with the preset's loudness target.
    static ExportSettings forPreset(ExportFormat format, ExportPreset preset);
    bool lossless() const { return bitRate == 0; }
    // How far under the true-peak ceiling the limiter holds the peaks on the first try, for
    // what the codec adds back (the exporter measures the file and tries again if it was not
    // enough).
    double limiterMarginDb() const;
    // "MP3 128 kb/s", "FLAC 24-bit".
    std::string describe() const;
};

// Parsing command-line words; each throws UserError naming the accepted values.
ExportFormat parseExportFormat(const std::string& text);
ExportPreset parseExportPreset(const std::string& text);
std::string formatName(ExportFormat format);
std::string presetName(ExportPreset preset);
// "-16", "-23", "-14" (or any level from -40 to -5 LUFS); "off" or "none" for no change.
std::optional<double> parseLoudness(const std::string& text);

}  // namespace ds::recordings
