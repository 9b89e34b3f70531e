// The index stage's search part: it reads every rendered page as the render
// stage produces it, keeps only compact postings and each page's searchable
// text (in a temporary file, never the pages), and at the end writes the
// sharded index and the page packs under search/ (format:
// docs/search-format.md).
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "index/chunked_vector.h"
#include "index/search_cache.h"
#include "index/search_shards.h"
#include "render/output.h"

namespace gk {

// What search shows and filters by, for the pages that belong to a
// department or a year (the others have neither).
struct SearchPageInfo {
    std::string department_id;
    std::string department;  // its name
    int year = 0;            // 0: none
    std::string year_label;  // "2020年部门预算"
};

struct SearchIndexOptions {
    std::string title_suffix;  // what the layout appends to every <title>
    std::map<std::string, SearchPageInfo> pages;  // by output path
    std::size_t doc_block = 16;  // documents per docs/<n>.json
    // Documents per pack (search/pages/<k>.bin). Large, so that the results
    // a client shows are in one or two packs (one request each); cut by
    // count, not size, so that an edit rewrites only its own pack.
    std::size_t pack_docs = 4096;
    // Postings finish() gathers at a time (0: 2^18, 3 MB of them); the
    // output is the same whatever it is (tests make it small).
    std::size_t slice_postings = 0;
    // Tokens in a slice above which its postings are gathered page by page
    // and sorted by token, rather than each put in its token's place (0:
    // 64); the output is the same either way (tests compare the two).
    std::size_t scattered_tokens = 0;
    // Shard sizes; 0 picks them from the index size (see choose_target).
    std::size_t doc_shard_bytes = 0;
    std::size_t position_shard_bytes = 0;
    // Each page's encoded entries wait for finish() in an anonymous temporary
    // file (O_TMPFILE, or a file unlinked as soon as it is opened: nothing is
    // ever left behind) in `spill_dir` (empty: $TMPDIR, else /tmp), so memory
    // does not grow with the site. false, or a folder where no file can be
    // made: they stay in memory. The output is the same either way.
    bool spill = true;
    std::string spill_dir;
    // Threads finish() writes the document shards, the position shards and
    // the page packs on (the output is the same): 0, two when pages came from
    // more than one thread, else one. A build sets it from its --jobs.
    unsigned finish_threads = 0;
    // finish() walks the document tokens in two parts (see
    // SearchIndexer::DocSplit); false: in one (the output is the same;
    // tests compare the two).
    bool split_document_walk = true;
    // The fewest tokens each thread ranks in finish() (see rank_tokens);
    // 0: 65,536, so that a small site is ranked on one thread. The output
    // is the same (tests make it tiny).
    std::size_t rank_share_tokens = 0;
    // Measure the CPU time add_page takes (seconds_adding): a system call
    // per page and thread, so only for GONGKAI_TIMINGS.
    bool timings = false;
    // Slots (as a power of two) of each thread's memo of tokens (see
    // SearchIndexer::InternMemo); 0: 2^15. The output is the same whatever
    // it is (tests make it tiny, so that slots are taken all the time).
    unsigned intern_memo_bits = 0;
    // Where what the index took from each page is kept between builds
    // (index/search_cache.h; empty: nowhere), and what that file must have
    // been written for to be used (the program, and what else decides
    // what add_page takes from a page).
    std::string cache_file;
    std::string cache_key;
    // The previous output's index files (search/), as
    // ReusableOutputs::files_under gives them, by path. The cache keeps only
    // a text's hash and where in the packs (search/pages/) it was written:
    // a page is taken from the cache only while that pack is here, still as
    // recorded, and finish() copies its text from there. And when the
    // previous index is the one the cache was written with and the site
    // has the same pages, finish() updates its shards in place
    // (index/search_update.cpp) instead of walking every page's entries.
    std::map<std::string, PreviousOutput> previous_index;
};

// Where the indexer keeps each page's encoded entries until finish(): an
// anonymous temporary file, or memory. Appends are thread-safe.
class SpillStore final : public ByteSource {
public:
    SpillStore(bool to_file, const std::string& dir);
    ~SpillStore();
    SpillStore(const SpillStore&) = delete;
    SpillStore& operator=(const SpillStore&) = delete;
    // Stores `bytes`; returns their offset.
    std::uint64_t append(std::string_view bytes);
    // Appends the `length` bytes at `offset` to `out`.
    void read(std::uint64_t offset, std::size_t length, std::string& out) const override;
    bool on_disk() const { return fd_ >= 0; }
    std::uint64_t size() const { return size_; }

private:
    int fd_ = -1;
    std::mutex mutex_;
    std::uint64_t size_ = 0;
    std::string memory_;  // when not on disk
};

// Ranking weights per occurrence (the manifest carries them to the client).
inline constexpr std::uint32_t kWeightTitle = 1000;
inline constexpr std::uint32_t kWeightHeading = 20;
inline constexpr std::uint32_t kWeightBody = 1;

// The first code points at which finish() may split its walk over the
// document tokens: CJK punctuation, then the CJK ideographs every 0x300
// code points, then what follows them. The one nearest the share of the
// site's postings the lower part should take is chosen when the walk
// begins (choose_doc_split).
inline constexpr char32_t kDocSplits[] = {0x3000, 0x4E00, 0x5100, 0x5400, 0x5700, 0x5A00, 0x5D00, 0x6000,
                                          0x6300, 0x6600, 0x6900, 0x6C00, 0x6F00, 0x7200, 0x7500, 0x7800,
                                          0x7B00, 0x7E00, 0x8100, 0x8400, 0x8700, 0x8A00, 0x8D00, 0x9000,
                                          0x9300, 0x9600, 0x9900, 0x9C00, 0xA000, 0xFF00};
inline constexpr std::size_t kDocSplitCount = std::size(kDocSplits);

class SearchIndexer {
public:
    explicit SearchIndexer(SearchIndexOptions options);

