// The layout of a content folder (spec §1): department ids, stray files,
// the files every portal and department needs.
#include <catch2/catch.hpp>

#include "load/load_content.h"
#include "unit/support/content_tree.h"

using namespace gk::test;
using Lines = std::vector<std::string>;

namespace {

const std::string kFileRule =
    "only department.toml, <year>.toml, <year>.md, <year>-final.toml and <year>-final.md belong here";

}  // namespace

TEST_CASE("a department folder whose name is not a slug is a bad department id", "[load][files]") {
    ContentTree tree;
    add_minimal_site(tree);
    for (const std::string& id : std::vector<std::string>{"Union", "-union", "区总工会", "union_2", std::string(65, 'a')})
        tree.file("departments/" + id + "/department.toml", "name = \"x\"\n");
    tree.file("departments/" + std::string(64, 'a') + "/department.toml", "name = \"x\"\n");
    tree.file("departments/union-2/department.toml", "name = \"x\"\n");
    const std::string rule =
        "' is not a valid department id: use lowercase letters a-z, digits and '-', starting with a letter or "
        "digit, at most 64 characters";
    CHECK(check_content(tree) == Lines{"departments/-union: error: '-union" + rule,
                                       "departments/Union: error: 'Union" + rule,
                                       "departments/" + std::string(65, 'a') + ": error: '" + std::string(65, 'a') +
                                           rule,
                                       "departments/union_2: error: 'union_2" + rule,
                                       "departments/区总工会: error: '区总工会" + rule});
}

TEST_CASE("a file under departments/ that is not a department folder is an error", "[load][files]") {
    ContentTree tree;
    add_minimal_site(tree);
    tree.file("departments/README.md", "说明\n");
    tree.file("departments/.DS_Store", "");
    CHECK(check_content(tree) ==
          Lines{"departments/README.md: error: unexpected file under departments/: only department folders belong here"});
}

TEST_CASE("a stray file in a department folder is an error, not silently skipped", "[load][files]") {
    ContentTree tree;
    add_minimal_site(tree);
    tree.file("departments/union/2020.toml", "year = 2020\n");
    tree.file("departments/union/notes.txt", "x");
    tree.file("departments/union/2020.TOML", "year = 2020\n");
    tree.file("departments/union/20201.toml", "year = 2020\n");
    tree.file("departments/union/2020-final.md.bak", "x");
    tree.file("departments/union/2020-draft.toml", "year = 2020\n");
    tree.file("departments/union/scans/page1.txt", "x");
    tree.file("departments/union/.hidden", "x");  // dot files are the editor's, not ours
    CHECK(check_content(tree) == Lines{"departments/union/2020-draft.toml: error: unexpected file in a department "
                                       "folder: " + kFileRule,
                                       "departments/union/2020-final.md.bak: error: unexpected file in a department "
                                       "folder: " + kFileRule,
                                       "departments/union/2020.TOML: error: unexpected file in a department folder: " +
                                           kFileRule,
                                       "departments/union/20201.toml: error: unexpected file in a department folder: " +
                                           kFileRule,
                                       "departments/union/notes.txt: error: unexpected file in a department folder: " +
                                           kFileRule,
                                       "departments/union/scans: error: unexpected entry in a department folder: " +
                                           kFileRule});
}

TEST_CASE("every file name the contract allows in a department folder is accepted", "[load][files]") {
    ContentTree tree;
    add_minimal_site(tree);
    tree.file("departments/union/2020.toml", "year = 2020\n");
    tree.file("departments/union/2020.md", "# 说明\n");
    tree.file("departments/union/2020-final.toml", "year = 2020\n");
    tree.file("departments/union/2020-final.md", "# 决算说明\n");
    CHECK(check_content(tree).empty());
}

TEST_CASE("a narrative without its figures is an error", "[load][files]") {
    ContentTree tree;
    add_minimal_site(tree);
    tree.file("departments/union/2020.toml", "year = 2020\n");
    tree.file("departments/union/2021.md", "# 说明\n");
    tree.file("departments/union/2020-final.md", "# 决算说明\n");
    CHECK(check_content(tree) ==
          Lines{"departments/union/2020-final.md: error: a narrative needs its figures: there is no 2020-final.toml "
                "beside it",
                "departments/union/2021.md: error: a narrative needs its figures: there is no 2021.toml beside it"});
}

TEST_CASE("a department without department.toml is an error", "[load][files]") {
    ContentTree tree;
    add_minimal_site(tree);
    tree.file("departments/finance/2020.toml", "year = 2020\n");
    CHECK(check_content(tree) == Lines{"departments/finance: error: missing department.toml"});
}

TEST_CASE("a portal without site.toml or departments/ is told what is missing", "[load][files]") {
    ContentTree tree;
    tree.file("glossary.toml", "");
    CHECK(check_content(tree) ==
          Lines{"departments: error: missing departments/ folder: it holds one folder per department",
                "site.toml: error: missing site.toml: every portal needs its title and region"});
}

TEST_CASE("a content folder that does not exist is one error", "[load][files]") {
    ContentTree tree;
    gk::Diagnostics diagnostics;
    const std::string missing = tree.root() + "/nowhere";
    gk::Content content = gk::load_content(missing, diagnostics);
    CHECK(lines_of(diagnostics, tree.root()) == Lines{"nowhere: error: content folder not found"});
    CHECK(content.departments.empty());
}

TEST_CASE("a glossary is optional and an empty one is fine", "[load][files]") {
    ContentTree tree;
    add_minimal_site(tree);
    CHECK(check_content(tree).empty());
    tree.file("glossary.toml", "");
    CHECK(check_content(tree).empty());
}
