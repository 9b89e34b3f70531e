// The one place that parses TOML (toml++). Every value read through here
// keeps its source position, and amounts are read from their literal text.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include <toml++/toml.h>

#include "diag/diagnostics.h"
#include "diag/source.h"

namespace gk {

// A parsed TOML file, or nothing when it did not parse (the syntax error has
// then been reported with its position).
struct TomlDocument {
    const SourceFile* file = nullptr;
    std::optional<toml::table> root;
};

TomlDocument parse_toml(const SourceFile& file, Diagnostics& diagnostics);

// Converts a toml++ position to ours.
SourceLoc to_loc(const SourceFile& file, const toml::source_region& region);

// The literal text of a value as written in the file ("36.27", "1_000"):
// a view into the file's text, which outlives every use of it.
std::string_view literal_text(const SourceFile& file, const toml::node& node);

// "integer", "string", "table" ... as a person would say it.
std::string_view type_name(const toml::node& node);

}  // namespace gk
