#include "load/budget_cache.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <deque>

#include "incremental/file_stamp.h"
#include "index/search_shards.h"
#include "load/budget_codec.h"

namespace gk {

namespace {

// File layout: kMagic, the program as bytes (put_bytes), varint records,
// per record { 16 bytes: the hash of the file's text, varint year,
// kind byte, site unit byte, the record as bytes }, and last 16 bytes: the
// hash128 of everything before them, so that a damaged file is never
// decoded into figures. The number is raised whenever the codec's fields
// change (load/budget_codec.cpp).
constexpr std::string_view kMagic = "gongkai-load-cache 1\n";

void put_key(std::string& out, const BudgetKey& key) {
    put_hash(out, key.text);
    put_varint(out, static_cast<std::uint64_t>(key.year));  // four digits of a file name
    out += static_cast<char>(key.kind);
    out += static_cast<char>(key.site_unit);
}

bool get_key(std::string_view s, std::size_t& i, BudgetKey& key) {
    std::uint64_t year = 0;
    if (!get_hash(s, i, key.text) || !get_varint(s, i, year) || year > 9999 || i + 2 > s.size()) return false;
    key.year = static_cast<int>(year);
    const auto kind = static_cast<unsigned char>(s[i++]);
    const auto unit = static_cast<unsigned char>(s[i++]);
    if (kind > static_cast<unsigned char>(BudgetKind::final_accounts) || unit > static_cast<unsigned char>(Unit::yi_yuan))
        return false;
    key.kind = static_cast<BudgetKind>(kind);
    key.site_unit = static_cast<Unit>(unit);
    return true;
}

// The records of a cache file written by `program`; empty when the file is
// not one (missing, foreign, damaged).
std::vector<std::pair<BudgetKey, std::string_view>> parse_cache(std::string_view bytes, std::string_view program) {
    constexpr std::size_t kHashSize = 16;
    if (bytes.size() < kMagic.size() + kHashSize || !bytes.starts_with(kMagic)) return {};
    std::string_view body = bytes.substr(0, bytes.size() - kHashSize);
    std::size_t at = body.size();
    Hash128 stated;
    if (!get_hash(bytes, at, stated) || stated != hash128(body)) return {};
    std::size_t i = kMagic.size();
    std::string_view written_by;
    std::uint64_t count = 0;
    if (!get_bytes(body, i, written_by) || written_by != program || !get_varint(body, i, count)) return {};
    std::vector<std::pair<BudgetKey, std::string_view>> records;
    records.reserve(std::min<std::uint64_t>(count, body.size()));
    for (std::uint64_t r = 0; r < count; ++r) {
        BudgetKey key;
        std::string_view record;
        if (!get_key(body, i, key) || !get_bytes(body, i, record)) return {};
        records.emplace_back(key, record);
    }
    if (i != body.size()) return {};
    return records;
}

}  // namespace

BudgetKey budget_key(const SourceFile& file, int year, BudgetKind kind, Unit site_unit) {
    return budget_key(hash128(file.text()), year, kind, site_unit);
}

BudgetCache::BudgetCache(std::string path, std::string program) : path_(std::move(path)), program_(std::move(program)) {
    if (!enabled()) return;
    if (std::optional<std::string> bytes = read_whole_file(path_)) bytes_ = std::move(*bytes);
    records_ = parse_cache(bytes_, program_);
    if (records_.empty()) bytes_.clear();
    by_key_.reserve(records_.size());
    for (std::size_t i = 0; i < records_.size(); ++i) by_key_.emplace(records_[i].first, i);
    used_ = std::make_unique<std::atomic<bool>[]>(records_.size());
}

bool BudgetCache::find(const BudgetKey& key, const SourceFile& file, BudgetFile& budget) {
    if (!enabled()) return false;
    const auto found = by_key_.find(key);
    if (found == by_key_.end()) return false;
    // The hash over the whole file was checked when it was read: a record
    // that does not decode was written by a codec this one does not match.
    if (!decode_budget(records_[found->second].second, file, budget)) {
        budget = BudgetFile{};
        return false;
    }
    used_[found->second].store(true, std::memory_order_relaxed);
    found_.fetch_add(1, std::memory_order_relaxed);
    return true;
}

void BudgetCache::add(const BudgetKey& key, const SourceFile& file) {
    if (!enabled()) return;
    const std::lock_guard lock(mutex_);
    added_.emplace(&file, key);
}

bool BudgetCache::save(const Content& content) {
    if (!enabled()) return true;
    const bool saved = write(content);
    // 20 MB at 9,000 department-years, not needed while pages are made.
    program_.clear();
    std::string().swap(bytes_);
    decltype(records_)().swap(records_);
    decltype(by_key_)().swap(by_key_);
    used_.reset();
    decltype(added_)().swap(added_);
    return saved;
}

bool BudgetCache::write(const Content& content) const {
    std::size_t used = 0;
    for (std::size_t i = 0; i < records_.size(); ++i) used += used_[i].load(std::memory_order_relaxed) ? 1 : 0;
    if (added_.empty() && used == records_.size()) return true;

    // Records in key order, each once (two departments may hold the same
    // file), so the cache's bytes do not depend on which thread loaded what.
    std::vector<std::pair<BudgetKey, std::string_view>> keep;
    keep.reserve(used + added_.size());
    for (std::size_t i = 0; i < records_.size(); ++i) {
        if (used_[i].load(std::memory_order_relaxed)) keep.push_back(records_[i]);
    }
    std::deque<std::string> encoded;  // what `keep` views for the added ones: never moved
    for (const Department& dept : content.departments) {
        for (const BudgetFile& budget : dept.files) {
            const auto added = added_.find(budget.loc.file);
            if (added == added_.end()) continue;
            if (std::optional<std::string> record = encode_budget(budget, *budget.loc.file)) {
                encoded.push_back(std::move(*record));
                keep.emplace_back(added->second, encoded.back());
            }
        }
    }
    std::sort(keep.begin(), keep.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    keep.erase(std::unique(keep.begin(), keep.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
               keep.end());

    std::string out(kMagic);
    put_bytes(out, program_);
    put_varint(out, keep.size());
    for (const auto& [key, record] : keep) {
        put_key(out, key);
        put_bytes(out, record);
    }
    put_hash(out, hash128(out));

    const std::string temporary = path_ + ".new-" + std::to_string(::getpid());
    std::FILE* file = std::fopen(temporary.c_str(), "wb");
    if (!file) return false;
    const bool written = std::fwrite(out.data(), 1, out.size(), file) == out.size();
    if (std::fclose(file) != 0 || !written || std::rename(temporary.c_str(), path_.c_str()) != 0) {
        std::remove(temporary.c_str());
        return false;
    }
    return true;
}

}  // namespace gk
