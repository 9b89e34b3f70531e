#include "index/search_index.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <numeric>
#include <set>
#include <stdexcept>

#include "index/html_text.h"
#include "index/search_tokenize.h"
#include "render/json_writer.h"

namespace gk {

namespace {

// Token kinds and codes while a page is tokenized: a character is its code
// point, a bigram or trigram its code points (21 bits each), a word its
// index among the page's words.
enum Kind : std::uint8_t { kCharacter, kBigram, kTrigram, kWord };

// Field groups in the order positions are written: title, headings, body.
std::uint8_t group_of(Field f) { return f == Field::title ? 0 : f == Field::heading ? 1 : 2; }

struct Occurrence {
    std::uint32_t token;  // page-local token number
    std::uint32_t pos;
    std::uint8_t group;
};

// Token code -> page-local number: open addressing, as a page has a few
// thousand distinct tokens and this runs for every character of the portal.
struct Code {
    std::uint64_t value;
    Kind kind;
};

class LocalTokens {
public:
    LocalTokens() : slots_(1024, kEmpty) {}
    void reset() {
        std::fill(slots_.begin(), slots_.end(), kEmpty);
        codes.clear();
    }
    std::uint32_t number(std::uint64_t value, Kind kind) {
        if ((codes.size() + 1) * 2 > slots_.size()) grow();
        std::size_t i = slot(value, kind);
        if (slots_[i] == kEmpty) {
            slots_[i] = static_cast<std::uint32_t>(codes.size());
            codes.push_back({value, kind});
        }
        return slots_[i];
    }
    std::vector<Code> codes;  // by number

private:
    static constexpr std::uint32_t kEmpty = ~0u;
    std::size_t slot(std::uint64_t value, Kind kind) const {
        const std::uint64_t h = (value ^ (std::uint64_t{kind} << 61)) * 0x9E3779B97F4A7C15ull;
        std::size_t i = static_cast<std::size_t>(h >> 20) & (slots_.size() - 1);
        while (slots_[i] != kEmpty && (codes[slots_[i]].value != value || codes[slots_[i]].kind != kind))
            i = (i + 1) & (slots_.size() - 1);
        return i;
    }
    void grow() {
        slots_.assign(slots_.size() * 2, kEmpty);
        for (std::uint32_t n = 0; n < codes.size(); ++n) slots_[slot(codes[n].value, codes[n].kind)] = n;
    }
    std::vector<std::uint32_t> slots_;  // numbers into codes
};

struct StringViewHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

class Collector : public TokenVisitor {
public:
    void reset() {
        occurrences.clear();
        words.clear();
        word_index_.clear();
        tokens.reset();
    }
    std::vector<Occurrence> occurrences;
    std::vector<std::string> words;  // by word number
    LocalTokens tokens;

