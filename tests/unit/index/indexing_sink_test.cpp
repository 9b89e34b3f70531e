#include <catch2/catch.hpp>

#include <map>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "index/indexing_sink.h"
#include "unit/support/search_site.h"

using gk::IndexingSink;
using gk::MemorySink;
using gk::SearchIndexer;
using gk::test::search_page;
using gk::test::SearchPage;

namespace {

std::vector<SearchPage> some_pages(std::size_t n) {
    std::vector<SearchPage> pages;
    for (std::size_t i = 0; i < n; ++i) {
        const std::string id = std::to_string(1000 + i);
        pages.push_back(search_page("departments/d" + id + "/index.html", "部门" + id,
                                    "<h2>预算收支</h2><p>部门" + id + "预算支出 " + id + " 万元，公用经费。</p>"));
    }
    return pages;
}

// The files of the index of `pages` added through an IndexingSink, with a
// batch open on the adding thread or not, and the files passed on.
std::map<std::string, std::string> index_through_sink(const std::vector<SearchPage>& pages, bool batch) {
    SearchIndexer indexer(gk::test::indexer_options({}));
    MemorySink out;
    IndexingSink sink(out, indexer);
    {
        std::optional<IndexingSink::Batch> open;
        if (batch) open.emplace(sink);
        for (const SearchPage& page : pages) sink.add(page.path, page.html);
        if (open) open->finish();
    }
    indexer.finish(out);
    return out.files();
}

}  // namespace

TEST_CASE("pages added in batches give the index and the files of pages added one by one", "[index][sink]") {
    // More pages than a batch holds: some are indexed when it fills, the
    // rest when it finishes.
    const auto pages = some_pages(IndexingSink::kBatchPages * 2 + 5);
    const auto one_by_one = index_through_sink(pages, false);
    const auto batched = index_through_sink(pages, true);
    CHECK(batched.size() == one_by_one.size());
    CHECK(batched == one_by_one);
    for (const SearchPage& page : pages) CHECK(batched.at(page.path) == page.html);
    CHECK(batched.count("search/manifest.json") == 1);
}

TEST_CASE("a batch holds a thread's pages until it is full or finished, and nothing else", "[index][sink]") {
    SearchIndexer indexer(gk::test::indexer_options({}));
    MemorySink out;
    IndexingSink sink(out, indexer);
    const auto pages = some_pages(IndexingSink::kBatchPages + 1);
    IndexingSink::Batch batch(sink);
    for (std::size_t i = 0; i + 1 < IndexingSink::kBatchPages; ++i) sink.add(pages[i].path, pages[i].html);
    CHECK(out.files().empty());
    // Files that are not pages go on at once.
    sink.add("data/a.json", "{}");
    sink.add("404.html", "<html></html>");
    CHECK(out.files().size() == 2);
    // Another thread has no batch open: its page goes on at once.
    std::thread([&] { sink.add(pages.back().path, pages.back().html); }).join();
    CHECK(out.files().size() == 3);
    CHECK(out.files().count(pages.back().path) == 1);
    // The batch's last place: all of it goes on.
    const SearchPage& last = pages[IndexingSink::kBatchPages - 1];
    sink.add(last.path, last.html);
    CHECK(out.files().size() == 2 + 1 + IndexingSink::kBatchPages);
    CHECK(indexer.pages() == IndexingSink::kBatchPages + 1);
    batch.finish();
}

TEST_CASE("a page as large as a batch's bytes goes on at once", "[index][sink]") {
    SearchIndexer indexer(gk::test::indexer_options({}));
    MemorySink out;
    IndexingSink sink(out, indexer);
    IndexingSink::Batch batch(sink);
    sink.add("a/index.html", search_page("a/index.html", "小", "<p>小页面</p>").html);
    CHECK(out.files().empty());
    std::string big_text;
    while (big_text.size() < IndexingSink::kBatchBytes) big_text += "<p>预算支出情况说明。</p>";
    sink.add("b/index.html", search_page("b/index.html", "大", big_text).html);
    CHECK(out.files().size() == 2);
    batch.finish();
    CHECK(indexer.pages() == 2);
}

TEST_CASE("a batch closed without finishing drops what it holds, and one for another sink holds nothing of this one",
          "[index][sink]") {
    SearchIndexer indexer(gk::test::indexer_options({}));
    MemorySink out;
    IndexingSink sink(out, indexer);
    const auto pages = some_pages(3);
    {
        IndexingSink::Batch batch(sink);
        sink.add(pages[0].path, pages[0].html);
    }  // as when the thread's tasks threw: the build fails
    CHECK(out.files().empty());
    CHECK(indexer.pages() == 0);
    // Closed, it no longer holds pages.
    sink.add(pages[1].path, pages[1].html);
    CHECK(out.files().size() == 1);

    SearchIndexer other_indexer(gk::test::indexer_options({}));
    MemorySink other_out;
    IndexingSink other(other_out, other_indexer);
    IndexingSink::Batch other_batch(other);
    sink.add(pages[2].path, pages[2].html);
    CHECK(out.files().size() == 2);
    other_batch.finish();
    CHECK(other_out.files().empty());
}
