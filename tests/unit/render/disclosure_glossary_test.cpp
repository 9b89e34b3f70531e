// The disclosure page's glossary section lists every term its text uses —
// the generated headings, sentences and tables as well as the narrative —
// and each term's page lists the disclosures that use it.
#include <catch2/catch.hpp>

#include "unit/support/content_tree.h"

using namespace gk;

namespace {

// The part of a page from `from` up to the next "</section>".
std::string section_of(const std::string& page, const std::string& from) {
    const std::size_t b = page.find(from);
    if (b == std::string::npos) return {};
    return page.substr(b, page.find("</section>", b) - b);
}

}  // namespace

TEST_CASE("a disclosure lists the glossary terms of its generated text and of its narrative", "[render][glossary]") {
    test::ContentTree tree;
    test::add_minimal_site(tree);
    tree.file("glossary.toml",
              "[[term]]\nid = \"basic\"\nname = \"基本支出\"\ndefinition = \"保障机构正常运转的支出。\"\n"
              "[[term]]\nid = \"carry\"\nname = \"结转结余\"\ndefinition = \"以后年度继续使用的资金。\"\n"
              "[[term]]\nid = \"unused\"\nname = \"债务还本支出\"\ndefinition = \"本页不用的名词。\"\n");
    tree.file("departments/union/2020.toml", "year = 2020\n[expenditure]\npersonnel = 31.46\npublic = 4.81\n");
    tree.file("departments/union/2020.md", "# 说明\n\n本年无结转结余。\n");
    const test::BuiltSite site = test::build_site(tree);
    REQUIRE(site.status == 0);

    const std::string page = site.file("departments/union/2020/index.html");
    const std::string glossary = section_of(page, "<section id=\"glossary\"");
    // 基本支出 appears only in generated text (the expenditure sentence and
    // tables), 结转结余 only in the narrative; it is listed in page order.
    CHECK(glossary.find("<a href=\"../../../glossary/basic/index.html\">基本支出</a>") != std::string::npos);
    CHECK(glossary.find("<a href=\"../../../glossary/carry/index.html\">结转结余</a>") != std::string::npos);
    CHECK(glossary.find("基本支出") < glossary.find("结转结余"));
    CHECK(glossary.find("债务还本支出") == std::string::npos);
    // The narrative links the term's first use there.
    CHECK(page.find("<a class=\"term\" href=\"../../../glossary/carry/index.html\" title=\"") != std::string::npos);

    const std::string basic_page = site.file("glossary/basic/index.html");
    CHECK(basic_page.find("href=\"../../departments/union/2020/index.html\"") != std::string::npos);
    const std::string unused_page = site.file("glossary/unused/index.html");
    CHECK(unused_page.find("departments/union/2020/index.html") == std::string::npos);
}

TEST_CASE("a term's page groups the disclosures using it by year and kind, newest first", "[render][glossary]") {
    test::ContentTree tree;
    test::add_minimal_site(tree);
    tree.file("glossary.toml", "[[term]]\nid = \"basic\"\nname = \"基本支出\"\ndefinition = \"保障机构正常运转的支出。\"\n");
    tree.file("departments/zoo/department.toml", "name = \"动物园\"\n");
    for (const char* dept : {"union", "zoo"}) {
        for (const char* file : {"2019.toml", "2020.toml"}) {
            const std::string year = std::string(file).substr(0, 4);
            tree.file(std::string("departments/") + dept + "/" + file,
                      "year = " + year + "\n[expenditure]\npersonnel = 31.46\npublic = 4.81\n");
        }
    }
    tree.file("departments/union/2019-final.toml",
              "year = 2019\n[expenditure]\npersonnel = 30\npublic = 4\n");
    const test::BuiltSite site = test::build_site(tree);
    REQUIRE(site.status == 0);

    const std::string page = section_of(site.file("glossary/basic/index.html"), "<section aria-labelledby=\"used-heading\"");
    const std::size_t y2020 = page.find("<h3>2020年部门预算<span class=\"count\">（2个部门）</span></h3>");
    const std::size_t y2019 = page.find("<h3>2019年部门预算<span class=\"count\">（2个部门）</span></h3>");
    const std::size_t final2019 = page.find("<h3>2019年部门决算<span class=\"count\">（1个部门）</span></h3>");
    REQUIRE(y2020 != std::string::npos);
    REQUIRE(y2019 != std::string::npos);
    REQUIRE(final2019 != std::string::npos);
    CHECK(y2020 < y2019);
    CHECK(y2019 < final2019);
    // Links are named by department, in the departments' order, within each group.
    const std::string group2020 = page.substr(y2020, y2019 - y2020);
    CHECK(group2020.find(">动物园</a>") != std::string::npos);
    CHECK(group2020.find("href=\"../../departments/zoo/2020/index.html\"") != std::string::npos);
    CHECK(group2020.find("href=\"../../departments/union/2020/index.html\"") != std::string::npos);
    CHECK(page.substr(final2019).find("href=\"../../departments/union/2019-final/index.html\"") != std::string::npos);
}

TEST_CASE("a term found only in the site's title is not one the disclosure uses", "[render][glossary]") {
    test::ContentTree tree;
    tree.file("site.toml", "title = \"桥西区阳光财政平台\"\nregion = \"张家口市桥西区\"\n");
    tree.file("departments/union/department.toml", "name = \"张家口市桥西区总工会\"\n");
    tree.file("glossary.toml",
              "[[term]]\nid = \"open-finance\"\nname = \"阳光财政\"\ndefinition = \"财政资金公开透明。\"\n"
              "[[term]]\nid = \"basic\"\nname = \"基本支出\"\ndefinition = \"保障机构正常运转的支出。\"\n");
    tree.file("departments/union/2020.toml", "year = 2020\n[expenditure]\npersonnel = 31.46\n");
    tree.file("departments/union/2021.toml", "year = 2021\n[expenditure]\npersonnel = 30\n");
    tree.file("departments/union/2021.md", "本年度推进阳光财政建设。\n");
    const test::BuiltSite site = test::build_site(tree);
    REQUIRE(site.status == 0);

    // The title is in every page's <title>, header and footer, not in the
    // disclosure's own text.
    const std::string quiet = site.file("departments/union/2020/index.html");
    REQUIRE(quiet.find("桥西区阳光财政平台") != std::string::npos);
    const std::string quiet_terms = section_of(quiet, "<section id=\"glossary\"");
    CHECK(quiet_terms.find("基本支出") != std::string::npos);
    CHECK(quiet_terms.find("阳光财政") == std::string::npos);
    // A narrative that says it lists it.
    const std::string says = section_of(site.file("departments/union/2021/index.html"), "<section id=\"glossary\"");
    CHECK(says.find("阳光财政") != std::string::npos);
    const std::string term_page = site.file("glossary/open-finance/index.html");
    CHECK(term_page.find("departments/union/2021/index.html") != std::string::npos);
    CHECK(term_page.find("departments/union/2020/index.html") == std::string::npos);
}
