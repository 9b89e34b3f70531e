#include "load/load_department.h"

#include <algorithm>
#include <map>

#include "load/load_budget.h"
#include "load/read_source.h"
#include "load/table_reader.h"
#include "load/toml_document.h"

namespace gk {

namespace fs = std::filesystem;

namespace {

// What a file name in a department folder means.
struct YearFileName {
    int year = 0;
    BudgetKind kind = BudgetKind::budget;
    bool markdown = false;
};

// "2020.toml", "2020-final.toml", "2020.md", "2020-final.md"; nullopt otherwise.
std::optional<YearFileName> parse_year_file_name(std::string_view name) {
    if (name.size() < 7) return std::nullopt;
    for (std::size_t i = 0; i < 4; ++i) {
        if (name[i] < '0' || name[i] > '9') return std::nullopt;
    }
    YearFileName out;
    out.year = std::stoi(std::string(name.substr(0, 4)));
    std::string_view rest = name.substr(4);
    if (rest.starts_with("-final")) {
        out.kind = BudgetKind::final_accounts;
        rest.remove_prefix(6);
    }
    if (rest == ".toml") return out;
    if (rest == ".md") {
        out.markdown = true;
        return out;
    }
    return std::nullopt;
}

std::string file_name_for(const YearFileName& f) {
    return std::to_string(f.year) + (f.kind == BudgetKind::final_accounts ? "-final" : "") +
           (f.markdown ? ".md" : ".toml");
}

void load_department_toml(const SourceFile& file, Department& dept, Diagnostics& diagnostics) {
    const TomlDocument doc = parse_toml(file, diagnostics);
    dept.loc = SourceLoc{&file, 0, 0};
    if (!doc.root) return;
    TableReader reader(*doc.root, file, diagnostics, "department.toml");
    dept.name = reader.string("name", true);
    dept.short_name = reader.string("short").value.value_or("");
    dept.code = reader.number_text("code", true).value.value_or("");
    dept.region = reader.string("region").value.value_or("");
    dept.category = reader.string("category").value.value_or("");
    if (const auto order = reader.integer("order"); order.has()) {
        dept.order = *order;
        dept.has_order = true;
    }
    dept.illustrative = reader.boolean("illustrative").value.value_or(false);
    reader.finish();
}

// A budget file from the load cache when it holds it (by `known`, the hash
// of its bytes when the file was left unread, else by the hash of its
// text); else parsed, and kept in the cache when it loaded without a single
// diagnostic (so a file taken from the cache has nothing to report, as
// parsing it would not). False when a file left unread cannot be read now.
bool load_budget_file(const SourceFile& file, const std::optional<Hash128>& known, int year, BudgetKind kind,
                      Unit site_unit, BudgetCache* cache, Diagnostics& diagnostics, BudgetFile& budget) {
    if (!cache || !cache->enabled()) {
        if (!file.read()) return false;
        load_budget(parse_toml(file, diagnostics), year, kind, site_unit, diagnostics, budget);
        return true;
    }
    const BudgetKey key = known ? budget_key(*known, year, kind, site_unit) : budget_key(file, year, kind, site_unit);
    if (cache->find(key, file, budget)) return true;
    if (!file.read()) return false;
    Diagnostics own;
    load_budget(parse_toml(file, own), year, kind, site_unit, own, budget);
    if (own.error_count() == 0 && own.warning_count() == 0) cache->add(key, file);
    diagnostics.append(std::move(own));
    return true;
}

// A folder's entries, sorted by name (the file system's order is not ours to
// depend on), with whether each is a regular file. The type comes from the
// listing itself where the file system gives it, so most files need no
// stat of their own; a symbolic link is still followed.
std::vector<std::pair<std::string, bool>> list_folder(const fs::path& dir, std::error_code& ec) {
    std::vector<std::pair<std::string, bool>> entries;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
        std::error_code type_ec;
        entries.emplace_back(entry.path().filename().string(), entry.is_regular_file(type_ec));
    }
    std::sort(entries.begin(), entries.end());
    return entries;
}

// How many budget files the folder holds, so they are allocated once: a
// BudgetFile is a few kilobytes and growing the vector moved them all.
std::size_t count_budget_files(const std::vector<std::pair<std::string, bool>>& entries) {
    std::size_t count = 0;
    for (const auto& [name, regular] : entries) {
        const std::optional<YearFileName> year_file = parse_year_file_name(name);
        if (regular && year_file && !year_file->markdown) ++count;
    }
    return count;
}

}  // namespace

