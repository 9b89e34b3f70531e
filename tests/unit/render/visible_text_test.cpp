// visible_text: what a reader sees of a fragment gongkai rendered, for
// finding the glossary terms a page uses.
#include <catch2/catch.hpp>

#include "render/html.h"

using gk::visible_text;

TEST_CASE("visible text drops tags and comments and keeps the words of blocks apart", "[render][html]") {
    CHECK(visible_text("<h2 id=\"x\">五、财政拨款“三公”经费</h2><p>机关运行经费</p>") ==
          "五、财政拨款“三公”经费 机关运行经费 ");
    CHECK(visible_text("a<!-- <p>not text</p> -->b") == "a b");
    CHECK(visible_text("<td>人员经费</td><td>31.46</td>") == "人员经费 31.46 ");
}

TEST_CASE("visible text keeps a word whole across inline tags", "[render][html]") {
    CHECK(visible_text("<p>机关<strong>运行</strong>经费，<a class=\"term\" href=\"x\">项目支出</a></p>") ==
          "机关运行经费，项目支出 ");
}

TEST_CASE("visible text decodes the entities escape_html writes", "[render][html]") {
    CHECK(visible_text(gk::escape_html("<script>\"a\" & 'b'</script>")) == "<script>\"a\" & 'b'</script>");
    // Anything else stays as written.
    CHECK(visible_text("&nbsp;&#x41;") == "&nbsp;&#x41;");
}

TEST_CASE("visible text of an unterminated tag ends there", "[render][html]") {
    CHECK(visible_text("正文<a href=\"x") == "正文");
    CHECK(visible_text("正文<!-- open") == "正文");
}

TEST_CASE("unescape_html decodes what escape_html and the label templates write", "[render][html]") {
    CHECK(gk::unescape_html("Units&apos; &amp; &#39;funds&#39; &lt;b&gt; &quot;x&quot; &nbsp;") ==
          "Units' & 'funds' <b> \"x\" &nbsp;");
    CHECK(gk::unescape_html(gk::escape_html("<a href=\"x\">'&'</a>")) == "<a href=\"x\">'&'</a>");
}

TEST_CASE("a fragment shows text when a character other than whitespace is visible", "[render][html]") {
    CHECK(gk::shows_text("<p>说明</p>"));
    CHECK(gk::shows_text("<p> </p><p>&amp;</p>"));  // an entity is a character
    CHECK(gk::shows_text("\n<ul>\n<li><strong>x</strong></li>\n</ul>\n"));
    CHECK_FALSE(gk::shows_text(""));
    CHECK_FALSE(gk::shows_text("\n \t\r\n"));
    CHECK_FALSE(gk::shows_text("<p>\n</p>\n<!-- raw HTML omitted -->\n"));  // a comment alone, as safe mode renders raw HTML
    CHECK_FALSE(gk::shows_text("<hr />\n<p><img src=\"a.png\" alt=\"\" /></p>"));  // an image is not text
    for (const char* html : {"<p>a</p>", "<!-- c --> b", "  ", "<p> </p>", "&lt;", "<p>x"})
        CHECK(gk::shows_text(html) == (gk::visible_text(html).find_first_not_of(" \t\r\n") != std::string::npos));
}
