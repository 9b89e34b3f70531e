// A fast, non-cryptographic 128-bit fingerprint of bytes: enough to tell
// whether an input or an output changed between two builds, where a chance
// collision (about 2^-128 per comparison) is no real risk. It is not meant
// to resist someone crafting collisions: whoever could do that writes the
// content anyway.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gk {

struct Hash128 {
    std::uint64_t high = 0;
    std::uint64_t low = 0;
    friend auto operator<=>(const Hash128&, const Hash128&) = default;
};

// Two XXH64 of `bytes` (the published algorithm, so that it can be checked
// against its reference values), with seed 0 in `high` and another seed in
// `low`, computed in one pass.
Hash128 hash128(std::string_view bytes);

// 32 lowercase hex digits, and back (nullopt when it is not that).
std::string to_hex(const Hash128& hash);
std::optional<Hash128> parse_hash(std::string_view hex);

}  // namespace gk
