// The request target of an HTTP request, made into a path inside the site.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gk {

struct UrlPath {
    std::string path;           // "/2020/index.html": decoded, normalised, starts with "/"
    bool trailing_slash = false;  // the target ended with "/" (a folder asked for as one)
};

// Strips the query and fragment, percent-decodes, and resolves "." and ".."
// segments without ever climbing above "/" (so "/../etc/passwd" and
// "/%2e%2e/etc/passwd" are "/etc/passwd" inside the site). nullopt for a
// target that is not an absolute path, a bad %-escape, or a decoded NUL.
std::optional<UrlPath> normalise_url_path(std::string_view target);

// True for a path with a segment starting with "." ("/.gongkai-site"): such
// files are the build's own markers, never part of the site.
bool has_hidden_segment(std::string_view path);

}  // namespace gk
