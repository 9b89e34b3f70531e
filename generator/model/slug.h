// Names that become URL path segments: department ids and glossary term ids.
#pragma once

#include <string_view>

namespace gk {

inline constexpr std::size_t kMaxSlugLength = 64;

// [a-z0-9][a-z0-9-]*, at most 64 characters (spec §1).
constexpr bool is_valid_slug(std::string_view s) {
    if (s.empty() || s.size() > kMaxSlugLength) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!alnum && !(i > 0 && c == '-')) return false;
    }
    return true;
}

}  // namespace gk
