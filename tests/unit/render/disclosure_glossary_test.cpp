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
