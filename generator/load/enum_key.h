// Reads a string key whose value must be one of a fixed set of words, and
// reports anything else with the allowed words and a "did you mean".
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "load/table_reader.h"

namespace gk {

// The index in `allowed` of the value written, or nullopt when the key is
// absent or its value is not allowed (then already reported).
std::optional<std::size_t> read_enum(TableReader& reader, std::string_view key,
                                     std::span<const std::string_view> allowed);

}  // namespace gk
