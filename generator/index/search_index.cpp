#include "index/search_index.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <functional>
#include <iterator>
#include <limits>
#include <utility>
#include <stdexcept>

#include "incremental/file_stamp.h"
#include "index/html_text.h"
#include "index/page_characters.h"
#include "index/search_internal.h"
#include "index/search_tokenize.h"
#include "parallel/cpu_time.h"
#include "parallel/parallel_for.h"
#include "render/json_writer.h"

namespace gk {

namespace {

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

// A short word (packed into a key, kWordBit set) -> its number on the page,
// in order of first sight: open addressing, as a page has hundreds of
// words and this runs for each of its figures.
class ShortWordNumbers {
public:
    ShortWordNumbers() : slots_(1024, Slot{kNoKey, 0}) {}
    void reset() {
        for (std::size_t n = 0; n < keys.size(); ++n)
            if (where_[n] != kUnplaced) slots_[where_[n]].key = kNoKey;
        keys.clear();
        where_.clear();
    }
    // Inline: the key is there most of the time.
    [[gnu::always_inline]] std::uint32_t number(std::uint64_t key) {
        const std::size_t mask = slots_.size() - 1;
        std::size_t i = hash_key(key) & mask;
        for (;; i = (i + 1) & mask) {
            const Slot& s = slots_[i];
            if (s.key == key) return s.number;
            if (s.key == kNoKey) return add(key, i);
        }
    }
    // A number for a key kept elsewhere (a long word): the next number,
    // with a key that no lookup finds.
    std::uint32_t reserve_number() {
        const auto n = static_cast<std::uint32_t>(keys.size());
        keys.push_back(kNoKey);
        where_.push_back(kUnplaced);
        return n;
    }
    std::vector<std::uint64_t> keys;  // by number

private:
    static constexpr std::uint32_t kUnplaced = ~0u;
    struct Slot {
        std::uint64_t key;
        std::uint32_t number;
    };
    // A key new to the page, whose empty slot is `i`.
    [[gnu::noinline]] std::uint32_t add(std::uint64_t key, std::size_t i) {
        if ((keys.size() + 1) * 2 > slots_.size()) {
            grow();
            return number(key);
        }
        const auto n = static_cast<std::uint32_t>(keys.size());
        slots_[i] = {key, n};
        keys.push_back(key);
        where_.push_back(static_cast<std::uint32_t>(i));
        return n;
    }
    void grow() {
        slots_.assign(slots_.size() * 2, Slot{kNoKey, 0});
        const std::size_t mask = slots_.size() - 1;
        for (std::uint32_t n = 0; n < keys.size(); ++n) {
            if (where_[n] == kUnplaced) continue;  // kept elsewhere
            std::size_t i = hash_key(keys[n]) & mask;
            while (slots_[i].key != kNoKey) i = (i + 1) & mask;
            slots_[i] = {keys[n], n};
            where_[n] = static_cast<std::uint32_t>(i);
        }
    }
    std::vector<Slot> slots_;
    std::vector<std::uint32_t> where_;  // number -> its slot
};

struct StringViewHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// Receives the tokens of a page (tokenize_with calls it directly): gathers
// its characters for PageCharacters, counts its words' occurrences, and
// writes its text as UTF-16.
class Collector final {
public:
    // For a text of `length16` UTF-16 units: the text's UTF-16LE is
    // written into room made once, unchecked.
    void reset(std::uint32_t length16) {
        characters.reset(length16);
        utf16_.resize(std::size_t{length16} * 2);
        utf16_end_ = utf16_.data();
        utf16_limit_ = utf16_end_ + utf16_.size();
        words.clear();
        word_stats.clear();
        word_index_.clear();
        short_words_.reset();
    }
    PageCharacters characters;
    std::vector<std::string> words;       // by word number
    std::vector<TokenStats> word_stats;  // likewise
    // The text as UTF-16LE, what the packs hold (length16 × 2 bytes).
    std::string_view utf16() const {
        return std::string_view(utf16_.data(), static_cast<std::size_t>(utf16_end_ - utf16_.data()));
    }

    // Every code point of the text, in order (tokenize_with): its UTF-16
    // units, into room for the text's length in units.
    void code_point(char32_t c) {
        const std::size_t units = c >= 0x10000 ? 2 : 1;
        // length16 is exact; never more than it says.
        if (static_cast<std::size_t>(utf16_limit_ - utf16_end_) < units * 2) return;
        if (c >= 0x10000) {
            unit(0xD800 + ((c - 0x10000) >> 10));
            unit(0xDC00 + ((c - 0x10000) & 0x3FF));
        } else {
            unit(c);
        }
    }

