#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <future>
#include <set>
#include <string>
#include <vector>

#include "render/markdown.h"

using namespace gk;

namespace {

std::string html_of(std::string_view md, const MarkdownOptions& options = {}) {
    return render_markdown(md, options).html;
}

std::size_t count(const std::string& s, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t p = s.find(needle); p != std::string::npos; p = s.find(needle, p + 1)) ++n;
    return n;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool bad_entity(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '<' || s[i] == '"') return true;
        if (s[i] != '&') continue;
        const std::size_t semi = s.find(';', i);
        if (semi == std::string_view::npos || semi - i > 10) return true;
        const std::string_view name = s.substr(i + 1, semi - i - 1);
        static const std::set<std::string_view> named{"amp", "lt", "gt", "quot", "#39"};
        if (!named.count(name) && !(name.size() > 1 && name[0] == '#' &&
                                   std::all_of(name.begin() + 1, name.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })))
            return true;
    }
    return false;
}

// What an HTML fragment from render_markdown may contain: known tags only,
// balanced, double-quoted attributes with escaped values, no event handler
// attributes, no script URLs, and no comment but cmark's own marker.
// Returns an empty string when the fragment is fine, otherwise the problem.
std::string html_problem(const std::string& html) {
    static const std::set<std::string> tags{"p", "a", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong",
                                            "code", "pre", "del", "ul", "ol", "li", "blockquote", "table",
                                            "thead", "tbody", "tr", "th", "td", "br", "hr", "img"};
    static const std::set<std::string> void_tags{"br", "hr", "img"};
    std::vector<std::string> open;
    std::size_t i = 0;
    while (i < html.size()) {
        const std::size_t lt = html.find('<', i);
        const std::string text = html.substr(i, lt == std::string::npos ? std::string::npos : lt - i);
        if (bad_entity(std::string_view(text).substr(0, text.size())) && text.find('"') == std::string::npos)
            return "bad text: " + text;
        if (lt == std::string::npos) break;
        if (html.compare(lt, 4, "<!--") == 0) {
            if (html.compare(lt, 25, "<!-- raw HTML omitted -->") != 0) return "unexpected comment";
            i = lt + 25;
            continue;
        }
        const std::size_t gt = html.find('>', lt);
        if (gt == std::string::npos) return "unterminated tag";
        std::string tag = html.substr(lt + 1, gt - lt - 1);
        i = gt + 1;
        if (tag.starts_with("/")) {
            if (open.empty() || open.back() != tag.substr(1)) return "mismatched </" + tag.substr(1) + ">";
            open.pop_back();
            continue;
        }
        if (tag.ends_with(" /")) tag.resize(tag.size() - 2);
        std::size_t p = 0;
        while (p < tag.size() && std::isalnum(static_cast<unsigned char>(tag[p]))) ++p;
        const std::string name = tag.substr(0, p);
        if (!tags.count(name)) return "unexpected tag <" + tag + ">";
        std::set<std::string> seen;
        while (p < tag.size()) {
            if (tag[p] != ' ') return "junk in <" + tag + ">";
            const std::size_t eq = tag.find("=\"", p);
            if (eq == std::string::npos) return "attribute without a quoted value in <" + tag + ">";
            const std::string attr = tag.substr(p + 1, eq - p - 1);
            const std::size_t close = tag.find('"', eq + 2);
            if (close == std::string::npos) return "unterminated attribute in <" + tag + ">";
            const std::string value = tag.substr(eq + 2, close - eq - 2);
            if (attr.empty() || !std::all_of(attr.begin(), attr.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)) || c == '-'; }))
                return "bad attribute name '" + attr + "'";
            if (attr.starts_with("on")) return "event handler attribute " + attr;
            if (!seen.insert(attr).second) return "repeated attribute " + attr;
            if (bad_entity(value)) return "bad attribute value " + value;
            const std::string url = lower(value);
            if ((attr == "href" || attr == "src") &&
                (url.find("javascript") != std::string::npos || url.find("vbscript") != std::string::npos))
                return "script URL " + value;
            if (attr == "id" && (value.empty() || value.find_first_of(" \t\n\f\r") != std::string::npos))
                return "bad id '" + value + "'";
            p = close + 1;
        }
        if (!void_tags.count(name)) open.push_back(name);
    }
    return open.empty() ? "" : "unclosed <" + open.back() + ">";
}

