// sitemap.xml: every page of the portal. URLs are absolute when the site has
// a base_url, else relative to the sitemap (readable by tools, though search
// engines need the absolute form).
#pragma once

#include <string>
#include <vector>

namespace gk {

std::string sitemap_xml(const std::vector<std::string>& page_paths, const std::string& base_url);

}  // namespace gk