    // Pages that search covers: every HTML page but 404.html and search/ itself.
    static bool wants(const std::string& path);
    // The output path of pack `k`: search/pages/<k>.bin, the facts and the
    // searchable text of documents k*pack_docs … (k+1)*pack_docs−1.
    static std::string pack_path(std::size_t k);
    static constexpr std::string_view kFolder = "search/";
    static constexpr std::string_view kPackFolder = "search/pages/";

    // Indexes a page. Thread-safe. Its text waits for finish(), which
    // knows the page's id; `sink` is not used (kept for the callers).
    // `html_hash`: hash128(html) when the caller has it.
    void add_page(const std::string& path, std::string_view html, OutputSink& sink,
                  const Hash128* html_hash = nullptr);
    // Indexes a page the build keeps from the previous output: from the
    // cache when it holds the page with these bytes, else read from the file.
    void keep_page(const std::string& path, const PreviousFile& previous, OutputSink& sink);
    // Writes manifest.json, the shards, the packs and their sizes (pages.idx),
    // the document blocks and facets.
    void finish(OutputSink& sink);

    std::size_t pages() const { return pages_; }
    // Pages whose entries came from the cache, not from reading them.
    std::size_t pages_from_cache() const { return pages_from_cache_; }
    // Whether finish() updated the previous index in place, and for how
    // many changed pages (for GONGKAI_TIMINGS and tests).
    bool updated_in_place() const { return updated_in_place_; }
    // The first code point of the upper part of finish()'s walk over the
    // document tokens; 0 when it walked them in one part.
    char32_t document_split() const { return document_split_; }
    std::size_t pages_changed() const { return pages_changed_; }
    // Whether page entries wait in a temporary file (else in memory).
    bool spilling() const { return spill_.on_disk(); }
    // CPU time spent in add_page, summed over threads (with `timings`).
    double seconds_adding() const { return static_cast<double>(nanoseconds_adding_.load()) / 1e9; }
    // CPU time of the process during finish(), all threads (nothing else
    // runs then; for GONGKAI_TIMINGS).
    double seconds_finishing() const { return static_cast<double>(nanoseconds_finishing_) / 1e9; }
    // The wall time of each of finish()'s parts, in kFinishPartNames' order
    // (for GONGKAI_TIMINGS); the packs', each pack's summed.
    static constexpr std::size_t kFinishParts = 5;
    static constexpr const char* kFinishPartNames[kFinishParts] = {
        "position shards", "document shards (lower part)", "document shards (upper part)", "packs",
        "document blocks and facets"};
    const std::array<double, kFinishParts>& finish_part_seconds() const { return part_seconds_; }
    // The wall time of ranking the tokens, before the parts start.
    double rank_seconds() const { return rank_seconds_; }

private:
    struct Token {
        // See kind_of in search_internal.h: a character, bigram or trigram is
        // its code points, a word its index in words_ with bit 63 set. A
        // trigram has positions (in p/) and no document entry; every other
        // token a document entry (in d/) and no positions.
        std::uint64_t key = 0;
        std::uint32_t docs = 0;
    };
    struct PageRecord {
        std::string path;
        std::string title;
        // Where the page's entries are in `store` (the cache file being
        // written, whose record holds them, else spill_): per token, in key order,
        // varint id, then weight and snippet position, or for a trigram the
        // length and bytes of its position list; the first `doc_size` bytes
        // are the document tokens', the rest the trigrams'.
        const ByteSource* store = nullptr;
        std::uint64_t offset = 0;
        std::uint64_t doc_size = 0;
        std::uint64_t size = 0;
        // Where, in the document tokens' entries, those whose first code
        // point is kDocSplits[b] or above begin (doc_size: none): finish()
        // walks the document tokens in two parts, on two threads, split at
        // one of them (DocSplitter in search_internal.h, choose_doc_split in
        // search_walk.cpp).
        std::array<std::uint32_t, kDocSplitCount> doc_splits{};
        // Where its text (UTF-16LE) is in texts_, or, for a page from the
        // cache, in the previous output's pack `previous_pack`.
        std::uint64_t text_offset = 0;
        std::uint64_t text_size = 0;
        Hash128 text_hash{};
        const PreviousOutput* previous_pack = nullptr;  // into options_.previous_index
        // Its entries are still only in the cache's record: finish() reads
        // them from there only when it walks every page (decode_cached).
        bool cached = false;
        // For a page kept from the previous output, taken from the cache
        // without reading its record: the file to read if the record is damaged.
        std::string kept_file = {};
    };
    // Adds the page whose bytes hash to `bytes_hash` from the cache: its
    // title and text now, its entries when finish() needs them. False when
    // the cache has no record of it, or (a page made again: `file` null) a
    // damaged one. `file`: the previous output's file of a kept page, read
    // if its record turns out damaged. `start`: add_page's clock.
    bool add_from_cache(const std::string& path, const Hash128& bytes_hash, std::uint64_t start,
                        const PreviousFile* file);
    // Reads the entries of a page taken from the cache (interning its keys
    // as add_page would); false when its record is damaged.
    bool decode_cached(PageRecord& page);
    // decode_cached for every page taken from the cache, on `threads`.
    void decode_cached_pages(unsigned threads);
    // The totals shard sizes are chosen from (choose_target): the interned
    // tokens' postings (4 bytes each) and trigram positions.
    std::pair<std::uint64_t, std::uint64_t> totals() const;
    // The interned tokens in key order (by_rank: the tokens themselves,
    // so that the walk reads them in order rather than one id at a time
    // all over the token list; rank: each id's), and the rank of the
    // first trigram.
    struct TokenRanks {
        std::vector<Token> by_rank;
        std::vector<std::uint32_t> rank;
        std::uint32_t first_trigram = 0;
    };
    // Gives up tokens_ (the ranks hold the tokens, in rank order); sorts
    // on up to `threads` threads.
    TokenRanks rank_tokens(unsigned threads);

