#include "index/page_characters.h"

#include <algorithm>
#include <bit>
#include <utility>

#include "index/search_internal.h"

namespace gk {

namespace {

inline char32_t code_point_of(std::uint64_t gathered) { return static_cast<char32_t>(gathered & 0x1FFFFF); }

// Counts the positions s[j], s[j + 1] … whose key is `key` (advancing j):
// how many in each field group and the first in each, in registers (they
// are in text order, so the first is the first seen).
inline TokenStats count_run(const CharacterPosition* s, std::uint32_t& j, std::size_t n, std::uint64_t key) {
    std::uint32_t title = 0, heading = 0, body = 0, first_title = ~0u, first_heading = ~0u, first_body = ~0u;
    for (; j < n && s[j].key == key; ++j) {
        const std::uint32_t pos = s[j].pos;
        if (s[j].group == 2) [[likely]] {
            if (body++ == 0) first_body = pos;
        } else if (s[j].group == 1) {
            if (heading++ == 0) first_heading = pos;
        } else if (title++ == 0) {
            first_title = pos;
        }
    }
    return {{title, heading, body}, {first_title, first_heading, first_body}};
}

inline void merge_into(TokenStats& into, const TokenStats& from) {
    for (int g = 0; g < 3; ++g) {
        into.count[g] += from.count[g];
        into.first[g] = std::min(into.first[g], from.first[g]);
    }
}

}  // namespace

void PageCharacters::reset(std::uint32_t length16) {
    // A character takes at least one UTF-16 unit.
    const std::size_t room = std::size_t{length16} + 1;
    if (gathered_.size() < room) gathered_.resize(room);
    end_ = gathered_.data();
    sorted_ = gathered_.data();
}

std::uint64_t PageCharacters::rank_astral(char32_t c) const {
    return bmp_count_ + 1 + static_cast<std::uint64_t>(std::lower_bound(astral_.begin(), astral_.end(), c) - astral_.begin());
}

void PageCharacters::rank_code_points() {
    astral_.clear();
    for (const CharacterPosition* p = gathered_.data(); p != end_; ++p) {
        const char32_t c = code_point_of(p->key);
        if (c < 0x10000) in_use_[c >> 6] |= std::uint64_t{1} << (c & 63);
        else astral_.push_back(c);
    }
    by_rank_.assign(1, 0);
    for (std::size_t word = 0; word < in_use_.size(); ++word) {
        for (std::uint64_t bits = in_use_[word]; bits; bits &= bits - 1) {
            const auto c = static_cast<char32_t>((word << 6) | static_cast<unsigned>(std::countr_zero(bits)));
            bmp_rank_[c] = static_cast<std::uint32_t>(by_rank_.size());
            by_rank_.push_back(c);
        }
        in_use_[word] = 0;  // for the next page
    }
    bmp_count_ = static_cast<std::uint32_t>(by_rank_.size() - 1);
    std::sort(astral_.begin(), astral_.end());
    astral_.erase(std::unique(astral_.begin(), astral_.end()), astral_.end());
    by_rank_.insert(by_rank_.end(), astral_.begin(), astral_.end());
    // At most 0x110000 code points: three ranks take 63 bits at most.
    width_ = static_cast<unsigned>(std::bit_width(by_rank_.size() - 1));
}

void PageCharacters::sort_by_dense_key() {
    CharacterPosition* const gathered = gathered_.data();
    const auto n = static_cast<std::size_t>(end_ - gathered);
    const unsigned w = width_;
    // Each position's key becomes its code point's rank, then the next two
    // characters' when they follow it in the run (else 0): the character,
    // bigram and trigram it begins. Backwards, so each rank is found once.
    std::uint64_t next = 0, after_next = 0;  // the ranks of the two characters after
    bool next_joins = false;                 // whether the next one joins the one after it
    for (std::size_t i = n; i-- > 0;) {
        const std::uint64_t gathered_key = gathered[i].key;
        const std::uint64_t r = rank(code_point_of(gathered_key));
        const bool joins = gathered_key & kJoinsNext;
        std::uint64_t key = r << (2 * w);
        if (joins) {
            key |= next << w;
            if (next_joins) key |= after_next;
        }
        gathered[i].key = key;
        after_next = next, next = r, next_joins = joins;
    }
    // Least significant digit first, stable: equal keys keep text order.
    const unsigned bits = 3 * w;
    const unsigned passes = (bits + 10) / 11;
    const unsigned digit = (bits + passes - 1) / passes;
    const std::size_t buckets = std::size_t{1} << digit;
    const std::uint64_t mask = buckets - 1;
    counts_.assign(passes * buckets, 0);
    for (unsigned p = 0; p < passes; ++p) {  // a pass at a time: a tight loop each
        std::uint32_t* const count = counts_.data() + p * buckets;
        const unsigned shift = p * digit;
        for (std::size_t i = 0; i < n; ++i) ++count[(gathered[i].key >> shift) & mask];
    }
    if (other_.size() < n) other_.resize(n);
    CharacterPosition* from = gathered;
    CharacterPosition* to = other_.data();
    for (unsigned p = 0; p < passes; ++p) {
        std::uint32_t* const start = counts_.data() + p * buckets;
        const unsigned shift = p * digit;
        if (start[(from[0].key >> shift) & mask] == n) continue;  // one digit for all: already in order
        std::uint32_t sum = 0;
        for (std::size_t b = 0; b < buckets; ++b) sum += std::exchange(start[b], sum);
        for (std::size_t i = 0; i < n; ++i) to[start[(from[i].key >> shift) & mask]++] = from[i];
        std::swap(from, to);
    }
    sorted_ = from;
}

void PageCharacters::tokens(const std::vector<PageToken>& words, const std::vector<std::string>& word_texts,
                            std::vector<PageToken>& documents, std::vector<PageToken>& trigrams) {
    documents.clear();
    trigrams.clear();
    std::size_t next_word = 0;
    // Words go before the first character above their first letter (a word's
    // letters are never characters).
    const auto first_letter = [&](const PageToken& word) {
        return static_cast<unsigned char>(word_texts[word.key & ~kWordBit][0]);
    };
    const auto words_below = [&](char32_t c) {
        while (next_word < words.size() && first_letter(words[next_word]) < c) documents.push_back(words[next_word++]);
    };
    const auto n = static_cast<std::size_t>(end_ - gathered_.data());
    if (n > 0) {
        rank_code_points();
        sort_by_dense_key();
    }
    // Sorted, the positions a character begins come together: first those
    // where it stands alone, then by the character after it (a bigram),
    // where it ends the run first and then by the third (a trigram), each
    // in text order. A token's counts are its parts' summed.
    const CharacterPosition* const s = sorted_;
    const unsigned w = width_;
    const std::uint64_t low = (std::uint64_t{1} << w) - 1;
    for (auto j = static_cast<std::uint32_t>(0); j < n;) {
        const std::uint64_t character_rank = s[j].key >> (2 * w);
        const char32_t a = by_rank_[character_rank];
        words_below(a);
        const std::size_t character_at = documents.size();
        documents.emplace_back().key = a;
        TokenStats character = count_run(s, j, n, character_rank << (2 * w));  // where it stands alone
        while (j < n && s[j].key >> (2 * w) == character_rank) {
            const std::uint64_t pair = s[j].key >> w;
            const std::uint64_t bigram_key = (std::uint64_t{a} << 21) | by_rank_[pair & low];
            const std::size_t bigram_at = documents.size();
            documents.emplace_back().key = bigram_key;
            TokenStats bigram = count_run(s, j, n, pair << w);  // where it ends the run
            while (j < n && s[j].key >> w == pair) {
                PageToken& trigram = trigrams.emplace_back();
                const std::uint64_t key = s[j].key;
                trigram.key = (bigram_key << 21) | by_rank_[key & low];
                trigram.begin = j;
                trigram.stats = count_run(s, j, n, key);
                trigram.end = j;
                merge_into(bigram, trigram.stats);
            }
            documents[bigram_at].stats = bigram;
            merge_into(character, bigram);
        }
        documents[character_at].stats = character;
    }
    while (next_word < words.size()) documents.push_back(words[next_word++]);
}

}  // namespace gk
