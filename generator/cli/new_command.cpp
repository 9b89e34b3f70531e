// `gongkai new`: scaffolds a department-year. Checks everything first, then
// creates each file exclusively (O_EXCL), so an existing file is never
// overwritten, even by a race.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>

#include "cli/commands.h"
#include "compute/compute.h"
#include "diag/diagnostics.h"
#include "load/load_content.h"
#include "model/slug.h"
#include "scaffold/scaffold.h"
#include "validate/validate.h"

namespace gk {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kNewUsage = "usage: gongkai new <dept-id> <year> [--content DIR]\n";

int new_error(std::ostream& err, const std::string& message, bool show_usage = false) {
    err << "gongkai: error: " << message << '\n';
    if (show_usage) err << kNewUsage;
    return kExitUsageOrIo;
}

// A year as the loader names files: four digits, within the scaffold range.
std::optional<int> parse_year(const std::string& text) {
    if (text.size() != 4) return std::nullopt;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
    }
    const int year = std::stoi(text);
    if (year < kScaffoldFirstYear || year > kScaffoldLastYear) return std::nullopt;
    return year;
}

// Creates `path` with `text`, failing when it already exists.
std::optional<std::string> write_new_file(const fs::path& path, const std::string& text) {
    std::FILE* file = std::fopen(path.c_str(), "wx");
    if (!file) return path.string() + ": " + std::strerror(errno);
    const bool written = std::fwrite(text.data(), 1, text.size(), file) == text.size();
    if (std::fclose(file) != 0 || !written) return path.string() + ": cannot write the file";
    return std::nullopt;
}

// [previous] from last year's file when the content checks cleanly; ""
// (the plain template) otherwise, with a line saying why.
std::string previous_block(const std::string& content_dir, const std::string& id, int year, std::ostream& out) {
    Diagnostics diagnostics;
    const Content content = load_content(content_dir, diagnostics);
    validate_content(content, diagnostics);
    if (diagnostics.has_errors()) {
        out << "gongkai: [previous] left as a template: the content has errors (see gongkai check)\n";
        return "";
    }
    try {
        const Derived derived = compute(content);
        const DepartmentYear* last = derived.find(id, year - 1, BudgetKind::budget);
        return last ? previous_block_from(*last, content.site.unit) : "";
    } catch (const AmountOverflow&) {
        return "";
    }
}

}  // namespace

int run_new(const std::vector<std::string>& args, const std::string& content_dir, std::ostream& out,
            std::ostream& err) {
    if (args.size() != 2) return new_error(err, "'new' needs a department id and a year", true);
    const std::string& id = args[0];
    if (!is_valid_slug(id))
        return new_error(err, "'" + id + "' is not a valid department id: use a-z, 0-9 and '-' (not first), "
                                         "at most 64 characters");
    const std::optional<int> year = parse_year(args[1]);
    if (!year)
        return new_error(err, "'" + args[1] + "' is not a year from " + std::to_string(kScaffoldFirstYear) +
                                  " to " + std::to_string(kScaffoldLastYear));

    std::error_code ec;
    const fs::path root(content_dir);
    if (!fs::is_regular_file(root / "site.toml", ec))
        return new_error(err, "'" + content_dir + "' has no site.toml: not a content folder (see --content)");
    const fs::path dir = root / "departments" / id;
    if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
        return new_error(err, dir.string() + " exists and is not a folder");

    const std::string name = std::to_string(*year);
    const bool new_department = !fs::exists(dir / "department.toml", ec);
    for (const fs::path& path : {dir / (name + ".toml"), dir / (name + ".md")}) {
        if (fs::exists(fs::symlink_status(path, ec)))
            return new_error(err, path.string() + " already exists; gongkai new never overwrites a file");
    }
    const bool has_last_year = fs::exists(dir / (std::to_string(*year - 1) + ".toml"), ec);
    const std::string previous = has_last_year ? previous_block(content_dir, id, *year, out) : "";

    fs::create_directories(dir, ec);
    if (ec) return new_error(err, dir.string() + ": " + ec.message());
    std::vector<std::pair<fs::path, std::string>> files;
    if (new_department) files.emplace_back(dir / "department.toml", department_template(id));
    files.emplace_back(dir / (name + ".toml"), year_template(*year, previous));
    files.emplace_back(dir / (name + ".md"), "");  // empty: the page says "no narrative" until it is written
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (auto failure = write_new_file(files[i].first, files[i].second)) {
            for (std::size_t j = 0; j < i; ++j) fs::remove(files[j].first, ec);  // all or nothing
            return new_error(err, *failure);
        }
    }
    for (const auto& [path, text] : files) out << "gongkai: created " << path.string() << '\n';
    if (!previous.empty()) out << "gongkai: [previous] pre-filled (commented out) from " << *year - 1 << ".toml\n";
    return kExitOk;
}

}  // namespace gk
