#include "audio/Recorder.h"

#include "audio/AudioError.h"
#include "audio/DiskSpace.h"

namespace ds::audio {

Recorder::Recorder(RecorderSettings settings)
    : settings_(std::move(settings)), alarms_(settings_.alarms) {
    settings_.file.sampleRate = settings_.capture.sampleRate;
    settings_.file.channels = settings_.capture.channels;
    engine_ = std::make_unique<CaptureEngine>(settings_.capture);
}

Recorder::~Recorder() {
    try {
        if (running_) stop();
    } catch (...) {
    }
}

void Recorder::start() {
    if (running_) return;
    engine_->start();
    try {
        meter_ = std::make_unique<LevelMeter>(settings_.capture.channels,
                                              settings_.capture.sampleRate, settings_.meters);
        file_ = std::make_unique<RecordingWriter>(settings_.file, meter_.get());
        writer_ = std::make_unique<DiskWriter>(engine_->ring(), *file_, settings_.writer);
        writer_->start();
    } catch (...) {
        engine_->stop();
        writer_.reset();
        file_.reset();
        throw;
    }
    running_ = true;
}

std::uint64_t Recorder::addMarker(std::string label) {
    const std::uint64_t position = engine_->position();
    if (file_) file_->addMarker(position, std::move(label));
    return position;
}

void Recorder::addMarkerAt(std::uint64_t frame, std::string label) {
    if (file_) file_->addMarker(frame, std::move(label));
}

RecorderStatus Recorder::poll() {
    return gather(std::chrono::steady_clock::now(), false);
}

RecorderStatus Recorder::gather(std::chrono::steady_clock::time_point now, bool final) {
    RecorderStatus s;
    s.capture = engine_->status();
    s.captureEvents = engine_->takeEvents();
    std::vector<MeterSnapshot> windows;
    if (meter_) {
        windows = meter_->takeWindows();
        s.meters = meter_->snapshot();
    }
    if (file_) s.framesWritten = file_->framesWritten();
    if (writer_) {
        s.framesLost = writer_->framesLost();
        s.diskError = writer_->error();
    }
    // statvfs is cheap, but there is no need to ask more than once a second.
    if (now - lastDiskCheck_ >= std::chrono::seconds(1)) {
        diskFree_ = freeDiskBytes(settings_.file.path);
        lastDiskCheck_ = now;
    }
    s.diskFreeBytes = diskFree_;

    AlarmInputs in;
    in.meters = s.meters;
    in.framesDropped = s.capture.framesDropped;
    in.inputOverflows = s.capture.inputOverflows;
    if (diskFree_) {
        in.diskKnown = true;
        in.diskFreeBytes = *diskFree_;
        const double bytesPerSecond =
            settings_.capture.sampleRate * settings_.capture.channels * 3.0;
        const double elapsed = double(s.framesWritten) / settings_.capture.sampleRate;
        const double remaining = std::max(0.0, settings_.plannedSeconds - elapsed);
        in.diskBytesNeeded = static_cast<std::uint64_t>(remaining * bytesPerSecond);
    }
    // Every window since the last poll, in order, so a level alarm (no signal, dead air)
    // starts and ends at the window where the audio changed, however seldom or late we are
    // polled. With no new window (the source stalled), the latest snapshot once more keeps the
    // event and disk alarms going.
    if (windows.empty()) windows.push_back(s.meters);
    for (const MeterSnapshot& window : windows) {
        in.meters = window;
        std::vector<AlarmEvent> events = alarms_.update(in, now);
        s.alarmEvents.insert(s.alarmEvents.end(), events.begin(), events.end());
    }
    if (final) {
        std::vector<AlarmEvent> events = alarms_.finish(now);
        s.alarmEvents.insert(s.alarmEvents.end(), events.begin(), events.end());
    }
    for (std::size_t k = 0; k <= static_cast<std::size_t>(AlarmKind::LowDisk); ++k) {
        if (alarms_.active(static_cast<AlarmKind>(k)))
            s.activeAlarms.push_back(static_cast<AlarmKind>(k));
    }
    return s;
}

RecorderStatus Recorder::stop() {
    if (!running_) return {};
    running_ = false;
    engine_->stop();
    writer_->stop();  // drains the ring
    meter_->flush();
    RecorderStatus last = gather(std::chrono::steady_clock::now(), true);
    writer_.reset();
    file_->close();  // throws on failure; the markers go in here
    return last;
}

}  // namespace ds::audio