    void character(char32_t c, std::uint32_t pos, Field field) { characters.add(c, pos, field); }
    void bigram(char32_t, char32_t, std::uint32_t, Field) { characters.joins_previous(); }
    void trigram(char32_t, char32_t, char32_t, std::uint32_t, Field) {}  // PageCharacters finds them
    void word(std::string_view w, std::uint32_t pos, Field field) {
        std::uint32_t number;
        if (w.size() <= 8) {
            // Most words are a figure's digits: eight bytes or fewer, looked
            // up as one number (a word's bytes are never 0, and bit 63 keeps
            // it apart from a reserved number), not hashed as a string in a
            // map whose nodes were allocated and freed page after page.
            number = short_words_.number(packed_word(w));
        } else {
            auto it = word_index_.find(w);
            if (it == word_index_.end())
                it = word_index_.emplace(std::string(w), short_words_.reserve_number()).first;
            number = it->second;
        }
        if (number == words.size()) {
            words.emplace_back(w);
            word_stats.push_back({{0, 0, 0}, {0, 0, 0}});
        }
        TokenStats& s = word_stats[number];
        const std::uint8_t g = group_of(field);
        if (s.count[g]++ == 0) s.first[g] = pos;
    }

private:
    void unit(std::uint32_t u) {
        *utf16_end_++ = static_cast<char>(u & 0xFF);
        *utf16_end_++ = static_cast<char>(u >> 8);
    }
    std::string utf16_;
    char* utf16_end_ = nullptr;
    const char* utf16_limit_ = nullptr;
    // Word -> word number: short words packed (ShortWordNumbers numbers them in
    // order), longer ones in the map, numbered from the same count.
    ShortWordNumbers short_words_;
    std::unordered_map<std::string, std::uint32_t, StringViewHash, std::equal_to<>> word_index_;
};

// A word of a page and its first eight bytes as a big-endian number (zeros
// after a shorter word, whose bytes are never 0): the numbers compare as
// the words do, but for words that share their first eight bytes.
struct WordOrder {
    std::uint64_t first_bytes;
    std::uint32_t word;  // its number on the page
};

inline std::uint64_t first_bytes(std::string_view word) {
    std::uint64_t n = 0;
    for (std::size_t k = 0; k < 8; ++k) n = (n << 8) | (k < word.size() ? static_cast<unsigned char>(word[k]) : 0u);
    return n;
}

// What add_page reuses from one page to the next on a thread, so that a page
// costs no allocation once the buffers have grown to the largest page.
struct PageScratch {
    Collector collector;
    std::vector<PageToken> words, documents, trigrams;  // the page's tokens, in key order
    std::vector<WordOrder> word_order;
    std::vector<std::uint32_t> ids;  // of documents then trigrams
    std::string entries;
    std::string cached;  // the page's cache record
    std::uint64_t indexer = 0;  // serial of the indexer this thread last added a page to
    void* memo = nullptr;       // that indexer's InternMemo for this thread (a type private to it)
    std::vector<std::uint64_t> table_keys;  // of documents then trigrams: what the table and memo know them by
    std::vector<std::uint32_t> missed;      // the page's tokens its memo did not hold
};

inline std::size_t memo_index(std::uint64_t table_key, unsigned bits) {
    return static_cast<std::size_t>((table_key * 0x9E3779B97F4A7C15ull) >> (64 - bits));
}

std::atomic<std::uint64_t> next_serial{1};

std::size_t varint_size(std::uint64_t value) {
    std::size_t n = 1;
    while (value >= 0x80) value >>= 7, ++n;
    return n;
}

// The most bytes write_entry writes for a token: id, length, head and two
// counts of at most 5 bytes each (32-bit values; the head 34 bits), or id,
// a weight of at most 10 and a position; and 5 per occurrence.
constexpr std::size_t kEntryMost = 30, kOccurrenceMost = 5;

// Writes one token's entry for a page (see PageRecord::entries): its
// weight (occurrences weighed by field) and the position a snippet shows
// (the first in the body, else in a heading, else in the title); for a
// trigram instead, every position, grouped by field: `begin`..`end`, its
// occurrences in position order.
void write_entry(RawWriter& out, std::uint32_t id, const TokenStats& stats, const CharacterPosition* begin,
                 const CharacterPosition* end, bool trigram) {
    const std::uint32_t* const count = stats.count;
    const std::uint32_t* const first = stats.first;
    const std::uint64_t weight = std::uint64_t{count[0]} * kWeightTitle + std::uint64_t{count[1]} * kWeightHeading +
                                 std::uint64_t{count[2]} * kWeightBody;
    out.varint(id);
    if (!trigram) {
        out.varint(weight);
        out.varint(count[2] ? first[2] : count[1] ? first[1] : first[0]);
        return;
    }
    // The positions' length comes first: one byte is left for it, and the
    // rare longer length moves them.
    char* const length_at = out.at++;
    const std::uint64_t n = end - begin;
    out.varint((n << 2) | (count[0] ? 1 : 0) | (count[1] ? 2 : 0));
    if (count[0]) out.varint(count[0]);
    if (count[1]) out.varint(count[1]);
    const bool one_group = (count[0] != 0) + (count[1] != 0) + (count[2] != 0) == 1;
    for (std::uint8_t group = 0; group < 3; ++group) {
        if (!count[group]) continue;
        std::uint32_t last = 0;
        for (const CharacterPosition* o = begin; o != end; ++o) {
            if (!one_group && o->group != group) continue;
            out.varint(o->pos - last);
            last = o->pos;
        }
    }
    const std::size_t length = static_cast<std::size_t>(out.at - length_at - 1);
    const std::size_t extra = varint_size(length) - 1;
    if (extra) {
        std::memmove(length_at + 1 + extra, length_at + 1, length);
        out.at += extra;
    }
    RawWriter{length_at}.varint(length);
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

// A page's entries in key order (see PageRecord::entries) and, when
// `cache`, its cache record but the text's hash (see add_cached: each
// token's key, a word's text, not its id, and the entry without the id),
// written into the thread's scratch, in room made for the most they can
// take (kEntryMost).
struct WrittenEntries {
    std::string_view entries;
    std::size_t doc_size = 0;  // of the document tokens' entries, before the trigrams'
    char* cached_end = nullptr;  // where the cache record goes on
    std::size_t entries_in_record = 0;  // where in the cache record the entries are
    std::array<std::uint32_t, kDocSplitCount> doc_splits{};  // see PageRecord
};

WrittenEntries write_entries(PageScratch& scratch, std::string_view title, bool cache) {
    const std::vector<std::string>& words = scratch.collector.words;
    const std::vector<PageToken>& documents = scratch.documents;
    const std::vector<PageToken>& trigrams = scratch.trigrams;
    std::size_t positions = 0;
    for (const PageToken& t : trigrams) positions += t.end - t.begin;
    const std::size_t n_tokens = documents.size() + trigrams.size();
    const std::size_t room = n_tokens * kEntryMost + positions * kOccurrenceMost;
    if (scratch.entries.size() < room) scratch.entries.resize(room);
    if (cache) {
        std::size_t words_size = 0;
        for (const std::string& w : words) words_size += w.size();
        // Header, keys, then the entries as they are (and their length).
        const std::size_t cached_room = 4 * kMaxVarint + title.size() + words_size + n_tokens * kMaxVarint +
                                        room + sizeof(Hash128);
        if (scratch.cached.size() < cached_room) scratch.cached.resize(cached_room);
    }
    RawWriter out{scratch.entries.data()};
    RawWriter record{scratch.cached.data()};
    if (cache) {
        record.varint(title.size());
        record.bytes(title);
        record.varint(n_tokens);
        record.varint(documents.size());
    }
    std::uint64_t last[3] = {0, 0, 0};  // the previous key of each kind but words
    WrittenEntries written;
    DocSplitter splits{written.doc_splits};
    const CharacterPosition* const positions_of = scratch.collector.characters.positions();
    const std::uint32_t* id = scratch.ids.data();
    for (const std::vector<PageToken>* tokens : {&documents, &trigrams}) {
        const bool trigram = tokens == &trigrams;
        for (const PageToken& token : *tokens) {
            if (!trigram) splits.see(token.key, static_cast<std::size_t>(out.at - scratch.entries.data()));
            write_entry(out, *id++, token.stats, positions_of + token.begin, positions_of + token.end, trigram);
            if (!trigram) written.doc_size = static_cast<std::size_t>(out.at - scratch.entries.data());
            if (!cache) continue;
            if (token.key & kWordBit) {
                const std::string& word = words[token.key & ~kWordBit];
                record.varint((std::uint64_t{word.size()} << 2) | kWord);
                record.bytes(word);
            } else {
                const Kind kind = kind_of(token.key);
                const std::uint64_t rise = token.key - last[kind];
                record.varint(trigram ? rise : (rise << 2) | kind);  // a bigram's rise is under 2^42
                last[kind] = token.key;
            }
        }
    }
    splits.end(written.doc_size);
    written.entries = std::string_view(scratch.entries.data(), static_cast<std::size_t>(out.at - scratch.entries.data()));
    if (cache) {
        // The entries themselves, once: finish() reads them from here (the
        // cache file being written) instead of from a spill of their own.
        record.varint(written.entries.size());
        written.entries_in_record = static_cast<std::size_t>(record.at - scratch.cached.data());
        record.bytes(written.entries);
    }
    written.cached_end = record.at;
    return written;
}

// Shard size: big enough that the manifest (one separator per shard) stays
// small, small enough that a query for a rare token fetches little. About
// the square root of 8 × the total balances the two (8: bytes per separator).
std::size_t choose_target(std::uint64_t total) {
    const double t = std::sqrt(8.0 * static_cast<double>(total));
    return static_cast<std::size_t>(std::clamp(t, 4096.0, 65536.0));
}

}  // namespace

SpillStore::SpillStore(bool to_file, const std::string& dir) {
    if (!to_file) return;
    std::string folder = dir;
    if (folder.empty()) {
        const char* tmp = std::getenv("TMPDIR");
        folder = tmp && *tmp ? tmp : "/tmp";
    }
#ifdef O_TMPFILE
    fd_ = ::open(folder.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
#endif
    if (fd_ < 0) {
        // No O_TMPFILE here: a named file, unlinked at once.
        std::string name = folder + "/.gongkai-search-XXXXXX";
        fd_ = ::mkostemp(name.data(), O_CLOEXEC);
        if (fd_ >= 0) ::unlink(name.c_str());
    }
}

SpillStore::~SpillStore() {
    if (fd_ >= 0) ::close(fd_);
}

std::uint64_t SpillStore::append(std::string_view bytes) {
    std::uint64_t offset = 0;
    {
        std::lock_guard lock(mutex_);
        offset = size_;
        size_ += bytes.size();
        if (fd_ < 0) {
            memory_.append(bytes);
            return offset;
        }
    }
    // Each page writes its own reserved range, outside the lock.
    for (std::size_t done = 0; done < bytes.size();) {
        const ssize_t n = ::pwrite(fd_, bytes.data() + done, bytes.size() - done, static_cast<off_t>(offset + done));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0)
            throw std::runtime_error(std::string("search index: cannot write its temporary file: ") +
                                     std::strerror(n < 0 ? errno : ENOSPC));
        done += static_cast<std::size_t>(n);
    }
    return offset;
}

void SpillStore::read(std::uint64_t offset, std::size_t length, std::string& out) const {
    if (fd_ < 0) {
        out.append(memory_, static_cast<std::size_t>(offset), length);
        return;
    }
    if (!append_at(fd_, offset, length, out))
        throw std::runtime_error(std::string("search index: cannot read its temporary file: ") +
                                 std::strerror(errno ? errno : EIO));
}

SearchIndexer::SearchIndexer(SearchIndexOptions options)
    : options_(std::move(options)),
      spill_(options_.spill, options_.spill_dir),
      texts_(options_.spill, options_.spill_dir),
      serial_(next_serial++) {
    table_.assign(1u << 12, InternSlot{0, kNoId});
    if (!options_.cache_file.empty()) {
        cache_in_ = std::make_unique<SearchCacheReader>(options_.cache_file, options_.cache_key);
        cache_out_ = std::make_unique<SearchCacheWriter>(options_.cache_file, options_.cache_key, cache_in_.get());
    }
    // Checked once here, not per page: a pack is many pages' texts.
    for (auto it = options_.previous_index.lower_bound(std::string(kPackFolder));
         it != options_.previous_index.end() && it->first.starts_with(kPackFolder); ++it)
        if (still_as_recorded(it->second.file)) previous_packs_[it->first] = &it->second;
}

bool SearchIndexer::wants(const std::string& path) {
    return path.ends_with(".html") && path != "404.html" && !path.starts_with("search/");
}

std::string SearchIndexer::pack_path(std::size_t k) {
    return std::string(kPackFolder) + std::to_string(k) + ".bin";
}

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

bool parse_cached_record(std::string_view record, std::vector<CachedToken>& tokens) {
    std::size_t i = 0;
    std::string_view title;
    std::uint64_t n_tokens = 0, doc_tokens = 0;
    if (!get_bytes(record, i, title) || !get_varint(record, i, n_tokens) || n_tokens > record.size() ||
        !get_varint(record, i, doc_tokens) || doc_tokens > n_tokens)
        return false;
    tokens.resize(static_cast<std::size_t>(n_tokens));
    std::uint64_t last[3] = {0, 0, 0};  // as add_page wrote them (see add_from_cache)
    for (std::size_t t = 0; t < tokens.size(); ++t) {
        CachedToken& token = tokens[t];
        std::uint64_t tag = 0;
        if (!get_varint(record, i, tag)) return false;
        const Kind kind = t >= doc_tokens ? kTrigram : static_cast<Kind>(tag & 3);
        const std::uint64_t value = t >= doc_tokens ? tag : tag >> 2;
        if (kind == kWord) {
            const std::size_t length = static_cast<std::size_t>(value);
            if (length == 0 || length > record.size() - i) return false;
            token.word.assign(record.substr(i, length));
            i += length;
            token.key = kWordBit;
        } else {
            token.key = last[kind] + value;
            if (token.key < last[kind] || token.key & kWordBit || kind_of(token.key) != kind) return false;
            last[kind] = token.key;
        }
    }
    // The entries, one per token in the same order: the writing build's id
    // (skipped), then two varints, or a trigram's length and bytes.
    std::string_view entries;
    if (!get_bytes(record, i, entries)) return false;
    std::size_t j = 0;
    for (CachedToken& token : tokens) {
        std::uint64_t id = 0, value = 0;
        if (!get_varint(entries, j, id)) return false;
        const std::size_t begin = j;
        if (kind_of(token.key) == kTrigram) {
            std::uint64_t length = 0, head = 0;
            if (!get_varint(entries, j, length) || length > entries.size() - j) return false;
            std::size_t k = j;
            if (!get_varint(entries, k, head) || k > j + length) return false;
            token.occurrences = head >> 2;
            j += static_cast<std::size_t>(length);
        } else if (!get_varint(entries, j, value) || !get_varint(entries, j, value)) {
            return false;
        }
        token.entry = entries.substr(begin, j - begin);
    }
    return j == entries.size() && i + 16 == record.size();  // then the text's hash
}

std::uint64_t SearchIndexer::adding_clock() const { return options_.timings ? thread_cpu_ns() : 0; }

void SearchIndexer::count_adding(std::uint64_t start) {
    if (options_.timings) nanoseconds_adding_ += thread_cpu_ns() - start;
}

SearchIndexer::InternMemo* SearchIndexer::new_memo() {
    std::lock_guard lock(mutex_);
    memos_.push_back(std::make_unique<InternMemo>());
    memos_.back()->slots.resize(std::size_t{1} << memo_bits());
    return memos_.back().get();
}

void SearchIndexer::flush_memos() {
    std::lock_guard lock(mutex_);
    for (const std::unique_ptr<InternMemo>& memo : memos_)
        for (MemoSlot& slot : memo->slots)
            if (slot.key != 0) tokens_[slot.id].docs += std::exchange(slot.pages, 0);
    // (The memos stay: a thread's scratch points to its own until the
    // indexer goes, and a page added now is refused under the lock.)
}

void SearchIndexer::add_page(const std::string& path, std::string_view html, OutputSink& /*sink*/,
                             const Hash128* html_hash) {
    const std::uint64_t start = adding_clock();
    static thread_local PageScratch scratch;
    if (scratch.indexer != serial_) {
        scratch.indexer = serial_;
        scratch.memo = new_memo();
        ++threads_adding_;
    }
    const Hash128 bytes_hash = !cache_out_ ? Hash128{} : html_hash ? *html_hash : hash128(html);
    if (add_from_cache(path, bytes_hash, start, nullptr)) return;
    PageText page = extract_page_text(html, options_.title_suffix);
    Collector& collector = scratch.collector;
    collector.reset(page.length16);
    tokenize_with(page.text, page.spans, collector);

    // The page's tokens in the order finish() walks them (see sort_key):
    // its words by text, merged by first letter into its characters and
    // bigrams, then its trigrams.
    const std::vector<std::string>& words = collector.words;
    // Sorted by their first eight bytes as one number (most words are a
    // figure's digits, shorter than that), by their text where those are
    // the same: string comparisons were a twentieth of a page's time.
    std::vector<WordOrder>& word_order = scratch.word_order;
    word_order.resize(words.size());
    for (std::uint32_t w = 0; w < words.size(); ++w) word_order[w] = {first_bytes(words[w]), w};
    std::sort(word_order.begin(), word_order.end(), [&](const WordOrder& a, const WordOrder& b) {
        return a.first_bytes != b.first_bytes ? a.first_bytes < b.first_bytes : words[a.word] < words[b.word];
    });
    scratch.words.clear();
    for (const WordOrder& w : word_order) {
        scratch.words.push_back({kWordBit | w.word, collector.word_stats[w.word]});
    }
    collector.characters.tokens(scratch.words, words, scratch.documents, scratch.trigrams);

    std::vector<std::uint32_t>& ids = scratch.ids;
    ids.resize(scratch.documents.size() + scratch.trigrams.size());
    std::uint64_t position_bytes = 0;  // the page's part of position_bytes_
    for (const PageToken& trigram : scratch.trigrams) position_bytes += (trigram.end - trigram.begin) * 2;
    // The key a token is looked up by: a word's packed, when short.
    const auto table_key = [&](std::uint64_t key) {
        if (!(key & kWordBit)) return key;
        const std::string& word = words[key & ~kWordBit];
        return word.size() <= 8 ? packed_word(word) : kNoKey;
    };
    // First the thread's memo, without the lock: most of a page's tokens
    // are on the pages the thread read before it.
    MemoSlot* const memo = static_cast<InternMemo*>(scratch.memo)->slots.data();
    const unsigned bits = memo_bits();
    std::vector<std::uint64_t>& table_keys = scratch.table_keys;
    table_keys.resize(ids.size());
    std::vector<std::uint32_t>& missed = scratch.missed;
    missed.clear();
    {
        std::uint32_t t = 0;
        for (const std::vector<PageToken>* list : {&scratch.documents, &scratch.trigrams}) {
            for (const PageToken& token : *list) {
                const std::uint64_t key = table_keys[t] = table_key(token.key);
                MemoSlot& slot = memo[memo_index(key, bits)];
                if (key != kNoKey && slot.key == key) {
                    ids[t] = slot.id;
                    ++slot.pages;
                } else {
                    missed.push_back(t);
                }
                ++t;
            }
        }
    }
    {
        std::lock_guard lock(mutex_);
        if (table_.empty()) throw std::logic_error("search index: a page added after finish()");
        position_bytes_ += position_bytes;
        const std::size_t n_documents = scratch.documents.size();
        const auto token_at = [&](std::uint32_t t) -> const PageToken& {
            return t < n_documents ? scratch.documents[t] : scratch.trigrams[t - n_documents];
        };
        // The table is larger than a core's cache at any size of site worth
        // the name: each token's slot is asked for some tokens ahead.
        constexpr std::size_t kAhead = 8;
        const std::size_t mask = table_.size() - 1;  // (a growth makes the prefetches useless, not wrong)
        for (std::size_t m = 0; m < missed.size(); ++m) {
            if (m + kAhead < missed.size()) {
                const std::uint64_t ahead = table_keys[missed[m + kAhead]];
                if (ahead != kNoKey) __builtin_prefetch(&table_[hash_key(ahead) & mask]);
            }
            const std::uint32_t t = missed[m];
            const std::uint64_t key = token_at(t).key;
            const bool word = key & kWordBit;
            const std::uint32_t id = intern(key, word ? &words[key & ~kWordBit] : nullptr);
            ids[t] = id;
            ++tokens_[id].docs;
            const std::uint64_t memo_key = table_keys[t];
            if (memo_key == kNoKey) continue;
            MemoSlot& slot = memo[memo_index(memo_key, bits)];
            if (slot.key != 0) tokens_[slot.id].docs += slot.pages;
            slot = MemoSlot{memo_key, id, 0};
        }
    }
    const WrittenEntries written = write_entries(scratch, page.title, cache_out_ != nullptr);
    PageRecord record{path, std::move(page.title)};
    record.doc_size = written.doc_size;
    record.size = written.entries.size();
    record.doc_splits = written.doc_splits;
    const std::string_view text_file = collector.utf16();
    record.text_hash = hash128(text_file);
    std::optional<std::uint64_t> in_cache;
    if (cache_out_) {
        // The text itself is in the output (search/pages/): its hash finds it.
        std::string hash;
        put_hash(hash, record.text_hash);
        RawWriter record_out{written.cached_end};
        record_out.bytes(hash);
        const auto size = static_cast<std::size_t>(record_out.at - scratch.cached.data());
        in_cache = cache_out_->add(path, bytes_hash, std::string_view(scratch.cached.data(), size), record.title,
                                   record.text_hash);
    }
    // The entries wait in the cache's record, or (no cache, or it could
    // not be written) in the spill.
    if (in_cache) {
        record.store = cache_out_.get();
        record.offset = *in_cache + written.entries_in_record;
    } else {
        record.store = &spill_;
        record.offset = spill_.append(written.entries);
    }
    record.text_offset = texts_.append(text_file);
    record.text_size = text_file.size();
    {
        std::lock_guard lock(mutex_);
        records_.push_back(std::move(record));
        ++pages_;
    }
    count_adding(start);
}

// A cache record: title, the number of tokens, the number of document
// tokens (they come first), each token's key in key order, the page's
// entries as bytes (varint length, then the entries exactly as
// PageRecord describes them: the build that wrote the record walks them
// there), then the hash of the page's text (16 bytes). A document token's
// key is (k << 2) | kind (search_internal.h), k being a word's length (its
// bytes follow) or how much the key is above the previous key of the same
// kind on the page (0 before the first); a trigram's key, how much it is
// above the previous trigram's. In key order each kind's keys only rise,
// so the differences are small: the records were twice the size with
// whole keys. The entries' ids are the writing build's and mean nothing
// to the next: it gives its own by interning the keys (decode_cached),
// which waits for finish(): when finish() updates the previous index in
// place, an unchanged page's entries are not needed.
bool SearchIndexer::add_from_cache(const std::string& path, const Hash128& bytes_hash, std::uint64_t start,
                                   const PreviousFile* file) {
    if (!cache_in_) return false;
    const CachedRecordPlace* where = cache_in_->place(path, bytes_hash);
    if (!where) return false;
    // A page made again has only its bytes: its record must be whole now.
    // A page kept from the previous output is taken by the directory alone
    // (its title and text's hash); its record is read only if finish()
    // walks every page, and a damaged one then reads the kept file.
    std::optional<std::string> record;  // read when checked, so that carry() need not read it again
    if (!file && !(record = cache_in_->read(*where))) return false;
    const Hash128& text_hash = where->text;
    // The text is taken from the previous output's pack: no pack, no page.
    const CachedTextPlace* place = cache_in_->text(text_hash);
    if (!place) return false;
    const auto pack = previous_packs_.find(place->pack);
    const CachedPack* cached_pack = cache_in_->pack(place->pack);
    if (pack == previous_packs_.end() || !cached_pack || cached_pack->bytes != pack->second->file.hash ||
        place->offset > pack->second->file.size || place->size > pack->second->file.size - place->offset)
        return false;
    PageRecord page{path, where->title};
    page.text_hash = text_hash;
    page.text_offset = place->offset;
    page.text_size = place->size;
    page.previous_pack = pack->second;
    page.cached = true;
    if (file) page.kept_file = file->file;
    cache_out_->carry(path, *where, *cache_in_, record);
    {
        std::lock_guard lock(mutex_);
        records_.push_back(std::move(page));
        ++pages_;
    }
    ++pages_from_cache_;
    count_adding(start);
    return true;
}

void SearchIndexer::keep_page(const std::string& path, const PreviousFile& previous, OutputSink& sink) {
    if (add_from_cache(path, previous.hash, adding_clock(), &previous)) return;
    const std::optional<std::string> html = read_whole_file(previous.file);
    if (!html) throw std::runtime_error("search index: cannot read '" + previous.file + "'");
    add_page(path, *html, sink);
}

bool SearchIndexer::decode_cached(PageRecord& page) {
    const std::optional<std::string> cached = cache_in_->find_any(page.path);
    if (!cached) return false;
    const std::string_view record = *cached;
    std::vector<CachedToken> tokens;
    if (!parse_cached_record(record, tokens)) return false;
    std::vector<std::uint32_t> ids(tokens.size());
    {
        std::lock_guard lock(mutex_);
        for (std::size_t t = 0; t < tokens.size(); ++t) {
            const CachedToken& c = tokens[t];
            ids[t] = intern(c.key, c.key == kWordBit ? &c.word : nullptr);
            ++tokens_[ids[t]].docs;
            position_bytes_ += c.occurrences * 2;  // as add_page estimates it
        }
    }
    std::string entries;
    std::size_t doc_size = 0;
    DocSplitter splits{page.doc_splits};
    for (std::size_t t = 0; t < tokens.size(); ++t) {
        const bool trigram = kind_of(tokens[t].key) == kTrigram;
        if (!trigram) splits.see(tokens[t].key, entries.size());
        put_varint(entries, ids[t]);
        entries += tokens[t].entry;
        if (!trigram) doc_size = entries.size();
    }
    splits.end(doc_size);
    page.store = &spill_;
    page.offset = spill_.append(entries);
    page.doc_size = doc_size;
    page.size = entries.size();
    page.cached = false;
    return true;
}

void SearchIndexer::decode_cached_pages(unsigned threads) {
    std::vector<PageRecord*> cached;
    for (PageRecord& page : records_)
        if (page.cached) cached.push_back(&page);
    std::vector<char> damaged(cached.size(), 0);
    parallel_for(cached.size(), threads, [&](std::size_t i) {
        // A page made again had its record checked when it was taken: only
        // a file changed since can fail here. A kept page's record was not
        // read then: if it is damaged, the page is read from its file.
        if (decode_cached(*cached[i])) return;
        if (cached[i]->kept_file.empty())
            throw std::runtime_error("search index: its cache changed while the site was being built");
        damaged[i] = 1;
    });
    std::vector<std::pair<std::string, std::string>> again;  // path, kept file
    for (std::size_t i = 0; i < cached.size(); ++i)
        if (damaged[i]) again.emplace_back(cached[i]->path, cached[i]->kept_file);
    if (again.empty()) return;
    std::erase_if(records_, [](const PageRecord& page) { return page.cached; });  // the damaged ones: all others decoded
    pages_ -= again.size();
    pages_from_cache_ -= again.size();
    MemorySink unused;  // add_page writes nothing
    for (const auto& [path, file] : again) {
        const std::optional<std::string> html = read_whole_file(file);
        if (!html) throw std::runtime_error("search index: cannot read '" + file + "'");
        add_page(path, *html, unused);
    }
    std::sort(records_.begin(), records_.end(), [](const PageRecord& a, const PageRecord& b) { return a.path < b.path; });
}

namespace {

// Records in key order that wait for the records before them, in a
// temporary file (the upper part of the document tokens' walk: tens of
// megabytes at 9,000 department-years, which in memory raised the build's
// peak by as much), written and read a megabyte at a time.
class RecordQueue {
public:
    explicit RecordQueue(SpillStore& store) : store_(store) {}
    void add(std::string_view key, std::string_view record) {
        put_bytes(buffer_, key);
        put_bytes(buffer_, record);
        if (buffer_.size() >= kChunk) flush();
    }
    // Passes every record to `add`, in the order they came.
    void replay(const std::function<void(std::string_view, std::string_view)>& add) {
        flush();
        std::string chunk;
        for (const auto& [offset, size] : chunks_) {
            chunk.clear();
            store_.read(offset, size, chunk);
            std::size_t i = 0;
            std::string_view key, record;
            while (i < chunk.size()) {
                if (!get_bytes(chunk, i, key) || !get_bytes(chunk, i, record))
                    throw std::logic_error("search index: a queued record is cut short");
                add(key, record);
            }
        }
        chunks_.clear();
    }

private:
    static constexpr std::size_t kChunk = std::size_t{1} << 20;
    void flush() {
        if (buffer_.empty()) return;
        chunks_.emplace_back(store_.append(buffer_), buffer_.size());
        buffer_.clear();
    }
    SpillStore& store_;
    std::string buffer_;
    std::vector<std::pair<std::uint64_t, std::size_t>> chunks_;
};

}  // namespace

void SearchIndexer::finish(OutputSink& sink) {
    const std::uint64_t start = cpu_ns(CLOCK_PROCESS_CPUTIME_ID);
    std::sort(records_.begin(), records_.end(),
              [](const PageRecord& a, const PageRecord& b) { return a.path < b.path; });
    const unsigned threads = options_.finish_threads ? options_.finish_threads : threads_adding_.load() > 1 ? 2 : 1;
    // Two ways to the same shards (tests/unit/index/search_update_test.cpp):
    // the previous index updated in place where the changed pages' entries
    // are, or every page's entries walked in key order.
    // Every page is in (no thread adds one now): the counts the threads'
    // memos hold go to their tokens before anything reads them.
    flush_memos();
    const std::optional<InPlace> plan = plan_update_in_place();
    if (!plan) decode_cached_pages(threads);
    // Every token has its id now; what follows looks tokens up by id only.
    // The table that gave the ids is let go before the walk makes its own
    // arrays: for a site of real text it holds millions of tokens (16
    // bytes a slot, at most half of them used), the largest thing in memory
    // at the end of the build.
    std::vector<InternSlot>().swap(table_);
    table_used_ = 0;
    std::unordered_map<std::string, std::uint32_t>().swap(word_ids_);
    const auto [doc_total, position_total] =
        plan ? std::pair{plan->doc_total, plan->position_total} : totals();
    // (Without a plan the token list goes to the ranks: the walk reads them
    // by rank from here on.)
    const TokenRanks ranks = plan ? TokenRanks{} : rank_tokens();
    updated_in_place_ = plan.has_value();
    pages_changed_ = plan ? plan->changed : 0;

    // Each writer has its own digest (the digest is a sum: the same whatever the order).
    const std::vector<std::string> facts = document_facts();
    FileDigest doc_digest, position_digest, text_digest;
    ShardWriter doc_shards("search/d/",
                           options_.doc_shard_bytes ? options_.doc_shard_bytes : choose_target(doc_total), sink,
                           doc_digest);
    ShardWriter position_shards(
        "search/p/", options_.position_shard_bytes ? options_.position_shard_bytes : choose_target(position_total),
        sink, position_digest);
    const auto n_tokens = static_cast<std::uint32_t>(ranks.by_rank.size());
    // The document tokens are walked in two parts, split at the first code
    // point of kDocSplits nearest 80% of their postings (choose_doc_split): the
    // lower part into the shards, the upper part's records queued (in a
    // temporary file) until the lower part is written, then added after
    // them by whichever part ends last. The shards are cut as one walk
    // would cut them.
    const DocSplit split = plan || !options_.split_document_walk ? DocSplit::none(ranks)
                                                                  : choose_doc_split(ranks);
    document_split_ = split.rank < ranks.first_trigram ? kDocSplits[split.at] : 0;
    std::optional<SpillStore> upper_store;
    std::optional<RecordQueue> upper_records;
    if (split.rank < ranks.first_trigram) {
        upper_store.emplace(options_.spill, options_.spill_dir);
        upper_records.emplace(*upper_store);
    }
    std::atomic<int> doc_parts_left{2};
    const auto doc_part_done = [&] {
        if (--doc_parts_left != 0) return;
        if (upper_records)
            upper_records->replay([&](std::string_view key, std::string_view record) { doc_shards.add(key, record); });
        doc_shards.finish();
    };
    const auto add_to = [](ShardWriter& shards) {
        return [&shards](std::string_view key, std::string_view record) { shards.add(key, record); };
    };
    FileDigest block_digest;
    // Five independent parts on two threads (at 9,000 department-years: the
    // position shards 0.6–0.9 s, the document shards 0.7–0.8 s in all, the
    // packs 0.4 s on ext4). The packs stay one part, one pack after the
    // other: each is a string of tens of megabytes, and two at once raised
    // the build's peak memory by 35 MB for 0.1 s less.
    const std::function<void()> parts[kFinishParts] = {
        [&] {
            if (plan) return write_updated_part(*plan, true, position_shards);
            write_part(ranks.by_rank, ranks.rank, ranks.first_trigram, n_tokens, true,
                       [](const PageRecord& r) { return std::pair{r.doc_size, r.size}; }, add_to(position_shards));
            position_shards.finish();
        },
        [&] {
            if (plan) return write_updated_part(*plan, false, doc_shards);
            write_part(ranks.by_rank, ranks.rank, 0, split.rank, false,
                       [&](const PageRecord& r) {
                           const std::uint64_t end = split.at < kDocSplitCount ? r.doc_splits[split.at] : r.doc_size;
                           return std::pair<std::uint64_t, std::uint64_t>{0, end};
                       },
                       add_to(doc_shards));
            doc_part_done();
        },
        [&] {
            if (plan) return;
            if (upper_records)
                write_part(ranks.by_rank, ranks.rank, split.rank, ranks.first_trigram, false,
                           [&](const PageRecord& r) {
                               return std::pair<std::uint64_t, std::uint64_t>{r.doc_splits[split.at], r.doc_size};
                           },
                           [&](std::string_view key, std::string_view record) { upper_records->add(key, record); });
            doc_part_done();
        },
        [&] {
            for (std::size_t k = 0; k < pack_count(); ++k) write_pack(k, facts, sink, text_digest);
            write_pack_sizes(facts, sink, text_digest);
        },
        [&] {
            write_documents(facts, sink, block_digest);
            write_facets(sink, block_digest);
        },
    };
    // Handed out in this order: the position shards on one thread, the
    // lower document part then the packs on the other, the upper document
    // part to whichever is free first. When the previous index is updated
    // in place the packs go first: the pack the edit rewrote (tens of
    // megabytes) is the longest part, the shards take a few changed
    // records each.
    static constexpr std::size_t kWalkOrder[kFinishParts] = {0, 1, 3, 2, 4};
    static constexpr std::size_t kUpdateOrder[kFinishParts] = {3, 0, 1, 4, 2};
    const std::size_t* const order = plan ? kUpdateOrder : kWalkOrder;
    parallel_for(std::size(parts), threads, [&](std::size_t k) {
        const std::size_t i = order[k];
        const auto part_start = std::chrono::steady_clock::now();
        parts[i]();
        part_seconds_[i] = std::chrono::duration<double>(std::chrono::steady_clock::now() - part_start).count();
    });
    digest_.add(doc_digest);
    digest_.add(position_digest);
    digest_.add(text_digest);
    digest_.add(block_digest);
    write_manifest(doc_shards, position_shards, sink);
    records_.clear();
    if (cache_out_) {
        // What the next build needs to update this index in place.
        cache_out_->set_index(CachedIndex{digest_.hex(), doc_total, position_total,
                                          CachedShards{doc_shards.target(), doc_shards.bounds()},
                                          CachedShards{position_shards.target(), position_shards.bounds()}});
        cache_out_->commit();
    }
    nanoseconds_finishing_ = cpu_ns(CLOCK_PROCESS_CPUTIME_ID) - start;
}

const SearchPageInfo& SearchIndexer::info(const std::string& path) const {
    static const SearchPageInfo none;
    const auto it = options_.pages.find(path);
    return it == options_.pages.end() ? none : it->second;
}

void SearchIndexer::emit(const std::string& path, std::string bytes, OutputSink& sink, FileDigest& digest) {
    const Hash128 hash = hash128(bytes);
    digest.add(path, hash);
    sink.add_hashed(path, std::move(bytes), hash);
}

// The previous output's packs, each opened once, for the texts finish()
// copies from them.
class SearchIndexer::PackReader {
public:
    PackReader() = default;
    PackReader(const PackReader&) = delete;
    PackReader& operator=(const PackReader&) = delete;
    ~PackReader() {
        for (const auto& [file, fd] : fds_) ::close(fd);
    }
    // Appends `size` bytes at `offset` of `file` to `out`; they must hash
    // to `hash` (the pack was checked when the build began; this catches
    // a change since).
    void append(const std::string& file, std::uint64_t offset, std::size_t size, const Hash128& hash,
                std::string& out) {
        const std::size_t at = out.size();
        if (!read(file, offset, size, out) || hash128(std::string_view(out).substr(at)) != hash)
            throw std::runtime_error("search index: '" + file + "' changed while the site was being built");
    }

private:
    // Appends the `size` bytes at `offset` of `file` to `out`; false when
    // they cannot all be read.
    bool read(const std::string& file, std::uint64_t offset, std::size_t size, std::string& out) {
        auto [it, added] = fds_.try_emplace(file, -1);
        if (added) it->second = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
        return it->second >= 0 && append_at(it->second, offset, size, out);
    }

