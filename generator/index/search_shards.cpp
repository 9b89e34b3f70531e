#include "index/search_shards.h"

#include <cstdio>

namespace gk {

bool get_varint_slow(std::string_view s, std::size_t& i, std::uint64_t& value) {
    value = 0;
    for (int shift = 0; i < s.size() && shift < 64; shift += 7) {
        const auto byte = static_cast<unsigned char>(s[i++]);
        value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
        if (byte < 0x80) return true;
    }
    return false;
}

bool get_bytes(std::string_view s, std::size_t& i, std::string_view& bytes) {
    std::uint64_t length = 0;
    if (!get_varint(s, i, length) || length > s.size() - i) return false;
    bytes = s.substr(i, static_cast<std::size_t>(length));
    i += static_cast<std::size_t>(length);
    return true;
}

void put_hash(std::string& out, const Hash128& hash) {
    for (const std::uint64_t half : {hash.high, hash.low})
        for (int i = 0; i < 8; ++i) out += static_cast<char>((half >> (8 * i)) & 0xFF);
}

bool get_hash(std::string_view s, std::size_t& i, Hash128& hash) {
    if (i > s.size() || s.size() - i < 16) return false;
    for (std::uint64_t* half : {&hash.high, &hash.low}) {
        *half = 0;
        for (int b = 7; b >= 0; --b) *half = (*half << 8) | static_cast<unsigned char>(s[i + b]);
        i += 8;
    }
    return true;
}

void FileDigest::add(std::string_view path, const Hash128& bytes_hash) {
    std::string named(path);
    named += '\0';
    put_hash(named, bytes_hash);
    sum_ += hash128(named).high;
}

std::string FileDigest::hex() const {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(sum_));
    return buf;
}

std::string shortest_separator(std::string_view last, std::string_view next) {
    // Cut `next` after its first byte that differs from `last`, then extend
    // to a whole UTF-8 code point so the separator is valid text in JSON.
    std::size_t i = 0;
    while (i < last.size() && i < next.size() && last[i] == next[i]) ++i;
    std::size_t end = std::min(next.size(), i + 1);
    while (end < next.size() && (static_cast<unsigned char>(next[end]) & 0xC0) == 0x80) ++end;
    return std::string(next.substr(0, end));
}

ShardWriter::ShardWriter(std::string dir, std::size_t target_bytes, OutputSink& sink, FileDigest& digest)
    : dir_(std::move(dir)), target_(target_bytes), sink_(sink), digest_(digest) {}

void ShardWriter::add(std::string_view key, std::string_view record) {
    if (count_ == 0) {
        bounds_.push_back(ShardBounds{std::string(key), {}});
        last_key_.clear();
    }
    // Keys are front-coded: the length shared with the previous key, then the rest.
    std::size_t shared = 0;
    while (shared < last_key_.size() && shared < key.size() && last_key_[shared] == key[shared]) ++shared;
    put_varint(body_, shared);
    put_varint(body_, key.size() - shared);
    body_.append(key.substr(shared));
    put_varint(body_, record.size());
    body_.append(record);
    last_key_.assign(key);
    ++count_;
    if (body_.size() >= target_) flush();
}

void ShardWriter::flush() {
    if (count_ == 0) return;
    std::string file;
    file.reserve(body_.size() + 8);
    put_varint(file, count_);
    file += body_;
    const std::string path = dir_ + std::to_string(bounds_.size() - 1) + ".bin";
    const Hash128 hash = hash128(file);  // once, for the digest and the writer
    digest_.add(path, hash);
    sink_.add_hashed(path, std::move(file), hash);
    body_.clear();
    count_ = 0;
    bounds_.back().last = last_key_;
}

void ShardWriter::keep(const PreviousFile& previous, const ShardBounds& bounds) {
    bounds_.push_back(bounds);
    const std::string path = dir_ + std::to_string(bounds_.size() - 1) + ".bin";
    digest_.add(path, previous.hash);
    sink_.keep(path, previous);
}

std::vector<std::string> ShardWriter::separators() const {
    std::vector<std::string> out;
    out.reserve(bounds_.size());
    for (std::size_t n = 0; n < bounds_.size(); ++n)
        out.push_back(n == 0 ? std::string() : shortest_separator(bounds_[n - 1].last, bounds_[n].first));
    return out;
}

void ShardWriter::finish() { flush(); }

}  // namespace gk
