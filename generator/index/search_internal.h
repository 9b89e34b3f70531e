// What the search index's two halves share (search_index.cpp builds the
// index from pages, search_update.cpp updates the previous index in place):
// token keys and their order, the cache record of a page, and the raw
// writer the entries and records are written with (search_walk.cpp walks
// the entries at the end). Not for other stages.
#pragma once

#include <cstdint>
#include <cstring>
#include <map>
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
