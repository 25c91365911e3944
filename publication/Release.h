#pragma once
// A release (rilis) of one ended session on its way through SOP 001: its state (which step holds
// it), its current version and content, its registered files, every SOP step so far.
//
// State: drafting (step 2, staff) -> kasubbag_review (3) -> kabag_review (4) -> upload (5)
// -> published. Steps 3 and 4 may send it one step back with notes.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "publication/ReleaseContent.h"
#include "publication/StepRecord.h"

namespace ds::publication {

enum class ReleaseState { Drafting, KasubbagReview, KabagReview, Upload, Published };
std::string_view stateCode(ReleaseState s);
std::optional<ReleaseState> parseState(std::string_view code);
// The SOP 001 step that holds a release in state s (none once published).
std::optional<ReleaseStep> stepOf(ReleaseState s);
ReleaseState stateAt(ReleaseStep step);

enum class FileKind { Photo, Clip, Audiogram, Document };
std::string_view fileKindCode(FileKind k);
std::optional<FileKind> parseFileKind(std::string_view code);

struct ReleaseFile {
    std::int64_t id = 0;
    FileKind kind = FileKind::Photo;
    std::string path;
    std::string sha256;
    std::int64_t bytes = 0;
    std::string caption;
    TimePoint addedAt{};
    std::string addedBy;
    nlohmann::json toJson() const;
};

struct ReleaseVersion {
    int version = 0;
    int step = 0;  // the SOP step during which it was written
    std::string actor;
    TimePoint at{};
    std::string note;
    ReleaseContent content;
    nlohmann::json toJson() const;
};

struct Release {
    std::int64_t id = 0;
    std::int64_t stationId = 0;
    std::int64_t sessionId = 0;
    ReleaseState state = ReleaseState::Drafting;
    int version = 1;
    std::string staff;  // login of the staff member drafting it
    TimePoint createdAt{};
    std::string createdBy;
    std::optional<TimePoint> publishedAt;
    ReleaseContent content;  // of the current version
    std::vector<ReleaseFile> files;
    std::vector<StepRecord> steps;

    const ReleaseFile* file(std::int64_t id) const;
    nlohmann::json toJson(TimePoint now) const;
};

}  // namespace ds::publication
