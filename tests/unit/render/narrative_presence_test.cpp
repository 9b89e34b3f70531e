// A narrative file that renders to nothing (a comment alone, blank lines)
// counts as no narrative: the page says so instead of an empty section.
#include <catch2/catch.hpp>

#include "unit/support/content_tree.h"

using namespace gk;

TEST_CASE("a narrative of only a comment is shown as no narrative", "[render][narrative]") {
    test::ContentTree tree;
    test::add_minimal_site(tree);
    tree.file("departments/union/2020.toml", "year = 2020\n[expenditure]\npersonnel = 1\n");
    tree.file("departments/union/2020.md", "<!-- 在此填写情况说明 -->\n\n\n");
    const test::BuiltSite site = test::build_site(tree);
    REQUIRE(site.status == 0);
    const std::string page = site.file("departments/union/2020/index.html");
    CHECK(page.find("<p>本年度没有单独的情况说明。</p>") != std::string::npos);
    CHECK(page.find("<div class=\"prose\">\n</div>") == std::string::npos);
}
