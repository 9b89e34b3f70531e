// What the search index's parts share (search_page.cpp and
// search_cached_page.cpp take pages in, search_tokens.cpp interns their
// tokens, search_index.cpp and search_walk.cpp write the shards from them,
// search_update.cpp updates the previous index in place):
// token keys and their order, the cache record of a page, and the raw
// writer the entries and records are written with (search_walk.cpp walks
// the entries at the end). Not for other stages.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <limits>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "index/search_index.h"
#include "index/search_shards.h"

namespace gk {

// Token keys, on a page and in the whole index: a character is its code
// point (below 2^21), a bigram its two code points (a << 21 | b with a != 0:
// from 2^21 to 2^42), a trigram its three (from 2^42 to 2^63), a word its
// number (among the page's words, or the index's) with bit 63 set. Keys of
// different kinds never collide.
enum Kind : std::uint8_t { kCharacter, kBigram, kTrigram, kWord };
constexpr std::uint64_t kWordBit = 1ull << 63;
constexpr std::uint64_t kNoKey = ~0ull;  // no word has that number

inline Kind kind_of(std::uint64_t key) {
    if (key & kWordBit) return kWord;
    if (key >= (1ull << 42)) return kTrigram;
    return key >= (1ull << 21) ? kBigram : kCharacter;
}

// The order of keys in the index (and of each page's entries): document
// tokens (characters, bigrams, words) by key, then trigrams by key. Keys
// compare as UTF-8 bytes, that is by code points. sort_key gives that order
// but for words of the same first letter, which compare as strings: a word
// never shares its first code point with a character or bigram (word code
// points are never characters), a character comes before the bigrams it
// begins, and three code points of 21 bits each compare as their number.
inline std::uint64_t sort_key(std::uint64_t key, const std::vector<std::string>& words) {
    switch (kind_of(key)) {
    case kCharacter: return key << 22;
    case kBigram: return ((key >> 21) << 22) | ((key & 0x1FFFFF) + 1);
    case kTrigram: return kWordBit | key;
    default: return (std::uint64_t{static_cast<unsigned char>(words[key & ~kWordBit][0])} << 22) | 0x3FFFFF;
    }
}

// The key whose sort_key is `sort`; for a word (whose sort key is its first
// letter's alone) the one `word_key()` gives.
template <class WordKey>
std::uint64_t key_from_sort_key(std::uint64_t sort, WordKey word_key) {
    if (sort & kWordBit) return sort & ~kWordBit;  // a trigram
    const std::uint64_t low = sort & 0x3FFFFF;
    if (low == 0) return sort >> 22;               // a character
    if (low == 0x3FFFFF) return word_key();        // a word
    return ((sort >> 22) << 21) | (low - 1);       // a bigram
}

// Writes varints and bytes into room made beforehand: a page's entries and
// its cache record are written a few bytes at a time, and std::string's
// append checked its capacity each time (about a tenth of add_page).
struct RawWriter {
    char* at;
    void varint(std::uint64_t value) { at = write_varint(at, value); }
    void bytes(std::string_view b) {
        if (!b.empty()) std::memcpy(at, b.data(), b.size());
        at += b.size();
    }
};

// The first code point of a token's key; a word's is an ASCII letter or
// digit, below every split (0 stands for it).
inline char32_t first_code_point(std::uint64_t key) {
    switch (kind_of(key)) {
    case kCharacter: return static_cast<char32_t>(key & 0x1FFFFF);
    case kBigram: return static_cast<char32_t>((key >> 21) & 0x1FFFFF);
    case kTrigram: return static_cast<char32_t>((key >> 42) & 0x1FFFFF);
    default: return 0;
    }
}

// The UTF-8 text of a key that is not a word (its code points): what the
// shards are keyed by.
std::string code_point_key_text(std::uint64_t key);

// Where a key (a packed word's too) goes in the token table.
inline std::size_t hash_key(std::uint64_t key) {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 32);
}

constexpr std::uint32_t kNoId = ~0u;  // an empty slot of the token table

// A word of eight bytes or fewer as one number, bit 63 set: its bytes in
// order (a word's bytes are ASCII letters and digits, never 0 nor above
// 0x7F, so two words never give the same number, and none gives kNoKey
// or a key of a character, bigram or trigram, which are below 2^63).
inline std::uint64_t packed_word(std::string_view word) {
    std::uint64_t packed = 0;
    std::memcpy(&packed, word.data(), word.size());
    return packed | kWordBit;
}

// Notes, while a page's document entries are written in key order (their
// first code points only rise), where the entries at each of kDocSplits begin.
struct DocSplitter {
    std::array<std::uint32_t, kDocSplitCount>& at;
    std::size_t next = 0;
    // The entry of the document token `key` begins at `offset`.
    void see(std::uint64_t key, std::size_t offset) {
        const char32_t c = first_code_point(key);
        while (next < kDocSplitCount && c >= kDocSplits[next]) at[next++] = narrow(offset);
    }
    // The document entries end at `doc_size`.
    void end(std::size_t doc_size) {
        while (next < kDocSplitCount) at[next++] = narrow(doc_size);
    }

private:
    // A page's document entries are a few kilobytes; 4 GiB would be a page
    // of gigabytes of text.
    static std::uint32_t narrow(std::size_t offset) {
        if (offset > std::numeric_limits<std::uint32_t>::max())
            throw std::length_error("search index: a page's entries are too large");
        return static_cast<std::uint32_t>(offset);
    }
};

// One token of a page's cache record (SearchIndexer::add_from_cache says
// the layout).
struct CachedToken {
    std::uint64_t key;  // kWordBit for a word
    std::string word;
    std::string_view entry;         // the entry without its id
    std::uint64_t occurrences = 0;  // of a trigram
};
// The tokens of a cache record, in key order; false when it is damaged.
bool parse_cached_record(std::string_view record, std::vector<CachedToken>& tokens);

// What the changed pages do to one key's record: the pages whose previous
// entries go, and the pages' entries now (as a shard record holds them:
// weight and snippet position, or a trigram's positions), both by page id.
struct SearchKeyEdit {
    std::vector<std::uint32_t> removed;
    std::vector<std::pair<std::uint32_t, std::string>> added;
};

// An update of the previous index in place (SearchIndexer::plan_update_in_place).
struct SearchIndexer::InPlace {
    // The previous output's shards, d/0.bin, d/1.bin … and p/0.bin …
    std::vector<const PreviousOutput*> doc_files, position_files;
    // By key text (the shards' order): document tokens, trigrams.
    std::map<std::string, SearchKeyEdit> doc_edits, position_edits;
    // The totals of the updated index (SearchIndexer::totals).
    std::uint64_t doc_total = 0, position_total = 0;
    std::size_t changed = 0;  // pages
};

}  // namespace gk