    // Updating the previous index in place (index/search_update.cpp).
    struct InPlace;
    // What finish() needs to update the previous output's shards in place
    // of walking every page's entries; none when it cannot (see the .cpp).
    std::optional<InPlace> plan_update_in_place() const;
    // Writes the shards of one kind: the previous ones with the changed
    // pages' entries taken out and put in.
    void write_updated_part(const InPlace& plan, bool trigrams, ShardWriter& shards) const;
    // The index's id of a page's token (key as in Token, a word's with the
    // page's word number); under mutex_.
    std::uint32_t intern(std::uint64_t key, const std::string* word);
    std::string key_text(std::uint64_t key) const;
    // Which bytes of a page's entries a walk reads: [first, second) from
    // its offset. And what receives each token's record, in key order.
    using EntryRange = std::function<std::pair<std::uint64_t, std::uint64_t>(const PageRecord&)>;
    using RecordSink = std::function<void(std::string_view key, std::string_view record)>;
    // Passes `add` the records of the tokens of ranks [r_begin, r_end) of
    // `by_rank`, reading the `entries` of each page that hold them (document
    // tokens' or trigrams'); search_walk.cpp.
    void write_part(const std::vector<Token>& by_rank, const std::vector<std::uint32_t>& rank,
                    std::uint32_t r_begin, std::uint32_t r_end, bool trigrams, const EntryRange& entries,
                    const RecordSink& add);
    // Where finish() splits its walk over the document tokens: at
    // kDocSplits[at], the tokens from `rank` on (at == kDocSplitCount: no split).
    struct DocSplit {
        std::size_t at = kDocSplitCount;
        std::uint32_t rank = 0;
        // No split: one part holds every document token.
        static DocSplit none(const TokenRanks& ranks) { return {kDocSplitCount, ranks.first_trigram}; }
    };
    DocSplit choose_doc_split(const TokenRanks& ranks) const;
    const SearchPageInfo& info(const std::string& path) const;
    void emit(const std::string& path, std::string bytes, OutputSink& sink, FileDigest& digest);
    // Each document's facts as the client reads them, by id: [path, title,
    // department, year label], JSON. Made once for the packs and the
    // document blocks.
    std::vector<std::string> document_facts() const;
    // The previous output's packs, each opened once (search_files.cpp).
    class PackReader;
    // Documents to a pack (options_.pack_docs, at least 1), and how many
    // packs the documents fill.
    std::size_t pack_docs() const;
    std::size_t pack_count() const;
    // Pack `k`: the facts and text of its documents.
    void write_pack(std::size_t k, const std::vector<std::string>& facts, OutputSink& sink, FileDigest& digest) const;
    // search/pages.idx: every document's facts and text sizes.
    void write_pack_sizes(const std::vector<std::string>& facts, OutputSink& sink, FileDigest& digest) const;
    // The previous output's pack at `path` when pack [first, end) would
    // come out byte for byte as it: every page's text in it where it would
    // be now, every page's facts (`facts_hash`: theirs one after another,
    // hashed) the bytes before. Else null.
    const PreviousOutput* unchanged_pack(const std::string& path, std::size_t first, std::size_t end,
                                         const std::vector<std::string>& facts, const Hash128& facts_hash) const;
    void write_documents(const std::vector<std::string>& facts, OutputSink& sink, FileDigest& digest);
    void write_facets(OutputSink& sink, FileDigest& digest);
    void write_manifest(const ShardWriter& doc_shards, const ShardWriter& position_shards, OutputSink& sink);