Department load_department(const fs::path& dir, const std::string& display_dir, const std::string& id,
                           Content& content, Diagnostics& diagnostics, BudgetCache* cache,
                           const UnchangedFiles* unchanged, const std::set<std::string>* figures_of) {
    Department dept;
    dept.id = id;

    std::error_code ec;
    const std::vector<std::pair<std::string, bool>> entries = list_folder(dir, ec);
    if (ec) {
        dept.loc = SourceLoc{&content.sources->add(display_dir + "/department.toml"), 0, 0};
        diagnostics.error(display_dir, "cannot list folder: " + ec.message());
        return dept;
    }
    dept.files.reserve(count_budget_files(entries));

    bool has_department_toml = false;
    std::map<std::pair<int, BudgetKind>, const SourceFile*> narratives;
    for (const auto& [name, regular] : entries) {
        if (name.starts_with(".")) continue;
        const fs::path path = dir / name;
        const std::string display = display_dir + "/" + name;
        if (name == "department.toml" && regular) {
            has_department_toml = true;
            if (const SourceFile* file = read_source(path, display, *content.sources, diagnostics))
                load_department_toml(*file, dept, diagnostics);
            continue;
        }
        const std::optional<YearFileName> year_file = parse_year_file_name(name);
        if (!year_file || !regular || file_name_for(*year_file) != name) {
            diagnostics.error(display, "unexpected " + std::string(regular ? "file" : "entry") +
                                           " in a department folder: only department.toml, <year>.toml, "
                                           "<year>.md, <year>-final.toml and <year>-final.md belong here");
            continue;
        }
        // A file unchanged since the previous build is left unread: a
        // narrative until its page is rendered, a budget file unless the
        // load cache lacks it (unread, it is not worth it without a cache).
        // A budget file of a department whose figures nothing this build
        // makes shows (a narrative edit elsewhere) is left unread when unchanged.
        const bool unread = !year_file->markdown && figures_of && !figures_of->contains(id);
        const std::optional<Hash128> known =
            unchanged && (year_file->markdown || unread || (cache && cache->enabled()))
                ? unchanged->hash("departments/" + id + "/" + name)
                : std::nullopt;
        const SourceFile* file = known ? &defer_source(path, display, *content.sources)
                                       : read_source(path, display, *content.sources, diagnostics);
        if (!file) continue;
        if (year_file->markdown) {
            narratives[{year_file->year, year_file->kind}] = file;
            continue;
        }
        if (known && unread) {  // neither read nor decoded: its year and kind only
            dept.unread.emplace_back(year_file->year, year_file->kind);
            continue;
        }
        // Reserved above: the vector does not move its files while they are read.
        if (!load_budget_file(*file, known, year_file->year, year_file->kind, content.site.unit, cache, diagnostics,
                              dept.files.emplace_back())) {
            dept.files.pop_back();
            diagnostics.error(display, "cannot read file");
        }
    }
    if (!has_department_toml) diagnostics.error(display_dir, "missing department.toml");
    // Where the department's own problems point when department.toml gave no
    // file to point into (missing or unreadable).
    if (!dept.loc.file) dept.loc = SourceLoc{&content.sources->add(display_dir + "/department.toml"), 0, 0};

    std::sort(dept.unread.begin(), dept.unread.end());
    for (const auto& [key, file] : narratives) {
        BudgetFile* owner = nullptr;
        for (BudgetFile& f : dept.files) {
            if (f.year == key.first && f.kind == key.second) owner = &f;
        }
        if (owner) {
            owner->narrative.file = file;
        } else if (!std::binary_search(dept.unread.begin(), dept.unread.end(), key)) {
            const bool final_accounts = key.second == BudgetKind::final_accounts;
            diagnostics.error(file->path(), "a narrative needs its figures: there is no " +
                                                std::to_string(key.first) + (final_accounts ? "-final" : "") +
                                                ".toml beside it");
        }
    }
    const auto by_year_and_kind = [](const BudgetFile& a, const BudgetFile& b) {
        return std::pair(a.year, a.kind) < std::pair(b.year, b.kind);
    };
    // Names sort "2020-final.toml" before "2020.toml"; moving kilobyte-sized
    // files is worth skipping when there is nothing to reorder.
    if (!std::is_sorted(dept.files.begin(), dept.files.end(), by_year_and_kind))
        std::sort(dept.files.begin(), dept.files.end(), by_year_and_kind);
    return dept;
}

}  // namespace gk
