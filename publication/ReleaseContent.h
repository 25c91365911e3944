#pragma once
// What a release (rilis) says, one version of it: title and lead, the guests and their
// positions, the main messages, the questions answered on air with the callers as a public
// document may show them (initials and area), the SOP 000 Pasal 11 figures, the chosen photos
// (the release's registered files; the first is the featured image) and the audio clip.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ds::publication {

struct ReleaseGuest {
    std::string name;  // with rank, as printed
    std::string position;
};

struct ReleaseQuestion {
    int number = 0;      // "Pertanyaan N" of the session
    std::string caller;  // masked: initials only
    std::string origin;  // the area the caller named
    std::string text;
};

struct ReleaseContent {
    std::string title;
    std::string lead;
    std::vector<ReleaseGuest> guests;
    std::vector<std::string> messages;
    std::vector<ReleaseQuestion> questions;
    nlohmann::json figures = nlohmann::json::object();  // Pasal 11: requests and questions
    std::vector<std::int64_t> photos;                   // release_files ids, featured first
    std::string clip;                                   // "question:N" or "segment:N"
    std::string closing;

    nlohmann::json toJson() const;
    static ReleaseContent fromJson(const nlohmann::json& j);
    // The release as plain paragraphs, in Indonesian newsroom order (title first).
    std::vector<std::string> paragraphs() const;
};

}  // namespace ds::publication
