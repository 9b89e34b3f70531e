// What the search index took from each page, kept between builds so that
// a page whose bytes did not change is not read and cut into tokens again
// (after a narrative edit, that is nearly every page). The file lives
// beside the output folder, never in it (a deploy would carry it), and is
// written anew by every build; docs/incremental.md says why and how.
//
// It holds one record per page: its path, the hash of its bytes, and what
// SearchIndexer::add_page derived from them (title, the tokens' keys in key
// order, their entries, the hash of its text): the keys are what the next
// build reads, the entries' token ids are the writing build's own, which
// reads the entries back while it finishes its index (ByteSource). The
// record layout is SearchIndexer::add_from_cache's comment. The text itself is not here: it is in the previous
// output's search/pages/ packs, and the file's last part says where each
// text (by its hash) is, so that the next build copies it from there.
// A record is used only for the same path and the same bytes, and only when
// the file was written for the same `key` (the program and what it was told
// about pages): the cache can be stale or foreign, never wrong. A damaged
// file is ignored.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "incremental/hash.h"
#include "index/search_shards.h"

namespace gk {

// Where a page's text is in the output the cache was written with: `size`
// bytes at `offset` of the pack at `pack` (a path relative to the output).
struct CachedTextPlace {
    std::string pack;
    std::uint64_t offset = 0;
    std::uint64_t size = 0;
};

// One kind of shard (search/d/ or search/p/) as the index written with a
// cache cut them: the target size, and each shard's first and last key,
// so that the next build can keep a shard no edit touches without reading it.
struct CachedShards {
    std::uint64_t target = 0;
    std::vector<ShardBounds> bounds;
};

// A pack as the build that wrote the cache wrote it: the hash of its
// bytes, and the hash of its pages' facts one after another (so that the
// next build can tell the pack would come out the same without reading it).
struct CachedPack {
    Hash128 bytes;
    Hash128 facts;
};

// What the index written with a cache was, so that the next build can
// update that index in place (SearchIndexer::finish): the digest of its
// files (the manifest's `v`: it ties the cache to the previous output's
// shards), the two totals its shard sizes were chosen from, and its shards.
struct CachedIndex {
    std::string digest;
    std::uint64_t doc_total = 0;
    std::uint64_t position_total = 0;
    CachedShards doc_shards, position_shards;
};

// Where a page's record is in a cache file, and what it was made from;
// with the page's title and the hash of its text (both in the record too),
// so that a page whose entries are not needed is taken without reading
// its record.
struct CachedRecordPlace {
    Hash128 hash;    // of the page's bytes
    Hash128 record;  // of the record's: a damaged record is not used
    std::uint64_t offset = 0;
    std::uint64_t size = 0;
    std::string title;
    Hash128 text;
};

// Appends the `length` bytes at `offset` of the open file `fd` to `out`;
// false (errno set, `out` as it was) when they cannot all be read.
bool append_at(int fd, std::uint64_t offset, std::size_t length, std::string& out);

// Bytes written earlier that can be read back, at an offset: where a
// page's entries wait for finish() (the temporary spill, or the cache file
// being written, whose records hold them).
class ByteSource {
public:
    virtual ~ByteSource() = default;
    // Appends the `length` bytes at `offset` to `out`; throws when they
    // cannot be read.
    virtual void read(std::uint64_t offset, std::size_t length, std::string& out) const = 0;
};

class SearchCacheReader {
public:
    // Nothing to read when `file` is missing, damaged or written for another key.
    SearchCacheReader(const std::string& file, const std::string& key);
    ~SearchCacheReader();
    SearchCacheReader(const SearchCacheReader&) = delete;
    SearchCacheReader& operator=(const SearchCacheReader&) = delete;

