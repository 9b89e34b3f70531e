// Glossary links in generated HTML: the first use of each term in running
// text, none in headings, links, table headers, navigation or charts, and
// none for a term the Markdown already linked.
#include <catch2/catch.hpp>

#include "render/markdown.h"
#include "render/term_links.h"

using namespace gk;

namespace {

Glossary two_terms() {
    Glossary g;
    for (const auto& [id, name] : {std::pair{"basic", "基本支出"}, std::pair{"three", "“三公”经费"}}) {
        GlossaryTerm t;
        t.id.value = id;
        t.name.value = name;
        g.terms.push_back(t);
    }
    return g;
}

std::string link(const Glossary& g, const std::string& html, std::size_t already_linked = SIZE_MAX) {
    const GlossaryMatcher matcher(g);
    TermLinker linker(matcher, g, "../");
    if (already_linked != SIZE_MAX) linker.first_use(already_linked);
    return link_terms_in_html(html, linker);
}

}  // namespace

TEST_CASE("the first use of a term in generated text links to its glossary page", "[render][terms]") {
    const Glossary g = two_terms();
    CHECK(link(g, "<p>基本支出36.27万元，基本支出增加。</p><td>“三公”经费</td>") ==
          "<p><a class=\"term\" href=\"../glossary/basic/index.html\" title=\"基本支出\">基本支出</a>36.27万元，"
          "基本支出增加。</p><td><a class=\"term\" href=\"../glossary/three/index.html\" title=\"“三公”经费\">"
          "“三公”经费</a></td>");
}

TEST_CASE("terms in headings, links, table headers, navigation and charts are not linked", "[render][terms]") {
    const Glossary g = two_terms();
    const std::string untouched =
        "<h2 id=\"x\">基本支出</h2><a href=\"#y\">基本支出</a><table><caption>基本支出</caption><tr><th scope=\"col\">"
        "基本支出</th></tr></table><nav><ol><li>基本支出</li></ol></nav><svg><text>基本支出</text></svg>";
    CHECK(link(g, untouched) == untouched);
    // After the excluded element closes, running text links again.
    CHECK(link(g, "<h3>基本支出</h3><p>基本支出</p>") ==
          "<h3>基本支出</h3><p><a class=\"term\" href=\"../glossary/basic/index.html\" title=\"基本支出\">基本支出</a>"
          "</p>");
}

TEST_CASE("a term the narrative linked already is not linked again", "[render][terms]") {
    const Glossary g = two_terms();
    CHECK(link(g, "<p>基本支出</p>", 0) == "<p>基本支出</p>");
}

TEST_CASE("attributes and comments are never searched for terms", "[render][terms]") {
    const Glossary g = two_terms();
    const std::string html = "<p title=\"基本支出\"><!-- 基本支出 --></p>";
    CHECK(link(g, html) == html);
}
