// The indexer's fast paths (inline decoding and classification, tags viewed
// in place, the tokenizer called without virtual calls) give exactly what
// the straightforward code gave: the expected values below were printed by
// the implementation before them (gongkai 747277e), on pages that mix
// Chinese, Latin, digits, entities, odd markup and invalid UTF-8. That
// implementation counted punctuation as characters; since 96baab7
// it separates like a space, which drops exactly the tokens that hold a
// mark and changes no other (without_marks below); and since quotation
// marks between two characters no longer end a run, “三公”经费 on the
// first page is one run (with_quotes_joined below).
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "index/html_text.h"
#include "index/search_tokenize.h"

using namespace gk;

namespace {

const std::vector<std::string> kFastPathPages = {
    // Chinese, Latin, digits, entities, full-width forms, a character outside the BMP.
    "<title>2020年 预算 - 站点</title><main><p>2020年预算&amp;决算 Budget&nbsp;ＡＢ１２ 第2季 “三公”经费&#x1F600;&#20013;&lt;x&gt;"
    "𠮷野家 a-1:b ～！。。。 &bogus; &amp &#0; &#xD800; &#99999999;</p></main>",
    // Upper-case tags and attributes, quotes holding '>', a long custom name, skipped elements.
    "<TITLE>大写</TITLE><MAIN ID=\"m\"><H2 CLASS=\"x\">收入 Income</H2><Nav Class=\"toc\">目录</Nav>"
    "<nav class=\"a toc\">又一个目录</nav><nav class=\"tocx\">不是目录</nav>"
    "<p><a title=\"a>b\" data-x='c>\"d'>链接</a><verylongcustomelementname>内</verylongcustomelementname>文</p>"
    "<SCRIPT>var s = '<p>不要</p>';</SCRIPT><Style>p{}</sTyle><svg viewBox=\"0 0 1 1\"><SVG></SVG><text>图</text>"
    "</svg><template><p>模板</p></template><!-- 注释 <p>不</p> -->后<br/>文<img src=\"x\" alt=\"图\"/>尾"
    "<h3>标题<EM>强调</EM></h3 ><H4>四</H4>< 不是标签 <123>数字</MAIN>之后",
    // Whitespace of every kind, invalid UTF-8 (lone continuation, truncated, overlong, surrogate), U+FFFD itself.
    "<title>空白</title><main><p>甲\xE3\x80\x80乙\xEF\xBB\xBF丙\xE2\x80\xA8丁\xC2\xA0戊\xC2\x85己\t庚\r\n辛"
    "\x80壬\xE4\xB8癸\xC0\xAF子\xED\xA0\x80丑\xEF\xBF\xBD寅\xF0\x9F\x98\x80卯\xF4\x90\x80\x80辰\xE2\x80\x8B巳</p>"
    "<td>1,234.56</td><td>-7.8%</td><td>ＸＹｚ</td></main>",
    // Truncated at the end, inside a sequence.
    "<title>t</title><main>末尾\xE5\xB0",
};

struct Expected {
    std::string title;
    std::string text;
    std::uint32_t length16;
    std::vector<FieldSpan> spans;
    std::vector<std::string> tokens;
};

const std::vector<Expected> kExpected = {
    {"2020年 预算", "2020年 预算 2020年预算&决算 Budget ＡＢ１２ 第2季 “三公”经费😀中<x>𠮷野家 a-1:b ～！。。。 &bogus; &amp � � �", 83, {{0, 8, Field(2)}, },
     {"w:2020@0/t", "c:年@4/t", "c:预@6/t", "c:算@7/t", "b:预算@6/t", "w:2020@9",
      "c:年@13", "c:预@14", "b:年预@13", "c:算@15", "b:预算@14", "t:年预算@13",
      "c:&@16", "b:算&@15", "t:预算&@14", "c:决@17", "b:&决@16", "t:算&决@15",
      "c:算@18", "b:决算@17", "t:&决算@16", "w:budget@20", "w:ab12@27", "c:第@32",
      "w:2@33", "c:季@34", "c:“@36", "c:三@37", "b:“三@36", "c:公@38",
      "b:三公@37", "t:“三公@36", "c:”@39", "b:公”@38", "t:三公”@37", "c:经@40",
      "b:”经@39", "t:公”经@38", "c:费@41", "b:经费@40", "t:”经费@39", "c:😀@42",
      "b:费😀@41", "t:经费😀@40", "c:中@44", "b:😀中@42", "t:费😀中@41", "c:<@45",
      "b:中<@44", "t:😀中<@42", "w:x@46", "c:>@47", "c:𠮷@48", "b:>𠮷@47",
      "c:野@50", "b:𠮷野@48", "t:>𠮷野@47", "c:家@51", "b:野家@50", "t:𠮷野家@48",
      "w:a@53", "c:-@54", "w:1@55", "c::@56", "w:b@57", "c:～@59",
      "c:！@60", "b:～！@59", "c:。@61", "b:！。@60", "t:～！。@59", "c:。@62",
      "b:。。@61", "t:！。。@60", "c:。@63", "b:。。@62", "t:。。。@61", "c:&@65",
      "w:bogus@66", "c:;@71", "c:&@73", "w:amp@74", "c:�@78", "c:�@80",
      "c:�@82", }},
    {"大写", "大写 收入 Income 目录 不是目录 链接 内 文 后 文 尾 标题强调 四 < 不是标签 数字", 50, {{0, 2, Field(2)}, {3, 12, Field(1)}, {34, 38, Field(1)}, {39, 40, Field(1)}, },
     {"c:大@0/t", "c:写@1/t", "b:大写@0/t", "c:收@3/h", "c:入@4/h", "b:收入@3/h",
      "w:income@6/h", "c:目@13", "c:录@14", "b:目录@13", "c:不@16", "c:是@17",
      "b:不是@16", "c:目@18", "b:是目@17", "t:不是目@16", "c:录@19", "b:目录@18",
      "t:是目录@17", "c:链@21", "c:接@22", "b:链接@21", "c:内@24", "c:文@26",
      "c:后@28", "c:文@30", "c:尾@32", "c:标@34/h", "c:题@35/h", "b:标题@34/h",
      "c:强@36/h", "b:题强@35/h", "t:标题强@34/h", "c:调@37/h", "b:强调@36/h", "t:题强调@35/h",
      "c:四@39/h", "c:<@41", "c:不@43", "c:是@44", "b:不是@43", "c:标@45",
      "b:是标@44", "t:不是标@43", "c:签@46", "b:标签@45", "t:是标签@44", "c:数@48",
      "c:字@49", "b:数字@48", }},
    {"空白", "空白 甲 乙 丙 丁 戊 己 庚 辛�壬�癸�子�丑�寅😀卯�辰​巳 1,234.56 -7.8% ＸＹｚ", 54, {{0, 2, Field(2)}, },
     {"c:空@0/t", "c:白@1/t", "b:空白@0/t", "c:甲@3", "c:乙@5", "c:丙@7",
      "c:丁@9", "c:戊@11", "c:己@13", "c:庚@15", "c:辛@17", "c:�@18",
      "b:辛�@17", "c:壬@19", "b:�壬@18", "t:辛�壬@17", "c:�@20", "b:壬�@19",
      "t:�壬�@18", "c:癸@21", "b:�癸@20", "t:壬�癸@19", "c:�@22", "b:癸�@21",
      "t:�癸�@20", "c:子@23", "b:�子@22", "t:癸�子@21", "c:�@24", "b:子�@23",
      "t:�子�@22", "c:丑@25", "b:�丑@24", "t:子�丑@23", "c:�@26", "b:丑�@25",
      "t:�丑�@24", "c:寅@27", "b:�寅@26", "t:丑�寅@25", "c:😀@28", "b:寅😀@27",
      "t:�寅😀@26", "c:卯@30", "b:😀卯@28", "t:寅😀卯@27", "c:�@31", "b:卯�@30",
      "t:😀卯�@28", "c:辰@32", "b:�辰@31", "t:卯�辰@30", "c:​@33", "b:辰​@32",
      "t:�辰​@31", "c:巳@34", "b:​巳@33", "t:辰​巳@32", "w:1@36", "c:,@37",
      "w:234@38", "c:.@41", "w:56@42", "c:-@45", "w:7@46", "c:.@47",
      "w:8@48", "c:%@49", "w:xyz@51", }},
    {"t", "t 末尾�", 5, {{0, 1, Field(2)}, },
     {"w:t@0/t", "c:末@2", "c:尾@3", "b:末尾@2", "c:�@4", "b:尾�@3",
      "t:末尾�@2", }},
};

// The tokens of `tokens` that hold none of the punctuation on these pages
// (listed here, not asked of char_class: search_tokenize_test checks that).
std::vector<std::string> without_marks(const std::vector<std::string>& tokens) {
    static const std::vector<std::string> kMarks = {"&", "“", "”", "<", ">", "-", ":", "～", "！", "。", ";", ",", ".", "%"};
    std::vector<std::string> kept;
    for (const std::string& token : tokens) {
        const std::string text = token.substr(2, token.find('@') - 2);
        const bool mark = token[0] != 'w' && std::any_of(kMarks.begin(), kMarks.end(), [&](const std::string& m) {
                              return text.find(m) != std::string::npos;
                          });
        if (!mark) kept.push_back(token);
    }
    return kept;
}

// The tokens of page `k` as they are since quotation marks between two
// characters join a run: on page 0, “三公”经费😀中 is the run 三公经费😀中,
// and the characters after ” take the positions they would have without it.
std::vector<std::string> with_quotes_joined(std::size_t k, std::vector<std::string> tokens) {
    if (k != 0) return tokens;
    const auto first = std::find(tokens.begin(), tokens.end(), "c:三@37");
    const auto last = std::find(tokens.begin(), tokens.end(), "t:费😀中@41");
    REQUIRE(first != tokens.end());
    REQUIRE(last != tokens.end());
    const std::vector<std::string> run = {"c:三@37", "c:公@38", "b:三公@37", "c:经@39", "b:公经@38",
                                          "t:三公经@37", "c:费@40", "b:经费@39", "t:公经费@38", "c:😀@41",
                                          "b:费😀@40", "t:经费😀@39", "c:中@43", "b:😀中@41", "t:费😀中@40"};
    tokens.insert(tokens.erase(first, last + 1), run.begin(), run.end());
    return tokens;
}

std::string suffix(Field f) { return f == Field::title ? "/t" : f == Field::heading ? "/h" : ""; }

// Records tokens as "c:段@3", "b:段简@3", "t:一段简@0", "w:budget@0" (field suffix when not body).
template <class Base>
struct Recording : Base {
    std::vector<std::string> tokens;
    void character(char32_t c, std::uint32_t pos, Field f) {
        std::string s = "c:";
        append_utf8(s, c);
        tokens.push_back(s + "@" + std::to_string(pos) + suffix(f));
    }
    void bigram(char32_t a, char32_t b, std::uint32_t pos, Field f) {
        std::string s = "b:";
        append_utf8(s, a);
        append_utf8(s, b);
        tokens.push_back(s + "@" + std::to_string(pos) + suffix(f));
    }
    void trigram(char32_t a, char32_t b, char32_t c, std::uint32_t pos, Field f) {
        std::string s = "t:";
        append_utf8(s, a);
        append_utf8(s, b);
        append_utf8(s, c);
        tokens.push_back(s + "@" + std::to_string(pos) + suffix(f));
    }
    void word(std::string_view w, std::uint32_t pos, Field f) {
        tokens.push_back("w:" + std::string(w) + "@" + std::to_string(pos) + suffix(f));
    }
};

struct NoBase {};

// Through the virtual interface, as before.
struct Virtual final : TokenVisitor {
    Recording<NoBase> r;
    void character(char32_t c, std::uint32_t pos, Field f) override { r.character(c, pos, f); }
    void bigram(char32_t a, char32_t b, std::uint32_t pos, Field f) override { r.bigram(a, b, pos, f); }
    void trigram(char32_t a, char32_t b, char32_t c, std::uint32_t pos, Field f) override { r.trigram(a, b, c, pos, f); }
    void word(std::string_view w, std::uint32_t pos, Field f) override { r.word(w, pos, f); }
};

}  // namespace

