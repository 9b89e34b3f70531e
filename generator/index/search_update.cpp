// Updating the previous output's search index in place. After a narrative
// edit a few pages out of thousands changed; walking every page's entries
// to write every shard again (SearchIndexer::write_part) cost most of such
// a rebuild, and so did reading every unchanged page's entries back from
// the cache. When the site has the same pages (so every page keeps its id)
// and the previous index is the one the cache was written with, each shard
// record of the previous index is taken as it is, unless a changed page had
// or has its key: then the changed pages' previous entries (from the
// cache) are taken out of it and their entries now put in. Shards are cut
// again over the whole key order as a clean build cuts them, from the
// totals the cache kept adjusted by the changed pages, so the bytes are
// those of a clean build (tests/unit/index/search_update_test.cpp and every
// narrative edit in tests/incremental/ check it).
#include <algorithm>
#include <charconv>
#include <map>
#include <stdexcept>

#include "incremental/file_stamp.h"
#include "index/search_internal.h"

namespace gk {

namespace {

// The files of an index, as FileDigest counts them: everything under
// search/ that finish() writes but the manifest (which names the digest).
bool is_index_file(std::string_view path) {
    return path.starts_with("search/d/") || path.starts_with("search/p/") || path.starts_with("search/pages/") ||
           path.starts_with("search/docs/") || path == "search/pages.idx" || path == "search/facets.json";
}

// n of `<folder><n>.bin`, or -1.
long shard_number(std::string_view path, std::string_view folder) {
    if (!path.starts_with(folder) || !path.ends_with(".bin")) return -1;
    const std::string_view digits = path.substr(folder.size(), path.size() - folder.size() - 4);
    long n = -1;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    return error == std::errc() && end == digits.data() + digits.size() && !digits.empty() ? n : -1;
}

// The files of `numbered` when they are 0, 1, 2 … without a gap.
bool in_order(const std::map<long, const PreviousOutput*>& numbered, std::vector<const PreviousOutput*>& files) {
    for (const auto& [n, file] : numbered) {
        if (n != static_cast<long>(files.size())) return false;
        files.push_back(file);
    }
    return true;
}

// Skips one page's part of a shard record: weight and snippet position, or
// a trigram's positions (docs/search-format.md); false when s ends inside.
bool skip_payload(std::string_view s, std::size_t& i, bool trigram) {
    std::uint64_t value = 0;
    if (!trigram) return get_varint(s, i, value) && get_varint(s, i, value);
    std::uint64_t head = 0;
    if (!get_varint(s, i, head)) return false;
    std::uint64_t n = head >> 2;
    n += (head & 1) + ((head >> 1) & 1);  // the title and heading counts
    while (n--)
        if (!get_varint(s, i, value)) return false;
    return true;
}

// The record of a key after the edit: `old`'s pages but the removed ones,
// and the added ones, in page order; empty when no page has the key now.
// A common token's record holds every page: the entries between two edits
// are copied as they are, a run at a time, and only the entry after an edit
// is written again (its delta from the page before changed); past the last
// edit the rest is not even read.
bool splice_record(std::string_view old, const SearchKeyEdit& edit, bool trigram, std::string& out) {
    thread_local std::string body;
    body.clear();
    std::uint64_t count = 0;
    std::uint32_t last_out = 0;  // the last page written to body
    const auto put = [&](std::uint32_t doc, std::string_view payload) {
        put_varint(body, doc - last_out);
        body += payload;
        last_out = doc;
        ++count;
    };
    auto removed = edit.removed.begin();
    auto added = edit.added.begin();
    std::size_t i = 0;
    std::uint64_t pages = 0, doc = 0;
    if (!get_varint(old, i, pages)) return false;
    // old[run, entry) are entries copied as they are: their deltas hold
    // while the page before the run is the last one written (`in_step`).
    std::size_t run = i;
    bool in_step = true;
    std::uint64_t kept = 0;  // old entries in the run
    for (std::uint64_t k = 0; k < pages; ++k) {
        if (in_step && removed == edit.removed.end() && added == edit.added.end()) {
            // Past the last edit: the rest goes as it is, unread.
            kept += pages - k;
            i = old.size();
            break;
        }
        const std::size_t entry = i;
        const std::uint64_t before = doc;
        std::uint64_t delta = 0;
        if (!get_varint(old, i, delta)) return false;
        doc += delta;
        const std::size_t payload = i;
        if (!skip_payload(old, i, trigram)) return false;
        while (removed != edit.removed.end() && *removed < doc) ++removed;
        const bool gone = removed != edit.removed.end() && *removed == doc;
        if (in_step && !gone && (added == edit.added.end() || added->first > doc)) {
            ++kept;
            continue;
        }
        if (entry > run) {
            body.append(old.substr(run, entry - run));
            last_out = static_cast<std::uint32_t>(before);
            count += kept;
        }
        kept = 0;
        for (; added != edit.added.end() && added->first < doc; ++added) put(added->first, added->second);
        run = i;
        in_step = !gone;
        if (!gone) put(static_cast<std::uint32_t>(doc), old.substr(payload, i - payload));
        // A page both removed and added is put in by the added list, after.
    }
    if (i > run) {
        body.append(old.substr(run, i - run));
        last_out = static_cast<std::uint32_t>(doc);
        count += kept;
    }
    for (; added != edit.added.end(); ++added) put(added->first, added->second);
    out.clear();
    if (count) {
        put_varint(out, count);
        out += body;
    }
    return i == old.size();
}

}  // namespace

std::optional<SearchIndexer::InPlace> SearchIndexer::plan_update_in_place() const {
    if (!cache_in_ || !cache_in_->index() || !cache_out_) return std::nullopt;
    // The same pages, so the same ids; and few of them changed (past that,
    // walking every page costs less than taking each changed one out).
    if (cache_in_->size() != records_.size()) return std::nullopt;
    std::size_t changed = 0;
    for (const PageRecord& page : records_) {
        if (!cache_in_->has(page.path)) return std::nullopt;
        changed += page.cached ? 0 : 1;
    }
    if (changed > std::max<std::size_t>(64, records_.size() / 16)) return std::nullopt;

    // The previous index must be the one the cache was written with, each
    // shard as that build left it.
    InPlace plan;
    FileDigest digest;
    std::map<long, const PreviousOutput*> docs, positions;
    for (const auto& [path, previous] : options_.previous_index) {
        if (!is_index_file(path)) continue;
        digest.add(path, previous.file.hash);
        if (const long n = shard_number(path, "search/d/"); n >= 0) docs[n] = &previous;
        if (const long n = shard_number(path, "search/p/"); n >= 0) positions[n] = &previous;
    }
    if (digest.hex() != cache_in_->index()->digest || !in_order(docs, plan.doc_files) ||
        !in_order(positions, plan.position_files))
        return std::nullopt;
    for (const auto* files : {&plan.doc_files, &plan.position_files})
        for (const PreviousOutput* file : *files)
            if (!still_as_recorded(file->file)) return std::nullopt;

    // Each changed page's entries then (its previous cache record) and now
    // (its spilled entries). Pages in id order: every list is in id order.
    plan.doc_total = cache_in_->index()->doc_total;
    plan.position_total = cache_in_->index()->position_total;
    std::vector<CachedToken> tokens;
    // A changed page's previous entries by key: an entry that comes out the
    // same (a key before the edited part of a page) is no edit, and the
    // shard that holds it may be kept as it is.
    std::map<std::pair<bool, std::string>, std::string_view> before;  // (trigram, key) -> entry
    std::string entries;
    for (std::size_t id = 0; id < records_.size(); ++id) {
        const PageRecord& page = records_[id];
        if (page.cached) continue;
        const auto doc = static_cast<std::uint32_t>(id);
        const std::optional<std::string> record = cache_in_->find_any(page.path);
        if (!record || !parse_cached_record(*record, tokens)) return std::nullopt;
        before.clear();
        for (const CachedToken& token : tokens) {
            const bool trigram = kind_of(token.key) == kTrigram;
            std::string key = token.key == kWordBit ? token.word : code_point_key_text(token.key);
            before.emplace(std::pair(trigram, std::move(key)), token.entry);
            // What this page added to the totals (as totals() counts them).
            if (trigram) plan.position_total -= token.occurrences * 2 + 2;
            else plan.doc_total -= 4;
        }
        entries.clear();
        page.store->read(page.offset, static_cast<std::size_t>(page.size), entries);
        const std::string_view s = entries;
        const auto damaged = [] { return std::logic_error("search index: a page's spilled entries are damaged"); };
        for (std::size_t i = 0; i < s.size();) {
            std::uint64_t token_id = 0;
            if (!get_varint(s, i, token_id) || token_id >= tokens_.size()) throw damaged();
            const std::uint64_t key = tokens_[token_id].key;
            const bool trigram = kind_of(key) == kTrigram;
            const std::size_t entry = i;  // as the cache has it: a trigram's with its length
            std::uint64_t length = 0;
            if (trigram && (!get_varint(s, i, length) || length > s.size() - i)) throw damaged();
            const std::size_t begin = i;
            if (trigram) i += static_cast<std::size_t>(length);
            else if (!skip_payload(s, i, false)) throw damaged();
            std::pair<bool, std::string> kind_key(trigram, key_text(key));
            if (const auto old = before.find(kind_key); old != before.end() && old->second == s.substr(entry, i - entry)) {
                before.erase(old);
                continue;
            }
            (trigram ? plan.position_edits : plan.doc_edits)[std::move(kind_key.second)].added.emplace_back(
                doc, std::string(s.substr(begin, i - begin)));
        }
        for (const auto& [kind_key, entry] : before)
            (kind_key.first ? plan.position_edits : plan.doc_edits)[kind_key.second].removed.push_back(doc);
    }
    // What the changed pages add now: only they were interned.
    const auto [doc_now, position_now] = totals();
    plan.doc_total += doc_now;
    plan.position_total += position_now;
    plan.changed = changed;
    return plan;
}

void SearchIndexer::write_updated_part(const InPlace& plan, bool trigrams, ShardWriter& shards) const {
    const std::map<std::string, SearchKeyEdit>& edits = trigrams ? plan.position_edits : plan.doc_edits;
    auto edit = edits.begin();
    std::string record;
    // A key no page had before: only the changed pages have it.
    const auto add_new = [&](const std::string& key, const SearchKeyEdit& e) {
        static constexpr char kNoPages[] = {0};  // a record of no pages
        if (splice_record(std::string_view(kNoPages, 1), e, trigrams, record) && !record.empty()) shards.add(key, record);
    };
    // A shard no edit touches is kept as it is, unread, when the writer
    // would cut the same one: it starts that shard afresh (every shard
    // before is cut as before), with the same target. Its records are then
    // the same, so it ends at the same key — the last shard too, when no
    // edit comes after it. Its keys are as the cache recorded them.
    const std::vector<const PreviousOutput*>& files = trigrams ? plan.position_files : plan.doc_files;
    const CachedShards& cached = trigrams ? cache_in_->index()->position_shards : cache_in_->index()->doc_shards;
    const bool can_keep = cached.bounds.size() == files.size() && cached.target == shards.target();
    std::string key;
    for (std::size_t n = 0; n < files.size(); ++n) {
        const PreviousOutput* file = files[n];
        if (can_keep && shards.at_shard(n)) {
            const ShardBounds& bounds = cached.bounds[n];
            const bool last = n + 1 == files.size();
            if (edit == edits.end() || (!last && edit->first > bounds.last)) {
                shards.keep(file->file, bounds);
                continue;
            }
        }
        const std::optional<std::string> bytes = read_whole_file(file->file.file);
        if (!bytes || hash128(*bytes) != file->file.hash)
            throw std::runtime_error("search index: '" + file->file.file + "' changed while the site was being built");
        const std::string_view s = *bytes;
        const auto damaged = [&] {
            return std::runtime_error("search index: '" + file->file.file +
                                      "' is not the shard its cache says (delete the cache beside the output)");
        };
        std::size_t i = 0;
        std::uint64_t count = 0;
        if (!get_varint(s, i, count)) throw damaged();
        for (std::uint64_t k = 0; k < count; ++k) {
            std::uint64_t shared = 0;
            std::string_view rest, old;
            if (!get_varint(s, i, shared) || shared > key.size() || !get_bytes(s, i, rest) || !get_bytes(s, i, old))
                throw damaged();
            key.resize(static_cast<std::size_t>(shared));
            key += rest;
            for (; edit != edits.end() && edit->first < key; ++edit) add_new(edit->first, edit->second);
            if (edit == edits.end() || edit->first != key) {
                shards.add(key, old);
                continue;
            }
            if (!splice_record(old, edit->second, trigrams, record)) throw damaged();
            if (!record.empty()) shards.add(key, record);
            ++edit;
        }
        if (i != s.size()) throw damaged();
    }
    for (; edit != edits.end(); ++edit) add_new(edit->first, edit->second);
    shards.finish();
}

}  // namespace gk
