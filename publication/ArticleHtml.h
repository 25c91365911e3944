#pragma once
// The website article of a release: HTML with the headline, the featured image with its
// caption, the dateline and the paragraphs, and the audio clip when there is one. The same body
// (without the headline, which WordPress shows itself) is what a WordPress post carries.
#include <string>

#include "publication/Release.h"

namespace ds::publication {

struct ArticleLinks {
    std::string featuredImage;  // src of the featured image ("" : none)
    std::string featuredCaption;
    std::string clip;  // src of the audio clip ("" : none)
};

class ArticleHtml {
  public:
    // A complete HTML5 page (UTF-8, lang="id").
    static std::string page(const ReleaseContent& c, const ArticleLinks& links,
                            const std::string& stationName);
    // The post body: paragraphs and the clip's <audio>, no headline and no featured image.
    static std::string body(const ReleaseContent& c, const std::string& clipSrc);
    static std::string escape(const std::string& text);
};

}  // namespace ds::publication