TEST_CASE("page text and tokens of mixed pages are those of the implementation before the fast paths",
          "[index][tokenize][html]") {
    REQUIRE(kFastPathPages.size() == kExpected.size());
    for (std::size_t k = 0; k < kFastPathPages.size(); ++k) {
        INFO("page " << k);
        const PageText page = extract_page_text(kFastPathPages[k], " - 站点");
        CHECK(page.title == kExpected[k].title);
        CHECK(page.text == kExpected[k].text);
        CHECK(page.length16 == kExpected[k].length16);
        REQUIRE(page.spans.size() == kExpected[k].spans.size());
        for (std::size_t s = 0; s < page.spans.size(); ++s) {
            CHECK(page.spans[s].begin == kExpected[k].spans[s].begin);
            CHECK(page.spans[s].end == kExpected[k].spans[s].end);
            CHECK(page.spans[s].field == kExpected[k].spans[s].field);
        }
        Recording<NoBase> direct;
        tokenize_with(page.text, page.spans, direct);
        const std::vector<std::string> expected = with_quotes_joined(k, without_marks(kExpected[k].tokens));
        CHECK(direct.tokens == expected);
        Virtual through_interface;
        tokenize(page.text, page.spans, through_interface);
        CHECK(through_interface.r.tokens == expected);
    }
}

