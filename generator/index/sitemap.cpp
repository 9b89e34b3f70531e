#include "index/sitemap.h"

#include <algorithm>

#include "render/html.h"
#include "render/urls.h"

namespace gk {

std::string sitemap_xml(const std::vector<std::string>& page_paths, const std::string& base_url) {
    std::vector<std::string> paths = page_paths;
    std::sort(paths.begin(), paths.end());
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    for (const std::string& path : paths) {
        if (path == "404.html") continue;
        const std::string url = base_url.empty() ? path : absolute_url(base_url, path);
        out += "  <url><loc>" + escape_html(url) + "</loc></url>\n";
    }
    out += "</urlset>\n";
    return out;
}

}  // namespace gk