    void character(char32_t c, std::uint32_t pos, Field field) override {
        occurrences.push_back({tokens.number(c, kCharacter), pos, group_of(field)});
    }
    void bigram(char32_t a, char32_t b, std::uint32_t pos, Field field) override {
        occurrences.push_back({tokens.number((std::uint64_t{a} << 21) | b, kBigram), pos, group_of(field)});
    }
    void trigram(char32_t a, char32_t b, char32_t c, std::uint32_t pos, Field field) override {
        const std::uint64_t value = (std::uint64_t{a} << 42) | (std::uint64_t{b} << 21) | c;
        occurrences.push_back({tokens.number(value, kTrigram), pos, group_of(field)});
    }
    void word(std::string_view w, std::uint32_t pos, Field field) override {
        auto it = word_index_.find(w);
        if (it == word_index_.end()) {
            it = word_index_.emplace(std::string(w), static_cast<std::uint32_t>(words.size())).first;
            words.emplace_back(w);
        }
        occurrences.push_back({tokens.number(it->second, kWord), pos, group_of(field)});
    }

private:
    std::unordered_map<std::string, std::uint32_t, StringViewHash, std::equal_to<>> word_index_;
};

std::string to_utf16le(std::string_view text, std::uint32_t length16) {
    std::string out(std::size_t{length16} * 2, '\0');
    char* o = out.data();
    char* const end = o + out.size();
    const auto unit = [&](std::uint32_t u) {
        if (o == end) return;  // length16 is exact; never more than it says
        *o++ = static_cast<char>(u & 0xFF);
        *o++ = static_cast<char>(u >> 8);
    };
    for (std::size_t i = 0; i < text.size();) {
        const char32_t c = next_code_point(text, i);
        if (c >= 0x10000) {
            unit(0xD800 + ((c - 0x10000) >> 10));
            unit(0xDC00 + ((c - 0x10000) & 0x3FF));
        } else {
            unit(c);
        }
    }
    out.resize(static_cast<std::size_t>(o - out.data()));
    return out;
}

// The first code point of a token (its key's first character).
char32_t first_code_point(const Code& code, const std::vector<std::string>& words) {
    switch (code.kind) {
    case kCharacter: return static_cast<char32_t>(code.value);
    case kBigram: return static_cast<char32_t>(code.value >> 21);
    case kTrigram: return static_cast<char32_t>(code.value >> 42);
    default: return static_cast<unsigned char>(words[code.value][0]);
    }
}

// Orders a page's tokens as finish() walks them: the document tokens
// (characters, bigrams, words) by key, then the trigrams by key. Keys
// compare as UTF-8 bytes, that is by code points; a word never shares its
// first code point with a character or bigram (word code points are never
// characters), and a character comes before the bigrams it begins.
bool key_less(const Code& a, const Code& b, const std::vector<std::string>& words) {
    const bool ta = a.kind == kTrigram, tb = b.kind == kTrigram;
    if (ta != tb) return tb;
    if (ta) return a.value < b.value;  // three code points of 21 bits each: numeric order is key order
    const char32_t fa = first_code_point(a, words), fb = first_code_point(b, words);
    if (fa != fb) return fa < fb;
    if (a.kind == kWord) return words[a.value] < words[b.value];
    // A character, or a bigram with the same first code point: the shorter first.
    const std::uint64_t sa = a.kind == kBigram ? (a.value & 0x1FFFFF) + 1 : 0;
    const std::uint64_t sb = b.kind == kBigram ? (b.value & 0x1FFFFF) + 1 : 0;
    return sa < sb;
}

// CPU time of the calling thread.
std::uint64_t thread_cpu_ns() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<std::uint64_t>(t.tv_sec) * 1000000000ull + static_cast<std::uint64_t>(t.tv_nsec);
}

// What add_page reuses from one page to the next on a thread, so that a page
// costs no allocation once the buffers have grown to the largest page.
struct PageScratch {
    Collector collector;
    std::vector<std::uint32_t> begin, fill, order, ids;
    std::vector<Occurrence> grouped;
    std::string entries, positions;
};

// Appends one token's entry for a page (see PageRecord::entries): its
// weight (occurrences weighed by field) and the position a snippet shows
// (the first in the body, else in a heading, else in the title); for a
// trigram instead, every position, grouped by field. `begin`..`end` are in
// position order.
void append_entry(std::string& out, std::uint32_t id, const Occurrence* begin, const Occurrence* end, bool trigram,
                  std::string& scratch) {
    std::uint32_t count[3] = {0, 0, 0};
    std::uint32_t first[3] = {0, 0, 0};
    for (const Occurrence* o = end; o != begin;) {
        --o;
        ++count[o->group];
        first[o->group] = o->pos;
    }
    const std::uint64_t weight = std::uint64_t{count[0]} * kWeightTitle + std::uint64_t{count[1]} * kWeightHeading +
                                 std::uint64_t{count[2]} * kWeightBody;
    put_varint(out, id);
    if (!trigram) {
        put_varint(out, weight);
        put_varint(out, count[2] ? first[2] : count[1] ? first[1] : first[0]);
        return;
    }
    scratch.clear();
    const std::uint64_t n = end - begin;
    put_varint(scratch, (n << 2) | (count[0] ? 1 : 0) | (count[1] ? 2 : 0));
    if (count[0]) put_varint(scratch, count[0]);
    if (count[1]) put_varint(scratch, count[1]);
    for (std::uint8_t group = 0; group < 3; ++group) {
        if (!count[group]) continue;
        std::uint32_t last = 0;
        for (const Occurrence* o = begin; o != end; ++o) {
            if (o->group != group) continue;
            put_varint(scratch, o->pos - last);
            last = o->pos;
        }
    }
    put_varint(out, scratch.size());
    out += scratch;
}

std::string code_key(std::uint64_t value, std::uint8_t kind) {
    std::string key;
    if (kind == kTrigram) append_utf8(key, static_cast<char32_t>((value >> 42) & 0x1FFFFF));
    if (kind != kCharacter) append_utf8(key, static_cast<char32_t>((value >> 21) & 0x1FFFFF));
    append_utf8(key, static_cast<char32_t>(value & 0x1FFFFF));
    return key;
}

// Shard size: big enough that the manifest (one separator per shard) stays
// small, small enough that a query for a rare token fetches little. About
// the square root of 8 × the total balances the two (8: bytes per separator).
std::size_t choose_target(std::uint64_t total) {
    const double t = std::sqrt(8.0 * static_cast<double>(total));
    return static_cast<std::size_t>(std::clamp(t, 4096.0, 65536.0));
}

void skip_varint(std::string_view s, std::size_t& i) {
    while (i < s.size() && (static_cast<unsigned char>(s[i++]) & 0x80)) {
    }
}

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
    const std::size_t at = out.size();
    out.resize(at + length);
    for (std::size_t done = 0; done < length;) {
        const ssize_t n = ::pread(fd_, out.data() + at + done, length - done, static_cast<off_t>(offset + done));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0)
            throw std::runtime_error(std::string("search index: cannot read its temporary file: ") +
                                     std::strerror(n < 0 ? errno : EIO));
        done += static_cast<std::size_t>(n);
    }
}