GlossaryTerm term(const std::string& id, const std::string& name, std::vector<std::string> aliases = {}) {
    GlossaryTerm t;
    t.id.value = id;
    t.name.value = name;
    for (auto& a : aliases) {
        Located<std::string> alias;
        alias.value = a;
        t.aliases.push_back(alias);
    }
    t.definition = "释义。";
    return t;
}

// A glossary, its matcher and one page's linker.
struct Page {
    Glossary glossary;
    GlossaryMatcher matcher;
    TermLinker linker;
    explicit Page(std::vector<GlossaryTerm> terms, std::string prefix = "../../")
        : glossary{std::move(terms), {}}, matcher(glossary), linker(matcher, glossary, std::move(prefix)) {}
    MarkdownOptions options() { return MarkdownOptions{0, "", &linker}; }
};

Glossary three_public() {
    Glossary g;
    g.terms = {term("three-public", "“三公”经费", {"三公经费", "三公"}), term("budget", "预算")};
    return g;
}

}  // namespace

// ---- GFM and safety ------------------------------------------------------

TEST_CASE("GFM tables, strikethrough and autolinks render as HTML", "[render][markdown]") {
    const std::string html = html_of(
        "| 科目 | 金额 |\n|:---|---:|\n| 基本支出 | 31.46 |\n\n~~旧数~~ 见 www.example.org 与 https://example.gov.cn/a?b=1\n");
    CHECK(html.find("<table>") != std::string::npos);
    // Column alignment as a class: HTML5 made align="..." obsolete.
    CHECK(html.find("<th class=\"align-left\">科目</th>") != std::string::npos);
    CHECK(html.find("<th class=\"align-right\">金额</th>") != std::string::npos);
    CHECK(html.find("<td class=\"align-right\">31.46</td>") != std::string::npos);
    CHECK(html.find(" align=") == std::string::npos);
    CHECK(html.find("<del>旧数</del>") != std::string::npos);
    CHECK(html.find("<a href=\"http://www.example.org\">www.example.org</a>") != std::string::npos);
    CHECK(html.find("<a href=\"https://example.gov.cn/a?b=1\">") != std::string::npos);
    CHECK(html_problem(html) == "");
}

TEST_CASE("plain CommonMark renders with straight quotes and no smart punctuation", "[render][markdown]") {
    const std::string html = html_of("*强调* **加粗** `code` \"quoted\" -- x\n\n- 一\n- 二\n\n> 引用\n");
    CHECK(html == "<p><em>强调</em> <strong>加粗</strong> <code>code</code> &quot;quoted&quot; -- x</p>\n"
                  "<ul>\n<li>一</li>\n<li>二</li>\n</ul>\n<blockquote>\n<p>引用</p>\n</blockquote>\n");
}

TEST_CASE("raw HTML blocks and inline tags are omitted, never passed through", "[render][markdown][hostile]") {
    const std::string html = html_of(
        "<script>alert(1)</script>\n\n"
        "文字 <img src=x onerror=alert(1)> 与 <iframe src=\"https://evil.example\"></iframe> 结束\n\n"
        "<div onclick=\"x()\">块</div>\n\n"
        "<style>body{}</style>\n\n"
        "段落 <a href=\"javascript:alert(1)\">链接</a> <title>t</title>\n");
    INFO(html);
    CHECK(lower(html).find("<script") == std::string::npos);
    CHECK(lower(html).find("<img") == std::string::npos);
    CHECK(lower(html).find("<iframe") == std::string::npos);
    CHECK(lower(html).find("<div") == std::string::npos);
    CHECK(lower(html).find("<style") == std::string::npos);
    CHECK(lower(html).find("<title") == std::string::npos);
    CHECK(html.find("<!-- raw HTML omitted -->") != std::string::npos);
    CHECK(html_problem(html) == "");
}

