// "did you mean 'personnel'?" for a mistyped key or name.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace gk {

// The candidate closest to `word` by edit distance (a transposition counts as
// one edit), if it is close enough to be a plausible typo; ties go to the
// earlier candidate so the answer is deterministic.
std::optional<std::string> closest_match(std::string_view word,
                                         std::span<const std::string_view> candidates);

std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace gk
