#include "index/indexing_sink.h"

#include <utility>

namespace gk {

namespace {

// The batch of the thread, if one is open (and for which sink).
thread_local IndexingSink::Batch* open_batch = nullptr;

}  // namespace

void IndexingSink::add(const std::string& path, std::string bytes) {
    if (!SearchIndexer::wants(path)) return next_.add(path, std::move(bytes));
    const Hash128 hash = hash128(bytes);  // before bytes is moved from
    add_hashed(path, std::move(bytes), hash);
}

void IndexingSink::add_hashed(const std::string& path, std::string bytes, const Hash128& hash) {
    if (!SearchIndexer::wants(path)) return next_.add_hashed(path, std::move(bytes), hash);
    Batch* batch = open_batch;
    if (!batch || &batch->sink_ != this) return index_and_pass(path, std::move(bytes), hash);
    batch->bytes_ += bytes.size();
    batch->pages_.push_back({path, std::move(bytes), hash});
    if (batch->pages_.size() >= kBatchPages || batch->bytes_ >= kBatchBytes) batch->drain();
}

void IndexingSink::keep(const std::string& path, const PreviousFile& previous) {
    if (SearchIndexer::wants(path)) indexer_.keep_page(path, previous, next_);
    next_.keep(path, previous);
}

void IndexingSink::index_and_pass(const std::string& path, std::string bytes, const Hash128& hash) {
    indexer_.add_page(path, bytes, next_, &hash);
    next_.add_hashed(path, std::move(bytes), hash);
}

IndexingSink::Batch::Batch(IndexingSink& sink) : sink_(sink), outer_(open_batch) {
    pages_.reserve(kBatchPages);
    open_batch = this;
}

IndexingSink::Batch::~Batch() { open_batch = outer_; }

void IndexingSink::Batch::finish() {
    drain();
    open_batch = outer_;
}

void IndexingSink::Batch::drain() {
    // Emptied first: a page that throws is not indexed again by a later drain.
    draining_.swap(pages_);
    pages_.clear();
    bytes_ = 0;
    for (Page& page : draining_) sink_.index_and_pass(page.path, std::move(page.bytes), page.hash);
    draining_.clear();
}

}  // namespace gk