    // Where the record of the page at `path` whose bytes hash to
    // `bytes_hash` is; nullptr when there is none. Reads nothing.
    const CachedRecordPlace* place(const std::string& path, const Hash128& bytes_hash) const;
    // The record at `where`; nullopt when it is damaged. Thread-safe.
    std::optional<std::string> read(const CachedRecordPlace& where) const;
    // The record of the page at `path`, whatever its bytes were. Thread-safe.
    std::optional<std::string> find_any(const std::string& path) const;
    bool has(const std::string& path) const { return records_.contains(path); }
    std::size_t size() const { return records_.size(); }
    // Whether the file was read; its size, and the bytes of its records.
    bool valid() const { return valid_; }
    std::uint64_t file_size() const { return file_size_; }
    std::uint64_t record_bytes() const { return record_bytes_; }
    // The index this cache was written with (none: not known).
    const std::optional<CachedIndex>& index() const { return index_; }
    // Where the text whose bytes hash to `text_hash` was written.
    const CachedTextPlace* text(const Hash128& text_hash) const {
        const auto found = texts_.find(text_hash);
        return found == texts_.end() ? nullptr : &found->second;
    }
    // The pack at `pack` as the cache's build wrote it (nullptr: not
    // known): a text place is good only in that pack (a build that failed
    // after writing the cache left the packs of the build before).
    const CachedPack* pack(const std::string& pack) const {
        const auto found = packs_.find(pack);
        return found == packs_.end() ? nullptr : &found->second;
    }

private:
    int fd_ = -1;
    bool valid_ = false;
    std::uint64_t file_size_ = 0;
    std::uint64_t record_bytes_ = 0;
    std::map<std::string, CachedRecordPlace> records_;
    std::map<Hash128, CachedTextPlace> texts_;
    std::map<std::string, CachedPack> packs_;
    std::optional<CachedIndex> index_;
};

class SearchCacheWriter final : public ByteSource {
public:
    // Writes to a temporary file beside `file`; commit() puts it in place.
    // Or, when `previous` read `file` for the same key and at least half of
    // it is records (the rest: directories and records of earlier builds),
    // appends to it: the records of pages carried over stay where they are
    // and only new ones and a new directory are written (a narrative edit
    // wrote the whole cache, 330 MB at 9,000 department-years, again).
    SearchCacheWriter(std::string file, std::string key, const SearchCacheReader* previous = nullptr);
    // Unless committed: removes the temporary file, or cuts what it
    // appended off again (the previous cache is then as it was).
    ~SearchCacheWriter();
    SearchCacheWriter(const SearchCacheWriter&) = delete;
    SearchCacheWriter& operator=(const SearchCacheWriter&) = delete;

    // The record of the page at `path` whose bytes hash to `bytes_hash`,
    // with its title and the hash of its text. Thread-safe; a path added
    // twice keeps its last record. Returns where in the file the record
    // is (read() reads it back until the writer is committed); none when
    // it could not be written.
    std::optional<std::uint64_t> add(const std::string& path, const Hash128& bytes_hash, std::string_view record,
                                     const std::string& title, const Hash128& text_hash);
    // Bytes this writer wrote, before commit(). Thread-safe.
    void read(std::uint64_t offset, std::size_t length, std::string& out) const override;
    // A record of the previous cache, at `place` in `previous`: kept where
    // it is when appending, else copied — `record` when the caller read it
    // already, else read now (not when it is damaged: the next build reads
    // the page). Thread-safe.
    void carry(const std::string& path, const CachedRecordPlace& place, const SearchCacheReader& previous,
               const std::optional<std::string>& record = std::nullopt);
    // Notes where this build wrote the text whose bytes hash to `text_hash`.
    // Thread-safe.
    void add_text(const Hash128& text_hash, CachedTextPlace place);
    // Notes the hash of the pack this build wrote at `pack`. Thread-safe.
    void add_pack(const std::string& pack, const CachedPack& written);
    // Notes the index this build wrote with the cache.
    void set_index(CachedIndex index);
    // Writes the directory and renames the file into place. False (and no
    // file) when it could not be written: the next build reads every page.
    bool commit();

private:
    // Cuts the file back to what it was before this build appended to it.
    void cut_back();

    std::string file_;
    std::string temporary_;
    std::string key_;
    int fd_ = -1;
    bool failed_ = false;
    bool appending_ = false;
    std::uint64_t appended_at_ = 0;  // the previous file's size, when appending
    std::mutex mutex_;
    std::uint64_t size_ = 0;
    std::map<std::string, CachedRecordPlace> directory_;
    std::map<Hash128, CachedTextPlace> texts_;
    std::map<std::string, CachedPack> packs_;
    std::optional<CachedIndex> index_;
};

}  // namespace gk