TEST_CASE("javascript:, vbscript: and disguised script links get an empty href", "[render][markdown][hostile]") {
    const std::string html = html_of(
        "[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](vbscript:msgbox) "
        "[d](&#106;avascript:alert(1)) [e](<javascript:alert(1)>) [f](data:text/html;base64,PHNjcmlwdD4=)\n\n"
        "![img](javascript:alert(1))\n\n[ref]\n\n[ref]: javascript:alert(1)\n");
    INFO(html);
    CHECK(lower(html).find("javascript") == std::string::npos);
    CHECK(lower(html).find("vbscript") == std::string::npos);
    CHECK(html.find("data:text") == std::string::npos);
    CHECK(count(html, "href=\"\"") == 7);
    CHECK(html.find("<img src=\"\" alt=\"img\" />") != std::string::npos);
    CHECK(html_problem(html) == "");
}

TEST_CASE("mustache delimiters in Markdown stay literal text", "[render][markdown][hostile]") {
    const std::string html = html_of("{{site.name}} {{{raw}}} {{> partial}} {{#list}}x{{/list}}\n\n# {{title}}\n");
    CHECK(html.find("<p>{{site.name}} {{{raw}}} {{&gt; partial}} {{#list}}x{{/list}}</p>") != std::string::npos);
    CHECK(html.find("<h1 id=\"title\">{{title}}</h1>") != std::string::npos);
}

TEST_CASE("quotes and onerror in text, link titles and URLs stay inert", "[render][markdown][hostile]") {
    const std::string html = html_of(
        "\" onerror=\"alert(1) 和 ' onmouseover='x\n\n"
        "[t](https://example.org \"a\\\" onerror=\\\"alert(1)\") "
        "[u](<https://example.org/\" onerror=\"alert(1)>) "
        "![alt\" onerror=\"x](https://example.org/i.png)\n");
    INFO(html);
    CHECK(html.find("\" onerror") == std::string::npos);
    CHECK(html.find("&quot; onerror=&quot;alert(1)") != std::string::npos);
    CHECK(html_problem(html) == "");
}

TEST_CASE("invalid UTF-8 and NUL bytes are replaced, not passed on", "[render][markdown][hostile]") {
    const std::string md = std::string("# 标题\xFF\xFE\n\n正文\xC3\x28 \xED\xA0\x80 end") + '\0' + "tail\n";
    const MarkdownResult r = render_markdown(md, {});
    CHECK(r.html.find("\xEF\xBF\xBD") != std::string::npos);  // U+FFFD
    CHECK(r.html.find('\0') == std::string::npos);
    CHECK(r.html.find("\xFF") == std::string::npos);
    REQUIRE(r.headings.size() == 1);
    CHECK(r.headings[0].id == "标题");
    CHECK(html_problem(r.html) == "");
}

TEST_CASE("empty input renders as nothing", "[render][markdown]") {
    const MarkdownResult r = render_markdown("", {});
    CHECK(r.html.empty());
    CHECK(r.headings.empty());
}

// ---- headings ------------------------------------------------------------

TEST_CASE("headings are shifted, capped at h6 and carry their id on the heading element", "[render][markdown][headings]") {
    MarkdownOptions options;
    options.heading_shift = 2;
    options.id_prefix = "narrative-";
    const MarkdownResult r = render_markdown("# 概述\n\n正文\n\n## Budget *2024*\n\n##### 五\n\n###### 六\n\nSetext\n======\n", options);
    CHECK(r.html == "<h3 id=\"narrative-概述\">概述</h3>\n<p>正文</p>\n"
                    "<h4 id=\"narrative-budget-2024\">Budget <em>2024</em></h4>\n"
                    "<h6 id=\"narrative-五\">五</h6>\n<h6 id=\"narrative-六\">六</h6>\n"
                    "<h3 id=\"narrative-setext\">Setext</h3>\n");
    REQUIRE(r.headings.size() == 5);
    CHECK(r.headings[0].level == 3);
    CHECK(r.headings[1].level == 4);
    CHECK(r.headings[2].level == 6);
    CHECK(r.headings[3].level == 6);
    CHECK(r.headings[4].level == 3);
    CHECK(r.headings[1].text == "Budget 2024");
    CHECK(r.headings[1].id == "narrative-budget-2024");
    CHECK(html_problem(r.html) == "");
}

TEST_CASE("a negative heading shift never goes below h1", "[render][markdown][headings]") {
    MarkdownOptions options;
    options.heading_shift = -3;
    const MarkdownResult r = render_markdown("## 二\n", options);
    CHECK(r.html == "<h1 id=\"二\">二</h1>\n");
    CHECK(r.headings.at(0).level == 1);
}