    std::map<std::string, int> fds_;
};


std::vector<std::string> SearchIndexer::document_facts() const {
    std::vector<std::string> rows(records_.size());
    for (std::size_t id = 0; id < records_.size(); ++id) {
        const SearchPageInfo& page = info(records_[id].path);
        JsonWriter json(0);
        json.begin_array().string(records_[id].path).string(records_[id].title).string(page.department);
        json.string(page.year_label).end_array();
        rows[id] = json.take();
    }
    return rows;
}

// Pack k holds documents k*pack_docs … in id order (records_ are in id
// order by now), each its facts (JSON) then its text (UTF-16LE): the texts
// read back from the temporary file, or, for pages from the cache, copied
// from the previous output's pack. An edit changes one pack's bytes; the
// others are the previous packs, kept as files without being read (50 MB
// each at 9,000 department-years).
std::size_t SearchIndexer::pack_docs() const { return std::max<std::size_t>(1, options_.pack_docs); }

std::size_t SearchIndexer::pack_count() const { return (records_.size() + pack_docs() - 1) / pack_docs(); }

void SearchIndexer::write_pack(std::size_t k, const std::vector<std::string>& facts, OutputSink& sink,
                               FileDigest& digest) const {
    const std::size_t per_pack = pack_docs();
    const std::string path = pack_path(k);
    const std::size_t first = k * per_pack, end = std::min(records_.size(), (k + 1) * per_pack);
    // The pack's facts one after another, hashed: the cache keeps it, so
    // that the next build can tell its facts are the same without reading.
    Hash128 facts_hash{};
    if (cache_out_) {
        std::string pack_facts;
        for (std::size_t id = first; id < end; ++id) pack_facts += facts[id];
        facts_hash = hash128(pack_facts);
    }
    if (const PreviousOutput* same = unchanged_pack(path, first, end, facts, facts_hash)) {
        if (cache_out_) {
            for (std::size_t id = first; id < end; ++id) {
                const PageRecord& page = records_[id];
                cache_out_->add_text(page.text_hash, CachedTextPlace{path, page.text_offset, page.text_size});
            }
        }
        digest.add(path, same->file.hash);
        if (cache_out_) cache_out_->add_pack(path, CachedPack{same->file.hash, facts_hash});
        sink.keep(path, same->file);
        return;
    }
    // Made at its final size: growing a pack of tens of megabytes by
    // doubling would hold it about twice at the peak of the build.
    std::size_t size = 0;
    for (std::size_t id = first; id < end; ++id) size += facts[id].size() + records_[id].text_size;
    std::string pack;
    pack.reserve(size);
    PackReader previous;
    for (std::size_t id = first; id < end; ++id) {
        const PageRecord& page = records_[id];
        pack += facts[id];
        const std::uint64_t text_at = pack.size();
        if (page.previous_pack)
            previous.append(page.previous_pack->file.file, page.text_offset, static_cast<std::size_t>(page.text_size),
                            page.text_hash, pack);
        else
            texts_.read(page.text_offset, static_cast<std::size_t>(page.text_size), pack);
        if (cache_out_) cache_out_->add_text(page.text_hash, CachedTextPlace{path, text_at, page.text_size});
    }
    const Hash128 hash = hash128(pack);
    digest.add(path, hash);
    if (cache_out_) cache_out_->add_pack(path, CachedPack{hash, facts_hash});
    sink.add_hashed(path, std::move(pack), hash);
}

void SearchIndexer::write_pack_sizes(const std::vector<std::string>& facts, OutputSink& sink, FileDigest& digest) const {
    std::string sizes;
    put_varint(sizes, records_.size());
    for (std::size_t id = 0; id < records_.size(); ++id) {
        put_varint(sizes, facts[id].size());
        put_varint(sizes, records_[id].text_size / 2);
    }
    const Hash128 hash = hash128(sizes);
    digest.add("search/pages.idx", hash);
    sink.add_hashed("search/pages.idx", std::move(sizes), hash);
}

const PreviousOutput* SearchIndexer::unchanged_pack(const std::string& path, std::size_t first, std::size_t end,
                                                   const std::vector<std::string>& facts,
                                                   const Hash128& facts_hash) const {
    const auto found = previous_packs_.find(path);
    if (found == previous_packs_.end()) return nullptr;
    const PreviousOutput* pack = found->second;
    // Every text in this pack, where it would be now…
    std::uint64_t at = 0;
    for (std::size_t id = first; id < end; ++id) {
        const PageRecord& page = records_[id];
        at += facts[id].size();
        if (page.previous_pack != pack || page.text_offset != at) return nullptr;
        at += page.text_size;
    }
    if (at != pack->file.size) return nullptr;
    // …and every page's facts the bytes before its text: the facts the
    // cache says this very pack was written with (a page is taken from the
    // cache only when the cache knows its pack: add_from_cache), compared
    // by hash rather than read back a page at a time.
    const CachedPack* cached = cache_in_ ? cache_in_->pack(path) : nullptr;
    return cached && cached->bytes == pack->file.hash && cached->facts == facts_hash ? pack : nullptr;
}

void SearchIndexer::write_documents(const std::vector<std::string>& facts, OutputSink& sink, FileDigest& digest) {
    const std::size_t block = std::max<std::size_t>(1, options_.doc_block);
    for (std::size_t b = 0; b * block < records_.size(); ++b) {
        std::string json = "[";
        for (std::size_t d = b * block; d < std::min(records_.size(), (b + 1) * block); ++d)
            (json += d == b * block ? "" : ",") += facts[d];
        emit("search/docs/" + std::to_string(b) + ".json", json + "]\n", sink, digest);
    }
}

void SearchIndexer::write_facets(OutputSink& sink, FileDigest& digest) {
    // Every year and department, sorted, then numbered in that order: a
    // page's number is looked up once (a std::distance over a set per page
    // made this quadratic).
    std::map<int, std::int64_t> year_number;
    std::map<std::string_view, std::int64_t> department_number;
    for (const PageRecord& r : records_) {
        const SearchPageInfo& page = info(r.path);
        if (page.year) year_number.emplace(page.year, 0);
        if (!page.department_id.empty()) department_number.emplace(page.department_id, 0);
    }
    std::int64_t n = 0;
    for (auto& entry : year_number) entry.second = n++;
    n = 0;
    for (auto& entry : department_number) entry.second = n++;
    JsonWriter json(0);
    json.begin_object().key("years").begin_array();
    for (const auto& entry : year_number) json.string(std::to_string(entry.first));
    json.end_array().key("departments").begin_array();
    for (const auto& entry : department_number) json.string(entry.first);
    json.end_array().key("doc_year").begin_array();
    for (const PageRecord& r : records_) {
        const int y = info(r.path).year;
        json.integer(y ? year_number.at(y) : -1);
    }
    json.end_array().key("doc_department").begin_array();
    for (const PageRecord& r : records_) {
        const std::string& d = info(r.path).department_id;
        json.integer(d.empty() ? -1 : department_number.at(d));
    }
    json.end_array().end_object();
    emit("search/facets.json", json.take() + "\n", sink, digest);
}

void SearchIndexer::write_manifest(const ShardWriter& doc_shards, const ShardWriter& position_shards,
                                   OutputSink& sink) {
    JsonWriter json(0);
    json.begin_object();
    json.key("format").string("gongkai-search");
    json.key("version").integer(3);
    json.key("v").string(digest_.hex());
    json.key("docs").integer(static_cast<std::int64_t>(records_.size()));
    json.key("doc_block").integer(static_cast<std::int64_t>(std::max<std::size_t>(1, options_.doc_block)));
    json.key("pack_docs").integer(static_cast<std::int64_t>(pack_docs()));
    json.key("weights").begin_object();
    json.key("title").integer(kWeightTitle).key("heading").integer(kWeightHeading).key("body").integer(kWeightBody);
    json.end_object();
    json.key("d").begin_array();
    for (const std::string& s : doc_shards.separators()) json.string(s);
    json.end_array().key("p").begin_array();
    for (const std::string& s : position_shards.separators()) json.string(s);
    json.end_array().end_object();
    std::string bytes = json.take() + "\n";
    sink.add("search/manifest.json", std::move(bytes));
}

}  // namespace gk
