#include <catch2/catch.hpp>

#include <string>

#include "index/html_text.h"

using namespace gk;

namespace {

std::string page(const std::string& main, const std::string& title = "标题 - 站点") {
    return "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><header>搜索 导航</header>"
           "<main id=\"main\">" + main + "</main><footer>页脚</footer></body></html>";
}

}  // namespace

TEST_CASE("page text is the title without the site suffix, then the main element", "[index][html]") {
    const PageText t = extract_page_text(page("<p>正文</p>"), " - 站点");
    CHECK(t.title == "标题");
    CHECK(t.text == "标题 正文");
    CHECK(t.length16 == 5);
}

TEST_CASE("charts, scripts, styles and the table of contents are not page text", "[index][html]") {
    const PageText t = extract_page_text(
        page("<nav class=\"toc\"><h2>目录</h2><a>一、收入</a></nav><svg><title>图</title><text>36.27</text></svg>"
             "<script>var x = '<p>';</script><style>p{}</style><p>正文</p>"),
        " - 站点");
    CHECK(t.text == "标题 正文");
}

TEST_CASE("an element the theme marks with data-search-skip is not page text", "[index][html]") {
    const PageText t = extract_page_text(
        page("<p>正文</p><section id=\"glossary\" data-search-skip><h2>名词解释</h2><dl><dt>部门预算</dt>"
             "<dd><section><p>释义</p></section></dd></dl></section><p>之后</p>"
             "<nav class=\"pager\" data-search-skip=\"\"><a>上一年度</a></nav>"
             "<p title=\"data-search-skip\">标题属性</p><p data-search-skipped>相近的名字</p>"),
        " - 站点");
    CHECK(t.text == "标题 正文 之后 标题属性 相近的名字");
}

TEST_CASE("blocks and table cells are separated, inline elements are not", "[index][html]") {
    const PageText t = extract_page_text(
        page("<table><tr><th>人员经费</th><td>31.46</td></tr></table><p>三<a href=\"x\">公</a><strong>经费</strong></p>"
             "<ul><li>一</li><li>二</li></ul>"),
        " - 站点");
    CHECK(t.text == "标题 人员经费 31.46 三公经费 一 二");
}

TEST_CASE("entities are decoded and whitespace collapses to one space", "[index][html]") {
    const PageText t = extract_page_text(page("<p>A&amp;B &lt;x&gt;&#20013;&#x6587;\n\n  &quot;q&quot;&nbsp;end</p>"), "");
    CHECK(t.text == "标题 - 站点 A&B <x>中文 \"q\" end");
}

TEST_CASE("the title and the headings are marked as their fields", "[index][html]") {
    const PageText t = extract_page_text(page("<h2>收入</h2><p>正文</p><h3>支出<em>说明</em></h3>"), " - 站点");
    REQUIRE(t.text == "标题 收入 正文 支出说明");
    REQUIRE(t.spans.size() == 3);
    CHECK((t.spans[0].begin == 0 && t.spans[0].end == 2 && t.spans[0].field == Field::title));
    CHECK((t.spans[1].begin == 3 && t.spans[1].end == 5 && t.spans[1].field == Field::heading));
    CHECK((t.spans[2].begin == 9 && t.spans[2].end == 13 && t.spans[2].field == Field::heading));
}

TEST_CASE("a page without main has only its title", "[index][html]") {
    CHECK(extract_page_text("<title>只有标题</title><p>x</p>", "").text == "只有标题");
    CHECK(extract_page_text("", "").text.empty());
}

TEST_CASE("broken markup ends the text without reading past the page", "[index][html]") {
    CHECK(extract_page_text("<title>t</title><main><p>正文<svg><g>", "").text == "t 正文");
    CHECK(extract_page_text("<title>t</title><main>a < b &amp", "").text == "t a < b &amp");
}

TEST_CASE("a '<' that opens no tag is text, in the title and in main, and a comment is not", "[index][html]") {
    const PageText t = extract_page_text("<title>a < b</title><main>x<!-- c -->y<!x>z\n <p> q </p>\t<</main>", "");
    CHECK(t.title == "a < b");
    CHECK(t.text == "a < b xy<!x>z q <");
    CHECK(t.length16 == 17);
    CHECK(extract_page_text("<title>t</title><main>a<", "").text == "t a<");
    CHECK(extract_page_text("<title>t <</title><main>  a  <!--", "").text == "t < a");
    CHECK(extract_page_text("<title>&lt;&amp;</title><main>\n<b>b</b>\r\n<i>i</i>&#60;p&#62;</main>", "").text ==
          "<& b i<p>");
}

TEST_CASE("every inline element joins its text, every other element separates it", "[index][html]") {
    for (const char* name : {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins",
                             "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u",
                             "var", "wbr", "SPAN", "Strong"}) {
        INFO(name);
        const std::string n = name;
        CHECK(extract_page_text(page("<p>甲<" + n + ">乙</" + n + ">丙</p>"), " - 站点").text == "标题 甲乙丙");
    }
    for (const char* name : {"p", "div", "li", "td", "th", "br", "h7", "hr", "em2", "spans", "strongs", "x-span",
                             "section", "templates", "mains", "navs"}) {
        INFO(name);
        const std::string n = name;
        CHECK(extract_page_text(page("<p>甲<" + n + ">乙</" + n + ">丙</p>"), " - 站点").text == "标题 甲 乙 丙");
    }
    CHECK(extract_page_text(page("<p>甲<TEMPLATE>乙</TEMPLATE>丙<Svg>丁</Svg>戊</p>"), " - 站点").text == "标题 甲 丙 戊");
    CHECK(extract_page_text(page("<p>甲<H6>乙</H6>丙</p>"), " - 站点").spans.size() == 2);
}
