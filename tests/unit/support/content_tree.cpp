#include "unit/support/content_tree.h"

#include <atomic>
#include <fstream>
#include <random>
#include <stdexcept>

#include <unistd.h>

#include <sstream>

#include "compute/compute.h"
#include "load/load_content.h"
#include "pipeline.h"
#include "validate/validate.h"

namespace gk::test {

namespace fs = std::filesystem;

namespace {

// ctest runs test cases as parallel processes, and one process may make
// several trees: the name has the pid, a counter and a random part.
fs::path unique_base() {
    static std::atomic<unsigned> counter{0};
    std::random_device random;
    const std::string name = "gongkai-test-" + std::to_string(::getpid()) + "-" +
                             std::to_string(counter++) + "-" + std::to_string(random());
    return fs::temp_directory_path() / name;
}

}  // namespace

ContentTree::ContentTree() : base_(unique_base()), root_(base_ / "content") {
    fs::create_directories(root_);
}

ContentTree::~ContentTree() {
    // A build in the tree may have left its previous site to an `rm -rf` in
    // the background (remove_in_background): while that runs, remove_all
    // can fail on a file the other process took first and stop half way,
    // which left trees behind in /tmp. Try again until the tree is gone.
    for (int attempt = 0; attempt < 50; ++attempt) {
        std::error_code ec;
        fs::remove_all(base_, ec);
        if (!fs::exists(base_, ec)) return;
        ::usleep(20'000);
    }
}

ContentTree& ContentTree::file(const std::string& relative, std::string_view text) {
    const fs::path path = root_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!out) throw std::runtime_error("cannot write " + path.string());
    return *this;
}

ContentTree& ContentTree::folder(const std::string& relative) {
    fs::create_directories(root_ / relative);
    return *this;
}

void add_minimal_site(ContentTree& tree) {
    tree.file("site.toml", "title = \"桥西区部门预决算公开\"\nregion = \"张家口市桥西区\"\n");
    tree.file("departments/union/department.toml", "name = \"张家口市桥西区总工会\"\n");
}

std::vector<std::string> lines_of(const Diagnostics& diagnostics, const std::string& root) {
    std::vector<std::string> out;
    for (const Diagnostic& d : diagnostics.sorted()) {
        std::string path = d.path;
        if (path.starts_with(root + "/")) path = path.substr(root.size() + 1);
        std::string line = path;
        if (d.line > 0) line += ":" + std::to_string(d.line) + ":" + std::to_string(d.column);
        line += d.severity == Severity::error ? ": error: " : ": warning: ";
        out.push_back(line + d.message);
    }
    return out;
}

std::vector<std::string> check_content(const ContentTree& tree) {
    Diagnostics diagnostics;
    const Content content = load_content(tree.root(), diagnostics);
    validate_content(content, diagnostics);
    return lines_of(diagnostics, tree.root());
}

std::vector<std::string> check_content_and_derived(const ContentTree& tree) {
    Diagnostics diagnostics;
    const Content content = load_content(tree.root(), diagnostics);
    validate_content(content, diagnostics);
    if (!diagnostics.has_errors()) check_derived(compute(content), diagnostics);
    return lines_of(diagnostics, tree.root());
}

std::vector<std::string> check_site_file(const std::string& relative, std::string_view text) {
    ContentTree tree;
    add_minimal_site(tree);
    tree.file(relative, text);
    return check_content(tree);
}

std::vector<std::string> check_year_file(std::string_view text) {
    ContentTree tree;
    add_minimal_site(tree);
    tree.file("departments/union/2020.toml", text);
    return check_content_and_derived(tree);
}

std::string BuiltSite::file(const std::string& relative) const {
    std::ifstream in(out + "/" + relative, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

BuiltSite build_site(const ContentTree& tree, const std::string& base_url) {
    BuildOptions options;
    options.content_dir = tree.root();
    options.out_dir = tree.root() + "/../site";
    options.theme_dir = GONGKAI_SOURCE_DIR "/themes/default";
    options.quiet = true;
    options.base_url = base_url;
    options.base_url_set = !base_url.empty();
    std::ostringstream out, err;
    BuiltSite built;
    built.status = run_build(options, out, err);
    built.out = options.out_dir;
    built.stdout_text = out.str();
    built.stderr_text = err.str();
    return built;
}

}  // namespace gk::test
