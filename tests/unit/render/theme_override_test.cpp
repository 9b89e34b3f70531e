// A site overrides any template, label or asset of its theme by putting a
// file of the same name under content/theme/; everything else still comes
// from the theme.
#include <catch2/catch.hpp>

#include <cstring>
#include <string>
#include <vector>

#include "unit/support/content_tree.h"

using namespace gk;

TEST_CASE("a site's own label, template and asset replace the theme's", "[render][theme]") {
    test::ContentTree tree;
    test::add_minimal_site(tree);
    tree.file("departments/union/2020.toml", "year = 2020\n[expenditure]\npersonnel = 31.46\npublic = 4.81\n");
    tree.file("theme/labels/zh-CN.toml", "[nav]\nhome = \"门户首页\"\n");
    tree.file("theme/templates/pages/not_found.mustache",
              "<h1>{{label.not_found.title}}</h1>\n<p>请拨打 12345 咨询。</p>\n");
    tree.file("theme/assets/style.css", "body { color: #000; }\n");
    tree.file("theme/assets/site-logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
    const test::BuiltSite site = test::build_site(tree);
    REQUIRE(site.stderr_text == "");
    REQUIRE(site.status == 0);

    const std::string overview = site.file("index.html");
    CHECK(overview.find(">门户首页<") != std::string::npos);
    CHECK(overview.find(">首页<") == std::string::npos);
    // Labels the site does not override still come from the theme.
    CHECK(overview.find(">名词解释<") != std::string::npos);
    CHECK(site.file("404.html").find("<p>请拨打 12345 咨询。</p>") != std::string::npos);
    CHECK(site.file("assets/style.css") == "body { color: #000; }\n");
    CHECK(site.file("assets/site-logo.svg") == "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
    // Templates the site does not override are the theme's.
    CHECK(site.file("glossary/index.html").find("<h1>名词解释</h1>") != std::string::npos);
}

TEST_CASE("an override that asks for a name no page provides fails the build and says where", "[render][theme]") {
    test::ContentTree tree;
    test::add_minimal_site(tree);
    tree.file("theme/templates/pages/not_found.mustache", "<h1>{{no_such_name}}</h1>\n");
    const test::BuiltSite site = test::build_site(tree);
    CHECK(site.status == 1);
    CHECK(site.stderr_text.find("theme/templates/pages/not_found.mustache: error: the template asks for 'no_such_name', "
                     "which this page does not provide") != std::string::npos);
}

TEST_CASE("404.html links from the host's root without base_url and from base_url with it", "[render][theme]") {
    test::ContentTree tree;
    test::add_minimal_site(tree);
    const test::BuiltSite rooted = test::build_site(tree);
    REQUIRE(rooted.status == 0);
    CHECK(rooted.file("404.html").find("<a class=\"button\" href=\"/index.html\">") != std::string::npos);
    // Other pages stay relative.
    CHECK(rooted.file("glossary/index.html").find("href=\"../index.html\"") != std::string::npos);
    const test::BuiltSite based = test::build_site(tree, "https://example.gov.cn/yjsgk");
    REQUIRE(based.status == 0);
    CHECK(based.file("404.html").find("<a class=\"button\" href=\"https://example.gov.cn/yjsgk/index.html\">") !=
          std::string::npos);
}

TEST_CASE("the search page's scripts carry a digest of the theme's assets, which an asset's edit changes",
          "[render][theme][search]") {
    // Static hosts send no Cache-Control: a browser may run a script it
    // fetched long ago, so the search page asks for its scripts by version.
    const auto versions = [](const std::string& page) {
        std::vector<std::string> found;
        for (const char* script : {"assets/search-core.js?v=", "assets/search.js?v="}) {
            const std::size_t at = page.find(script);
            REQUIRE(at != std::string::npos);
            found.push_back(page.substr(at + std::strlen(script), 16));
        }
        return found;
    };
    test::ContentTree tree;
    test::add_minimal_site(tree);
    const test::BuiltSite before = test::build_site(tree);
    REQUIRE(before.status == 0);
    const std::vector<std::string> was = versions(before.file("search/index.html"));
    CHECK(was[0] == was[1]);
    CHECK(was[0].find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(test::build_site(tree).file("search/index.html") == before.file("search/index.html"));
    tree.file("theme/assets/search-core.js", "export const edited = true;\n");
    const test::BuiltSite after = test::build_site(tree);
    REQUIRE(after.status == 0);
    const std::vector<std::string> now = versions(after.file("search/index.html"));
    CHECK(now[0] == now[1]);
    CHECK(now[0] != was[0]);
    // Other pages do not name the version: an asset's edit rewrites the search page only.
    CHECK(after.file("index.html") == before.file("index.html"));
}
