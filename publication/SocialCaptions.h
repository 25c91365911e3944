#pragma once
// Social-media captions of a release, one per platform, each within the platform's length
// (counted in characters as the platforms count them: Unicode code points) and ending with the
// station's hashtags. When the text is too long the message is shortened at a word with "…",
// never the headline's start or the hashtags.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "publication/ReleaseContent.h"

namespace ds::publication {

enum class Platform { X, Facebook, Instagram, TikTok, Threads };

struct PlatformInfo {
    Platform platform;
    const char* code;
    int maxChars;
};

struct Caption {
    Platform platform;
    std::string text;
    int chars = 0;
    int maxChars = 0;
};

class SocialCaptions {
  public:
    static const std::vector<PlatformInfo>& platforms();
    static std::vector<Caption> build(const ReleaseContent& c,
                                      const std::vector<std::string>& hashtags,
                                      const std::string& link);
    static int length(const std::string& utf8);
    static nlohmann::json toJson(const std::vector<Caption>& captions);
};

}  // namespace ds::publication