TEST_CASE("duplicate heading ids get -2 and -3 suffixes and never collide", "[render][markdown][headings]") {
    const MarkdownResult r = render_markdown("# 说明\n# 说明\n# 说明\n# 说明-2\n# A\n# a\n# ！\n# 。\n", {});
    std::vector<std::string> ids;
    for (const auto& h : r.headings) ids.push_back(h.id);
    CHECK(ids == std::vector<std::string>{"说明", "说明-2", "说明-3", "说明-2-2", "a", "a-2", "section", "section-2"});
    CHECK(html_problem(r.html) == "");
}

TEST_CASE("table of contents text includes emphasis, code and links and drops raw HTML", "[render][markdown][headings]") {
    const MarkdownResult r = render_markdown(
        "# Budget *2024* overview\n\n## 收支 `code` 与 [链接](https://example.org) <b>粗</b>\n\n### **强** ~~删~~\n", {});
    REQUIRE(r.headings.size() == 3);
    CHECK(r.headings[0].text == "Budget 2024 overview");
    CHECK(r.headings[0].id == "budget-2024-overview");
    CHECK(r.headings[1].text == "收支 code 与 链接 粗");
    CHECK(r.headings[2].text == "强 删");
    CHECK(r.html.find("<h2 id=\"收支-code-与-链接-粗\">收支 <code>code</code> 与 <a href=\"https://example.org\">链接</a> "
                      "<!-- raw HTML omitted -->粗<!-- raw HTML omitted --></h2>") != std::string::npos);
    CHECK(html_problem(r.html) == "");
}

TEST_CASE("headings inside block quotes and list items are rewritten too", "[render][markdown][headings]") {
    const MarkdownResult r = render_markdown("> # 引用标题\n\n- ## 列表标题\n  正文\n", {});
    REQUIRE(r.headings.size() == 2);
    CHECK(r.html.find("<blockquote>\n<h1 id=\"引用标题\">引用标题</h1>\n</blockquote>") != std::string::npos);
    CHECK(r.html.find("<h2 id=\"列表标题\">列表标题</h2>") != std::string::npos);
    CHECK(html_problem(r.html) == "");
}

TEST_CASE("hostile heading text and id prefixes are escaped in the id attribute", "[render][markdown][headings][hostile]") {
    MarkdownOptions options;
    options.id_prefix = "x\"><script>";
    const MarkdownResult r = render_markdown("# \"><img src=x onerror=alert(1)>\n", options);
    REQUIRE(r.headings.size() == 1);
    CHECK(r.headings[0].id == "x\"><script>section");
    CHECK(r.html.find("<h1 id=\"x&quot;&gt;&lt;script&gt;section\">") == 0);
    CHECK(lower(r.html).find("<script") == std::string::npos);
}

TEST_CASE("slugs keep ASCII letters and digits lower-cased and CJK characters", "[render][markdown][slug]") {
    CHECK(slugify_heading("预算 2020") == "预算-2020");
    CHECK(slugify_heading("Budget Overview 2024") == "budget-overview-2024");
    CHECK(slugify_heading("一、部门职责") == "一-部门职责");
    CHECK(slugify_heading("（二）“三公”经费支出情况：说明。") == "二-三公-经费支出情况-说明");
    CHECK(slugify_heading("《预算法》第十四条") == "预算法-第十四条");
    CHECK(slugify_heading("收入　支出") == "收入-支出");  // ideographic space
    CHECK(slugify_heading("二〇二四年") == "二〇二四年");
    CHECK(slugify_heading("R&D -- 研发 !!") == "r-d-研发");
    CHECK(slugify_heading("Café über") == "café-über");
}

TEST_CASE("full-width digits and Latin letters fold to ASCII in slugs", "[render][markdown][slug]") {
    CHECK(slugify_heading("２０２４年ＧＤＰ") == "2024年gdp");
    CHECK(slugify_heading("ａｂ，ｃ") == "ab-c");
}

TEST_CASE("empty or punctuation-only headings get the slug section", "[render][markdown][slug]") {
    CHECK(slugify_heading("") == "section");
    CHECK(slugify_heading("   ") == "section");
    CHECK(slugify_heading("，。、（）“”《》：！？") == "section");
    CHECK(slugify_heading("--- ??? ---") == "section");
    CHECK(slugify_heading("😀 ① ★") == "section");
}

