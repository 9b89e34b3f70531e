// A content folder written to a fresh temporary directory from string
// literals, and the diagnostics that running the stages on it gives.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"

namespace gk::test {

class ContentTree {
public:
    // An empty folder under the system's temporary directory, unique to this
    // process and object; removed again by the destructor.
    ContentTree();
    ~ContentTree();
    ContentTree(const ContentTree&) = delete;
    ContentTree& operator=(const ContentTree&) = delete;

    // Writes `text` byte for byte to `relative` (under the content root),
    // creating the folders on the way.
    ContentTree& file(const std::string& relative, std::string_view text);
    ContentTree& folder(const std::string& relative);

    // The content root as passed to load_content ("<tmp>/gongkai-test-…/content").
    std::string root() const { return root_.string(); }

private:
    std::filesystem::path base_;
    std::filesystem::path root_;
};

// A tree that needs nothing more to check cleanly: a site.toml and one
// department, `union` (区总工会), without any year.
void add_minimal_site(ContentTree& tree);

// One diagnostic as a line: "path:line:col: severity: message", with the
// content root cut from the path ("departments/union/2020.toml:4:9: error: …").
// A diagnostic without position leaves out ":line:col".
std::vector<std::string> lines_of(const Diagnostics& diagnostics, const std::string& root);

// load_content + validate_content, as `gongkai check` runs them.
std::vector<std::string> check_content(const ContentTree& tree);
// The same, then compute + check_derived (the warnings that need derived
// figures); those run only on content without errors, like the pipeline.
std::vector<std::string> check_content_and_derived(const ContentTree& tree);

// A tree with the minimal site and `text` as the file `relative`, checked
// without derived figures (load and validate only).
std::vector<std::string> check_site_file(const std::string& relative, std::string_view text);

// A tree with the minimal site and `text` as departments/union/2020.toml,
// checked with derived figures.
std::vector<std::string> check_year_file(std::string_view text);

// `gongkai build` of the tree with the default theme into <tree>/../site
// (removed with the tree), as the command runs it.
struct BuiltSite {
    int status = 0;
    std::string out;     // the site folder
    std::string stdout_text, stderr_text;
    // The bytes of a file of the site ("" when it does not exist).
    std::string file(const std::string& relative) const;
};
BuiltSite build_site(const ContentTree& tree, const std::string& base_url = "");

}  // namespace gk::test
