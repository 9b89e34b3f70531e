#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "index/page_characters.h"
#include "index/search_internal.h"
#include "index/search_tokenize.h"

using namespace gk;

namespace {

// What a page's tokens should be, found the plain way: every token the
// tokenizer reports, counted in a map as it comes.
struct Expected {
    TokenStats stats{{0, 0, 0}, {0, 0, 0}};
    std::vector<std::pair<std::uint32_t, std::uint8_t>> positions;  // a trigram's, in text order
};

struct Reference {
    std::map<std::uint64_t, Expected> tokens;
    void count(std::uint64_t key, std::uint32_t pos, Field field, bool trigram) {
        Expected& e = tokens[key];
        const std::uint8_t g = group_of(field);
        if (e.stats.count[g]++ == 0) e.stats.first[g] = pos;
        if (trigram) e.positions.emplace_back(pos, g);
    }
};

// Feeds PageCharacters as the indexer does, and the reference alongside.
struct Both {
    PageCharacters& characters;
    Reference& reference;
    void character(char32_t c, std::uint32_t pos, Field f) {
        characters.add(c, pos, f);
        reference.count(c, pos, f, false);
    }
    void bigram(char32_t a, char32_t b, std::uint32_t pos, Field f) {
        characters.joins_previous();
        reference.count((std::uint64_t{a} << 21) | b, pos, f, false);
    }
    void trigram(char32_t a, char32_t b, char32_t c, std::uint32_t pos, Field f) {
        reference.count((std::uint64_t{a} << 42) | (std::uint64_t{b} << 21) | c, pos, f, true);
    }
    void word(std::string_view, std::uint32_t, Field) {}
};

std::uint32_t length16(std::string_view text) {
    std::uint32_t n = 0;
    for (std::size_t i = 0; i < text.size();) n += utf16_length(next_code_point(text, i));
    return n;
}

void check_stats(const TokenStats& got, const TokenStats& want) {
    for (int g = 0; g < 3; ++g) {
        REQUIRE(got.count[g] == want.count[g]);
        if (want.count[g]) REQUIRE(got.first[g] == want.first[g]);
    }
}

// Runs `text` (fields `spans`) through PageCharacters with `words` (their
// texts; their tokens' stats are made up) and checks its tokens against
// the reference's: the same tokens and counts, document tokens (words
// among them) in the order of their UTF-8 text, then trigrams likewise,
// each trigram's positions in text order.
void check_page(PageCharacters& characters, const std::string& text, const std::vector<FieldSpan>& spans,
                std::vector<std::string> words) {
    Reference reference;
    Both both{characters, reference};
    characters.reset(length16(text));
    tokenize_with(text, spans, both);
    std::sort(words.begin(), words.end());
    std::vector<PageToken> word_tokens, documents, trigrams;
    for (std::size_t w = 0; w < words.size(); ++w) {
        const auto n = static_cast<std::uint32_t>(w);
        word_tokens.push_back({kWordBit | w, {{n, 0, 1}, {n, 0, n + 7}}});
    }
    characters.tokens(word_tokens, words, documents, trigrams);

    std::vector<std::tuple<std::string, std::uint64_t>> want_documents, want_trigrams;
    for (const auto& [key, expected] : reference.tokens)
        (kind_of(key) == kTrigram ? want_trigrams : want_documents).emplace_back(code_point_key_text(key), key);
    for (std::size_t w = 0; w < words.size(); ++w) want_documents.emplace_back(words[w], kWordBit | w);
    std::sort(want_documents.begin(), want_documents.end());
    std::sort(want_trigrams.begin(), want_trigrams.end());

    REQUIRE(documents.size() == want_documents.size());
    for (std::size_t i = 0; i < documents.size(); ++i) {
        const auto& [want_text, want_key] = want_documents[i];
        INFO("document token " << i << ": " << want_text);
        REQUIRE(documents[i].key == want_key);
        if (want_key & kWordBit) check_stats(documents[i].stats, word_tokens[want_key & ~kWordBit].stats);
        else check_stats(documents[i].stats, reference.tokens.at(want_key).stats);
    }
    REQUIRE(trigrams.size() == want_trigrams.size());
    for (std::size_t i = 0; i < trigrams.size(); ++i) {
        const auto& [want_text, want_key] = want_trigrams[i];
        INFO("trigram " << i << ": " << want_text);
        REQUIRE(trigrams[i].key == want_key);
        const Expected& expected = reference.tokens.at(want_key);
        check_stats(trigrams[i].stats, expected.stats);
        std::vector<std::pair<std::uint32_t, std::uint8_t>> positions;
        for (std::uint32_t k = trigrams[i].begin; k < trigrams[i].end; ++k)
            positions.emplace_back(characters.positions()[k].pos, characters.positions()[k].group);
        REQUIRE(positions == expected.positions);
    }
}

}  // namespace

TEST_CASE("a page's characters give its character, bigram and trigram tokens in key order", "[index][search]") {
    PageCharacters characters;  // one for every page, as a thread's scratch is
    SECTION("a short page") {
        // 预算 twice in the title and body, a run ended by a word, another by
        // a space, one character alone; the heading holds 三公经费.
        const std::string text = "预算表 预算 2020年三公经费，其中 经 a预算";
        check_page(characters, text, {{0, 3, Field::title}, {12, 16, Field::heading}}, {"2020", "a"});
    }
    SECTION("no character, or only words") {
        check_page(characters, "", {}, {});
        check_page(characters, "budget 2020", {}, {"2020", "budget"});
    }
    SECTION("random pages, outside the BMP too") {
        std::mt19937 random(11);
        static const char32_t kPool[] = {U'!', U'-', U'/', U'~', U'年', U'预', U'算', U'一', U'“', U'”',
                                         U'，', U'！', U'\uFFFD', U'𠮷', U'😀', U'\U00010000', U' ', U'a', U'9'};
        for (int round = 0; round < 200; ++round) {
            INFO("round " << round);
            std::string text;
            const int length = static_cast<int>(random() % 300);
            // The first rounds without the last six of the pool (all in the
            // BMP, no space or word), the others with all of it.
            const std::size_t pool = round < 20 ? std::size(kPool) - 6 : std::size(kPool);
            for (int i = 0; i < length; ++i) append_utf8(text, kPool[random() % pool]);
            std::vector<FieldSpan> spans;
            const std::uint32_t units = length16(text);
            for (std::uint32_t at = 0; at + 4 < units; at += 5 + static_cast<std::uint32_t>(random() % 40))
                if (random() % 2) spans.push_back({at, at + 1 + static_cast<std::uint32_t>(random() % 4),
                                                   random() % 2 ? Field::title : Field::heading});
            check_page(characters, text, spans, {"9", "a", "a9", "zz"});
        }
    }
    SECTION("a page of thousands of different characters (longer dense keys)") {
        // 5,000 CJK code points: ranks of 13 bits, keys of 39 bits, four
        // passes of the sort.
        std::string text;
        for (char32_t c = 0x4E00; c < 0x4E00 + 5000; ++c) {
            append_utf8(text, c);
            if (c % 7 == 0) text += ' ';
        }
        text += "一丁七";  // again, at the end
        check_page(characters, text, {{100, 200, Field::heading}}, {});
    }
}
