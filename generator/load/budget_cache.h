// The load cache: budget files as loaded by an earlier build, so that a
// rebuild parses only the TOML that changed (docs/incremental.md, "The load
// cache"). Parsing 9,000 budget files with toml++ was a third of the CPU of
// a rebuild after one narrative was edited.
//
// A record is found by the hash of the file's bytes together with
// everything else load_budget reads (the year and kind its name gives, the
// site's unit), and only files that loaded without a single diagnostic are
// kept, so a cached file reports what parsing it would: nothing. The file is
// written by one program only: another gongkai (its build ID differs)
// starts a new one.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "diag/source.h"
#include "incremental/hash.h"
#include "model/budget.h"
#include "model/content.h"

namespace gk {

// What a budget record is looked up by.
struct BudgetKey {
    Hash128 text;  // hash128 of the file's bytes
    int year = 0;
    BudgetKind kind = BudgetKind::budget;
    Unit site_unit = Unit::wan_yuan;
    friend auto operator<=>(const BudgetKey&, const BudgetKey&) = default;
};

struct BudgetKeyHash {
    std::size_t operator()(const BudgetKey& key) const {
        return static_cast<std::size_t>(key.text.low ^ (key.text.high * 31) ^ static_cast<std::uint64_t>(key.year));
    }
};

BudgetKey budget_key(const SourceFile& file, int year, BudgetKind kind, Unit site_unit);
// The same, from the hash of the file's bytes (known without reading it).
inline BudgetKey budget_key(const Hash128& bytes_hash, int year, BudgetKind kind, Unit site_unit) {
    return BudgetKey{bytes_hash, year, kind, site_unit};
}

class BudgetCache {
public:
    // Reads `path` if it is a cache `program` wrote; else starts empty (a
    // missing, foreign or damaged cache is not an error: it is made again).
    // An empty `program` (the program's identity is unknown) disables it.
    BudgetCache(std::string path, std::string program);

    bool enabled() const { return !program_.empty(); }

    // Fills `budget` (default-constructed) from the record for `key`, its
    // positions in `file`; false when there is none. Safe from several threads.
    bool find(const BudgetKey& key, const SourceFile& file, BudgetFile& budget);
    // Notes that the budget read from `file` (its key `key`) loaded without
    // a diagnostic: save() keeps it for the next build. Safe from several
    // threads.
    void add(const BudgetKey& key, const SourceFile& file);

    // Writes the cache (to a temporary file renamed over it) when this run
    // added a record or did not use every record it read, so that it holds
    // exactly the budget files of `content` that are in it or were added.
    // The added ones are encoded from `content` only now: made while loading,
    // their 20 MB (at 9,000 department-years) stayed scattered among the
    // parser's freed memory and raised the build's peak by 30 MB. Returns
    // false when it could not be written; the build goes on without it.
    // Then empty and disabled.
    bool save(const Content& content);

    std::size_t found() const { return found_; }
    std::size_t added() const { return added_.size(); }

private:
    bool write(const Content& content) const;

    std::string path_, program_;
    std::string bytes_;  // the file as read; records view into it
    std::vector<std::pair<BudgetKey, std::string_view>> records_;
    std::unordered_map<BudgetKey, std::size_t, BudgetKeyHash> by_key_;
    std::unique_ptr<std::atomic<bool>[]> used_;
    std::atomic<std::size_t> found_{0};
    std::mutex mutex_;
    // By the file each was read from, which the loaded budget points to:
    // save() finds them in the content without hashing every file again.
    std::unordered_map<const SourceFile*, BudgetKey> added_;
};

}  // namespace gk
