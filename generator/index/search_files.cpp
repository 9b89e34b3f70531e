// The search index's files besides the shards (docs/search-format.md,
// "2. Files"): the packs of the pages' facts and texts and their sizes,
// the document blocks, the facets and the manifest.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "incremental/file_stamp.h"
#include "index/search_index.h"
#include "index/search_internal.h"
#include "render/json_writer.h"

namespace gk {

const SearchPageInfo& SearchIndexer::info(const std::string& path) const {
    static const SearchPageInfo none;
    const auto it = options_.pages.find(path);
    return it == options_.pages.end() ? none : it->second;
}

void SearchIndexer::emit(const std::string& path, std::string bytes, OutputSink& sink, FileDigest& digest) {
    const Hash128 hash = hash128(bytes);
    digest.add(path, hash);
    sink.add_hashed(path, std::move(bytes), hash);
}

// The previous output's packs, each opened once, for the texts finish()
// copies from them.
class SearchIndexer::PackReader {
public:
    PackReader() = default;
    PackReader(const PackReader&) = delete;
    PackReader& operator=(const PackReader&) = delete;
    ~PackReader() {
        for (const auto& [file, fd] : fds_) ::close(fd);
    }
    // Appends `size` bytes at `offset` of `file` to `out`; they must hash
    // to `hash` (the pack was checked when the build began; this catches
    // a change since).
    void append(const std::string& file, std::uint64_t offset, std::size_t size, const Hash128& hash,
                std::string& out) {
        const std::size_t at = out.size();
        if (!read(file, offset, size, out) || hash128(std::string_view(out).substr(at)) != hash)
            throw std::runtime_error("search index: '" + file + "' changed while the site was being built");
    }

private:
    // Appends the `size` bytes at `offset` of `file` to `out`; false when
    // they cannot all be read.
    bool read(const std::string& file, std::uint64_t offset, std::size_t size, std::string& out) {
        auto [it, added] = fds_.try_emplace(file, -1);
        if (added) it->second = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
        return it->second >= 0 && append_at(it->second, offset, size, out);
    }

