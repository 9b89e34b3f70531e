#include "load/load_content.h"

#include <algorithm>
#include <filesystem>

#include "load/load_department.h"
#include "load/read_source.h"
#include "load/load_glossary.h"
#include "load/load_site.h"
#include "load/toml_document.h"
#include "model/slug.h"
#include "parallel/parallel_for.h"

namespace gk {

namespace fs = std::filesystem;

namespace {

std::string join(const std::string& root, std::string_view name) {
    if (root.empty() || root.ends_with('/')) return root + std::string(name);
    return root + "/" + std::string(name);
}

void load_site_toml(Content& content, Diagnostics& diagnostics) {
    const std::string display = join(content.root, "site.toml");
    const fs::path path = fs::path(content.root) / "site.toml";
    if (!fs::exists(path)) {
        diagnostics.error(display, "missing site.toml: every portal needs its title and region");
        content.site.loc = SourceLoc{&content.sources->add(display), 0, 0};
        return;
    }
    if (const SourceFile* file = read_source(path, display, *content.sources, diagnostics))
        content.site = load_site(parse_toml(*file, diagnostics), diagnostics);
}

void load_glossary_toml(Content& content, Diagnostics& diagnostics) {
    const std::string display = join(content.root, "glossary.toml");
    const fs::path path = fs::path(content.root) / "glossary.toml";
    content.glossary.loc = SourceLoc{&content.sources->add(display), 0, 0};
    if (!fs::exists(path)) return;  // a portal may have no glossary
    if (const SourceFile* file = read_source(path, display, *content.sources, diagnostics))
        content.glossary = load_glossary(parse_toml(*file, diagnostics), diagnostics);
}

// The department folders, sorted by name; reports everything else.
std::vector<std::string> department_ids(const std::string& root, Diagnostics& diagnostics) {
    std::vector<std::string> ids;
    const fs::path dir = fs::path(root) / "departments";
    const std::string display = join(root, "departments");
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        diagnostics.error(display, "missing departments/ folder: it holds one folder per department");
        return ids;
    }
    // With each name, whether it is a folder: from the listing where the file
    // system says (no stat per department), following symbolic links.
    std::vector<std::pair<std::string, bool>> names;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
        std::error_code type_ec;
        names.emplace_back(entry.path().filename().string(), entry.is_directory(type_ec));
    }
    if (ec) diagnostics.error(display, "cannot list folder: " + ec.message());
    std::sort(names.begin(), names.end());
    for (const auto& [name, is_folder] : names) {
        if (name.starts_with(".")) continue;
        const std::string path = display + "/" + name;
        if (!is_folder) {
            diagnostics.error(path, "unexpected file under departments/: only department folders belong here");
        } else if (!is_valid_slug(name)) {
            diagnostics.error(path, "'" + name +
                                        "' is not a valid department id: use lowercase letters a-z, digits "
                                        "and '-', starting with a letter or digit, at most 64 characters");
        } else {
            ids.push_back(name);
        }
    }
    return ids;
}

void sort_departments(std::vector<Department>& departments) {
    std::sort(departments.begin(), departments.end(), [](const Department& a, const Department& b) {
        // Departments with an `order` first, by it; then by name, then id.
        const auto key = [](const Department& d) {
            return std::tuple(!d.has_order, d.has_order ? d.order : 0, d.name.value.value_or(""), d.id);
        };
        return key(a) < key(b);
    });
}

}  // namespace

Content load_content(const std::string& root, Diagnostics& diagnostics, unsigned jobs, BudgetCache* cache,
                     const UnchangedFiles* unchanged, const std::set<std::string>* figures_of) {
    Content content;
    content.root = root;
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
        diagnostics.error(root, "content folder not found");
        return content;
    }
    load_site_toml(content, diagnostics);
    load_glossary_toml(content, diagnostics);
    const std::string departments_dir = join(root, "departments");
    // Parsing TOML is most of the load: departments are independent, so they
    // load in parallel (SourceSet and Diagnostics are thread-safe).
    const std::vector<std::string> ids = department_ids(root, diagnostics);
    content.departments.resize(ids.size());
    parallel_for(ids.size(), jobs, [&](std::size_t i) {
        Department dept = load_department(fs::path(root) / "departments" / ids[i], departments_dir + "/" + ids[i],
                                          ids[i], content, diagnostics, cache, unchanged, figures_of);
        if (dept.region.empty()) dept.region = content.site.region;
        content.departments[i] = std::move(dept);
    });
    sort_departments(content.departments);
    return content;
}

}  // namespace gk