SearchIndexer::SearchIndexer(SearchIndexOptions options)
    : options_(std::move(options)), spill_(options_.spill, options_.spill_dir) {}

bool SearchIndexer::wants(const std::string& path) {
    return path.ends_with(".html") && path != "404.html" && !path.starts_with("search/");
}

std::string SearchIndexer::text_path(const std::string& page_path) {
    return "search/text/" + page_path.substr(0, page_path.size() - 5) + ".u16";
}

std::uint32_t SearchIndexer::intern(std::uint64_t code, std::uint8_t kind, const std::string* word) {
    if (kind != kWord) {
        // Characters and bigrams share a map: a bigram's first code point is never 0.
        auto& ids = kind == kTrigram ? trigram_ids_ : char_ids_;
        auto [it, added] = ids.try_emplace(code, static_cast<std::uint32_t>(tokens_.size()));
        if (added) tokens_.push_back({code_key(code, kind), kind == kTrigram, 0, 0});
        return it->second;
    }
    auto [it, added] = word_ids_.try_emplace(*word, static_cast<std::uint32_t>(tokens_.size()));
    if (added) tokens_.push_back({*word, false, 0, 0});
    return it->second;
}

void SearchIndexer::add_page(const std::string& path, std::string_view html, OutputSink& sink) {
    const std::uint64_t start = thread_cpu_ns();
    PageText page = extract_page_text(html, options_.title_suffix);
    static thread_local PageScratch scratch;
    Collector& collector = scratch.collector;
    collector.reset();
    collector.occurrences.reserve(page.length16 * 2 + 16);
    tokenize(page.text, page.spans, collector);

    // Group the occurrences by token, keeping position order (counting sort).
    const std::vector<Code>& codes = collector.tokens.codes;
    std::vector<std::uint32_t>& begin = scratch.begin;
    begin.assign(codes.size() + 1, 0);
    for (const Occurrence& o : collector.occurrences) ++begin[o.token + 1];
    for (std::size_t t = 0; t < codes.size(); ++t) begin[t + 1] += begin[t];
    std::vector<Occurrence>& grouped = scratch.grouped;
    grouped.resize(collector.occurrences.size());
    scratch.fill.assign(begin.begin(), begin.end() - 1);
    for (const Occurrence& o : collector.occurrences) grouped[scratch.fill[o.token]++] = o;

    // The page's tokens in the order finish() walks them (see key_less).
    std::vector<std::uint32_t>& order = scratch.order;
    order.resize(codes.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(),
              [&](std::uint32_t a, std::uint32_t b) { return key_less(codes[a], codes[b], collector.words); });

    std::vector<std::uint32_t>& ids = scratch.ids;
    ids.resize(codes.size());
    {
        std::lock_guard lock(mutex_);
        for (std::size_t t = 0; t < codes.size(); ++t) {
            const Code code = codes[t];
            ids[t] = intern(code.value, code.kind, code.kind == kWord ? &collector.words[code.value] : nullptr);
            Token& token = tokens_[ids[t]];
            ++token.docs;
            if (token.trigram) token.position_bytes += (begin[t + 1] - begin[t]) * 2;  // an estimate, for shard sizes
        }
    }
    std::string& entries = scratch.entries;
    entries.clear();
    for (const std::uint32_t t : order) {
        append_entry(entries, ids[t], grouped.data() + begin[t], grouped.data() + begin[t + 1],
                     codes[t].kind == kTrigram, scratch.positions);
    }
    PageRecord record{path, std::move(page.title), spill_.append(entries), entries.size()};

    std::string text_file = to_utf16le(page.text, page.length16);
    const std::string text_file_path = text_path(path);
    {
        std::lock_guard lock(mutex_);
        digest_.add(text_file_path, text_file);
        records_.push_back(std::move(record));
        ++pages_;
    }
    nanoseconds_adding_ += thread_cpu_ns() - start;
    sink.add(text_file_path, std::move(text_file));
}

