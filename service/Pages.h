#pragma once
// The seats' pages (HTML, CSS, JavaScript from service/pages/), embedded at build time.
#include <string_view>
#include <vector>

namespace ds::service {

struct Page {
    std::string_view name;  // file name, e.g. "guest.html"
    std::string_view contentType;
    std::string_view body;
};

const std::vector<Page>& pages();
// The page with exactly this file name, or nullptr: names are never treated as paths.
inline const Page* findPage(std::string_view name) {
    for (const Page& p : pages())
        if (p.name == name) return &p;
    return nullptr;
}

}  // namespace ds::service
