#include "publication/ReleaseContent.h"

#include <fmt/format.h>

namespace ds::publication {

nlohmann::json ReleaseContent::toJson() const {
    nlohmann::json g = nlohmann::json::array(), q = nlohmann::json::array();
    for (const auto& x : guests)
        g.push_back({{"name", x.name}, {"position", x.position}});
    for (const auto& x : questions)
        q.push_back(
            {{"number", x.number}, {"caller", x.caller}, {"origin", x.origin}, {"text", x.text}});
    return {{"title", title},       {"lead", lead},   {"guests", g},
            {"messages", messages}, {"questions", q}, {"figures", figures},
            {"photos", photos},     {"clip", clip},   {"closing", closing}};
}

ReleaseContent ReleaseContent::fromJson(const nlohmann::json& j) {
    ReleaseContent c;
    c.title = j.value("title", "");
    c.lead = j.value("lead", "");
    for (const auto& g : j.value("guests", nlohmann::json::array()))
        c.guests.push_back({g.value("name", ""), g.value("position", "")});
    c.messages = j.value("messages", std::vector<std::string>{});
    for (const auto& q : j.value("questions", nlohmann::json::array()))
        c.questions.push_back({q.value("number", 0), q.value("caller", ""), q.value("origin", ""),
                               q.value("text", "")});
    c.figures = j.value("figures", nlohmann::json::object());
    c.photos = j.value("photos", std::vector<std::int64_t>{});
    c.clip = j.value("clip", "");
    c.closing = j.value("closing", "");
    return c;
}

std::vector<std::string> ReleaseContent::paragraphs() const {
    std::vector<std::string> out;
    out.push_back(lead);
    for (const auto& m : messages)
        out.push_back(m);
    if (!questions.empty()) {
        out.push_back(
            fmt::format("Dalam sesi tanya jawab, {} pertanyaan pendengar dijawab "
                        "langsung oleh narasumber.",
                        questions.size()));
        for (const auto& q : questions) {
            std::string who = q.caller.empty() ? "Seorang pendengar" : "Pendengar " + q.caller;
            if (!q.origin.empty()) who += " dari " + q.origin;
            out.push_back(fmt::format("{} menanyakan, \u201c{}\u201d", who, q.text));
        }
    }
    if (figures.contains("requests") && figures["requests"].value("received", 0) > 0) {
        const auto& r = figures["requests"];
        out.push_back(fmt::format(
            "Selama siaran tercatat {} permohonan informasi publik: {} diberikan seluruhnya, {} "
            "diberikan sebagian, {} ditolak dan {} masih diproses sesuai UU Nomor 14 Tahun 2008.",
            r.value("received", 0), r.value("granted_full", 0), r.value("granted_partial", 0),
            r.value("refused", 0), r.value("pending", 0)));
    }
    if (!closing.empty()) out.push_back(closing);
    return out;
}

}  // namespace ds::publication
