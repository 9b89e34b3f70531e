// Reading a content or theme file whole, into the run's SourceSet.
#pragma once

#include <filesystem>
#include <string>

#include "diag/diagnostics.h"
#include "diag/source.h"

namespace gk {

// Reads a whole file into a SourceFile; nullptr (reported) when unreadable.
const SourceFile* read_source(const std::filesystem::path& path, const std::string& display_path,
                              SourceSet& sources, Diagnostics& diagnostics);

// A SourceFile whose text is read from `path` when first asked for.
const SourceFile& defer_source(const std::filesystem::path& path, const std::string& display_path, SourceSet& sources);

}  // namespace gk
