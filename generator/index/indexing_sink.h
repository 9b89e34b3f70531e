// The sink between rendering and writing that feeds the search index.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "index/search_index.h"
#include "render/output.h"

namespace gk {

// Passes files on to `next`, indexing the pages on the way.
class IndexingSink : public OutputSink {
public:
    IndexingSink(OutputSink& next, SearchIndexer& indexer) : next_(next), indexer_(indexer) {}
    // A page is hashed once, for the index's cache and the writer both.
    void add(const std::string& path, std::string bytes) override;
    void add_hashed(const std::string& path, std::string bytes, const Hash128& hash) override;
    void keep(const std::string& path, const PreviousFile& previous) override;

    // While a Batch lives on a thread, the pages that thread passes through
    // the sink are held, a few dozen at a time, then indexed one after
    // another and handed on. Rendering a page and reading it for the index
    // each want the core's cache for themselves: taking turns every page,
    // each evicted the other's working set (templates and model, the token
    // table and a page's scratch); taking turns every few dozen pages, the
    // build at 9,000 department-years used a tenth less CPU in reading its
    // pages and less in rendering them (bench/README.md). finish() hands on
    // what is held; a Batch destroyed without it (the thread's tasks threw)
    // drops it, as the build has failed.
    class Batch {
    public:
        explicit Batch(IndexingSink& sink);
        ~Batch();
        Batch(const Batch&) = delete;
        Batch& operator=(const Batch&) = delete;
        void finish();

    private:
        friend class IndexingSink;
        struct Page {
            std::string path;
            std::string bytes;
            Hash128 hash;
        };
        // Indexes and hands on every page held.
        void drain();
        IndexingSink& sink_;
        Batch* outer_;  // the thread's batch before this one (normally none)
        std::vector<Page> pages_;
        std::vector<Page> draining_;  // the pages drain() works through (its room kept for the next)
        std::size_t bytes_ = 0;
    };

    // The most a batch holds before it is indexed: pages, and bytes (a year
    // page of thousands of departments is megabytes).
    static constexpr std::size_t kBatchPages = 64;
    static constexpr std::size_t kBatchBytes = std::size_t{4} << 20;

private:
    void index_and_pass(const std::string& path, std::string bytes, const Hash128& hash);
    OutputSink& next_;
    SearchIndexer& indexer_;
};

}  // namespace gk
