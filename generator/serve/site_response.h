// What the preview server answers to one request: a file of the built site,
// confined to its folder.
#pragma once

#include <string>

#include "serve/http_message.h"

namespace gk {

// GET and HEAD only (405 otherwise). The target is normalised
// (normalise_url_path); a folder gives its index.html (a folder asked for
// without its "/" is redirected to it, so relative links resolve); a file
// whose real path leaves `site_root` (a symbolic link) or a hidden file is
// not found; not found gives the site's 404.html with status 404. `Range`
// gives 206 (multipart/byteranges for several ranges) or 416. 503 while the
// site has not been built.
HttpResponse site_response(const std::string& site_root, const HttpRequest& request);

}  // namespace gk
