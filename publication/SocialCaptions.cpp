#include "publication/SocialCaptions.h"

namespace ds::publication {

namespace {

// Cuts `text` to at most `max` code points at a word boundary, adding "…".
std::string cut(const std::string& text, int max) {
    if (SocialCaptions::length(text) <= max) return text;
    if (max <= 1) return "";
    std::string out;
    int n = 0;
    std::size_t lastSpace = std::string::npos;
    for (std::size_t i = 0; i < text.size();) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
        if (n + 1 > max - 1) break;
        if (text[i] == ' ') lastSpace = out.size();
        out.append(text, i, len);
        i += len;
        ++n;
    }
    if (lastSpace != std::string::npos && lastSpace > out.size() / 2) out.resize(lastSpace);
    while (!out.empty() && (out.back() == ' ' || out.back() == ','))
        out.pop_back();
    return out + "\u2026";
}

}  // namespace

const std::vector<PlatformInfo>& SocialCaptions::platforms() {
    // The platforms' own limits for a post's text.
    static const std::vector<PlatformInfo> p{{Platform::X, "x", 280},
                                             {Platform::Threads, "threads", 500},
                                             {Platform::Instagram, "instagram", 2200},
                                             {Platform::TikTok, "tiktok", 2200},
                                             {Platform::Facebook, "facebook", 63206}};
    return p;
}

int SocialCaptions::length(const std::string& s) {
    int n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

std::vector<Caption> SocialCaptions::build(const ReleaseContent& c,
                                           const std::vector<std::string>& hashtags,
                                           const std::string& link) {
    std::vector<Caption> out;
    for (const auto& p : platforms()) {
        // Hashtags leave room for the headline: those that do not fit a short platform go.
        std::string tags;
        for (const auto& h : hashtags)
            if (length(tags) + length(h) + 1 <= p.maxChars / 3)
                tags += (tags.empty() ? "" : " ") + h;
        std::string tail;
        if (!link.empty()) tail += "\n\n" + link;
        if (!tags.empty()) tail += "\n\n" + tags;
        int room = p.maxChars - length(tail);
        std::string head = c.title;
        std::string more;
        if (p.maxChars > 300) {
            more = c.lead;
            for (const auto& m : c.messages)
                more += "\n\n\u2022 " + m;
        } else if (!c.messages.empty()) {
            more = c.messages.front();
        }
        std::string text = cut(head, room);
        int left = room - length(text) - 2;
        if (!more.empty() && left > 20) text += "\n\n" + cut(more, left);
        text += tail;
        out.push_back({p.platform, text, length(text), p.maxChars});
    }
    return out;
}

nlohmann::json SocialCaptions::toJson(const std::vector<Caption>& captions) {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& c : captions) {
        const char* code = "x";
        for (const auto& p : platforms())
            if (p.platform == c.platform) code = p.code;
        j[code] = {{"text", c.text}, {"chars", c.chars}, {"max_chars", c.maxChars}};
    }
    return j;
}

}  // namespace ds::publication
