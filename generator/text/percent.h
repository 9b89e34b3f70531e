// Percent-decoding ("%2F" -> "/"), shared by the manifest's escaped fields
// and the preview server's URL paths.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gk {

// Every "%XY" (two hex digits, either case) becomes that byte; anything
// else is kept. nullopt for a "%" not followed by two hex digits.
std::optional<std::string> percent_decode(std::string_view text);

}  // namespace gk
