#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/commands.h"
#include "unit/support/content_tree.h"

using gk::test::ContentTree;
using Lines = std::vector<std::string>;

namespace {

struct NewRun {
    int status = 0;
    std::string out, err;
};

NewRun run_new(const ContentTree& tree, const std::string& id, const std::string& year) {
    std::ostringstream out, err;
    NewRun run;
    run.status = gk::run_new({id, year}, tree.root(), out, err);
    run.out = out.str();
    run.err = err.str();
    return run;
}

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The text with every line starting "# " under [previous] uncommented, as a
// webmaster enabling the pre-filled block would.
std::string enable_previous(const std::string& text) {
    std::istringstream in(text);
    std::string line, result;
    bool inside = false;
    while (std::getline(in, line)) {
        if (line == "# [previous]") inside = true;
        else if (line.empty()) inside = false;
        if (inside && line.starts_with("# ")) line = line.substr(2);
        result += line + "\n";
    }
    return result;
}

}  // namespace

TEST_CASE("gongkai new scaffolds a new department whose files pass check and build", "[cli][new]") {
    ContentTree tree;
    gk::test::add_minimal_site(tree);
    const NewRun run = run_new(tree, "water-bureau", "2021");
    CHECK(run.status == 0);
    CHECK(run.err.empty());
    const std::string dir = tree.root() + "/departments/water-bureau/";
    CHECK(run.out == "gongkai: created " + dir + "department.toml\n"
                     "gongkai: created " + dir + "2021.toml\n"
                     "gongkai: created " + dir + "2021.md\n");
    CHECK(read(dir + "2021.toml").find("\nyear = 2021\n") != std::string::npos);
    CHECK(read(dir + "2021.toml").find("# general_public     = 0        # 一般公共预算拨款收入\n") != std::string::npos);
    CHECK(read(dir + "department.toml").starts_with("# "));
    CHECK(read(dir + "2021.md").empty());  // a page shows any non-empty narrative, even a comment alone
    CHECK(gk::test::check_content_and_derived(tree) == Lines{});
    const gk::test::BuiltSite site = gk::test::build_site(tree);
    CHECK(site.stderr_text == "");
    CHECK(site.status == 0);
}

TEST_CASE("gongkai new in an existing department writes only the year and pre-fills previous from last year", "[cli][new]") {
    ContentTree tree;
    gk::test::add_minimal_site(tree);
    tree.file("departments/union/2020.toml",
              "year = 2020\n[expenditure]\npersonnel = 31.46\npublic = 4.81\n[income]\ngeneral_public = 36.27\n");
    const NewRun run = run_new(tree, "union", "2021");
    CHECK(run.status == 0);
    const std::string dir = tree.root() + "/departments/union/";
    CHECK(run.out == "gongkai: created " + dir + "2021.toml\n"
                     "gongkai: created " + dir + "2021.md\n"
                     "gongkai: [previous] pre-filled (commented out) from 2020.toml\n");
    const std::string text = read(dir + "2021.toml");
    CHECK(text.find("# expenditure_total" + std::string(13, ' ') + " = 36.27\n") != std::string::npos);
    CHECK(text.find("# personnel" + std::string(21, ' ') + " = 31.46\n") != std::string::npos);
    CHECK(gk::test::check_content_and_derived(tree) == Lines{});

    // Enabled as written, the block agrees with last year's file: no warning.
    tree.file("departments/union/2021.toml", enable_previous(text));
    CHECK(gk::test::check_content_and_derived(tree) == Lines{});
}

TEST_CASE("gongkai new never overwrites a file", "[cli][new]") {
    ContentTree tree;
    gk::test::add_minimal_site(tree);
    tree.file("departments/union/2021.md", "mine\n");
    const NewRun run = run_new(tree, "union", "2021");
    CHECK(run.status == 2);
    CHECK(run.out.empty());
    CHECK(run.err == "gongkai: error: " + tree.root() +
                         "/departments/union/2021.md already exists; gongkai new never overwrites a file\n");
    CHECK(read(tree.root() + "/departments/union/2021.md") == "mine\n");
    CHECK_FALSE(std::filesystem::exists(tree.root() + "/departments/union/2021.toml"));
}

TEST_CASE("gongkai new refuses a bad id, a bad year and a folder without site.toml", "[cli][new]") {
    ContentTree tree;
    gk::test::add_minimal_site(tree);
    for (const std::string& id : std::vector<std::string>{"Union", "-union", "../etc", "a/b", "", std::string(65, 'a')}) {
        const NewRun run = run_new(tree, id, "2021");
        CHECK(run.status == 2);
        CHECK(run.err == "gongkai: error: '" + id +
                             "' is not a valid department id: use a-z, 0-9 and '-' (not first), at most 64 characters\n");
    }
    for (const std::string year : {"21", "1800", "2101", "20x1", "02021"}) {
        const NewRun run = run_new(tree, "union", year);
        CHECK(run.status == 2);
        CHECK(run.err == "gongkai: error: '" + year + "' is not a year from 1949 to 2100\n");
    }
    ContentTree empty;
    const NewRun run = run_new(empty, "union", "2021");
    CHECK(run.status == 2);
    CHECK(run.err == "gongkai: error: '" + empty.root() + "' has no site.toml: not a content folder (see --content)\n");
    CHECK(std::filesystem::is_empty(empty.root()));

    std::ostringstream out, err;
    CHECK(gk::run_new({"union"}, tree.root(), out, err) == 2);
    CHECK(err.str() == "gongkai: error: 'new' needs a department id and a year\n"
                       "usage: gongkai new <dept-id> <year> [--content DIR]\n");
}
