#include "publication/Release.h"

namespace ds::publication {

std::string_view stateCode(ReleaseState s) {
    switch (s) {
        case ReleaseState::Drafting:
            return "drafting";
        case ReleaseState::KasubbagReview:
            return "kasubbag_review";
        case ReleaseState::KabagReview:
            return "kabag_review";
        case ReleaseState::Upload:
            return "upload";
        case ReleaseState::Published:
            return "published";
    }
    return "drafting";
}

std::optional<ReleaseState> parseState(std::string_view code) {
    for (auto s : {ReleaseState::Drafting, ReleaseState::KasubbagReview, ReleaseState::KabagReview,
                   ReleaseState::Upload, ReleaseState::Published})
        if (stateCode(s) == code) return s;
    return std::nullopt;
}

std::optional<ReleaseStep> stepOf(ReleaseState s) {
    switch (s) {
        case ReleaseState::Drafting:
            return ReleaseStep::Draft;
        case ReleaseState::KasubbagReview:
            return ReleaseStep::KasubbagCorrect;
        case ReleaseState::KabagReview:
            return ReleaseStep::KabagCorrect;
        case ReleaseState::Upload:
            return ReleaseStep::Upload;
        case ReleaseState::Published:
            return std::nullopt;
    }
    return std::nullopt;
}

ReleaseState stateAt(ReleaseStep step) {
    switch (step) {
        case ReleaseStep::Order:
        case ReleaseStep::Draft:
            return ReleaseState::Drafting;
        case ReleaseStep::KasubbagCorrect:
            return ReleaseState::KasubbagReview;
        case ReleaseStep::KabagCorrect:
            return ReleaseState::KabagReview;
        case ReleaseStep::Upload:
            return ReleaseState::Upload;
    }
    return ReleaseState::Drafting;
}

std::string_view fileKindCode(FileKind k) {
    switch (k) {
        case FileKind::Photo:
            return "photo";
        case FileKind::Clip:
            return "clip";
        case FileKind::Audiogram:
            return "audiogram";
        case FileKind::Document:
            return "document";
    }
    return "photo";
}

std::optional<FileKind> parseFileKind(std::string_view code) {
    for (auto k : {FileKind::Photo, FileKind::Clip, FileKind::Audiogram, FileKind::Document})
        if (fileKindCode(k) == code) return k;
    return std::nullopt;
}

nlohmann::json ReleaseFile::toJson() const {
    return {{"id", id},
            {"kind", std::string(fileKindCode(kind))},
            {"path", path},
            {"sha256", sha256},
            {"bytes", bytes},
            {"caption", caption},
            {"added_at", formatUtc(addedAt)},
            {"added_by", addedBy}};
}

nlohmann::json ReleaseVersion::toJson() const {
    return {{"version", version},  {"step", step}, {"actor", actor},
            {"at", formatUtc(at)}, {"note", note}, {"content", content.toJson()}};
}

const ReleaseFile* Release::file(std::int64_t fid) const {
    for (const auto& f : files)
        if (f.id == fid) return &f;
    return nullptr;
}

nlohmann::json Release::toJson(TimePoint now) const {
    nlohmann::json f = nlohmann::json::array(), st = nlohmann::json::array();
    for (const auto& x : files)
        f.push_back(x.toJson());
    for (const auto& x : steps)
        st.push_back(x.toJson(now));
    auto step = stepOf(state);
    return {
        {"id", id},
        {"session_id", sessionId},
        {"state", std::string(stateCode(state))},
        {"step", step ? nlohmann::json(static_cast<int>(*step)) : nlohmann::json()},
        {"version", version},
        {"staff", staff},
        {"created_at", formatUtc(createdAt)},
        {"created_by", createdBy},
        {"published_at", publishedAt ? nlohmann::json(formatUtc(*publishedAt)) : nlohmann::json()},
        {"content", content.toJson()},
        {"files", f},
        {"steps", st}};
}

}  // namespace ds::publication
