// A page into the search index from the search cache (index/search_cache.h)
// instead of from its HTML: its title and text's place now
// (SearchIndexer::add_from_cache), its entries decoded from the cache's
// record only when finish() walks every page (decode_cached).
#include <algorithm>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "incremental/file_stamp.h"
#include "index/search_index.h"
#include "index/search_internal.h"
#include "parallel/parallel_for.h"

namespace gk {

// A cache record: title, the number of tokens, the number of document
// tokens (they come first), each token's key in key order, the page's
// entries as bytes (varint length, then the entries exactly as
// PageRecord describes them: the build that wrote the record walks them
// there), then the hash of the page's text (16 bytes). A document token's
// key is (k << 2) | kind (search_internal.h), k being a word's length (its
// bytes follow) or how much the key is above the previous key of the same
// kind on the page (0 before the first); a trigram's key, how much it is
// above the previous trigram's. In key order each kind's keys only rise,
// so the differences are small: the records were twice the size with
// whole keys. The entries' ids are the writing build's and mean nothing
// to the next: it gives its own by interning the keys (decode_cached),
// which waits for finish(): when finish() updates the previous index in
// place, an unchanged page's entries are not needed.
bool SearchIndexer::add_from_cache(const std::string& path, const Hash128& bytes_hash, std::uint64_t start,
                                   const PreviousFile* file) {
    if (!cache_in_) return false;
    const CachedRecordPlace* where = cache_in_->place(path, bytes_hash);
    if (!where) return false;
    // A page made again has only its bytes: its record must be whole now.
    // A page kept from the previous output is taken by the directory alone
    // (its title and text's hash); its record is read only if finish()
    // walks every page, and a damaged one then reads the kept file.
    std::optional<std::string> record;  // read when checked, so that carry() need not read it again
    if (!file && !(record = cache_in_->read(*where))) return false;
    const Hash128& text_hash = where->text;
    // The text is taken from the previous output's pack: no pack, no page.
    const CachedTextPlace* place = cache_in_->text(text_hash);
    if (!place) return false;
    const auto pack = previous_packs_.find(place->pack);
    const CachedPack* cached_pack = cache_in_->pack(place->pack);
    if (pack == previous_packs_.end() || !cached_pack || cached_pack->bytes != pack->second->file.hash ||
        place->offset > pack->second->file.size || place->size > pack->second->file.size - place->offset)
        return false;
    PageRecord page{path, where->title};
    page.text_hash = text_hash;
    page.text_offset = place->offset;
    page.text_size = place->size;
    page.previous_pack = pack->second;
    page.cached = true;
    if (file) page.kept_file = file->file;
    cache_out_->carry(path, *where, *cache_in_, record);
    {
        std::lock_guard lock(mutex_);
        records_.push_back(std::move(page));
        ++pages_;
    }
    ++pages_from_cache_;
    count_adding(start);
    return true;
}

bool parse_cached_record(std::string_view record, std::vector<CachedToken>& tokens) {
    std::size_t i = 0;
    std::string_view title;
    std::uint64_t n_tokens = 0, doc_tokens = 0;
    if (!get_bytes(record, i, title) || !get_varint(record, i, n_tokens) || n_tokens > record.size() ||
        !get_varint(record, i, doc_tokens) || doc_tokens > n_tokens)
        return false;
    tokens.resize(static_cast<std::size_t>(n_tokens));
    std::uint64_t last[3] = {0, 0, 0};  // as add_page wrote them (see add_from_cache)
    for (std::size_t t = 0; t < tokens.size(); ++t) {
        CachedToken& token = tokens[t];
        std::uint64_t tag = 0;
        if (!get_varint(record, i, tag)) return false;
        const Kind kind = t >= doc_tokens ? kTrigram : static_cast<Kind>(tag & 3);
        const std::uint64_t value = t >= doc_tokens ? tag : tag >> 2;
        if (kind == kWord) {
            const std::size_t length = static_cast<std::size_t>(value);
            if (length == 0 || length > record.size() - i) return false;
            token.word.assign(record.substr(i, length));
            i += length;
            token.key = kWordBit;
        } else {
            token.key = last[kind] + value;
            if (token.key < last[kind] || token.key & kWordBit || kind_of(token.key) != kind) return false;
            last[kind] = token.key;
        }
    }
    // The entries, one per token in the same order: the writing build's id
    // (skipped), then two varints, or a trigram's length and bytes.
    std::string_view entries;
    if (!get_bytes(record, i, entries)) return false;
    std::size_t j = 0;
    for (CachedToken& token : tokens) {
        std::uint64_t id = 0, value = 0;
        if (!get_varint(entries, j, id)) return false;
        const std::size_t begin = j;
        if (kind_of(token.key) == kTrigram) {
            std::uint64_t length = 0, head = 0;
            if (!get_varint(entries, j, length) || length > entries.size() - j) return false;
            std::size_t k = j;
            if (!get_varint(entries, k, head) || k > j + length) return false;
            token.occurrences = head >> 2;
            j += static_cast<std::size_t>(length);
        } else if (!get_varint(entries, j, value) || !get_varint(entries, j, value)) {
            return false;
        }
        token.entry = entries.substr(begin, j - begin);
    }
    return j == entries.size() && i + 16 == record.size();  // then the text's hash
}

bool SearchIndexer::decode_cached(PageRecord& page) {
    const std::optional<std::string> cached = cache_in_->find_any(page.path);
    if (!cached) return false;
    const std::string_view record = *cached;
    std::vector<CachedToken> tokens;
    if (!parse_cached_record(record, tokens)) return false;
    std::vector<std::uint32_t> ids(tokens.size());
    {
        std::lock_guard lock(mutex_);
        for (std::size_t t = 0; t < tokens.size(); ++t) {
            const CachedToken& c = tokens[t];
            ids[t] = intern(c.key, c.key == kWordBit ? &c.word : nullptr);
            ++tokens_[ids[t]].docs;
            position_bytes_ += c.occurrences * 2;  // as add_page estimates it
        }
    }
    std::string entries;
    std::size_t doc_size = 0;
    DocSplitter splits{page.doc_splits};
    for (std::size_t t = 0; t < tokens.size(); ++t) {
        const bool trigram = kind_of(tokens[t].key) == kTrigram;
        if (!trigram) splits.see(tokens[t].key, entries.size());
        put_varint(entries, ids[t]);
        entries += tokens[t].entry;
        if (!trigram) doc_size = entries.size();
    }
    splits.end(doc_size);
    page.store = &spill_;
    page.offset = spill_.append(entries);
    page.doc_size = doc_size;
    page.size = entries.size();
    page.cached = false;
    return true;
}

void SearchIndexer::decode_cached_pages(unsigned threads) {
    std::vector<PageRecord*> cached;
    for (PageRecord& page : records_)
        if (page.cached) cached.push_back(&page);
    std::vector<char> damaged(cached.size(), 0);
    parallel_for(cached.size(), threads, [&](std::size_t i) {
        // A page made again had its record checked when it was taken: only
        // a file changed since can fail here. A kept page's record was not
        // read then: if it is damaged, the page is read from its file.
        if (decode_cached(*cached[i])) return;
        if (cached[i]->kept_file.empty())
            throw std::runtime_error("search index: its cache changed while the site was being built");
        damaged[i] = 1;
    });
    std::vector<std::pair<std::string, std::string>> again;  // path, kept file
    for (std::size_t i = 0; i < cached.size(); ++i)
        if (damaged[i]) again.emplace_back(cached[i]->path, cached[i]->kept_file);
    if (again.empty()) return;
    std::erase_if(records_, [](const PageRecord& page) { return page.cached; });  // the damaged ones: all others decoded
    pages_ -= again.size();
    pages_from_cache_ -= again.size();
    MemorySink unused;  // add_page writes nothing
    for (const auto& [path, file] : again) {
        const std::optional<std::string> html = read_whole_file(file);
        if (!html) throw std::runtime_error("search index: cannot read '" + file + "'");
        add_page(path, *html, unused);
    }
    std::sort(records_.begin(), records_.end(), [](const PageRecord& a, const PageRecord& b) { return a.path < b.path; });
}

}  // namespace gk
