// A page's characters turned into its character, bigram and trigram tokens
// (search_tokenize.h), in the index's key order, by sorting the page's
// character positions once rather than looking each token up as it comes:
// a page has about 5,000 characters, each beginning up to three tokens, and
// the lookups, the counting and the sort of the tokens afterwards were half
// of the indexer's time per page. How: the code points are ranked densely,
// each position gets one key of three ranks, one radix sort brings equal
// keys together in text order, and one scan reads the tokens off them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "index/search_tokenize.h"

namespace gk {

// Field groups in the order a trigram's positions are written: title,
// headings, body (Field counts them the other way: body 0, heading 1,
// title 2).
inline std::uint8_t group_of(Field f) { return static_cast<std::uint8_t>(2 - static_cast<int>(f)); }
static_assert(static_cast<int>(Field::body) == 0 && static_cast<int>(Field::heading) == 1 &&
              static_cast<int>(Field::title) == 2);

// What the index keeps of a token's occurrences on a page, but a trigram's
// positions: how many in each field group and the first position in each
// (meaningful where the count is not 0).
struct TokenStats {
    std::uint32_t count[3];
    std::uint32_t first[3];
};

// One character position of the page. While the page is read, `key` is the
// code point (and kJoinsNext when the next character follows it in the same
// run); once sorted, the dense key of the tokens it begins.
struct CharacterPosition {
    std::uint64_t key;
    std::uint32_t pos;
    std::uint8_t group;
};

// A token of a page: key as in search_internal.h (a word's is its number
// among the page's words, with kWordBit), and for a trigram, its positions:
// [begin, end) of PageCharacters::positions(), in position order.
struct PageToken {
    std::uint64_t key;
    TokenStats stats;
    std::uint32_t begin = 0, end = 0;
};

class PageCharacters {
public:
    // Before a page of at most `length16` UTF-16 units.
    void reset(std::uint32_t length16);

    // The page's characters, in text order (tokenize_with's `character`).
    void add(char32_t c, std::uint32_t pos, Field field) {
        *end_++ = {c, pos, group_of(field)};
    }
    // The character added last follows the one before it in a run of
    // characters (tokenize_with's `bigram`).
    void joins_previous() { end_[-2].key |= kJoinsNext; }

    // The page's document tokens (its characters and bigrams, with `words`
    // merged in: the page's word tokens in key order, each word's text
    // word_texts[its number]) into `documents`, and its trigrams into
    // `trigrams`, each in key order (search_internal.h's sort_key).
    void tokens(const std::vector<PageToken>& words, const std::vector<std::string>& word_texts,
                std::vector<PageToken>& documents, std::vector<PageToken>& trigrams);

    // The positions the trigrams' [begin, end) refer to (valid until the
    // next reset).
    const CharacterPosition* positions() const { return sorted_; }

private:
    static constexpr std::uint64_t kJoinsNext = std::uint64_t{1} << 32;
    void rank_code_points();
    // A code point's rank: the BMP's looked up inline (every position of
    // every page asks), those outside it searched (rank_astral).
    std::uint64_t rank(char32_t c) const { return c < 0x10000 ? bmp_rank_[c] : rank_astral(c); }
    std::uint64_t rank_astral(char32_t c) const;
    void sort_by_dense_key();

    std::vector<CharacterPosition> gathered_, other_;
    CharacterPosition* end_ = nullptr;
    const CharacterPosition* sorted_ = nullptr;
    // The code points in use, ranked 1 … in code point order; 0 is "none".
    std::vector<std::uint64_t> in_use_ = std::vector<std::uint64_t>(1024);  // a bit per BMP code point
    std::vector<std::uint32_t> bmp_rank_ = std::vector<std::uint32_t>(0x10000);  // stale but for those in use
    std::vector<char32_t> astral_;  // those outside the BMP, sorted
    std::vector<char32_t> by_rank_;
    std::vector<std::uint32_t> counts_;  // the radix sort's, a digit's buckets per pass
    std::uint32_t bmp_count_ = 0;
    unsigned width_ = 0;  // bits of a rank
};

}  // namespace gk