TEST_CASE("slugs of invalid UTF-8 are valid UTF-8 ids without spaces", "[render][markdown][slug]") {
    CHECK(slugify_heading("a\xFF" "b") == "a-b");
    CHECK(slugify_heading("\xE9\x84") == "section");               // truncated
    CHECK(slugify_heading("\xC0\xAF" "x") == "x");                   // overlong '/'
    CHECK(slugify_heading("\xED\xA0\x80" "预算") == "预算");         // surrogate
    CHECK(slugify_heading("\xF4\x90\x80\x80" "z") == "z");           // past U+10FFFF
    CHECK(slugify_heading("\xF0\x9F\x98") == "section");
    CHECK(slugify_heading("中\x80文") == "中-文");
}

// ---- glossary terms ------------------------------------------------------

TEST_CASE("the first use of a term on a page is linked once across two render calls", "[render][markdown][glossary]") {
    Page page({term("three-public", "“三公”经费", {"三公经费", "三公"}), term("budget", "预算")});
    const std::string first = html_of("本年预算安排“三公”经费。预算与三公经费。", page.options());
    CHECK(first == "<p>本年<a class=\"term\" href=\"../../glossary/budget/index.html\" title=\"预算\">预算</a>安排"
                   "<a class=\"term\" href=\"../../glossary/three-public/index.html\" title=\"“三公”经费\">“三公”经费</a>"
                   "。预算与三公经费。</p>\n");
    const std::string second = html_of("再谈预算与三公。\n", page.options());
    CHECK(second == "<p>再谈预算与三公。</p>\n");
    CHECK(page.linker.used() == std::vector<std::size_t>{1, 0});
}

TEST_CASE("a separate linker for another page links the terms again", "[render][markdown][glossary]") {
    const Glossary g = three_public();
    const GlossaryMatcher matcher(g);
    TermLinker a(matcher, g, "");
    TermLinker b(matcher, g, "../");
    CHECK(count(html_of("预算", {0, "", &a}), "class=\"term\"") == 1);
    CHECK(count(html_of("预算", {0, "", &b}), "href=\"../glossary/budget/index.html\"") == 1);
}

TEST_CASE("the longest alias wins over a shorter one", "[render][markdown][glossary]") {
    Page page({term("three-public", "“三公”经费", {"三公经费"}), term("three", "三公")});
    const std::string html = html_of("“三公”经费包括……三公\n", page.options());
    CHECK(html.find("title=\"“三公”经费\">“三公”经费</a>") != std::string::npos);
    CHECK(html.find("title=\"三公\">三公</a>") != std::string::npos);
    CHECK(count(html, "<a class=\"term\"") == 2);
}

TEST_CASE("terms inside links, code, code blocks, headings, images and raw HTML are not linked", "[render][markdown][glossary]") {
    Page page({term("budget", "预算")});
    const std::string html = html_of(
        "# 预算\n\n[预算](https://example.org) `预算` ![预算](a.png) <span title=\"预算\">\n\n"
        "```\n预算\n```\n\n    预算 indented\n\n<div>预算</div>\n\nhttps://example.org/预算\n\n最后的预算\n",
        page.options());
    INFO(html);
    CHECK(count(html, "class=\"term\"") == 1);
    CHECK(html.find("<p>最后的<a class=\"term\" href=\"../../glossary/budget/index.html\" title=\"预算\">预算</a></p>") !=
          std::string::npos);
    CHECK(html.find("<h1 id=\"预算\">预算</h1>") != std::string::npos);
    CHECK(html_problem(html) == "");
}

TEST_CASE("terms in emphasis, strikethrough, list items and block quotes are linked", "[render][markdown][glossary]") {
    Page page({term("a", "甲"), term("b", "乙"), term("c", "丙"), term("d", "丁")});
    const std::string html = html_of("> 甲\n\n*乙* ~~丙~~\n\n- 丁\n", page.options());
    INFO(html);
    CHECK(html.find("<blockquote>\n<p><a class=\"term\" href=\"../../glossary/a/index.html\" title=\"甲\">甲</a></p>") != std::string::npos);
    CHECK(html.find("<em><a class=\"term\" href=\"../../glossary/b/index.html\" title=\"乙\">乙</a></em>") != std::string::npos);
    CHECK(html.find("<del><a class=\"term\" href=\"../../glossary/c/index.html\" title=\"丙\">丙</a></del>") != std::string::npos);
    CHECK(html.find("<li><a class=\"term\" href=\"../../glossary/d/index.html\" title=\"丁\">丁</a></li>") != std::string::npos);
    CHECK(html_problem(html) == "");
}