    SearchIndexOptions options_;
    std::mutex mutex_;
    // Blocks of 2^18 tokens (4 MB), mapped and unmapped on their own
    // (chunked_vector.h: no copy as it grows, nothing kept once released).
    ChunkedVector<Token, 18> tokens_;
    // Key of a character, bigram or trigram, or a word of eight bytes or
    // fewer packed into a number (packed_word) -> id: open addressing, the
    // id ~0 where empty. A slot holds the id and 32 bits of the key's hash
    // (8 bytes, not the 16 of the key and id: a site of real text has
    // millions of tokens, and this table was a quarter of the build's peak
    // of memory); a lookup reads one slot, then the token it names, whose
    // count it adds to anyway.
    struct InternSlot {
        std::uint32_t tag;
        std::uint32_t id;
    };
    // Whether `slot` is the token of `key` (`word`'s packed, for a word).
    bool holds(const InternSlot& slot, std::uint64_t key, const std::string* word) const;
    // The key a token was looked up by in the table.
    std::uint64_t table_key_of(std::uint32_t id) const;
    std::vector<InternSlot> table_;
    std::size_t table_used_ = 0;
    // A thread's memo of tokens it interned or found (add_page): 2^15 slots
    // (SearchIndexOptions::intern_memo_bits) of key (the table's, 0 where empty), id and the pages counted since
    // the slot was filled, so a token it holds costs neither the table's
    // slot nor the token's line (both cache misses: the table and the token
    // list are megabytes) and no time under the lock. Counts are added to
    // the token when its slot is taken by another, and for all of them
    // before finish() reads any (flush_memos).
    struct MemoSlot {
        std::uint64_t key = 0;
        std::uint32_t id = 0;
        std::uint32_t pages = 0;
    };
    struct InternMemo {
        std::vector<MemoSlot> slots;
    };
    unsigned memo_bits() const { return options_.intern_memo_bits ? options_.intern_memo_bits : 15; }
    std::vector<std::unique_ptr<InternMemo>> memos_;  // one per thread that added a page; under mutex_
    InternMemo* new_memo();
    void flush_memos();
    // Two bytes per trigram occurrence of every page: an estimate of the
    // position shards' size (choose_target), kept as one sum rather than
    // per token, which made every token 24 bytes instead of 16 (a site of
    // real text has millions; each page touches a thousand or two).
    std::uint64_t position_bytes_ = 0;
    std::vector<std::string> words_;  // by word number
    std::unordered_map<std::string, std::uint32_t> word_ids_;  // the longer words
    std::vector<PageRecord> records_;
    SpillStore spill_;
    SpillStore texts_;  // the pages' texts, apart: finish() reads them in one pass
    // The previous packs the cache's text places point into, by path: only
    // those still as recorded when the build began.
    std::map<std::string, const PreviousOutput*> previous_packs_;
    FileDigest digest_;
    std::size_t pages_ = 0;
    std::atomic<std::uint64_t> nanoseconds_adding_{0};
    // The thread's CPU clock with `timings`, else 0; and the time since `start` added to nanoseconds_adding_.
    std::uint64_t adding_clock() const;
    void count_adding(std::uint64_t start);
    std::uint64_t nanoseconds_finishing_ = 0;
    std::array<double, kFinishParts> part_seconds_{};
    double rank_seconds_ = 0;
    const std::uint64_t serial_;                // tells this indexer from others in a thread's scratch
    std::atomic<unsigned> threads_adding_{0};  // threads that called add_page
    std::unique_ptr<SearchCacheReader> cache_in_;   // the previous build's (when cache_file is set)
    std::unique_ptr<SearchCacheWriter> cache_out_;  // this build's
    std::atomic<std::size_t> pages_from_cache_{0};
    bool updated_in_place_ = false;
    char32_t document_split_ = 0;
    std::size_t pages_changed_ = 0;
};

}  // namespace gk
