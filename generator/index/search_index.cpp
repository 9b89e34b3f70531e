// The search index's frame (docs/search-format.md): the indexer, where a
// page's entries and text wait (SpillStore), and finish(), which writes the
// shards from them. A page comes in through search_page.cpp (or
// search_cached_page.cpp), its tokens get their ids in search_tokens.cpp,
// the walk over every page's entries is search_walk.cpp, an update of the
// previous index in place search_update.cpp, and the other files of
// search/ search_files.cpp.
#include "index/search_index.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <functional>
#include <stdexcept>
#include <utility>

#include "incremental/file_stamp.h"
#include "index/search_internal.h"
#include "parallel/cpu_time.h"
#include "parallel/parallel_for.h"

namespace gk {

namespace {

std::atomic<std::uint64_t> next_serial{1};

// Shard size: big enough that the manifest (one separator per shard) stays
// small, small enough that a query for a rare token fetches little. About
// the square root of 8 × the total balances the two (8: bytes per separator).
std::size_t choose_target(std::uint64_t total) {
    const double t = std::sqrt(8.0 * static_cast<double>(total));
    return static_cast<std::size_t>(std::clamp(t, 4096.0, 65536.0));
}

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
    const auto ranking = std::chrono::steady_clock::now();
    const TokenRanks ranks = plan ? TokenRanks{} : rank_tokens(threads);
    rank_seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - ranking).count();
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
    // Independent parts on two threads (at 9,000 department-years: the
    // position shards 0.35-0.4 s, the document shards 0.35-0.45 s in all,
    // the packs 0.15 s on tmpfs and 0.35-0.5 s on ext4, where the kernel
    // holds their writes back once the site is dirty). Each pack is a part
    // of its own: one after the other on the thread that took the lower
    // document part, they ended the index on ext4 0.1-0.2 s after the
    // other thread (bench/README.md, "The packs one at a time"). Two packs
    // written at once hold two strings of tens of megabytes: 3-12 MB more
    // at the peak, which is not at the end of a plain build.
    const std::size_t packs = pack_count();
    std::vector<FileDigest> pack_digests(packs);
    enum Part : std::size_t { kPositions, kLower, kUpper, kPacks, kBlocks };  // kFinishPartNames' order
    const auto positions = [&] {
        if (plan) return write_updated_part(*plan, true, position_shards);
        write_part(ranks.by_rank, ranks.rank, ranks.first_trigram, n_tokens, true,
                   [](const PageRecord& r) { return std::pair{r.doc_size, r.size}; }, add_to(position_shards));
        position_shards.finish();
    };
    const auto lower = [&] {
        if (plan) return write_updated_part(*plan, false, doc_shards);
        write_part(ranks.by_rank, ranks.rank, 0, split.rank, false,
                   [&](const PageRecord& r) {
                       const std::uint64_t end = split.at < kDocSplitCount ? r.doc_splits[split.at] : r.doc_size;
                       return std::pair<std::uint64_t, std::uint64_t>{0, end};
                   },
                   add_to(doc_shards));
        doc_part_done();
    };
    const auto upper = [&] {  // (not a part when the index is updated in place)
        if (upper_records)
            write_part(ranks.by_rank, ranks.rank, split.rank, ranks.first_trigram, false,
                       [&](const PageRecord& r) {
                           return std::pair<std::uint64_t, std::uint64_t>{r.doc_splits[split.at], r.doc_size};
                       },
                       [&](std::string_view key, std::string_view record) { upper_records->add(key, record); });
        doc_part_done();
    };
    const auto pack = [&](std::size_t k) { return [&, k] { write_pack(k, facts, sink, pack_digests[k]); }; };
    const auto blocks = [&] {
        write_pack_sizes(facts, sink, text_digest);
        write_documents(facts, sink, block_digest);
        write_facets(sink, block_digest);
    };
    // Handed out in this order as threads come free: the position shards
    // on one thread, the lower document part then the first pack on the
    // other, the upper document part to whichever is free first, then the
    // other packs. When the previous index is updated in place the packs go
    // first: the pack the edit rewrote (tens of megabytes) is the longest
    // part, the shards take a few changed records each.
    std::vector<std::pair<Part, std::function<void()>>> parts;
    if (plan) {
        for (std::size_t k = 0; k < packs; ++k) parts.emplace_back(kPacks, pack(k));
        parts.emplace_back(kPositions, positions);
        parts.emplace_back(kLower, lower);
        parts.emplace_back(kBlocks, blocks);
    } else {
        parts.emplace_back(kPositions, positions);
        parts.emplace_back(kLower, lower);
        if (packs > 0) parts.emplace_back(kPacks, pack(0));
        parts.emplace_back(kUpper, upper);
        for (std::size_t k = 1; k < packs; ++k) parts.emplace_back(kPacks, pack(k));
        parts.emplace_back(kBlocks, blocks);
    }
    std::array<std::atomic<std::uint64_t>, kFinishParts> part_ns{};
    parallel_for(parts.size(), threads, [&](std::size_t i) {
        const auto part_start = std::chrono::steady_clock::now();
        parts[i].second();
        part_ns[parts[i].first] += static_cast<std::uint64_t>(
            std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - part_start).count());
    });
    for (std::size_t i = 0; i < kFinishParts; ++i) part_seconds_[i] = static_cast<double>(part_ns[i]) * 1e-9;
    for (const FileDigest& d : pack_digests) text_digest.add(d);
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

}  // namespace gk
