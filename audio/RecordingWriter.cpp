#include "audio/RecordingWriter.h"

#include <sndfile.h>

#include <algorithm>
#include <cstring>
#include <system_error>

#include "audio/AudioError.h"
#include "audio/LevelMeter.h"

namespace ds::audio {

namespace {

template <std::size_t N>
void copyField(char (&field)[N], const std::string& text) {
    // bext text fields are fixed-size and need not be NUL-terminated when full.
    std::memset(field, 0, N);
    std::memcpy(field, text.data(), std::min(N, text.size()));
}

std::string describeFolderProblem(const std::filesystem::path& path) {
    const std::filesystem::path folder = path.has_parent_path() ? path.parent_path() : ".";
    std::error_code ec;
    const auto status = std::filesystem::status(folder, ec);
    if (ec || !std::filesystem::exists(status))
        return "the recording folder '" + folder.string() + "' does not exist";
    if (!std::filesystem::is_directory(status)) return "'" + folder.string() + "' is not a folder";
    return {};
}

}  // namespace

void RecordingWriter::SndfileCloser::operator()(sf_private_tag* file) const {
    sf_close(file);
}

RecordingWriter::RecordingWriter(RecordingSettings settings, LevelMeter* meter)
    : settings_(std::move(settings)), meter_(meter) {
    const std::string where = "'" + settings_.path.string() + "'";
    if (settings_.sampleRate != 44100 && settings_.sampleRate != 48000)
        throw AudioError("cannot record at " + std::to_string(settings_.sampleRate) +
                         " Hz: choose 48000 or 44100");
    if (settings_.channels != 1 && settings_.channels != 2)
        throw AudioError("cannot record " + std::to_string(settings_.channels) +
                         " channels: choose 1 (mono) or 2 (stereo)");
    if (settings_.metersOnly) return;
    if (const std::string problem = describeFolderProblem(settings_.path); !problem.empty())
        throw AudioError("cannot create recording file " + where + ": " + problem);

    SF_INFO info{};
    info.samplerate = settings_.sampleRate;
    info.channels = static_cast<int>(settings_.channels);
    const bool wav = settings_.format == RecordingFormat::Wav;
    info.format = (wav ? SF_FORMAT_RF64 : SF_FORMAT_FLAC) | SF_FORMAT_PCM_24;

    file_.reset(sf_open(settings_.path.c_str(), SFM_WRITE, &info));
    if (!file_) {
        throw AudioError("cannot create recording file " + where + ": " + sf_strerror(nullptr));
    }
    SNDFILE* f = file_.get();
    // Out-of-range floats are clipped, not wrapped around into loud noise.
    sf_command(f, SFC_SET_CLIPPING, nullptr, SF_TRUE);

    const BroadcastInfo& b = settings_.broadcast;
    if (wav) {
        // RIFF/WAVE below 4 GB, RF64 above (see the header comment).
        sf_command(f, SFC_RF64_AUTO_DOWNGRADE, nullptr, SF_TRUE);
        SF_BROADCAST_INFO bext{};
        copyField(bext.description, b.description);
        copyField(bext.originator, b.originator);
        copyField(bext.originator_reference, b.originatorReference);
        copyField(bext.origination_date, b.originationDate);
        copyField(bext.origination_time, b.originationTime);
        bext.time_reference_low = static_cast<std::uint32_t>(b.timeReference & 0xFFFFFFFFu);
        bext.time_reference_high = static_cast<std::uint32_t>(b.timeReference >> 32);
        bext.version = 1;
        const std::string history = "A=PCM,F=" + std::to_string(settings_.sampleRate) +
                                    ",W=24,M=" + (settings_.channels == 1 ? "mono" : "stereo") +
                                    ",T=Dialog Studio\r\n";
        copyField(bext.coding_history, history);
        bext.coding_history_size = static_cast<std::uint32_t>(history.size());
        if (sf_command(f, SFC_SET_BROADCAST_INFO, &bext, sizeof bext) != SF_TRUE)
            throw AudioError("cannot write broadcast metadata to " + where + ": " + sf_strerror(f));
    } else {
        // Vorbis comments must be set before the first sample.
        if (!b.description.empty()) sf_set_string(f, SF_STR_TITLE, b.description.c_str());
        if (!b.originator.empty()) sf_set_string(f, SF_STR_ARTIST, b.originator.c_str());
        const std::string date =
            b.originationDate + (b.originationTime.empty() ? "" : "T" + b.originationTime);
        if (!date.empty()) sf_set_string(f, SF_STR_DATE, date.c_str());
        const std::string comment = "reference=" + b.originatorReference +
                                    " time_reference=" + std::to_string(b.timeReference);
        sf_set_string(f, SF_STR_COMMENT, comment.c_str());
        sf_set_string(f, SF_STR_SOFTWARE, "Dialog Studio");
    }
    // Write the header now, so even a file killed before its first second is readable.
    if (wav) sf_command(f, SFC_UPDATE_HEADER_NOW, nullptr, 0);
    lastHeaderUpdate_ = std::chrono::steady_clock::now();
}

RecordingWriter::~RecordingWriter() {
    try {
        close();
    } catch (...) {
        // A destructor must not throw; the owner calls close() to hear about failures.
    }
}

void RecordingWriter::write(const float* interleaved, std::size_t frames) {
    if (settings_.metersOnly) {
        framesWritten_.fetch_add(frames, std::memory_order_release);
        if (meter_) meter_->add(interleaved, frames);
        return;
    }
    if (!file_) throw AudioError("recording file '" + settings_.path.string() + "' is closed");
    if (frames == 0) return;
    const sf_count_t done =
        sf_writef_float(file_.get(), interleaved, static_cast<sf_count_t>(frames));
    if (done > 0)
        framesWritten_.fetch_add(static_cast<std::uint64_t>(done), std::memory_order_release);
    if (meter_ && done > 0) meter_->add(interleaved, static_cast<std::size_t>(done));
    if (done != static_cast<sf_count_t>(frames)) {
        throw AudioError("writing '" + settings_.path.string() + "' failed after " +
                         std::to_string(framesWritten()) + " frames: " + sf_strerror(file_.get()));
    }
}

void RecordingWriter::updateHeader() {
    if (!file_) return;
    if (settings_.format == RecordingFormat::Wav)
        sf_command(file_.get(), SFC_UPDATE_HEADER_NOW, nullptr, 0);
    lastHeaderUpdate_ = std::chrono::steady_clock::now();
}

bool RecordingWriter::updateHeaderIfDue(std::chrono::steady_clock::time_point now) {
    if (now - lastHeaderUpdate_ < std::chrono::duration<double>(settings_.headerUpdateSeconds))
        return false;
    updateHeader();
    lastHeaderUpdate_ = now;
    return true;
}

void RecordingWriter::addMarker(std::uint64_t frame, std::string label) {
    std::lock_guard lock(markersMutex_);
    markers_.push_back(
        CuePoint{static_cast<std::uint32_t>(markers_.size() + 1), frame, std::move(label)});
}

std::vector<CuePoint> RecordingWriter::markers() const {
    std::lock_guard lock(markersMutex_);
    return markers_;
}

void RecordingWriter::close() {
    if (!file_) return;
    SNDFILE* f = file_.release();
    const int error = sf_close(f);
    if (error != 0)
        throw AudioError("closing '" + settings_.path.string() +
                         "' failed: " + sf_error_number(error));
    if (settings_.format == RecordingFormat::Wav)
        WaveChunks::appendCuePoints(settings_.path, markers());
}

}  // namespace ds::audio
