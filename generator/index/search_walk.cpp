// The end of the search index (SearchIndexer::finish): every page's
// entries walked in key order, a slice of tokens at a time, into the
// shards' records; and before it, the tokens ranked in that order and the
// document tokens' walk split in two (docs/search-format.md, "2. Files").
#include <algorithm>
#include <array>
#include <bit>
#include <functional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "index/search_index.h"
#include "index/search_internal.h"
#include "index/search_shards.h"
#include "parallel/parallel_for.h"

namespace gk {

namespace {

// Reads one page's entries back from the spill store, a chunk at a time:
// finish() walks every page at once, so each keeps only a little unread.
// A chunk is about what the page has in the slice being walked (its share
// of the slice's postings), so that a page takes about one read per slice:
// chunks of 1 KB took 202,000 reads at 9,000 department-years, and a read
// costs microseconds here, more than the bytes.
class EntryCursor {
public:
    EntryCursor(const ByteSource& store, std::uint64_t offset, std::uint64_t size)
        : store_(&store), next_(offset), end_(offset + size), size_(size) {}
    // Bytes of the page's entries in all.
    std::uint64_t size() const { return size_; }
    // Makes at least `n` bytes (or all that is left) readable from pos.
    void need(std::size_t n) {
        while (buf.size() - pos < n && next_ < end_) {
            const std::size_t chunk =
                static_cast<std::size_t>(std::min<std::uint64_t>(end_ - next_, std::max(n, chunk_)));
            store_->read(next_, chunk, buf);
            next_ += chunk;
        }
    }
    // At the start of a slice (no posting points into what was read any
    // more): drops it, and reads `expect` bytes at once; later reads in the
    // slice take at least a quarter of that.
    void start_slice(std::size_t expect) {
        buf.erase(0, pos);
        pos = 0;
        chunk_ = std::max<std::size_t>(expect / 4, kMinChunk);
        need(expect);
    }
    bool get_varint(std::uint64_t& value) {
        need(10);
        return gk::get_varint(buf, pos, value);
    }
    void skip_varint() {
        need(10);
        while (pos < buf.size() && (static_cast<unsigned char>(buf[pos++]) & 0x80)) {
        }
    }
    std::string buf;
    std::size_t pos = 0;

private:
    static constexpr std::size_t kMinChunk = 1024;
    const ByteSource* store_;
    std::uint64_t next_, end_, size_;
    std::size_t chunk_ = kMinChunk;
};

// One posting of a slice of the walk: the token (its rank within the
// slice), the page, and its payload (see near_payload): 12 bytes, as a
// slice has millions.
struct SlicePosting {
    std::uint32_t token;
    std::uint32_t doc;
    std::uint32_t payload;
};

// A posting's payload as it travels with the posting: its bytes when there
// are three or fewer (a document token's two varints, a trigram's one
// position, most of the time), their count above them; else kFarPayload
// and where its entry is in the page's cursor buffer (for a trigram, from
// its length), read again when the record is written. Carried, those
// payloads are written from the postings in token order; read from the
// cursor buffers, each was a cache miss.
constexpr std::uint32_t kFarPayload = std::uint32_t{1} << 31;
constexpr std::size_t kNearBytes = 3;

inline std::uint32_t near_payload(const char* bytes, std::size_t n) {
    std::uint32_t packed = static_cast<std::uint32_t>(n) << 24;
    for (std::size_t i = 0; i < n; ++i) packed |= std::uint32_t{static_cast<unsigned char>(bytes[i])} << (8 * i);
    return packed;
}

// Writes a near payload's bytes at `at`; returns their end.
inline char* put_near_payload(char* at, std::uint32_t payload) {
    const std::size_t n = payload >> 24;
    for (std::size_t i = 0; i < n; ++i) at[i] = static_cast<char>(payload >> (8 * i));
    return at + n;
}

// The payload of the entry at buf[at]: a trigram's positions (after their
// length), or a document token's two varints (weight, snippet position).
inline std::string_view entry_payload(std::string_view buf, std::size_t at, bool trigram) {
    std::size_t i = at;
    if (trigram) {
        std::uint64_t length = 0;
        if (!get_varint(buf, i, length)) return {};
        return buf.substr(i, static_cast<std::size_t>(std::min<std::uint64_t>(length, buf.size() - i)));
    }
    for (int varint = 0; varint < 2 && i < buf.size(); ++varint)
        while (i < buf.size() && (static_cast<unsigned char>(buf[i++]) & 0x80)) {
        }
    return buf.substr(at, i - at);
}

// Above this many tokens in a slice (SearchIndexOptions::scattered_tokens),
// its postings are gathered page by page and then sorted by token rather
// than each put straight into its token's place: with millions of rare
// tokens (a site of real text) every such write missed the cache twice
// (its token's next place, then the place), two fifths of the walk; the
// position shards' walk of 5 million tokens took 1.8 s before, 1.2 s after.
// With the synthetic corpus's thousands of tokens a slice, too: 64 rather
// than 4,096 made the document shards' walk a tenth quicker and the peak
// 40 MB lower (half slices, see write_part).
constexpr std::size_t kScatteredTokens = 64;

// Puts the `n` postings at `postings` (gathered in page order) in token
// order, each token's in page order still, through the `n` places at
// `other`; `start` says where each of the `tokens` tokens' postings begin
// (and the end). Up to 2,048 tokens (the synthetic corpus's slices), each
// posting goes straight to its token's next place: the counts are known,
// and counting them again was a third of the sort. Above, a stable radix
// sort of the token numbers by digits of 11 bits at most (2,048 places
// written at a time, which the cache holds). Returns where the sorted
// postings are: `postings` or `other`.
SlicePosting* sort_by_token(SlicePosting* postings, SlicePosting* other, std::size_t n, std::uint32_t tokens,
                            const std::vector<std::uint32_t>& start, std::vector<std::uint32_t>& counts) {
    if (tokens <= 1) return postings;  // (a slice cut to one token)
    const unsigned bits = static_cast<unsigned>(std::bit_width(tokens - 1));
    const unsigned passes = (bits + 10) / 11;
    if (passes == 1) {
        counts.assign(start.begin(), start.begin() + tokens);
        for (std::size_t i = 0; i < n; ++i) other[counts[postings[i].token]++] = postings[i];
        return other;
    }
    const unsigned digit = (bits + passes - 1) / passes;
    const std::size_t buckets = std::size_t{1} << digit;
    const std::uint32_t mask = static_cast<std::uint32_t>(buckets - 1);
    counts.assign(passes * buckets, 0);
    for (std::size_t i = 0; i < n; ++i)
        for (unsigned pass = 0; pass < passes; ++pass)
            ++counts[pass * buckets + ((postings[i].token >> (pass * digit)) & mask)];
    for (unsigned pass = 0; pass < passes; ++pass) {
        std::uint32_t* const place = counts.data() + pass * buckets;
        std::uint32_t sum = 0;
        for (std::size_t b = 0; b < buckets; ++b) sum += std::exchange(place[b], sum);
        const unsigned shift = pass * digit;
        for (std::size_t i = 0; i < n; ++i) other[place[(postings[i].token >> shift) & mask]++] = postings[i];
        std::swap(postings, other);
    }
    return postings;
}

// A token as rank_tokens sorts it: its sort key (see sort_key), id and
// postings.
struct Keyed {
    std::uint64_t sort;
    std::uint32_t id;
    std::uint32_t docs;
};

// [begin, end) of share `t` of `n` items cut into `shares`.
std::pair<std::size_t, std::size_t> share_of(std::size_t n, std::size_t shares, std::size_t t) {
    return {n * t / shares, n * (t + 1) / shares};
}

// Sorts `keyed` by sort key, stably: a radix sort of 16-bit digits through
// `other` (as large), each pass on `threads` threads, each of which counts
// the digits of its share of the items, then puts its share in place after
// the shares before it in each bucket.
void sort_by_sort_key(std::vector<Keyed>& keyed, std::vector<Keyed>& other, std::size_t shares, unsigned threads) {
    constexpr unsigned kDigitBits = 16, kDigits = 64 / kDigitBits;
    constexpr std::size_t kBuckets = std::size_t{1} << kDigitBits;
    const std::size_t n = keyed.size();
    std::vector<std::uint32_t> count(shares * kBuckets);
    for (unsigned d = 0; d < kDigits && n > 0; ++d) {
        const unsigned shift = d * kDigitBits;
        const auto digit = [shift](const Keyed& k) { return (k.sort >> shift) & (kBuckets - 1); };
        std::fill(count.begin(), count.end(), 0u);
        parallel_for(shares, threads, [&](std::size_t t) {
            std::uint32_t* const c = count.data() + t * kBuckets;
            const auto [begin, end] = share_of(n, shares, t);
            for (std::size_t i = begin; i < end; ++i) ++c[digit(keyed[i])];
        });
        const std::size_t first = digit(keyed[0]);
        std::uint64_t all_first = 0;
        for (std::size_t t = 0; t < shares; ++t) all_first += count[t * kBuckets + first];
        if (all_first == n) continue;  // one digit for all
        std::uint32_t sum = 0;
        for (std::size_t b = 0; b < kBuckets; ++b)
            for (std::size_t t = 0; t < shares; ++t) sum += std::exchange(count[t * kBuckets + b], sum);
        parallel_for(shares, threads, [&](std::size_t t) {
            std::uint32_t* const place = count.data() + t * kBuckets;
            const auto [begin, end] = share_of(n, shares, t);
            for (std::size_t i = begin; i < end; ++i) other[place[digit(keyed[i])]++] = keyed[i];
        });
        keyed.swap(other);
    }
}

}  // namespace

void SearchIndexer::write_part(const std::vector<Token>& by_rank, const std::vector<std::uint32_t>& rank,
                               std::uint32_t r_begin, std::uint32_t r_end, bool trigrams, const EntryRange& entries,
                               const RecordSink& add) {
    // Walk every page's entries (already in rank order) in step, a slice of
    // tokens at a time, so the postings of one slice only are gathered at once.
    const std::size_t n_docs = records_.size();
    constexpr std::uint32_t kEnd = 0xFFFFFFFFu;
    std::vector<EntryCursor> cursors;
    cursors.reserve(n_docs);
    for (const PageRecord& r : records_) {
        const auto [begin, end] = entries(r);
        cursors.emplace_back(*r.store, r.offset + begin, end - begin);
    }
    std::vector<std::uint32_t> current(n_docs, kEnd);
    const auto advance = [&](std::size_t d) {
        std::uint64_t id = 0;
        if (!cursors[d].get_varint(id)) {
            current[d] = kEnd;
            return;
        }
        // sort_key and this order must agree, or the walk below would lose entries.
        if (id >= rank.size() || rank[id] < r_begin || rank[id] >= r_end ||
            (current[d] != kEnd && rank[id] <= current[d]))
            throw std::logic_error("search index: a page's entries are not in key order");
        current[d] = rank[id];
    };
    for (std::size_t d = 0; d < n_docs; ++d) advance(d);

    // 2^18 postings a slice (3 MB; a gathered half, 1.5 MB, is sorted
    // within a core's L2 cache): at 9,000 department-years the walks took
    // a quarter less time than with slices of 2^21, whose sorts and records
    // went through the L3 cache, though each page is read in eight times
    // as many pieces (bench/README.md, "Smaller slices"). (At most 2^31: a
    // slice's postings are counted in 32 bits below; one token alone may
    // take more, up to the number of pages.)
    const std::uint64_t slice_postings =
        std::min<std::uint64_t>(options_.slice_postings ? options_.slice_postings : std::uint64_t{1} << 18,
                                std::uint64_t{1} << 31);
    const std::size_t scattered_tokens = options_.scattered_tokens ? options_.scattered_tokens : kScatteredTokens;
    // One array for a slice's postings: all of it for a slice whose postings
    // go straight to their places, its two halves for one whose postings
    // are gathered and then sorted from one half into the other. (Two
    // arrays, one for the postings and one for the sort, each kept at the
    // size of the largest slice, held twice that: 50 MB more at the peak.)
    std::vector<SlicePosting> room;
    std::vector<std::uint32_t> counts;
    std::uint64_t part_total = 0;  // postings of the part
    for (std::uint32_t r = r_begin; r < r_end; ++r) part_total += by_rank[r].docs;
    // Where each token's postings begin in the slice, and where the next
    // one goes: 32 bits, as a slice with millions of rare tokens has two
    // arrays of millions of them.
    std::vector<std::uint32_t> start, fill;
    std::string record;
    for (std::uint32_t r0 = r_begin; r0 < r_end;) {
        std::uint32_t r1 = r0;
        std::uint64_t total = 0;
        const auto cut_slice = [&](std::uint64_t most) {
            r1 = r0, total = 0;
            start.assign(1, 0);
            while (r1 < r_end && (r1 == r0 || total + by_rank[r1].docs <= most)) {
                total += by_rank[r1].docs;
                start.push_back(static_cast<std::uint32_t>(total));
                ++r1;
            }
        };
        cut_slice(slice_postings);
        // Gathered postings are sorted into the room's second half: half as
        // many at a time then, in the memory of a slice put in place directly.
        const bool gather = r1 - r0 > scattered_tokens;
        if (gather && total > slice_postings / 2) cut_slice(std::max<std::uint64_t>(slice_postings / 2, 1));
        const std::size_t sort_room_at = gather ? static_cast<std::size_t>(total) : 0;
        if (room.size() < total + sort_room_at) room.resize(total + sort_room_at);
        SlicePosting* postings = room.data();
        if (!gather) fill.assign(start.begin(), start.end() - 1);
        std::size_t gathered = 0;
        for (std::size_t d = 0; d < n_docs; ++d) {
            EntryCursor& c = cursors[d];
            if (current[d] >= r1) continue;
            // The previous slice's postings are written: what they pointed
            // into goes. The page's share of this slice is about its share
            // of the part.
            c.start_slice(static_cast<std::size_t>(c.size() * total / part_total * 9 / 8 + 64));
            while (current[d] < r1) {
                const std::uint32_t r = current[d];
                // The payload: a trigram's positions (after their length),
                // or a document token's weight and snippet position.
                const std::size_t at = c.pos;
                std::size_t from = at;
                if (trigrams) {
                    std::uint64_t len = 0;
                    c.get_varint(len);
                    c.need(len);
                    from = c.pos;
                    c.pos = std::min(c.buf.size(), c.pos + static_cast<std::size_t>(len));
                } else {
                    c.skip_varint();
                    c.skip_varint();
                }
                const std::size_t n = c.pos - from;
                // (A page's part of one slice is kilobytes; 2 GiB would be a
                // page of gigabytes of text.)
                if (at >= kFarPayload) throw std::length_error("search index: a page's entries are too large");
                const SlicePosting posting{r - r0, static_cast<std::uint32_t>(d),
                                           n <= kNearBytes ? near_payload(c.buf.data() + from, n)
                                                           : kFarPayload | static_cast<std::uint32_t>(at)};
                if (gather) postings[gathered++] = posting;
                else postings[fill[r - r0]++] = posting;
                advance(d);
            }
        }
        if (gather) {
            if (gathered != total) throw std::logic_error("search index: the pages' entries disagree with their counts");
            postings = sort_by_token(postings, room.data() + sort_room_at, gathered, r1 - r0, start, counts);
        }
        for (std::uint32_t r = r0; r < r1; ++r) {
            const Token& token = by_rank[r];
            const std::uint64_t first = start[r - r0], end = start[r - r0 + 1];
            // Written into room made as it goes (a varint and the payload
            // a posting), never appended a few bytes at a time; the room
            // only grows (resizing down and up again filled it with zeros
            // for every token: a tenth of the walk). A payload's size is
            // known only once its bytes are read, as they are copied.
            if (record.size() < 2 * kMaxVarint) record.resize(4096);
            RawWriter out{record.data()};
            out.varint(token.docs);
            std::uint32_t prev_doc = 0;
            for (std::uint64_t k = first; k < end; ++k) {
                const SlicePosting& p = postings[k];
                // A far payload is in another page's buffer: the buffers'
                // places, then the payloads, are asked for ahead.
                if (k + 16 < end && (postings[k + 16].payload & kFarPayload))
                    __builtin_prefetch(&cursors[postings[k + 16].doc]);
                if (k + 8 < end && (postings[k + 8].payload & kFarPayload)) {
                    const SlicePosting& ahead = postings[k + 8];
                    __builtin_prefetch(cursors[ahead.doc].buf.data() + (ahead.payload & ~kFarPayload));
                }
                const std::string_view far =
                    p.payload & kFarPayload
                        ? entry_payload(cursors[p.doc].buf, p.payload & ~kFarPayload, trigrams)
                        : std::string_view();
                const std::size_t most = std::max(kNearBytes, far.size());
                const auto used = static_cast<std::size_t>(out.at - record.data());
                if (record.size() - used < kMaxVarint + most) {
                    record.resize(std::max(2 * record.size(), used + kMaxVarint + most));
                    out.at = record.data() + used;
                }
                out.varint(p.doc - prev_doc);
                if (p.payload & kFarPayload) out.bytes(far);
                else out.at = put_near_payload(out.at, p.payload);
                prev_doc = p.doc;
            }
            add(key_text(token.key), std::string_view(record.data(), static_cast<std::size_t>(out.at - record.data())));
        }
        r0 = r1;
    }
}

std::pair<std::uint64_t, std::uint64_t> SearchIndexer::totals() const {
    std::uint64_t doc_total = 0, position_total = position_bytes_;
    for (std::size_t id = 0; id < tokens_.size(); ++id) {
        const Token& t = tokens_[id];
        if (kind_of(t.key) == kTrigram) position_total += t.docs * 2;
        else doc_total += std::uint64_t{t.docs} * 4;
    }
    return {doc_total, position_total};
}

SearchIndexer::TokenRanks SearchIndexer::rank_tokens(unsigned threads) {
    // The order of sort_key: document tokens by key, then trigrams by key.
    // The tokens (sort key, id and postings) sorted by a radix sort of their
    // sort keys' 16-bit digits, then the words that share a first letter
    // (and so a sort key) by their text: sorting ids, whose comparison
    // looked both tokens up, took a second at five million tokens, and
    // sorting by comparison 0.9 s, all of it before the walk's threads
    // start. The token list is given up as soon as it is copied (the walk
    // reads by_rank), so the sort's two arrays take the place of the list
    // and of the intern table let go before. Each token's sort key is
    // worked out once (it was twice a pass), and the sort and the ranks run
    // on all the end's threads: at five million tokens the ranking took
    // 0.24 s on one thread, before the walk could start, and takes 0.15 s.
    const std::size_t n = tokens_.size();
    // A word's key is not in its sort key (its first letter only): they
    // are few, and kept by id.
    std::unordered_map<std::uint32_t, std::uint64_t> word_keys;
    std::vector<Keyed> keyed(n);
    for (std::uint32_t id = 0; id < n; ++id) {
        const std::uint64_t key = tokens_[id].key;
        if (kind_of(key) == kWord) word_keys.emplace(id, key);
        keyed[id] = {sort_key(key, words_), id, tokens_[id].docs};
    }
    tokens_.release();
    std::vector<Keyed> other(n);
    const std::size_t least = options_.rank_share_tokens ? options_.rank_share_tokens : 65536;
    const std::size_t shares = std::max<std::size_t>(1, std::min<std::size_t>(threads, n / least));
    sort_by_sort_key(keyed, other, shares, threads);
    std::vector<Keyed>().swap(other);
    const auto key_of = [&](const Keyed& k) { return key_from_sort_key(k.sort, [&] { return word_keys.at(k.id); }); };
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i + 1;
        while (j < n && keyed[j].sort == keyed[i].sort) ++j;
        if (j - i > 1)  // words of the same first letter
            std::sort(keyed.begin() + static_cast<std::ptrdiff_t>(i), keyed.begin() + static_cast<std::ptrdiff_t>(j),
                      [&](const Keyed& x, const Keyed& y) {
                          return words_[key_of(x) & ~kWordBit] < words_[key_of(y) & ~kWordBit];
                      });
        i = j;
    }
    TokenRanks ranks;
    ranks.by_rank.resize(n);
    ranks.rank.resize(n);
    // The trigrams come last: their sort keys alone have the top bit.
    ranks.first_trigram = static_cast<std::uint32_t>(
        std::partition_point(keyed.begin(), keyed.end(), [](const Keyed& k) { return !(k.sort & kWordBit); }) -
        keyed.begin());
    parallel_for(shares, threads, [&](std::size_t t) {
        const auto [begin, end] = share_of(n, shares, t);
        for (std::size_t r = begin; r < end; ++r) {
            ranks.by_rank[r] = Token{key_of(keyed[r]), keyed[r].docs};
            ranks.rank[keyed[r].id] = static_cast<std::uint32_t>(r);
        }
    });
    return ranks;
}

