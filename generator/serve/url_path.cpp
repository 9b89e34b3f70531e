#include "serve/url_path.h"

#include <vector>

#include "text/percent.h"

namespace gk {

namespace {

// A URL path must not decode to a NUL, which no file name can hold.
std::optional<std::string> decode_path(std::string_view text) {
    std::optional<std::string> out = percent_decode(text);
    if (out && out->find('\0') != std::string::npos) return std::nullopt;
    return out;
}

}  // namespace

std::optional<UrlPath> normalise_url_path(std::string_view target) {
    target = target.substr(0, target.find_first_of("?#"));
    if (!target.starts_with('/')) return std::nullopt;
    // Decoded before splitting: "%2f" is a "/" and "%2e%2e" a "..", never a
    // name the file system would take literally.
    const std::optional<std::string> decoded = decode_path(target);
    if (!decoded) return std::nullopt;
    std::vector<std::string_view> segments;
    std::string_view rest = *decoded;
    while (!rest.empty()) {
        const std::size_t slash = rest.find('/');
        const std::string_view segment = rest.substr(0, slash);
        rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
        if (segment.empty() || segment == ".") continue;
        if (segment == "..") {
            if (!segments.empty()) segments.pop_back();
            continue;
        }
        segments.push_back(segment);
    }
    UrlPath url;
    for (std::string_view segment : segments) url.path += "/" + std::string(segment);
    if (url.path.empty()) url.path = "/";
    url.trailing_slash = decoded->ends_with('/');
    return url;
}

bool has_hidden_segment(std::string_view path) {
    return path.find("/.") != std::string_view::npos;
}

}  // namespace gk
