// What the search index's two halves share (search_index.cpp builds the
// index from pages, search_update.cpp updates the previous index in place):
// token keys and the cache record of a page. Not for other stages.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "index/search_index.h"

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
