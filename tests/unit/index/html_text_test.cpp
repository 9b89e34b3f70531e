#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

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

TEST_CASE("a tag seen before gives the text, spans and fields of one parsed anew", "[index][html]") {
    // Tags that share their first bytes, or all but their last, or are
    // right at the memo's 32 bytes, or mark what is skipped, or only look
    // like it; '>' inside quotes; headings; text, entities and whitespace
    // between them. Each page is read remembering tags (the memo warm with
    // the pages before it, of this and earlier tests) and parsing every tag.
    const std::vector<std::string> pieces = {
        "<span>", "</span>", "<spanx>", "</spanx>", "<span class=\"a\">", "<span class=\"ab\">",
        "<h2>", "</h2>", "<h2 id=\"x\">", "<h3 class=\"a-class-name-long-enough\">", "</h3>",
        "<td class=\"num\">", "<td class=\"numx\">", "</td>", "<tr>", "</tr>", "<th scope=\"row\" class=\"level-0\">",
        "<th scope=\"row\" class=\"level-00\">", "</th>", "<div data-search-skip>跳过</div>",
        "<div data-search-skipped>", "<div title=\"data-search-skip\">", "</div>", "<a href=\"x>y\">", "<a title='q>'>",
        "</a>", "<nav class=\"toc\">目录</nav>", "<nav class=\"tocx\">", "</nav>", "<svg><text>图</text></svg>",
        "<b>", "</b>", "<p>", "</p>", "预算", "支出", "123", "&amp;", " ", "\n  ", "一般公共预算", "<", "<!-- c -->",
        "<abbr title=\"12345678901234567\">", "<abbr title=\"123456789012345678\">", "</abbr>"};
    // Ends of pages: closed, or a tag cut off (its quote unclosed) at 32 bytes.
    const std::vector<std::string> ends = {"</main></body></html>", "<a title=\"abcdefghijklmnopqrstu>",
                                           "<a title=\"abcdefghijklmnopqrstu>x\"></main>"};
    std::uint32_t state = 12345;
    const auto next = [&](std::size_t n) {
        state = state * 1103515245u + 12345u;
        return static_cast<std::size_t>((state >> 8) % n);
    };
    for (int k = 0; k < 400; ++k) {
        std::string html = "<html><head><title>标题 - 站点</title></head><body><main>";
        const std::size_t n = 5 + next(60);
        for (std::size_t j = 0; j < n; ++j) html += pieces[next(pieces.size())];
        html += ends[next(ends.size())];
        const PageText remembered = extract_page_text(html, " - 站点");
        const PageText parsed = extract_page_text(html, " - 站点", false);
        INFO(html);
        CHECK(remembered.title == parsed.title);
        CHECK(remembered.text == parsed.text);
        CHECK(remembered.length16 == parsed.length16);
        REQUIRE(remembered.spans.size() == parsed.spans.size());
        for (std::size_t s = 0; s < parsed.spans.size(); ++s) {
            CHECK(remembered.spans[s].begin == parsed.spans[s].begin);
            CHECK(remembered.spans[s].end == parsed.spans[s].end);
            CHECK(remembered.spans[s].field == parsed.spans[s].field);
        }
    }
}
