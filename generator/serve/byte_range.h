// The one `Range: bytes=…` form the search client sends (docs/search-format.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace gk {

struct ByteRange {
    std::uint64_t first = 0;
    std::uint64_t last = 0;  // inclusive
};

enum class RangeAnswer { whole, partial, unsatisfiable };

struct RangeResult {
    RangeAnswer answer = RangeAnswer::whole;
    ByteRange range;
};

// `bytes=a-b`, `bytes=a-` or `bytes=-n` against a file of `size` bytes.
// Anything else (several ranges, other units, garbage) is answered with the
// whole file, as RFC 9110 allows a server to do.
RangeResult resolve_range(std::string_view header, std::uint64_t size);

}  // namespace gk
