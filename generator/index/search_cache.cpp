#include "index/search_cache.h"

#include <tuple>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "index/search_shards.h"

namespace gk {

bool append_at(int fd, std::uint64_t offset, std::size_t length, std::string& out) {
    const std::size_t at = out.size();
    out.resize(at + length);
    for (std::size_t done = 0; done < length;) {
        const ssize_t n = ::pread(fd, out.data() + at + done, length - done, static_cast<off_t>(offset + done));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            if (n == 0) errno = EIO;  // the file ends before them
            out.resize(at);
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

namespace {

// File layout: the records one after another, then the directory
//   kMagic (below), varint key length, key,
//   varint records, per record { varint path length, path, 16 bytes: the
//   hash of the page's bytes, 16 bytes: the hash of the record, varint
//   offset, varint size, varint title length, title, 16 bytes: the hash of
//   the page's text },
//   varint texts, per text { 16 bytes: the hash of its bytes, varint pack
//   path length, pack path, varint offset, varint size },
//   varint packs, per pack { varint path length, path, 16 bytes: the hash of its bytes,
//   16 bytes: the hash of its pages' facts one after another },
//   varint 1 and the index written with it (varint digest length, digest,
//   varint document total, varint position total, then for the document
//   shards and the position shards: varint target, varint shards, per
//   shard { first key and last key, each as bytes }), or varint 0,
// then 16 bytes: the hash of the directory up to here (the titles in it are
// used as they are), and last the directory's offset as 8 bytes, little-endian.
constexpr std::string_view kMagic = "gongkai-search-cache 8\n";

void put_u64(std::string& out, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

std::uint64_t get_u64(std::string_view s, std::size_t at) {
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(s[at + i]);
    return v;
}

bool read_at(int fd, std::uint64_t offset, std::size_t size, std::string& out) {
    out.clear();
    return append_at(fd, offset, size, out);
}

void put_shards(std::string& out, const CachedShards& shards) {
    put_varint(out, shards.target);
    put_varint(out, shards.bounds.size());
    for (const ShardBounds& b : shards.bounds) {
        put_bytes(out, b.first);
        put_bytes(out, b.last);
    }
}

bool get_shards(std::string_view s, std::size_t& i, CachedShards& shards) {
    std::uint64_t count = 0;
    if (!get_varint(s, i, shards.target) || !get_varint(s, i, count) || count > s.size() - i) return false;
    shards.bounds.resize(static_cast<std::size_t>(count));
    for (ShardBounds& b : shards.bounds) {
        std::string_view first, last;
        if (!get_bytes(s, i, first) || !get_bytes(s, i, last)) return false;
        b = ShardBounds{std::string(first), std::string(last)};
    }
    return true;
}

bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

}  // namespace

SearchCacheReader::SearchCacheReader(const std::string& file, const std::string& key) {
    fd_ = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) return;
    const off_t end = ::lseek(fd_, 0, SEEK_END);
    std::string tail, directory;
    if (end < 8 || !read_at(fd_, static_cast<std::uint64_t>(end) - 8, 8, tail)) return;
    const std::uint64_t at = get_u64(tail, 0);
    if (at > static_cast<std::uint64_t>(end) - 8 || !read_at(fd_, at, static_cast<std::size_t>(end - 8 - at), directory))
        return;
    if (directory.size() < 16) return;
    std::size_t sum_at = directory.size() - 16;
    Hash128 sum;
    if (!get_hash(directory, sum_at, sum) || hash128(std::string_view(directory).substr(0, directory.size() - 16)) != sum)
        return;
    const std::string_view d = std::string_view(directory).substr(0, directory.size() - 16);
    if (!d.starts_with(kMagic)) return;
    std::size_t i = kMagic.size();
    std::string_view file_key;
    std::uint64_t count = 0;
    if (!get_bytes(d, i, file_key) || file_key != key || !get_varint(d, i, count)) return;
    std::map<std::string, CachedRecordPlace> records;
    for (std::uint64_t r = 0; r < count; ++r) {
        std::string_view path;
        CachedRecordPlace w;
        if (!get_bytes(d, i, path) || !get_hash(d, i, w.hash) || !get_hash(d, i, w.record)) return;
        std::string_view title;
        if (!get_varint(d, i, w.offset) || !get_varint(d, i, w.size) || w.offset > at || w.size > at - w.offset ||
            !get_bytes(d, i, title) || !get_hash(d, i, w.text))
            return;
        w.title = title;
        records[std::string(path)] = std::move(w);
    }
    std::map<Hash128, CachedTextPlace> texts;
    if (!get_varint(d, i, count)) return;
    for (std::uint64_t t = 0; t < count; ++t) {
        Hash128 hash;
        std::string_view pack;
        CachedTextPlace place;
        if (!get_hash(d, i, hash) || !get_bytes(d, i, pack) || !get_varint(d, i, place.offset) ||
            !get_varint(d, i, place.size))
            return;
        place.pack = pack;
        texts[hash] = std::move(place);
    }
    std::map<std::string, CachedPack> packs;
    if (!get_varint(d, i, count)) return;
    for (std::uint64_t p = 0; p < count; ++p) {
        std::string_view path;
        CachedPack pack;
        if (!get_bytes(d, i, path) || !get_hash(d, i, pack.bytes) || !get_hash(d, i, pack.facts)) return;
        packs[std::string(path)] = pack;
    }
    std::uint64_t has_index = 0;
    std::optional<CachedIndex> index;
    if (!get_varint(d, i, has_index) || has_index > 1) return;
    if (has_index) {
        std::string_view digest;
        CachedIndex written;
        if (!get_bytes(d, i, digest) || !get_varint(d, i, written.doc_total) || !get_varint(d, i, written.position_total) ||
            !get_shards(d, i, written.doc_shards) || !get_shards(d, i, written.position_shards))
            return;
        written.digest = digest;
        index = std::move(written);
    }
    if (i != d.size()) return;
    valid_ = true;
    file_size_ = static_cast<std::uint64_t>(end);
    for (const auto& [path, place] : records) record_bytes_ += place.size;
    records_ = std::move(records);
    texts_ = std::move(texts);
    packs_ = std::move(packs);
    index_ = std::move(index);
}

SearchCacheReader::~SearchCacheReader() {
    if (fd_ >= 0) ::close(fd_);
}

const CachedRecordPlace* SearchCacheReader::place(const std::string& path, const Hash128& bytes_hash) const {
    const auto found = records_.find(path);
    return found == records_.end() || found->second.hash != bytes_hash ? nullptr : &found->second;
}

std::optional<std::string> SearchCacheReader::find_any(const std::string& path) const {
    const auto found = records_.find(path);
    if (found == records_.end()) return std::nullopt;
    return read(found->second);
}

std::optional<std::string> SearchCacheReader::read(const CachedRecordPlace& where) const {
    std::string record;
    if (!read_at(fd_, where.offset, static_cast<std::size_t>(where.size), record) || hash128(record) != where.record)
        return std::nullopt;
    return record;
}

SearchCacheWriter::SearchCacheWriter(std::string file, std::string key, const SearchCacheReader* previous)
    : file_(std::move(file)), temporary_(file_ + ".new-" + std::to_string(::getpid())), key_(std::move(key)) {
    if (previous && previous->valid() && previous->record_bytes() * 2 >= previous->file_size()) {
        fd_ = ::open(file_.c_str(), O_RDWR | O_CLOEXEC);
        const off_t end = fd_ >= 0 ? ::lseek(fd_, 0, SEEK_END) : -1;
        // The file read is the file appended to (not one put there since).
        if (end >= 0 && static_cast<std::uint64_t>(end) == previous->file_size()) {
            appending_ = true;
            appended_at_ = size_ = static_cast<std::uint64_t>(end);
            return;
        }
        if (fd_ >= 0) ::close(fd_);
    }
    fd_ = ::open(temporary_.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    failed_ = fd_ < 0;
}

SearchCacheWriter::~SearchCacheWriter() {
    if (fd_ < 0) return;
    if (appending_) cut_back();
    ::close(fd_);
    if (!appending_) ::unlink(temporary_.c_str());
}

void SearchCacheWriter::cut_back() {
    // The previous directory is still the last thing before what was
    // appended: cut back to it, the previous cache is whole again. If even
    // that fails, the file's last bytes are not a directory's place, and
    // the next build does not use it.
    if (::ftruncate(fd_, static_cast<off_t>(appended_at_)) != 0) failed_ = true;
}

std::optional<std::uint64_t> SearchCacheWriter::add(const std::string& path, const Hash128& bytes_hash,
                                                    std::string_view record, const std::string& title,
                                                    const Hash128& text_hash) {
    const Hash128 record_hash = hash128(record);  // outside the lock: pages are added from every thread
    std::lock_guard lock(mutex_);
    if (failed_) return std::nullopt;
    if (!write_all(fd_, record)) {
        failed_ = true;
        return std::nullopt;
    }
    const std::uint64_t at = size_;
    directory_[path] = CachedRecordPlace{bytes_hash, record_hash, at, record.size(), title, text_hash};
    size_ += record.size();
    return at;
}

void SearchCacheWriter::read(std::uint64_t offset, std::size_t length, std::string& out) const {
    if (!append_at(fd_, offset, length, out))
        throw std::runtime_error(std::string("search index: cannot read back its cache file: ") +
                                 std::strerror(errno ? errno : EIO));
}

void SearchCacheWriter::carry(const std::string& path, const CachedRecordPlace& place,
                              const SearchCacheReader& previous, const std::optional<std::string>& record) {
    if (!appending_) {
        const std::optional<std::string> read = record ? std::nullopt : previous.read(place);
        if (const std::optional<std::string>& bytes = record ? record : read)
            add(path, place.hash, *bytes, place.title, place.text);
        return;
    }
    std::lock_guard lock(mutex_);
    directory_[path] = place;
}

void SearchCacheWriter::add_text(const Hash128& text_hash, CachedTextPlace place) {
    std::lock_guard lock(mutex_);
    // Pages with the same text: the least place (pack path, offset) is
    // kept, whichever pack's writer (packs are written on two threads)
    // gets here first, so the cache is the same from build to build.
    const auto [it, added] = texts_.try_emplace(text_hash, place);
    if (!added && std::tie(place.pack, place.offset) < std::tie(it->second.pack, it->second.offset))
        it->second = std::move(place);
}

void SearchCacheWriter::add_pack(const std::string& pack, const CachedPack& written) {
    std::lock_guard lock(mutex_);
    packs_[pack] = written;
}

void SearchCacheWriter::set_index(CachedIndex index) {
    std::lock_guard lock(mutex_);
    index_ = std::move(index);
}

bool SearchCacheWriter::commit() {
    std::lock_guard lock(mutex_);
    if (failed_) return false;
    std::string d(kMagic);
    put_bytes(d, key_);
    put_varint(d, directory_.size());
    for (const auto& [path, entry] : directory_) {
        put_bytes(d, path);
        put_hash(d, entry.hash);
        put_hash(d, entry.record);
        put_varint(d, entry.offset);
        put_varint(d, entry.size);
        put_bytes(d, entry.title);
        put_hash(d, entry.text);
    }
    put_varint(d, texts_.size());
    for (const auto& [hash, place] : texts_) {
        put_hash(d, hash);
        put_bytes(d, place.pack);
        put_varint(d, place.offset);
        put_varint(d, place.size);
    }
    put_varint(d, packs_.size());
    for (const auto& [path, pack] : packs_) {
        put_bytes(d, path);
        put_hash(d, pack.bytes);
        put_hash(d, pack.facts);
    }
    put_varint(d, index_ ? 1 : 0);
    if (index_) {
        put_bytes(d, index_->digest);
        put_varint(d, index_->doc_total);
        put_varint(d, index_->position_total);
        put_shards(d, index_->doc_shards);
        put_shards(d, index_->position_shards);
    }
    put_hash(d, hash128(d));
    put_u64(d, size_);
    bool written = write_all(fd_, d);
    if (appending_ && !written) cut_back();
    written = ::close(fd_) == 0 && written;
    fd_ = -1;
    if (appending_) {
        failed_ = !written;
        return written;
    }
    if (!written || ::rename(temporary_.c_str(), file_.c_str()) != 0) {
        ::unlink(temporary_.c_str());
        failed_ = true;
        return false;
    }
    return true;
}

}  // namespace gk
