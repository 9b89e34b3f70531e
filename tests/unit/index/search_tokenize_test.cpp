#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "index/search_tokenize.h"

using namespace gk;

namespace {

struct Recorder : TokenVisitor {
    std::vector<std::string> tokens;  // "c:段@3" "b:段简@3" "w:budget@0", field suffix when not body
    static std::string suffix(Field f) { return f == Field::title ? "/t" : f == Field::heading ? "/h" : ""; }
    void character(char32_t c, std::uint32_t pos, Field f) override {
        std::string s = "c:";
        append_utf8(s, c);
        tokens.push_back(s + "@" + std::to_string(pos) + suffix(f));
    }
    void bigram(char32_t a, char32_t b, std::uint32_t pos, Field f) override {
        std::string s = "b:";
        append_utf8(s, a);
        append_utf8(s, b);
        tokens.push_back(s + "@" + std::to_string(pos) + suffix(f));
    }
    void trigram(char32_t a, char32_t b, char32_t c, std::uint32_t pos, Field f) override {
        std::string s = "t:";
        append_utf8(s, a);
        append_utf8(s, b);
        append_utf8(s, c);
        tokens.push_back(s + "@" + std::to_string(pos) + suffix(f));
    }
    void word(std::string_view w, std::uint32_t pos, Field f) override {
        tokens.push_back("w:" + std::string(w) + "@" + std::to_string(pos) + suffix(f));
    }
};

std::vector<std::string> tokens_of(const std::string& text, const std::vector<FieldSpan>& spans = {}) {
    Recorder r;
    tokenize(text, spans, r);
    return r.tokens;
}

}  // namespace

TEST_CASE("Chinese text gives every character, pair and triple of adjacent characters with its position", "[index][tokenize]") {
    CHECK(tokens_of("一段简单") == std::vector<std::string>{"c:一@0", "c:段@1", "b:一段@0", "c:简@2", "b:段简@1", "t:一段简@0",
                                                            "c:单@3", "b:简单@2", "t:段简单@1"});
}

TEST_CASE("spaces and punctuation break runs, and punctuation is never a token", "[index][tokenize]") {
    CHECK(tokens_of("三公 经费") == std::vector<std::string>{"c:三@0", "c:公@1", "b:三公@0", "c:经@3", "c:费@4", "b:经费@3"});
    // Positions still count the punctuation: it stays in the page's text.
    CHECK(tokens_of("“三公”，经费") ==
          std::vector<std::string>{"c:三@1", "c:公@2", "b:三公@1", "c:经@5", "c:费@6", "b:经费@5"});
    CHECK(tokens_of("因公出国(境)费，其中") ==
          std::vector<std::string>{"c:因@0", "c:公@1", "b:因公@0", "c:出@2", "b:公出@1", "t:因公出@0", "c:国@3",
                                   "b:出国@2", "t:公出国@1", "c:境@5", "c:费@7", "c:其@9", "c:中@10", "b:其中@9"});
    // Punctuation ends a word too; a run of marks alone gives nothing.
    CHECK(tokens_of("3,827.97 —— ％") == std::vector<std::string>{"w:3@0", "w:827@2", "w:97@6"});
    // Marks that are characters: the iteration mark, ideographic zero, symbols.
    CHECK(tokens_of("々〇℃") == std::vector<std::string>{"c:々@0", "c:〇@1", "b:々〇@0", "c:℃@2", "b:〇℃@1",
                                                          "t:々〇℃@0"});
}