SearchIndexer::DocSplit SearchIndexer::choose_doc_split(const TokenRanks& ranks) const {
    // The postings below each split, in one pass over the document tokens
    // in rank order (their first code points only rise).
    std::array<std::uint32_t, kDocSplitCount> rank_at{};
    std::array<std::uint64_t, kDocSplitCount> below{};
    std::uint64_t total = 0;
    std::size_t b = 0;
    for (std::uint32_t r = 0; r < ranks.first_trigram; ++r) {
        const Token& token = ranks.by_rank[r];
        for (const char32_t c = first_code_point(token.key); b < kDocSplitCount && c >= kDocSplits[b]; ++b)
            rank_at[b] = r, below[b] = total;
        total += token.docs;
    }
    for (; b < kDocSplitCount; ++b) rank_at[b] = ranks.first_trigram, below[b] = total;
    DocSplit best = DocSplit::none(ranks);
    std::uint64_t best_distance = total;
    // The lower part takes about 80%: one thread walks the position shards
    // (the longest part) while the other walks the lower part then writes
    // the packs, and the upper part goes to whichever is free first. (With
    // the parts' times at 9,000 department-years — positions 0.5–0.75 s,
    // document tokens 0.6–0.7 s in all, packs 0.13 s on tmpfs, 0.36 s on
    // ext4 — the two threads end together near 78–80%; at 70% the end of
    // the index took 0.74–1.0 s on tmpfs, at 80% 0.66–0.77 s.)
    const std::uint64_t target = total / 10 * 8;
    for (std::size_t k = 0; k < kDocSplitCount; ++k) {
        if (below[k] == 0 || below[k] == total) continue;
        const std::uint64_t distance = below[k] > target ? below[k] - target : target - below[k];
        if (distance < best_distance) best_distance = distance, best = DocSplit{k, rank_at[k]};
    }
    return best;
}

}  // namespace gk
