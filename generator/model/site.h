// site.toml: portal settings (spec §2).
#pragma once

#include <string>

#include "model/amount.h"
#include "model/located.h"

namespace gk {

struct SiteConfig {
    std::string title;
    std::string region;
    std::string language = "zh-CN";
    std::string description;  // extension: the portal's one-line description
    Unit unit = Unit::wan_yuan;
    int decimals = 2;
    Amount tolerance;         // in 分; 0 means stated totals must be exact
    std::string base_url;     // "" or an absolute http(s) URL ending in '/'
    std::string theme = "default";
    // Extension: pages per search pack (search/pages/<k>.bin). Lower it for
    // a host that limits the size of a file (docs/search-format.md).
    int search_pack_pages = 4096;
    SourceLoc loc;            // the file
    SourceLoc theme_loc;      // for "theme not found"
};

}  // namespace gk
