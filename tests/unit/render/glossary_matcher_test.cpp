#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "render/markdown.h"

using namespace gk;

namespace {

GlossaryTerm term(const std::string& id, const std::string& name, std::vector<std::string> aliases = {}) {
    GlossaryTerm t;
    t.id.value = id;
    t.name.value = name;
    for (auto& a : aliases) {
        Located<std::string> alias;
        alias.value = a;
        t.aliases.push_back(alias);
    }
    return t;
}

struct Found {
    std::string text;
    std::size_t term;
    bool operator==(const Found&) const = default;
};

std::vector<Found> found(const GlossaryMatcher& m, std::string_view text) {
    std::vector<Found> out;
    for (const auto& match : m.find_all(text)) out.push_back({std::string(text.substr(match.begin, match.length)), match.term});
    return out;
}

}  // namespace

namespace Catch {
template <>
struct StringMaker<Found> {
    static std::string convert(const Found& f) { return "{" + f.text + ", " + std::to_string(f.term) + "}"; }
};
}  // namespace Catch

TEST_CASE("the matcher finds names and aliases from left to right without overlaps", "[glossary]") {
    Glossary g;
    g.terms = {term("budget", "预算"), term("final-accounts", "决算", {"决算报告"})};
    GlossaryMatcher m(g);
    CHECK_FALSE(m.empty());
    const std::string text = "本年预算与上年决算报告，以及决算。";
    const auto matches = m.find_all(text);
    REQUIRE(matches.size() == 3);
    CHECK(matches[0].begin == text.find("预算"));
    CHECK(matches[0].length == std::string("预算").size());
    CHECK(found(m, text) == std::vector<Found>{{"预算", 0}, {"决算报告", 1}, {"决算", 1}});
}

TEST_CASE("at each position the longest name or alias wins", "[glossary]") {
    Glossary g;
    g.terms = {term("three-public-short", "三公"), term("three-public", "“三公”经费", {"三公经费"})};
    GlossaryMatcher m(g);
    CHECK(found(m, "“三公”经费和三公经费，以及三公。") ==
          std::vector<Found>{{"“三公”经费", 1}, {"三公经费", 1}, {"三公", 0}});
    // A shorter prefix that is a term is still found when the longer one is not complete.
    CHECK(found(m, "三公经") == std::vector<Found>{{"三公", 0}});
}

TEST_CASE("the leftmost match is taken even when a longer one starts later", "[glossary]") {
    Glossary g;
    g.terms = {term("a", "ab"), term("b", "bcdef")};
    GlossaryMatcher m(g);
    CHECK(found(m, "abcdef") == std::vector<Found>{{"ab", 0}});
}

TEST_CASE("matching is exact and case-sensitive", "[glossary]") {
    Glossary g;
    g.terms = {term("gdp", "GDP")};
    GlossaryMatcher m(g);
    CHECK(found(m, "gdp Gdp GDP") == std::vector<Found>{{"GDP", 0}});
    CHECK(found(m, "Ｇ Ｄ Ｐ").empty());
}

TEST_CASE("a name beats an identical alias of another term", "[glossary]") {
    Glossary g;
    g.terms = {term("first", "一般公共预算", {"公共预算"}), term("second", "公共预算")};
    GlossaryMatcher m(g);
    CHECK(found(m, "公共预算") == std::vector<Found>{{"公共预算", 1}});
}

TEST_CASE("terms without an id and empty names or aliases are ignored", "[glossary]") {
    Glossary g;
    GlossaryTerm no_id;
    no_id.name.value = "孤儿";
    g.terms = {no_id, term("empty", "", {""}), term("ok", "好")};
    GlossaryMatcher m(g);
    CHECK(found(m, "孤儿好") == std::vector<Found>{{"好", 2}});
}

TEST_CASE("an empty glossary matches nothing and says it is empty", "[glossary]") {
    Glossary g;
    GlossaryMatcher m(g);
    CHECK(m.empty());
    CHECK(m.find_all("预算 budget").empty());
    CHECK(m.find_all("").empty());
}

TEST_CASE("matches never start inside a multi-byte character and invalid UTF-8 is harmless", "[glossary]") {
    Glossary g;
    // "经" is E7 BB 8F, "费" is E8 B4 B9: no term may start at a continuation byte.
    g.terms = {term("fee", "费"), term("x", "x")};
    GlossaryMatcher m(g);
    const std::string text = std::string("\xE7\xBB") + "x\xFF\xFE" + "费\x80x" + "\xE8\xB4";
    CHECK(found(m, text) == std::vector<Found>{{"x", 1}, {"费", 0}, {"x", 1}});
}