namespace {

// Reads one page's entries back from the spill store, a chunk at a time:
// finish() walks every page at once, so each keeps only a little unread.
class EntryCursor {
public:
    EntryCursor(const SpillStore& store, std::uint64_t offset, std::uint64_t size)
        : store_(&store), next_(offset), end_(offset + size) {}
    // Makes at least `n` bytes (or all that is left) readable from pos.
    void need(std::size_t n) {
        while (buf.size() - pos < n && next_ < end_) {
            const std::size_t chunk = static_cast<std::size_t>(std::min<std::uint64_t>(end_ - next_, std::max<std::size_t>(n, 1024)));
            store_->read(next_, chunk, buf);
            next_ += chunk;
        }
    }
    // Drops what was read (at the start of a slice: no posting points into it any more).
    void compact() {
        buf.erase(0, pos);
        pos = 0;
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
    const SpillStore* store_;
    std::uint64_t next_, end_;
};

}  // namespace

void SearchIndexer::finish(OutputSink& sink) {
    std::sort(records_.begin(), records_.end(),
              [](const PageRecord& a, const PageRecord& b) { return a.path < b.path; });
    const std::size_t n_docs = records_.size();
    // The order of key_less: document tokens by key, then trigrams by key.
    std::vector<std::uint32_t> order(tokens_.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        if (tokens_[a].trigram != tokens_[b].trigram) return tokens_[b].trigram;
        return tokens_[a].key < tokens_[b].key;
    });
    std::vector<std::uint32_t> rank(tokens_.size());
    for (std::uint32_t r = 0; r < order.size(); ++r) rank[order[r]] = r;

    std::uint64_t doc_total = 0, position_total = 0;
    for (const Token& t : tokens_) {
        if (t.trigram) position_total += t.position_bytes + t.docs * 2;
        else doc_total += std::uint64_t{t.docs} * 4;
    }
    ShardWriter doc_shards("search/d/",
                           options_.doc_shard_bytes ? options_.doc_shard_bytes : choose_target(doc_total), sink,
                           digest_);
    ShardWriter position_shards(
        "search/p/", options_.position_shard_bytes ? options_.position_shard_bytes : choose_target(position_total),
        sink, digest_);

    // Walk every page's entries (already in rank order) in step, a slice of
    // tokens at a time, so the postings of one slice only are gathered at once.
    constexpr std::uint32_t kEnd = 0xFFFFFFFFu;
    std::vector<EntryCursor> cursors;
    cursors.reserve(n_docs);
    for (const PageRecord& r : records_) cursors.emplace_back(spill_, r.offset, r.size);
    std::vector<std::uint32_t> current(n_docs, kEnd);
    const auto advance = [&](std::size_t d) {
        std::uint64_t id = 0;
        if (!cursors[d].get_varint(id)) {
            current[d] = kEnd;
            return;
        }
        // key_less and this order must agree, or the walk below would lose entries.
        if (id >= rank.size() || (current[d] != kEnd && rank[id] <= current[d]))
            throw std::logic_error("search index: a page's entries are not in key order");
        current[d] = rank[id];
    };
    for (std::size_t d = 0; d < n_docs; ++d) advance(d);

