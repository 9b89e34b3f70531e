// The search index's token table: every distinct token of the site gets
// an id (SearchIndexer::intern), looked up by key in an open-addressing
// table of 8-byte slots; and the text a token's key stands for.
#include <string>
#include <unordered_map>
#include <vector>

#include "index/search_index.h"
#include "index/search_internal.h"
#include "index/search_tokenize.h"

namespace gk {

namespace {

// The product hash_key takes its high half from; its low half tells most
// keys that share a slot apart without reading their tokens.
inline std::uint32_t key_tag(std::uint64_t key) { return static_cast<std::uint32_t>(key * 0x9E3779B97F4A7C15ull); }

}  // namespace

std::uint64_t SearchIndexer::table_key_of(std::uint32_t id) const {
    const std::uint64_t key = tokens_[id].key;
    return key & kWordBit ? packed_word(words_[key & ~kWordBit]) : key;
}

bool SearchIndexer::holds(const InternSlot& slot, std::uint64_t key, const std::string* word) const {
    if (slot.tag != key_tag(key)) return false;
    const std::uint64_t held = tokens_[slot.id].key;  // (the line the caller counts the page in)
    return word ? (held & kWordBit) && words_[held & ~kWordBit] == *word : held == key;
}

std::uint32_t SearchIndexer::intern(std::uint64_t key, const std::string* word) {
    if (word && word->size() > 8) {
        auto [it, added] = word_ids_.try_emplace(*word, static_cast<std::uint32_t>(tokens_.size()));
        if (added) {
            tokens_.push_back({kWordBit | words_.size(), 0});
            words_.push_back(*word);
        }
        return it->second;
    }
    // A short word is looked up packed, in the same table as the code
    // points' keys (and asked for ahead like them): most words are a
    // figure's digits, and a map of strings hashed each and followed a
    // node or two to find it.
    if (word) key = packed_word(*word);
    std::size_t mask = table_.size() - 1;
    std::size_t i = hash_key(key) & mask;
    for (;; i = (i + 1) & mask) {
        if (table_[i].id == kNoId) break;
        if (holds(table_[i], key, word)) return table_[i].id;
    }
    // Doubled when two thirds full, not half: a table of 2^k slots takes a
    // third more tokens before it doubles, for lookups of two slots on
    // average (five for a key not there). While it doubles both tables
    // are in memory: with millions of distinct trigrams, the peak of the
    // build, at its end of rendering.
    if ((table_used_ + 1) * 3 > table_.size() * 2) {
        std::vector<InternSlot> table(table_.size() * 2, InternSlot{0, kNoId});
        mask = table.size() - 1;
        for (const InternSlot& slot : table_) {
            if (slot.id == kNoId) continue;
            std::size_t j = hash_key(table_key_of(slot.id)) & mask;
            while (table[j].id != kNoId) j = (j + 1) & mask;
            table[j] = slot;
        }
        table_.swap(table);
        i = hash_key(key) & mask;
        while (table_[i].id != kNoId) i = (i + 1) & mask;
    }
    const auto id = static_cast<std::uint32_t>(tokens_.size());
    table_[i] = {key_tag(key), id};
    ++table_used_;
    if (word) {
        tokens_.push_back({kWordBit | words_.size(), 0});
        words_.push_back(*word);
    } else {
        tokens_.push_back({key, 0});
    }
    return id;
}

std::string code_point_key_text(std::uint64_t key) {
    std::string text;
    const Kind kind = kind_of(key);
    if (kind == kTrigram) append_utf8(text, static_cast<char32_t>((key >> 42) & 0x1FFFFF));
    if (kind != kCharacter) append_utf8(text, static_cast<char32_t>((key >> 21) & 0x1FFFFF));
    append_utf8(text, static_cast<char32_t>(key & 0x1FFFFF));
    return text;
}

std::string SearchIndexer::key_text(std::uint64_t key) const {
    return key & kWordBit ? words_[key & ~kWordBit] : code_point_key_text(key);
}

}  // namespace gk