TEST_CASE("the inline classification agrees with the full one on every code point", "[index][tokenize]") {
    std::size_t differ = 0;
    for (char32_t c = 0; c <= 0x10FFFF; ++c) differ += char_class(c) != char_class_slow(c);
    CHECK(differ == 0);
}

TEST_CASE("the inline decoder agrees with the full one on every code point and on broken sequences",
          "[index][tokenize]") {
    std::size_t differ = 0;
    const auto compare = [&](const std::string& s) {
        std::size_t i = 0, j = 0;
        while (i < s.size() || j < s.size()) {
            if (i >= s.size() || j >= s.size()) {
                ++differ;
                return;
            }
            const char32_t a = next_code_point(s, i);
            const char32_t b = next_code_point_slow(s, j);
            if (a != b || i != j) {
                ++differ;
                return;
            }
        }
    };
    std::string s;
    for (char32_t c = 0; c <= 0x10FFFF; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF) continue;
        s.clear();
        append_utf8(s, c);
        compare(s);
        compare(s + "x");
        compare(s.substr(0, s.size() - 1));  // truncated
    }
    // Every three-byte lead with every second byte and telling third bytes: overlong
    // forms, surrogates, missing continuations, the end of the text.
    for (int b0 = 0xE0; b0 <= 0xEF; ++b0) {
        for (int b1 = 0; b1 < 256; ++b1) {
            for (int b2 : {0x00, 0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xE4, 0xFF}) {
                const std::string seq{static_cast<char>(b0), static_cast<char>(b1), static_cast<char>(b2)};
                compare(seq);
                compare(seq.substr(0, 2));
                compare("a" + seq + "b");
            }
        }
    }
    CHECK(differ == 0);
}