    constexpr std::uint64_t kSlicePostings = 1u << 21;
    struct Posting {
        std::uint32_t doc;
        std::uint32_t offset;  // of the payload in the page's cursor buffer
    };
    std::vector<Posting> postings;
    std::vector<std::uint64_t> start;
    std::string record;
    for (std::uint32_t r0 = 0; r0 < order.size();) {
        std::uint32_t r1 = r0;
        std::uint64_t total = 0;
        start.assign(1, 0);
        while (r1 < order.size() && (r1 == r0 || total + tokens_[order[r1]].docs <= kSlicePostings)) {
            total += tokens_[order[r1]].docs;
            start.push_back(total);
            ++r1;
        }
        postings.resize(total);
        std::vector<std::uint64_t> fill(start.begin(), start.end() - 1);
        for (std::size_t d = 0; d < n_docs; ++d) {
            EntryCursor& c = cursors[d];
            if (current[d] >= r1) continue;
            c.compact();  // the previous slice's postings are written: drop what they pointed into
            while (current[d] < r1) {
                const std::uint32_t r = current[d];
                postings[fill[r - r0]++] = {static_cast<std::uint32_t>(d), static_cast<std::uint32_t>(c.pos)};
                if (tokens_[order[r]].trigram) {
                    std::uint64_t len = 0;
                    c.get_varint(len);
                    c.need(len);
                    c.pos += len;
                } else {
                    c.skip_varint();
                    c.skip_varint();
                }
                advance(d);
            }
        }
        for (std::uint32_t r = r0; r < r1; ++r) {
            const Token& token = tokens_[order[r]];
            record.clear();
            put_varint(record, token.docs);
            std::uint32_t prev_doc = 0;
            for (std::uint64_t k = start[r - r0]; k < start[r - r0 + 1]; ++k) {
                const Posting& p = postings[k];
                const std::string_view s = cursors[p.doc].buf;
                std::size_t i = p.offset;
                put_varint(record, p.doc - prev_doc);
                if (token.trigram) {
                    std::uint64_t len = 0;
                    get_varint(s, i, len);
                    record.append(s.substr(i, len));  // positions
                } else {
                    skip_varint(s, i);
                    skip_varint(s, i);
                    record.append(s.substr(p.offset, i - p.offset));  // weight, snippet position
                }
                prev_doc = p.doc;
            }
            (token.trigram ? position_shards : doc_shards).add(token.key, record);
        }
        r0 = r1;
    }
    cursors.clear();
    doc_shards.finish();
    position_shards.finish();
    write_documents(sink);
    write_facets(sink);
    write_manifest(doc_shards, position_shards, sink);
    records_.clear();
}

const SearchPageInfo& SearchIndexer::info(const std::string& path) const {
    static const SearchPageInfo none;
    const auto it = options_.pages.find(path);
    return it == options_.pages.end() ? none : it->second;
}

void SearchIndexer::emit(const std::string& path, std::string bytes, OutputSink& sink) {
    digest_.add(path, bytes);
    sink.add(path, std::move(bytes));
}

void SearchIndexer::write_documents(OutputSink& sink) {
    const std::size_t block = std::max<std::size_t>(1, options_.doc_block);
    for (std::size_t b = 0; b * block < records_.size(); ++b) {
        JsonWriter json(0);
        json.begin_array();
        for (std::size_t d = b * block; d < std::min(records_.size(), (b + 1) * block); ++d) {
            const SearchPageInfo& page = info(records_[d].path);
            json.begin_array().string(records_[d].path).string(records_[d].title).string(page.department);
            json.string(page.year_label).end_array();
        }
        json.end_array();
        emit("search/docs/" + std::to_string(b) + ".json", json.take() + "\n", sink);
    }
}

void SearchIndexer::write_facets(OutputSink& sink) {
    std::set<int> years;
    std::set<std::string> departments;
    for (const PageRecord& r : records_) {
        const SearchPageInfo& page = info(r.path);
        if (page.year) years.insert(page.year);
        if (!page.department_id.empty()) departments.insert(page.department_id);
    }
    JsonWriter json(0);
    json.begin_object().key("years").begin_array();
    for (int y : years) json.string(std::to_string(y));
    json.end_array().key("departments").begin_array();
    for (const std::string& d : departments) json.string(d);
    json.end_array().key("doc_year").begin_array();
    for (const PageRecord& r : records_) {
        const int y = info(r.path).year;
        json.integer(y ? std::distance(years.begin(), years.find(y)) : -1);
    }
    json.end_array().key("doc_department").begin_array();
    for (const PageRecord& r : records_) {
        const std::string& d = info(r.path).department_id;
        json.integer(d.empty() ? -1 : std::distance(departments.begin(), departments.find(d)));
    }
    json.end_array().end_object();
    emit("search/facets.json", json.take() + "\n", sink);
}

void SearchIndexer::write_manifest(const ShardWriter& doc_shards, const ShardWriter& position_shards,
                                   OutputSink& sink) {
    JsonWriter json(0);
    json.begin_object();
    json.key("format").string("gongkai-search");
    json.key("version").integer(1);
    json.key("v").string(digest_.hex());
    json.key("docs").integer(static_cast<std::int64_t>(records_.size()));
    json.key("doc_block").integer(static_cast<std::int64_t>(std::max<std::size_t>(1, options_.doc_block)));
    json.key("weights").begin_object();
    json.key("title").integer(kWeightTitle).key("heading").integer(kWeightHeading).key("body").integer(kWeightBody);
    json.end_object();
    json.key("d").begin_array();
    for (const std::string& s : doc_shards.separators()) json.string(s);
    json.end_array().key("p").begin_array();
    for (const std::string& s : position_shards.separators()) json.string(s);
    json.end_array().end_object();
    std::string bytes = json.take() + "\n";
    sink.add("search/manifest.json", std::move(bytes));
}

}  // namespace gk
