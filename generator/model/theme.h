// A theme as loaded: templates, labels for one language, static assets.
// A site overrides any of them with a file of the same name under
// `content/theme/` (see docs/themes.md).
#pragma once

#include <map>
#include <string>

namespace gk {

struct ThemeFile {
    std::string text;  // contents
    std::string path;  // where it came from, for messages ("themes/default/templates/base.mustache")
};

struct Theme {
    std::string dir;  // the theme folder as found
    // By name: the path under templates/ without ".mustache" ("base", "partials/table").
    std::map<std::string, ThemeFile> templates;
    // Every label as a dotted key ("figure.income_total") -> text. The theme's
    // labels/<language>.toml, then the site's overrides of single keys.
    std::map<std::string, std::string> labels;
    std::map<std::string, std::string> label_paths;  // key -> file it came from
    // Files copied to the output under assets/: relative path -> bytes.
    std::map<std::string, ThemeFile> assets;
};

}  // namespace gk
