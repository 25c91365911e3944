#include "publication/ArticleHtml.h"

#include <fmt/format.h>

namespace ds::publication {

std::string ArticleHtml::escape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string ArticleHtml::body(const ReleaseContent& c, const std::string& clipSrc) {
    std::string out;
    for (const auto& p : c.paragraphs())
        out += "<p>" + escape(p) + "</p>\n";
    if (!clipSrc.empty())
        out += fmt::format(
            "<figure class=\"rilis-audio\"><audio controls preload=\"none\" src=\"{}\"></audio>"
            "<figcaption>Dengarkan cuplikan siaran</figcaption></figure>\n",
            escape(clipSrc));
    return out;
}

std::string ArticleHtml::page(const ReleaseContent& c, const ArticleLinks& links,
                              const std::string& stationName) {
    std::string figure;
    if (!links.featuredImage.empty())
        figure =
            fmt::format("<figure class=\"featured\"><img src=\"{}\" alt=\"{}\">{}</figure>\n",
                        escape(links.featuredImage),
                        escape(links.featuredCaption.empty() ? c.title : links.featuredCaption),
                        links.featuredCaption.empty()
                            ? ""
                            : "<figcaption>" + escape(links.featuredCaption) + "</figcaption>");
    return fmt::format(
        "<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>{0}</title>\n"
        "<meta property=\"og:title\" content=\"{0}\">\n{1}"
        "<style>body{{font-family:'Noto Sans',sans-serif;max-width:46rem;margin:2rem auto;"
        "padding:0 1rem;line-height:1.6}}img{{max-width:100%}}figcaption{{font-size:.9em;"
        "color:#555}}</style>\n</head>\n<body>\n<article>\n<header><p class=\"station\">{2}</p>"
        "<h1>{0}</h1></header>\n{3}{4}</article>\n</body>\n</html>\n",
        escape(c.title),
        links.featuredImage.empty() ? std::string()
                                    : fmt::format("<meta property=\"og:image\" content=\"{}\">\n",
                                                  escape(links.featuredImage)),
        escape(stationName), figure, body(c, links.clip));
}

}  // namespace ds::publication