TEST_CASE("a term in a table cell stays text with the cell intact and is linked at its next use", "[render][markdown][glossary]") {
    Page page({term("budget", "预算")});
    const std::string html = html_of("| 科目 | 说明 |\n|---|---|\n| 前文预算后文 | 预算 |\n\n正文预算。\n", page.options());
    INFO(html);
    CHECK(html.find("<td>前文预算后文</td>\n<td>预算</td>") != std::string::npos);
    CHECK(html.find("<p>正文<a class=\"term\" href=\"../../glossary/budget/index.html\" title=\"预算\">预算</a>。</p>") !=
          std::string::npos);
    CHECK(count(html, "class=\"term\"") == 1);
    CHECK(html_problem(html) == "");
}

TEST_CASE("a term inside emphasis in a table cell is linked", "[render][markdown][glossary]") {
    Page page({term("budget", "预算")});
    const std::string html = html_of("| 科目 |\n|---|\n| 甲*预算*乙 |\n", page.options());
    CHECK(html.find("<td>甲<em><a class=\"term\" href=\"../../glossary/budget/index.html\" title=\"预算\">预算</a></em>乙</td>") !=
          std::string::npos);
    CHECK(html_problem(html) == "");
}

TEST_CASE("terms containing characters cmark splits text at are still found", "[render][markdown][glossary]") {
    Page page({term("rd", "R&D"), term("www", "new law: www"), term("bang", "Hi!")});
    const std::string html = html_of("Spending on R&D under the new law: www and Hi!\n", page.options());
    INFO(html);
    CHECK(html.find("title=\"R&amp;D\">R&amp;D</a>") != std::string::npos);
    CHECK(html.find("title=\"new law: www\">new law: www</a>") != std::string::npos);
    CHECK(html.find("title=\"Hi!\">Hi!</a>") != std::string::npos);
}

TEST_CASE("a term split by a line break or emphasis is not matched", "[render][markdown][glossary]") {
    Page page({term("budget", "预算")});
    CHECK(count(html_of("预\n算 与 预*算*", page.options()), "class=\"term\"") == 0);
}

TEST_CASE("hostile term names and ids are escaped in the link", "[render][markdown][glossary][hostile]") {
    Page page({term("x\"onerror=\"alert(1)", "名\"onerror='x'<script>", {"危险"})}, "<p>\"");
    const std::string html = html_of("这是危险的。", page.options());
    INFO(html);
    CHECK(html == "<p>这是<a class=\"term\" href=\"&lt;p&gt;&quot;glossary/x&quot;onerror=&quot;alert(1)/index.html\" "
                  "title=\"名&quot;onerror=&#39;x&#39;&lt;script&gt;\">危险</a>的。</p>\n");
    CHECK(html_problem(html) == "");
}

TEST_CASE("term text that looks like HTML is escaped inside the link", "[render][markdown][glossary][hostile]") {
    Page page({term("tag", "<b>")});
    const std::string html = html_of("a &lt;b&gt; c", page.options());
    CHECK(html == "<p>a <a class=\"term\" href=\"../../glossary/tag/index.html\" title=\"&lt;b&gt;\">&lt;b&gt;</a> c</p>\n");
}

TEST_CASE("without a linker or with an empty glossary no term links appear", "[render][markdown][glossary]") {
    CHECK(html_of("预算") == "<p>预算</p>\n");
    Page empty({});
    CHECK(html_of("预算", empty.options()) == "<p>预算</p>\n");
}

// ---- pathological inputs -------------------------------------------------
// Correctness on extreme inputs; how long they take is for benchmarks, not
// for a unit test on a busy machine.