// The matcher passes characters no key starts with without walking its
// trie (a filter on the first character); the filter must never hide a
// match. Checked against the plain definition, leftmost then longest, on
// texts made of the keys' own pieces and of bytes that are not UTF-8.
namespace {

std::vector<Found> found_naively(const std::vector<std::pair<std::string, std::size_t>>& keys, std::string_view text) {
    std::vector<Found> out;
    for (std::size_t i = 0; i < text.size();) {
        const bool continuation = (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
        std::size_t best = 0, term = 0;
        for (const auto& [key, t] : keys) {
            if (!continuation && key.size() > best && text.substr(i, key.size()) == key) {
                best = key.size();
                term = t;
            }
        }
        if (best == 0) {
            ++i;
            continue;
        }
        out.push_back({std::string(text.substr(i, best)), term});
        i += best;
    }
    return out;
}

}  // namespace

TEST_CASE("the first-character filter never hides a match", "[glossary]") {
    Glossary g;
    // Keys sharing lead bytes and first characters, an ASCII key, a 2-byte
    // and a 4-byte character, and a key cut inside its first character.
    g.terms = {term("a", "预算"), term("b", "预算单位", {"预决算"}), term("c", "决算"), term("d", "GDP"),
               term("e", "é费"), term("f", "\xF0\x9F\x92\xB0钱"), term("g", "\xE9\xA2"), term("h", "算")};
    const std::vector<std::pair<std::string, std::size_t>> keys = {
        {"预算", 0}, {"预算单位", 1}, {"决算", 2}, {"GDP", 3}, {"é费", 4}, {"\xF0\x9F\x92\xB0钱", 5}, {"\xE9\xA2", 6},
        {"算", 7}, {"预决算", 1}};
    GlossaryMatcher m(g);
    const std::vector<std::string> pieces = {"预", "算", "单位", "决", "G", "DP", "é", "费", "\xF0\x9F\x92\xB0", "钱",
                                             "\xE9\xA2", "\xA2", "\xE9", "额", "，", "x", "\xFF"};
    std::uint32_t seed = 12345;
    std::vector<GlossaryMatcher::Match> reused;
    for (int round = 0; round < 2000; ++round) {
        std::string text;
        const int length = 1 + round % 23;
        for (int k = 0; k < length; ++k) {
            seed = seed * 1103515245u + 12345u;
            text += pieces[(seed >> 16) % pieces.size()];
        }
        INFO("text: " << text);
        CHECK(found(m, text) == found_naively(keys, text));
        m.find_all(text, reused);  // the same into a vector kept between calls
        CHECK(reused.size() == m.find_all(text).size());
    }
}

TEST_CASE("the term linker reports each first use once and keeps first-use order", "[glossary]") {
    Glossary g;
    g.terms = {term("a", "甲"), term("b", "乙"), term("c", "丙")};
    GlossaryMatcher m(g);
    TermLinker linker(m, g, "../");
    CHECK(linker.href_prefix() == "../");
    CHECK(linker.first_use(2));
    CHECK(linker.first_use(0));
    CHECK_FALSE(linker.first_use(2));
    CHECK_FALSE(linker.first_use(0));
    CHECK(linker.used() == std::vector<std::size_t>{2, 0});
}

TEST_CASE("a megabyte of text is matched against 200 terms with long shared prefixes", "[glossary][pathological]") {
    Glossary g;
    for (int i = 0; i < 200; ++i) {
        // Long shared prefixes make the trie walk as deep as it gets.
        g.terms.push_back(term("t" + std::to_string(i), "财政拨款支出项目" + std::to_string(i), {"财政" + std::to_string(i)}));
    }
    GlossaryMatcher m(g);
    std::string text;
    while (text.size() < 1'000'000) text += "财政拨款支出项目说明，财政拨款支出项目17，财政3与其他。";
    const auto matches = m.find_all(text);
    CHECK(matches.size() > 20'000);
    CHECK(found(m, "财政拨款支出项目说明，财政拨款支出项目17，财政3与其他。") ==
          std::vector<Found>{{"财政拨款支出项目17", 17}, {"财政3", 3}});
}