    std::map<std::string, int> fds_;
};


std::vector<std::string> SearchIndexer::document_facts() const {
    std::vector<std::string> rows(records_.size());
    for (std::size_t id = 0; id < records_.size(); ++id) {
        const SearchPageInfo& page = info(records_[id].path);
        JsonWriter json(0);
        json.begin_array().string(records_[id].path).string(records_[id].title).string(page.department);
        json.string(page.year_label).end_array();
        rows[id] = json.take();
    }
    return rows;
}

// Pack k holds documents k*pack_docs … in id order (records_ are in id
// order by now), each its facts (JSON) then its text (UTF-16LE): the texts
// read back from the temporary file, or, for pages from the cache, copied
// from the previous output's pack. An edit changes one pack's bytes; the
// others are the previous packs, kept as files without being read (50 MB
// each at 9,000 department-years).
std::size_t SearchIndexer::pack_docs() const { return std::max<std::size_t>(1, options_.pack_docs); }

std::size_t SearchIndexer::pack_count() const { return (records_.size() + pack_docs() - 1) / pack_docs(); }

void SearchIndexer::write_pack(std::size_t k, const std::vector<std::string>& facts, OutputSink& sink,
                               FileDigest& digest) const {
    const std::size_t per_pack = pack_docs();
    const std::string path = pack_path(k);
    const std::size_t first = k * per_pack, end = std::min(records_.size(), (k + 1) * per_pack);
    // The pack's facts one after another, hashed: the cache keeps it, so
    // that the next build can tell its facts are the same without reading.
    Hash128 facts_hash{};
    if (cache_out_) {
        std::string pack_facts;
        for (std::size_t id = first; id < end; ++id) pack_facts += facts[id];
        facts_hash = hash128(pack_facts);
    }
    if (const PreviousOutput* same = unchanged_pack(path, first, end, facts, facts_hash)) {
        if (cache_out_) {
            for (std::size_t id = first; id < end; ++id) {
                const PageRecord& page = records_[id];
                cache_out_->add_text(page.text_hash, CachedTextPlace{path, page.text_offset, page.text_size});
            }
        }
        digest.add(path, same->file.hash);
        if (cache_out_) cache_out_->add_pack(path, CachedPack{same->file.hash, facts_hash});
        sink.keep(path, same->file);
        return;
    }
    // Made at its final size: growing a pack of tens of megabytes by
    // doubling would hold it about twice at the peak of the build.
    std::size_t size = 0;
    for (std::size_t id = first; id < end; ++id) size += facts[id].size() + records_[id].text_size;
    std::string pack;
    pack.reserve(size);
    PackReader previous;
    for (std::size_t id = first; id < end; ++id) {
        const PageRecord& page = records_[id];
        pack += facts[id];
        const std::uint64_t text_at = pack.size();
        if (page.previous_pack)
            previous.append(page.previous_pack->file.file, page.text_offset, static_cast<std::size_t>(page.text_size),
                            page.text_hash, pack);
        else
            texts_.read(page.text_offset, static_cast<std::size_t>(page.text_size), pack);
        if (cache_out_) cache_out_->add_text(page.text_hash, CachedTextPlace{path, text_at, page.text_size});
    }
    const Hash128 hash = hash128(pack);
    digest.add(path, hash);
    if (cache_out_) cache_out_->add_pack(path, CachedPack{hash, facts_hash});
    sink.add_hashed(path, std::move(pack), hash);
}

void SearchIndexer::write_pack_sizes(const std::vector<std::string>& facts, OutputSink& sink, FileDigest& digest) const {
    std::string sizes;
    put_varint(sizes, records_.size());
    for (std::size_t id = 0; id < records_.size(); ++id) {
        put_varint(sizes, facts[id].size());
        put_varint(sizes, records_[id].text_size / 2);
    }
    const Hash128 hash = hash128(sizes);
    digest.add("search/pages.idx", hash);
    sink.add_hashed("search/pages.idx", std::move(sizes), hash);
}

const PreviousOutput* SearchIndexer::unchanged_pack(const std::string& path, std::size_t first, std::size_t end,
                                                   const std::vector<std::string>& facts,
                                                   const Hash128& facts_hash) const {
    const auto found = previous_packs_.find(path);
    if (found == previous_packs_.end()) return nullptr;
    const PreviousOutput* pack = found->second;
    // Every text in this pack, where it would be now…
    std::uint64_t at = 0;
    for (std::size_t id = first; id < end; ++id) {
        const PageRecord& page = records_[id];
        at += facts[id].size();
        if (page.previous_pack != pack || page.text_offset != at) return nullptr;
        at += page.text_size;
    }
    if (at != pack->file.size) return nullptr;
    // …and every page's facts the bytes before its text: the facts the
    // cache says this very pack was written with (a page is taken from the
    // cache only when the cache knows its pack: add_from_cache), compared
    // by hash rather than read back a page at a time.
    const CachedPack* cached = cache_in_ ? cache_in_->pack(path) : nullptr;
    return cached && cached->bytes == pack->file.hash && cached->facts == facts_hash ? pack : nullptr;
}

void SearchIndexer::write_documents(const std::vector<std::string>& facts, OutputSink& sink, FileDigest& digest) {
    const std::size_t block = std::max<std::size_t>(1, options_.doc_block);
    for (std::size_t b = 0; b * block < records_.size(); ++b) {
        std::string json = "[";
        for (std::size_t d = b * block; d < std::min(records_.size(), (b + 1) * block); ++d)
            (json += d == b * block ? "" : ",") += facts[d];
        emit("search/docs/" + std::to_string(b) + ".json", json + "]\n", sink, digest);
    }
}

void SearchIndexer::write_facets(OutputSink& sink, FileDigest& digest) {
    // Every year and department, sorted, then numbered in that order: a
    // page's number is looked up once (a std::distance over a set per page
    // made this quadratic).
    std::map<int, std::int64_t> year_number;
    std::map<std::string_view, std::int64_t> department_number;
    for (const PageRecord& r : records_) {
        const SearchPageInfo& page = info(r.path);
        if (page.year) year_number.emplace(page.year, 0);
        if (!page.department_id.empty()) department_number.emplace(page.department_id, 0);
    }
    std::int64_t n = 0;
    for (auto& entry : year_number) entry.second = n++;
    n = 0;
    for (auto& entry : department_number) entry.second = n++;
    JsonWriter json(0);
    json.begin_object().key("years").begin_array();
    for (const auto& entry : year_number) json.string(std::to_string(entry.first));
    json.end_array().key("departments").begin_array();
    for (const auto& entry : department_number) json.string(entry.first);
    json.end_array().key("doc_year").begin_array();
    for (const PageRecord& r : records_) {
        const int y = info(r.path).year;
        json.integer(y ? year_number.at(y) : -1);
    }
    json.end_array().key("doc_department").begin_array();
    for (const PageRecord& r : records_) {
        const std::string& d = info(r.path).department_id;
        json.integer(d.empty() ? -1 : department_number.at(d));
    }
    json.end_array().end_object();
    emit("search/facets.json", json.take() + "\n", sink, digest);
}

void SearchIndexer::write_manifest(const ShardWriter& doc_shards, const ShardWriter& position_shards,
                                   OutputSink& sink) {
    JsonWriter json(0);
    json.begin_object();
    json.key("format").string("gongkai-search");
    json.key("version").integer(3);
    json.key("v").string(digest_.hex());
    json.key("docs").integer(static_cast<std::int64_t>(records_.size()));
    json.key("doc_block").integer(static_cast<std::int64_t>(std::max<std::size_t>(1, options_.doc_block)));
    json.key("pack_docs").integer(static_cast<std::int64_t>(pack_docs()));
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
