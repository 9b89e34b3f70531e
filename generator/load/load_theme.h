// Finds and reads a theme and the site's overrides of it.
#pragma once

#include <optional>
#include <string>

#include "diag/diagnostics.h"
#include "diag/source.h"
#include "model/theme.h"

namespace gk {

// The theme folder to use: `explicit_dir` when given, else
// `<content>/../themes/<name>`, else themes/<name> next to the executable's
// folder or in its share/gongkai/. "" when none exists.
std::string find_theme_dir(const std::string& explicit_dir, const std::string& content_dir,
                           const std::string& theme_name);

// Reads templates/, labels/<language>.toml and assets/ of `theme_dir`, then
// the same names under `<content>/theme/`, which win. Reports unreadable
// files and malformed labels.
Theme load_theme(const std::string& theme_dir, const std::string& content_root, const std::string& language,
                 SourceSet& sources, Diagnostics& diagnostics);

}  // namespace gk
