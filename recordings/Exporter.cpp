#include "recordings/Exporter.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include <fmt/format.h>

#include "recordings/AudioEncoder.h"
#include "recordings/EncodedAudioReader.h"
#include "recordings/ExportCancelled.h"
#include "recordings/LoudnessMeter.h"
#include "recordings/TruePeakLimiter.h"
#include "studio/Errors.h"
#include "studio/PartFile.h"

namespace ds::recordings {

namespace {

constexpr std::size_t kBlockFrames = 8192;

std::vector<std::string> extensionsOf(ExportFormat f) {
    switch (f) {
        case ExportFormat::Mp3:
            return {".mp3"};
        case ExportFormat::M4a:
            return {".m4a", ".mp4"};
        case ExportFormat::Opus:
            return {".opus", ".ogg"};
        case ExportFormat::Flac:
            return {".flac"};
        case ExportFormat::Mka:
            return {".mka", ".mkv"};
    }
    return {};
}

std::string seconds(std::int64_t frames, int rate) {
    return fmt::format("{:.3f} s", static_cast<double>(frames) / rate);
}

bool sameFile(const std::filesystem::path& a, const std::filesystem::path& b) {
    std::error_code ec;
    if (std::filesystem::equivalent(a, b, ec)) return true;
    return std::filesystem::weakly_canonical(a, ec) == std::filesystem::weakly_canonical(b, ec);
}

}  // namespace

Exporter::Exporter(ExportPlan plan, ExportControl& control)
    : plan_(std::move(plan)), control_(control) {}

void Exporter::check() {
    if (reader_) return;
    const ExportSettings& s = plan_.settings;
    if (plan_.output.empty()) throw UserError("no output file given");
    const auto exts = extensionsOf(s.format);
    std::string ext = plan_.output.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (std::find(exts.begin(), exts.end(), ext) == exts.end())
        throw UserError(fmt::format("'{}' does not end in {} as a {} file should",
                                    plan_.output.string(), exts.front(), formatName(s.format)));
    for (const auto& source : plan_.sources)
        if (sameFile(source, plan_.output))
            throw UserError(
                fmt::format("the output '{}' is the recording itself; the source "
                            "is never written to",
                            plan_.output.string()));

    reader_ = std::make_unique<ProgrammeReader>(plan_.sources);
    const int rate = reader_->sampleRate();
    const std::int64_t total = reader_->frames();
    const std::int64_t end = plan_.endFrame.value_or(total);
    if (plan_.startFrame < 0 || plan_.startFrame >= total)
        throw UserError(fmt::format("the export starts at {}, past the end of the recording ({})",
                                    seconds(plan_.startFrame, rate), seconds(total, rate)));
    if (end > total)
        throw UserError(fmt::format("the export ends at {}, past the end of the recording ({})",
                                    seconds(end, rate), seconds(total, rate)));
    if (end <= plan_.startFrame)
        throw UserError(fmt::format("the export would be empty (from {} to {})",
                                    seconds(plan_.startFrame, rate), seconds(end, rate)));
    start_ = plan_.startFrame;
    frames_ = end - start_;
    fadeIn_ = std::min<std::int64_t>(frames_ / 2, std::llround(plan_.fadeInSeconds * rate));
    fadeOut_ = std::min<std::int64_t>(frames_ / 2, std::llround(plan_.fadeOutSeconds * rate));

    // Chapters inside the range, shifted to the output's start.
    for (const Chapter& c : plan_.chapters) {
        const std::int64_t a = std::max(c.startFrame, start_);
        const std::int64_t b = std::min(c.endFrame, end);
        if (b > a) chapters_.push_back({a - start_, b - start_, c.title});
    }
    // Chapters cover the file from its start, in every format alike: an M4A chapter track has
    // no gaps (its first chapter would silently start at 0), and a player shows the time before
    // the first marker as belonging to no chapter or to the wrong one. So the audio before the
    // first marker is a chapter of its own, titled with the programme; a first marker within
    // 50 ms of the start (closer than anyone can hear or click) just starts at 0.
    if (!chapters_.empty() && chapters_.front().startFrame > 0) {
        if (chapters_.front().startFrame <= rate / 20)
            chapters_.front().startFrame = 0;
        else
            chapters_.insert(chapters_.begin(), {0, chapters_.front().startFrame, leadInTitle()});
    }
    buffer_.resize(kBlockFrames * reader_->channels());
}

std::string Exporter::leadInTitle() const {
    if (!plan_.leadInTitle.empty()) return plan_.leadInTitle;
    for (const char* key : {"album", "title"})
        for (const auto& [k, v] : plan_.metadata)
            if (k == key && !v.empty()) return v;
    return "Intro";
}

template <typename Sink>
void Exporter::pass(double from, double to, Sink&& sink) {
    reader_->seek(start_);
    std::int64_t done = 0;
    while (done < frames_) {
        control_.check();
        const auto want =
            static_cast<std::size_t>(std::min<std::int64_t>(kBlockFrames, frames_ - done));
        const std::size_t got = reader_->read(buffer_.data(), want);
        if (got == 0) throw UserError("the recording ended before the export's end");
        applyFades(buffer_.data(), got, done);
        sink(buffer_.data(), got);
        done += static_cast<std::int64_t>(got);
        control_.setProgress(from + (to - from) * static_cast<double>(done) /
                                        static_cast<double>(frames_));
    }
}

void Exporter::applyFades(float* frames, std::size_t count, std::int64_t offset) const {
    const unsigned ch = reader_->channels();
    for (std::size_t i = 0; i < count; ++i) {
        const std::int64_t pos = offset + static_cast<std::int64_t>(i);
        double g = 1.0;
        // Raised-cosine fades: no click at the cut, and no audible "ramp" shape.
        if (pos < fadeIn_)
            g = 0.5 - 0.5 * std::cos(std::numbers::pi * static_cast<double>(pos) / fadeIn_);
        const std::int64_t fromEnd = frames_ - 1 - pos;
        if (fromEnd < fadeOut_)
            g *= 0.5 - 0.5 * std::cos(std::numbers::pi * static_cast<double>(fromEnd) / fadeOut_);
        if (g == 1.0) {
            // Skip ahead to the fade-out: the middle needs nothing.
            const std::int64_t next = frames_ - fadeOut_ - offset;
            if (pos >= fadeIn_ && next > static_cast<std::int64_t>(i) + 1)
                i = static_cast<std::size_t>(std::min<std::int64_t>(next, count)) - 1;
            continue;
        }
        for (unsigned c = 0; c < ch; ++c)
            frames[i * ch + c] *= static_cast<float>(g);
    }
}

void Exporter::encode(double gainDb, double ceilingDbtp, bool normalise, double from, double to) {
    const unsigned ch = reader_->channels();
    const int rate = reader_->sampleRate();
    AudioEncoder encoder(part_, plan_.settings, rate, ch, plan_.metadata, chapters_);
    outputRate_ = encoder.sampleRate();
    outputChannels_ = encoder.channels();
    std::unique_ptr<TruePeakLimiter> limiter;
    if (normalise) limiter = std::make_unique<TruePeakLimiter>(ch, rate, ceilingDbtp);
    const auto gain = static_cast<float>(std::pow(10.0, gainDb / 20.0));
    pass(from, to, [&](float* buf, std::size_t n) {
        if (!limiter) {
            encoder.write(buf, n);
            return;
        }
        for (std::size_t i = 0; i < n * ch; ++i)
            buf[i] *= gain;
        limited_.clear();
        limiter->process(buf, n, limited_);
        encoder.write(limited_.data(), limited_.size() / ch);
    });
    if (limiter) {
        limited_.clear();
        limiter->flush(limited_);
        encoder.write(limited_.data(), limited_.size() / ch);
        limiterReductionDb_ = limiter->maxReductionDb();
    }
    control_.check();
    encoder.finish();
}

LoudnessFigures Exporter::verify(double from, double to) {
    EncodedAudioReader reader(part_);
    LoudnessMeter meter(reader.channels(), reader.sampleRate(), true);
    std::vector<float> block;
    std::int64_t done = 0;
    const double expected =
        static_cast<double>(frames_) * reader.sampleRate() / reader_->sampleRate();
    while (std::size_t n = reader.read(block)) {
        control_.check();
        meter.add(block.data(), n);
        done += static_cast<std::int64_t>(n);
        control_.setProgress(from + (to - from) * std::min(1.0, done / expected));
    }
    return meter.figures();
}

void Exporter::normaliseAndEncode(const LoudnessFigures& before, ExportResult& r) {
    const ExportSettings& s = plan_.settings;
    const double target = s.loudness->lufs;
    const double ceiling = s.loudness->ceilingDbtp;
    // What the file must measure, decoded: the target within kLoudnessSlack, and a true peak at
    // least kPeakSlack under the ceiling (other meters oversample differently; FFmpeg's ebur128
    // filter agrees with ours within 0.01 dB on our exports, and the figures are rounded).
    constexpr double kLoudnessSlack = 0.2;
    constexpr double kPeakSlack = 0.05;
    constexpr int kAttempts = 3;
    // The limiter takes some loudness off with the peaks, and lossy codecs move both figures:
    // LAME's low-pass and the psychoacoustic models drop some of what the meter hears (half a LU
    // off noisy speech), and the codec's ringing adds to the peaks the limiter held (Opus
    // most). None of it can be known without encoding, so the file itself is measured: the
    // first try holds the peaks a codec-sized margin lower, and each further try corrects the
    // gain (by the secant through the tries so far: heavy limiting gives less than a dB per dB)
    // and the limiter's ceiling by what the last file measured.
    double limiterCeiling = ceiling - s.limiterMarginDb();
    double gain = target - before.integratedLufs;
    // The limiter is not made to win more than this back: past it, speech is audibly squashed,
    // and a file a little under the target is the lesser harm (with a warning).
    const double maxGain = gain + 3.0;
    double lastGain = 0.0, lastLoudness = 0.0;
    for (int attempt = 1;; ++attempt) {
        control_.setPhase(ExportControl::Phase::Encoding);
        encode(gain, limiterCeiling, true, 0.2, 0.85);
        r.gainDb = gain;
        r.limiterReductionDb = limiterReductionDb_;
        control_.setPhase(ExportControl::Phase::Verifying);
        r.after = verify(0.85, 1.0);
        const double loudness = r.after->integratedLufs;
        const double loudnessOff = target - loudness;
        const double peakOver = r.after->truePeakDbtp - (ceiling - kPeakSlack);
        if (std::fabs(loudnessOff) <= kLoudnessSlack && peakOver <= 0.0) return;
        if (attempt == kAttempts || !std::isfinite(loudness)) {
            if (r.after->truePeakDbtp > ceiling)
                r.warnings.push_back(fmt::format(
                    "the encoder raised the true peak to {:.2f} dBTP, over the {:.1f} dBTP "
                    "ceiling",
                    r.after->truePeakDbtp, ceiling));
            return;
        }
        double slope = 1.0;
        if (attempt > 1 && std::fabs(gain - lastGain) > 0.01)
            slope = std::clamp((loudness - lastLoudness) / (gain - lastGain), 0.3, 1.0);
        const double next = std::min(gain + loudnessOff / slope, maxGain);
        if (peakOver <= 0.0 && std::fabs(next - gain) < 0.01) return;  // as loud as it may be
        lastGain = gain;
        lastLoudness = loudness;
        gain = next;
        // A codec's overshoot varies by a few tenths of a dB with the level it is given.
        if (peakOver > 0.0) limiterCeiling -= peakOver + 0.25;
    }
}

ExportResult Exporter::run() {
    check();
    const ExportSettings& s = plan_.settings;
    const unsigned ch = reader_->channels();
    const int rate = reader_->sampleRate();
    ExportResult r;
    r.output = plan_.output;
    r.description = s.describe();
    r.frames = frames_;
    r.sourceRate = rate;
    r.seconds = static_cast<double>(frames_) / rate;
    r.chapters = chapters_;

    bool normalise = s.loudness.has_value();
    LoudnessFigures before;
    if (normalise) {
        r.target = s.loudness;
        control_.setPhase(ExportControl::Phase::Measuring);
        LoudnessMeter meter(ch, rate, true);
        pass(0.0, 0.2, [&](float* buf, std::size_t n) { meter.add(buf, n); });
        before = meter.figures();
        r.before = before;
        if (!before.hasIntegrated()) {
            r.warnings.push_back(
                "the audio is silent or shorter than 0.4 s: its loudness cannot be measured, so "
                "it was left as it is");
            normalise = false;
        }
    }

    PartFile part(plan_.output,
                  plan_.overwrite ? PartFile::Existing::Replace : PartFile::Existing::Refuse);
    part_ = part.partPath();
    try {
        if (!normalise) {
            control_.setPhase(ExportControl::Phase::Encoding);
            encode(0.0, 0.0, false, 0.0, 1.0);
        } else {
            normaliseAndEncode(before, r);
        }
        control_.check();
        part.commit();
    } catch (const ExportCancelled&) {
        throw;
    } catch (const UserError& e) {
        throw UserError(fmt::format("export to '{}' failed, nothing was written: {}",
                                    plan_.output.string(), e.what()));
    }
    if (r.after && r.target && std::fabs(r.after->integratedLufs - r.target->lufs) > 0.5)
        r.warnings.push_back(fmt::format("the result measures {:.1f} LUFS, not {:.1f}",
                                         r.after->integratedLufs, r.target->lufs));
    std::error_code ec;
    r.bytes = std::filesystem::file_size(plan_.output, ec);
    r.sampleRate = outputRate_;
    r.channels = outputChannels_;
    control_.setProgress(1.0);
    control_.setPhase(ExportControl::Phase::Done);
    return r;
}

}  // namespace ds::recordings
