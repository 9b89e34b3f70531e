#include "serve/url_path.h"

#include <vector>

namespace gk {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::optional<std::string> percent_decode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out += text[i];
            continue;
        }
        if (i + 2 >= text.size()) return std::nullopt;
        const int high = hex_value(text[i + 1]), low = hex_value(text[i + 2]);
        if (high < 0 || low < 0) return std::nullopt;
        out += static_cast<char>(high * 16 + low);
        i += 2;
    }
    if (out.find('\0') != std::string::npos) return std::nullopt;
    return out;
}

}  // namespace

std::optional<UrlPath> normalise_url_path(std::string_view target) {
    target = target.substr(0, target.find_first_of("?#"));
    if (!target.starts_with('/')) return std::nullopt;
    // Decoded before splitting: "%2f" is a "/" and "%2e%2e" a "..", never a
    // name the file system would take literally.
    const std::optional<std::string> decoded = percent_decode(target);
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
