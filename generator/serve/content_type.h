// The Content-Type of a file of the site, by its extension.
#pragma once

#include <string_view>

namespace gk {

// "text/html; charset=utf-8" for "/index.html"; application/octet-stream
// for anything unknown (search shards .bin, page texts .u16).
std::string_view content_type_for(std::string_view path);

}  // namespace gk
