// The byte-level pieces of the search index files (docs/search-format.md):
// varints, and a writer that cuts a sorted run of (key, record) pairs into
// shard files of about a target size, so that the client fetches only the
// shards whose key range holds its tokens.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "incremental/hash.h"
#include "render/output.h"

namespace gk {

// The most bytes a varint of 64 bits takes.
constexpr std::size_t kMaxVarint = 10;

// Writes `value` as a varint at `at` (room for kMaxVarint bytes); returns
// the end of what it wrote. The one encoder: put_varint and the search
// index's raw writer both use it.
inline char* write_varint(char* at, std::uint64_t value) {
    while (value >= 0x80) {
        *at++ = static_cast<char>((value & 0x7F) | 0x80);
        value >>= 7;
    }
    *at++ = static_cast<char>(value);
    return at;
}

inline void put_varint(std::string& out, std::uint64_t value) {
    char bytes[kMaxVarint];
    out.append(bytes, static_cast<std::size_t>(write_varint(bytes, value) - bytes));
}
// Reads a varint at s[i] (advancing i); returns false when s ends inside it.
// Inline, the one-byte case first: finish() reads tens of millions.
bool get_varint_slow(std::string_view s, std::size_t& i, std::uint64_t& value);
inline bool get_varint(std::string_view s, std::size_t& i, std::uint64_t& value) {
    if (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) {
        value = static_cast<unsigned char>(s[i++]);
        return true;
    }
    // Two bytes, the next most common (the ids of a site's first 16,384
    // tokens, positions up to 16,383).
    if (i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0x80) {
        value = (static_cast<unsigned char>(s[i]) & 0x7Fu) | (std::uint64_t{static_cast<unsigned char>(s[i + 1])} << 7);
        i += 2;
        return true;
    }
    return get_varint_slow(s, i, value);
}

// "As bytes": a varint length, then the bytes.
inline void put_bytes(std::string& out, std::string_view bytes) {
    put_varint(out, bytes.size());
    out += bytes;
}
// Reads bytes put by put_bytes at s[i] (advancing i); false when s ends inside them.
bool get_bytes(std::string_view s, std::size_t& i, std::string_view& bytes);

// A hash as 16 bytes (high then low, each little-endian), and back; false
// when s ends inside it.
void put_hash(std::string& out, const Hash128& hash);
bool get_hash(std::string_view s, std::size_t& i, Hash128& hash);

// An order-independent digest of the files written (FNV-1a of path and bytes,
// summed), so the manifest can name the index version whatever the order in
// which threads produced the files.
class FileDigest {
public:
    void add(std::string_view path, std::string_view bytes) { add(path, hash128(bytes)); }
    // A file by the hash of its bytes: a file kept from the previous output
    // counts without being read.
    void add(std::string_view path, const Hash128& bytes_hash);
    // Adds the files of another digest (two writers on two threads, then one digest).
    void add(const FileDigest& other) { sum_ += other.sum_; }
    std::string hex() const;

private:
    std::uint64_t sum_ = 0;
};

// The first and the last key of a shard.
struct ShardBounds {
    std::string first, last;
    friend bool operator==(const ShardBounds&, const ShardBounds&) = default;
};

class ShardWriter {
public:
    // Files are `<dir><n>.bin`, n from 0.
    ShardWriter(std::string dir, std::size_t target_bytes, OutputSink& sink, FileDigest& digest);
    // Keys must come in strictly increasing byte order.
    void add(std::string_view key, std::string_view record);
    void finish();
    // For each shard, the shortest key prefix that is greater than every key
    // of the shards before it ("" for the first): the client binary-searches them.
    std::vector<std::string> separators() const;
    // Each shard's first and last key, in order.
    const std::vector<ShardBounds>& bounds() const { return bounds_; }
    std::size_t target() const { return target_; }

    // True when the next key added would start shard `n` afresh: every
    // shard before it is cut, and nothing was added since.
    bool at_shard(std::size_t n) const { return count_ == 0 && bounds_.size() == n; }
    // Takes `previous`, a shard that holds the keys `bounds` and that this
    // writer would cut from the same records (at_shard of its number, same
    // target, the same records in it), as the next shard without reading it.
    void keep(const PreviousFile& previous, const ShardBounds& bounds);

private:
    void flush();

    std::string dir_;
    std::size_t target_;
    OutputSink& sink_;
    FileDigest& digest_;
    std::string body_;
    std::size_t count_ = 0;
    std::string last_key_;
    std::vector<ShardBounds> bounds_;  // a shard's last key is set when it is cut
};

// The shortest prefix of `next` that is greater than `last` (last < next).
std::string shortest_separator(std::string_view last, std::string_view next);

}  // namespace gk