TEST_CASE("a 200 KB narrative with thousands of term uses and 40 terms links each term once", "[render][markdown][pathological]") {
    std::vector<GlossaryTerm> terms;
    for (int i = 0; i < 40; ++i) terms.push_back(term("t" + std::to_string(i), "项目" + std::to_string(i) + "号", {"项" + std::to_string(i)}));
    Page page(std::move(terms));
    std::string md;
    for (int i = 0; md.size() < 200'000; ++i)
        md += "第" + std::to_string(i) + "段：项目" + std::to_string(i % 40) + "号与项" + std::to_string((i * 7) % 40) +
              "，*项" + std::to_string(i % 13) + "* 见 `项1`。\n\n";
    const auto html = html_of(md, page.options());
    CHECK(count(html, "class=\"term\"") == 40);
}

TEST_CASE("a 1 MB narrative with 100k term matches and 10k headings renders whole", "[render][markdown][pathological]") {
    Page page({term("budget", "预算"), term("fee", "经费")});
    std::string md;
    for (int i = 0; i < 10'000; ++i) {
        md += "## 同名标题\n\n";
        md += "预算经费预算经费预算经费预算经费预算经费，其中 *预算* 与 [经费](x)。\n\n";
    }
    const auto result = render_markdown(md, page.options());
    CHECK(md.size() > 1'000'000);
    CHECK(result.headings.size() == 10'000);
    CHECK(result.headings.back().id == "同名标题-" + std::to_string(result.headings.size()));
    CHECK(count(result.html, "class=\"term\"") == 2);
}

TEST_CASE("10k headings with the same text get unique ids", "[render][markdown][pathological]") {
    std::string md;
    for (int i = 0; i < 10'000; ++i) md += "# 说明\n";
    const auto result = render_markdown(md, {});
    REQUIRE(result.headings.size() == 10'000);
    std::set<std::string> ids;
    for (const auto& h : result.headings) ids.insert(h.id);
    CHECK(ids.size() == 10'000);
}

TEST_CASE("block quotes, lists and brackets nested 10k deep do not crash", "[render][markdown][pathological]") {
    Page page({term("budget", "预算")});
    const std::string quotes = std::string(10'000, '>') + " # 预算 *深* 预算\n";
    const auto r1 = render_markdown(quotes, page.options());
    CHECK(count(r1.html, "<blockquote>") == 10'000);
    CHECK(r1.headings.size() == 1);

    std::string list;
    for (int i = 0; i < 10'000; ++i) list += "- ";
    list += "预算\n";
    const auto r2 = html_of(list);
    CHECK(count(r2, "<li>") > 1'000);

    const std::string brackets = std::string(10'000, '[') + "预算" + std::string(10'000, ']') + std::string(10'000, '*') +
                                 std::string(10'000, '_') + std::string(5'000, '`');
    const auto r3 = html_of(brackets);
    CHECK(r3.size() > 30'000);
}

TEST_CASE("rendering on several threads at once gives the same output as rendering alone", "[render][markdown][threads]") {
    const Glossary g = three_public();
    const GlossaryMatcher matcher(g);
    const std::string md = "# 标题 ~~旧~~\n\n预算见 www.example.org 与 ~~删除~~ 以及 https://a.example/x。\n\n| a |\n|---|\n| 三公 |\n";
    auto render_once = [&] {
        TermLinker linker(matcher, g, "../");
        return render_markdown(md, {1, "n-", &linker}).html;
    };
    const std::string expected = render_once();
    CHECK(expected.find("<del>") != std::string::npos);
    CHECK(expected.find("http://www.example.org") != std::string::npos);
    std::vector<std::future<bool>> workers;
    for (int t = 0; t < 8; ++t) {
        workers.push_back(std::async(std::launch::async, [&] {
            for (int i = 0; i < 200; ++i)
                if (render_once() != expected) return false;
            return true;
        }));
    }
    for (auto& w : workers) CHECK(w.get());
}

TEST_CASE("the shallowest heading of a text becomes the first level below the page's", "[render][markdown]") {
    gk::MarkdownOptions options;
    options.heading_shift = 2;
    const gk::MarkdownResult r = gk::render_markdown("## 公开依据\n\n正文\n\n### 细目\n", options);
    REQUIRE(r.headings.size() == 2);
    CHECK(r.headings[0].level == 3);
    CHECK(r.headings[1].level == 4);
    CHECK(r.html.find("<h3 id=\"") != std::string::npos);
}
