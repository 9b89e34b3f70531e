// A page into the search index (SearchIndexer::add_page): its text read
// from the HTML and cut into tokens, the tokens interned (a memo of them
// per thread first), and the page's entries and cache record written;
// its text waits for the packs. How the text is taken and cut:
// html_text.h, search_tokenize.h, page_characters.h.
#include <algorithm>
#include <atomic>
#include <cstring>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "incremental/file_stamp.h"
#include "index/html_text.h"
#include "index/page_characters.h"
#include "index/search_index.h"
#include "index/search_internal.h"
#include "index/search_tokenize.h"
#include "parallel/cpu_time.h"

namespace gk {

namespace {

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

}  // namespace

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
            const std::size_t known = tokens_.size();  // a larger id is a new token
            const std::uint32_t id = intern(key, word ? &words[key & ~kWordBit] : nullptr);
            ids[t] = id;
            ++tokens_[id].docs;
            const std::uint64_t memo_key = table_keys[t];
            // A token new to the index is not remembered: with a real
            // vocabulary most are rare (millions of trigrams seen on a page
            // or two), and each took the slot of a token the thread would
            // have found again. It is remembered when it comes back. And a
            // slot given up whose token was not found since costs nothing:
            // its count is in the token already. Both were a cache miss in
            // the token list (tens of megabytes then) for every rare token;
            // reading a 9,000 department-year site with a large vocabulary
            // took about 5% less CPU (bench/README.md, "Rare tokens and the
            // ranking").
            if (memo_key == kNoKey || id >= known) continue;
            MemoSlot& slot = memo[memo_index(memo_key, bits)];
            if (slot.key != 0 && slot.pages != 0) tokens_[slot.id].docs += slot.pages;
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

void SearchIndexer::keep_page(const std::string& path, const PreviousFile& previous, OutputSink& sink) {
    if (add_from_cache(path, previous.hash, adding_clock(), &previous)) return;
    const std::optional<std::string> html = read_whole_file(previous.file);
    if (!html) throw std::runtime_error("search index: cannot read '" + previous.file + "'");
    add_page(path, *html, sink);
}

}  // namespace gk
