// The pager of a disclosure links the department's previous and next year
// of the same kind, and is left out when there is neither: an empty
// navigation landmark is announced by screen readers and drawn as a rule.
#include <catch2/catch.hpp>

#include "unit/support/content_tree.h"

using namespace gk;

TEST_CASE("a disclosure's pager links the years either side, and is left out when there is none",
          "[render][pager]") {
    test::ContentTree tree;
    test::add_minimal_site(tree);
    tree.file("departments/union/2020.toml", "year = 2020\n[expenditure]\npersonnel = 1\n");
    tree.file("departments/union/2021.toml", "year = 2021\n[expenditure]\npersonnel = 2\n");
    tree.file("departments/office/department.toml", "name = \"区政府办公室\"\n");
    tree.file("departments/office/2021.toml", "year = 2021\n[expenditure]\npersonnel = 3\n");
    const test::BuiltSite site = test::build_site(tree);
    REQUIRE(site.status == 0);

    const std::string first = site.file("departments/union/2020/index.html");
    CHECK(first.find("<nav class=\"pager\"") != std::string::npos);
    CHECK(first.find("rel=\"next\"") != std::string::npos);
    CHECK(first.find("rel=\"prev\"") == std::string::npos);
    const std::string second = site.file("departments/union/2021/index.html");
    CHECK(second.find("rel=\"prev\"") != std::string::npos);
    CHECK(second.find("rel=\"next\"") == std::string::npos);

    const std::string alone = site.file("departments/office/2021/index.html");
    CHECK(alone.find("class=\"pager\"") == std::string::npos);
    CHECK(alone.find("rel=\"prev\"") == std::string::npos);
}
