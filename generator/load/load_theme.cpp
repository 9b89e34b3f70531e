#include "load/load_theme.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "load/read_source.h"
#include "load/toml_document.h"

namespace gk {

namespace fs = std::filesystem;

namespace {

std::string executable_dir() {
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    return ec ? std::string() : self.parent_path().string();
}

// Regular files under `dir`, as sorted relative paths with '/' separators.
std::vector<std::string> files_under(const fs::path& dir) {
    std::vector<std::string> out;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return out;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.starts_with(".")) {
            if (it->is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file(ec)) out.push_back(fs::relative(it->path(), dir, ec).generic_string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::optional<std::string> read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return std::move(s).str();
}

void load_templates(const fs::path& dir, const std::string& display, Theme& theme, Diagnostics& diagnostics) {
    for (const std::string& rel : files_under(dir)) {
        if (!rel.ends_with(".mustache")) continue;
        const std::string path = display + "/" + rel;
        const std::optional<std::string> text = read_text(dir / rel);
        if (!text) {
            diagnostics.error(path, "cannot read file");
            continue;
        }
        theme.templates[rel.substr(0, rel.size() - 9)] = ThemeFile{*text, path};
    }
}

void load_assets(const fs::path& dir, const std::string& display, Theme& theme, Diagnostics& diagnostics) {
    for (const std::string& rel : files_under(dir)) {
        const std::optional<std::string> bytes = read_text(dir / rel);
        if (!bytes) {
            diagnostics.error(display + "/" + rel, "cannot read file");
            continue;
        }
        theme.assets[rel] = ThemeFile{*bytes, display + "/" + rel};
    }
}

// Flattens nested tables into dotted keys; every leaf must be a string.
void flatten_labels(const toml::table& table, const std::string& prefix, const SourceFile& file, Theme& theme,
                    Diagnostics& diagnostics) {
    for (auto&& [key, value] : table) {
        const std::string name = prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
        if (const auto* t = value.as_table()) {
            flatten_labels(*t, name, file, theme, diagnostics);
        } else if (const auto* s = value.as_string()) {
            theme.labels[name] = s->get();
            theme.label_paths[name] = file.path();
        } else {
            diagnostics.error(to_loc(file, value.source()),
                              "label '" + name + "' must be a string, got " + std::string(type_name(value)));
        }
    }
}

void load_labels(const fs::path& path, const std::string& display, SourceSet& sources, Theme& theme,
                 Diagnostics& diagnostics) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return;
    const SourceFile* file = read_source(path, display, sources, diagnostics);
    if (!file) return;
    const TomlDocument doc = parse_toml(*file, diagnostics);
    if (doc.root) flatten_labels(*doc.root, "", *file, theme, diagnostics);
}

std::string join(const std::string& a, const std::string& b) {
    if (a.empty()) return b;
    return a.ends_with('/') ? a + b : a + "/" + b;
}

}  // namespace

std::string find_theme_dir(const std::string& explicit_dir, const std::string& content_dir,
                           const std::string& theme_name) {
    std::error_code ec;
    if (!explicit_dir.empty()) return fs::is_directory(explicit_dir, ec) ? explicit_dir : std::string();
    std::vector<std::string> candidates;
    fs::path content_path = fs::absolute(content_dir, ec).lexically_normal();
    if (content_path.filename().empty()) content_path = content_path.parent_path();  // "content/"
    const fs::path content_parent = content_path.parent_path();
    candidates.push_back((content_parent / "themes" / theme_name).string());
    const std::string exe = executable_dir();
    if (!exe.empty()) {
        candidates.push_back((fs::path(exe) / ".." / "themes" / theme_name).lexically_normal().string());
        candidates.push_back((fs::path(exe) / ".." / "share" / "gongkai" / "themes" / theme_name).lexically_normal().string());
    }
    for (const std::string& c : candidates) {
        if (fs::is_directory(c, ec)) return c;
    }
    return {};
}

Theme load_theme(const std::string& theme_dir, const std::string& content_root, const std::string& language,
                 SourceSet& sources, Diagnostics& diagnostics) {
    Theme theme;
    theme.dir = theme_dir;
    const std::string overrides = join(content_root, "theme");
    load_templates(fs::path(theme_dir) / "templates", join(theme_dir, "templates"), theme, diagnostics);
    load_templates(fs::path(overrides) / "templates", join(overrides, "templates"), theme, diagnostics);
    load_assets(fs::path(theme_dir) / "assets", join(theme_dir, "assets"), theme, diagnostics);
    load_assets(fs::path(overrides) / "assets", join(overrides, "assets"), theme, diagnostics);
    const std::string labels_file = "labels/" + language + ".toml";
    const std::string theme_labels = join(theme_dir, labels_file);
    std::error_code ec;
    if (!fs::exists(theme_labels, ec)) diagnostics.error(theme_labels, "the theme has no labels for language '" + language + "'");
    load_labels(theme_labels, theme_labels, sources, theme, diagnostics);
    load_labels(join(overrides, labels_file), join(overrides, labels_file), sources, theme, diagnostics);
    return theme;
}

}  // namespace gk