TEST_CASE("quotation marks between two characters do not end a run", "[index][tokenize]") {
    // The characters after them take the positions they would have without
    // them, so that a run's trigrams line up as in any other run.
    CHECK(tokens_of("“三公”经费") == std::vector<std::string>{"c:三@1", "c:公@2", "b:三公@1", "c:经@3", "b:公经@2",
                                                              "t:三公经@1", "c:费@4", "b:经费@3", "t:公经费@2"});
    // Several marks in a row, of every kind; the positions after them move
    // by all of them (an astral mark would count two units).
    CHECK(tokens_of("甲」『乙\"'丙") == std::vector<std::string>{"c:甲@0", "c:乙@1", "b:甲乙@0", "c:丙@2", "b:乙丙@1",
                                                                 "t:甲乙丙@0"});
    CHECK(tokens_of("甲＂乙＇丙‘丁’") ==
          std::vector<std::string>{"c:甲@0", "c:乙@1", "b:甲乙@0", "c:丙@2", "b:乙丙@1", "t:甲乙丙@0", "c:丁@3",
                                   "b:丙丁@2", "t:乙丙丁@1"});
    // Not between two characters: before a space, a word, other punctuation
    // or the end, after a word; and 《》 are not quotation marks.
    CHECK(tokens_of("甲” 乙") == std::vector<std::string>{"c:甲@0", "c:乙@3"});
    CHECK(tokens_of("甲”2乙") == std::vector<std::string>{"c:甲@0", "w:2@2", "c:乙@3"});
    CHECK(tokens_of("2”乙") == std::vector<std::string>{"w:2@0", "c:乙@2"});
    CHECK(tokens_of("甲”，乙") == std::vector<std::string>{"c:甲@0", "c:乙@3"});
    CHECK(tokens_of("甲”") == std::vector<std::string>{"c:甲@0"});
    CHECK(tokens_of("甲《乙》丙") == std::vector<std::string>{"c:甲@0", "c:乙@2", "c:丙@4"});
    // A run after a joined one starts at its own position again.
    CHECK(tokens_of("甲“乙”丙 丁") == std::vector<std::string>{"c:甲@0", "c:乙@1", "b:甲乙@0", "c:丙@2", "b:乙丙@1",
                                                                "t:甲乙丙@0", "c:丁@6"});
}

TEST_CASE("letters and digits are lower-cased words, full-width ones folded to ASCII", "[index][tokenize]") {
    CHECK(tokens_of("Budget 2020年") == std::vector<std::string>{"w:budget@0", "w:2020@7", "c:年@11"});
    CHECK(tokens_of("ＡＢｃ１２") == std::vector<std::string>{"w:abc12@0"});
    // A word between characters breaks their pair.
    CHECK(tokens_of("第2季") == std::vector<std::string>{"c:第@0", "w:2@1", "c:季@2"});
}

TEST_CASE("positions count UTF-16 units, as JavaScript strings do", "[index][tokenize]") {
    // U+20BB7 (𠮷) takes two units.
    CHECK(tokens_of("𠮷野家") == std::vector<std::string>{"c:𠮷@0", "c:野@2", "b:𠮷野@0", "c:家@3", "b:野家@2", "t:𠮷野家@0"});
}

TEST_CASE("tokens carry the field of the span they are in", "[index][tokenize]") {
    const std::vector<FieldSpan> spans = {{0, 2, Field::title}, {3, 5, Field::heading}};
    CHECK(tokens_of("预算 经费 a", spans) == std::vector<std::string>{"c:预@0/t", "c:算@1/t", "b:预算@0/t", "c:经@3/h",
                                                                       "c:费@4/h", "b:经费@3/h", "w:a@6"});
}

TEST_CASE("whitespace is what JavaScript regular expressions call white space", "[index][tokenize]") {
    CHECK(char_class(U'\u3000') == CharClass::space);
    CHECK(char_class(U'\u00A0') == CharClass::space);
    CHECK(char_class(U'\uFEFF') == CharClass::space);
    CHECK(char_class(U'\u200B') == CharClass::character);  // not \s in JavaScript either
    CHECK(char_class(U'Z') == CharClass::word);
}

TEST_CASE("punctuation is ASCII's, CJK's, general and full-width, other symbols are characters", "[index][tokenize]") {
    for (const char32_t c : {U'、', U'。', U'，', U'“', U'”', U'（', U'）', U'《', U'》', U'【', U'】', U'—', U'…', U'·',
                             U'・', U'％', U'￥', U'(', U'%', U',', U'.', U'-', U'~', U'×', U'÷', U'\u00BF', U'\uFE30',
                             U'\uFE6B', U'\uFFE6'})
        CHECK(char_class(c) == CharClass::punctuation);
    // The ends of the ranges, from the side that is not punctuation.
    for (const char32_t c : {U'々', U'〇', U'〒', U'℃', U'≥', U'㎡', U'\u00C0', U'\u2028', U'\u205F', U'\u3004', U'\u3012',
                             U'\u3020', U'\u30FA', U'\uFE0F', U'\uFE1A', U'\uFE6C', U'\uFF66', U'\uFFE7'})
        CHECK(char_class(c) != CharClass::punctuation);
}

TEST_CASE("invalid UTF-8 decodes to replacement characters without reading past the end", "[index][tokenize]") {
    const std::string bad = std::string("a\xE6\xAE") ;
    std::size_t i = 1;
    CHECK(next_code_point(bad, i) == 0xFFFD);
    CHECK(i == bad.size());
    const std::string overlong = "\xC0\xAF";
    i = 0;
    CHECK(next_code_point(overlong, i) == 0xFFFD);
}
