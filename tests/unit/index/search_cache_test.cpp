#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "index/search_index.h"
#include "incremental/file_stamp.h"
#include "unit/support/search_site.h"

using namespace gk;
namespace fs = std::filesystem;

namespace {

using test::build_search;
using test::index_on_disk;
using test::search_page;
using Page = test::SearchPage;
using Packs = std::map<std::string, PreviousOutput>;

const std::vector<Page> kPages = {
    search_page("a/index.html", "三公经费说明", "<h2>概述</h2><p>本部门“三公”经费为零。Budget 2020.</p>"),
    search_page("b/index.html", "收入", "<p>三公经费合计0万元，其中公务接待费0万元。中文𠮷字。</p>"),
    // Code points of plane 16 (private use): keys of 63 bits, the largest
    // a cache record holds.
    search_page("c/index.html", "支出",
                "<p>三公，经费另列。一段简单的说明。Budget transparency, budgets. 私用\U00100000\U00100001\U0010FFFD字</p>"),
};

// The index of `pages`, reading and writing the cache `cache` (none: "") for
// `key`; `packs`: the previous output's index (index_on_disk). Two pages to
// a pack, so that the pages are in more than one.
test::SearchBuild build(const std::vector<Page>& pages, const std::string& cache = "", const std::string& key = "k",
                        unsigned threads = 1, const Packs& packs = {}) {
    return build_search(pages, {.cache = cache, .key = key, .threads = threads, .previous = packs});
}

// Only the packs of a previous output: the index cannot be updated in
// place, so these tests see the cache's records used page by page.
Packs packs_on_disk(const test::SearchBuild& built, const fs::path& dir) {
    Packs packs = index_on_disk(built, dir);
    std::erase_if(packs, [](const auto& file) { return !file.first.starts_with(SearchIndexer::kPackFolder); });
    return packs;
}

struct Folder : test::SearchFolder {
    std::string file() const { return cache(); }
};

// The pages as files of a previous output (one file a page, named by the
// first letter of its path), and each as the PreviousFile a build keeps.
struct KeptPages {
    fs::path site;
    KeptPages(const Folder& f, const std::vector<Page>& pages) : site(f.dir / "site") {
        fs::create_directories(site);
        for (const Page& p : pages) std::ofstream(site / p.path.substr(0, 1)) << p.html;
    }
    fs::path file(const Page& p) const { return site / p.path.substr(0, 1); }
    PreviousFile kept(const Page& p) const { return PreviousFile{file(p).string(), p.html.size(), 0, 0, hash128(p.html)}; }
};

// Overwrites bytes inside the first record of the cache at `file`.
void damage_first_record(const std::string& file) {
    std::string bytes = read_whole_file(file).value();
    for (std::size_t i = 0; i < 40; ++i) bytes[i] = static_cast<char>(0xFF);
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
}

}  // namespace

TEST_CASE("pages taken from the cache give the index of pages read anew", "[index][search][cache]") {
    Folder f;
    const test::SearchBuild first = build(kPages, f.file());
    CHECK(first.from_cache == 0);
    CHECK(first.files == build(kPages).files);  // writing the cache changes nothing
    REQUIRE(fs::exists(f.file()));

    std::vector<Page> edited = kPages;
    edited[1] = search_page("b/index.html", "收入", "<p>三公经费合计1万元。新增一段说明。</p>");
    edited.push_back(search_page("d/index.html", "其他", "<p>新页面。</p>"));
    const test::SearchBuild again = build(edited, f.file(), "k", 2, packs_on_disk(first, f.sites / "1"));
    CHECK(again.from_cache == 2);  // a and c; b changed, d is new
    CHECK(again.files == build(edited).files);

    // The cache now describes the edited pages.
    const Packs packs = packs_on_disk(again, f.sites / "2");
    CHECK(build(edited, f.file(), "k", 1, packs).from_cache == 4);
    CHECK(build(kPages, f.file(), "k", 1, packs).from_cache == 2);
}

TEST_CASE("page entries wait in the cache's records, or in the spill when the cache cannot be written",
          "[index][search][cache]") {
    Folder f;
    const test::SearchBuild without = build(kPages);
    // The records hold the entries finish() walks (on two threads too).
    CHECK(build(kPages, f.file()).files == without.files);
    CHECK(build(kPages, f.file(), "k", 2).files == without.files);
    // A cache in a folder that does not exist is never written: every
    // page's entries go to the spill instead.
    const std::string unwritable = (f.dir / "no-such-folder" / "cache").string();
    CHECK(build(kPages, unwritable).files == without.files);
    CHECK_FALSE(fs::exists(unwritable));
}

TEST_CASE("a cached page's text is copied from the previous output's pack, or read anew when the pack is gone or changed",
          "[index][search][cache]") {
    Folder f;
    const Packs packs = packs_on_disk(build(kPages, f.file()), f.sites / "1");
    REQUIRE(packs.size() == 2);  // a and b; c
    SECTION("same ids: the same packs") {
        const test::SearchBuild again = build(kPages, f.file(), "k", 1, packs);
        CHECK(again.from_cache == 3);
        CHECK(again.files == build(kPages).files);
    }
    SECTION("a page added first moves every id, and texts to other packs") {
        std::vector<Page> more = kPages;
        more.insert(more.begin(), search_page("0/index.html", "首页", "<p>新的第一页。</p>"));
        const test::SearchBuild again = build(more, f.file(), "k", 1, packs);
        CHECK(again.from_cache == 3);
        CHECK(again.files == build(more).files);
    }
    const auto pack = [&](const std::string& path) {
        REQUIRE(packs.contains(path));
        return packs.at(path).file.file;
    };
    SECTION("a pack gone: its pages are read anew") {
        fs::remove(pack("search/pages/0.bin"));
        const test::SearchBuild again = build(kPages, f.file(), "k", 1, packs);
        CHECK(again.from_cache == 1);
        CHECK(again.files == build(kPages).files);
    }
    SECTION("a pack changed: its pages are read anew") {
        std::ofstream(pack("search/pages/1.bin"), std::ios::app) << "x";
        const test::SearchBuild again = build(kPages, f.file(), "k", 1, packs);
        CHECK(again.from_cache == 2);
        CHECK(again.files == build(kPages).files);
    }
}

TEST_CASE("a cache written for another program or options, or damaged, is not used", "[index][search][cache]") {
    Folder f;
    const auto expected = build(kPages).files;
    const Packs packs = packs_on_disk(build(kPages, f.file(), "k"), f.sites / "1");
    std::string key = "k";
    SECTION("another key") {
        key = "other";
        const test::SearchBuild other = build(kPages, f.file(), key);
        CHECK(other.from_cache == 0);
        CHECK(other.files == expected);
    }
    SECTION("cut short") {
        fs::resize_file(f.file(), fs::file_size(f.file()) - 3);
        const test::SearchBuild cut = build(kPages, f.file());
        CHECK(cut.from_cache == 0);
        CHECK(cut.files == expected);
    }
    SECTION("a record's bytes damaged") {
        damage_first_record(f.file());
        const test::SearchBuild damaged = build(kPages, f.file(), "k", 1, packs);
        CHECK(damaged.from_cache == 2);  // the others are whole
        CHECK(damaged.files == expected);
    }
    SECTION("a title in the directory changed: the directory is not whole, nothing is used") {
        std::string bytes = read_whole_file(f.file()).value();
        const std::size_t title = bytes.rfind("三公经费说明");  // the directory's copy, after the records
        REQUIRE(title != std::string::npos);
        bytes[title + 3] = static_cast<char>(bytes[title + 3] ^ 1);
        std::ofstream(f.file(), std::ios::binary | std::ios::trunc) << bytes;
        const test::SearchBuild changed = build(kPages, f.file(), "k", 1, packs);
        CHECK(changed.from_cache == 0);
        CHECK(changed.files == expected);
    }
    SECTION("not a cache at all") {
        std::ofstream(f.file(), std::ios::binary | std::ios::trunc) << "hello";
        CHECK(build(kPages, f.file()).files == expected);
    }
    // Every build leaves a whole cache behind, and nothing else.
    CHECK(build(kPages, f.file(), key, 1, packs).from_cache == 3);
    CHECK(std::distance(fs::directory_iterator(f.dir), fs::directory_iterator()) == 1);
}

TEST_CASE("a page kept from the previous output is indexed from the cache without reading it, else from its file",
          "[index][search][cache][keep]") {
    Folder f;
    const Packs packs = packs_on_disk(build(kPages, f.file()), f.sites / "1");
    // The previous output's files: a's is gone, so only the cache can index it.
    const KeptPages previous(f, kPages);
    fs::remove(previous.file(kPages[0]));
    const auto kept = [&](const Page& p) { return previous.kept(p); };
    std::vector<Page> edited = kPages;
    edited[2] = search_page("c/index.html", "支出", "<p>三公，经费另列。改过的说明。</p>");

    SearchIndexer indexer(test::indexer_options({.cache = f.file(), .previous = packs}));
    MemorySink sink;
    indexer.keep_page(kPages[0].path, kept(kPages[0]), sink);  // in the cache; its file is gone
    // In the cache under other bytes: read from its file (which holds the edit).
    std::ofstream(previous.file(edited[2]), std::ios::trunc) << edited[2].html;
    indexer.keep_page(edited[2].path, kept(edited[2]), sink);
    indexer.add_page(kPages[1].path, kPages[1].html, sink);
    indexer.finish(sink);
    CHECK(indexer.pages_from_cache() == 2);  // a, and b (added as made, with the same bytes)
    CHECK(sink.files() == build(edited).files);

    SearchIndexer without(SearchIndexOptions{.title_suffix = " - 站点"});
    CHECK_THROWS_AS(without.keep_page(kPages[0].path, kept(kPages[0]), sink), std::runtime_error);
}

TEST_CASE("a build appends to the previous cache what is new, and rewrites it once it is mostly old records",
          "[index][search][cache]") {
    Folder f;
    build(kPages, f.file());
    const auto size = [&] { return fs::file_size(f.file()); };
    const std::uintmax_t first = size();
    std::vector<Page> edited = kPages;
    edited[1] = search_page("b/index.html", "收入", "<p>三公经费合计1万元。新增一段说明。</p>");
    Packs packs = packs_on_disk(build(kPages, f.file(), "k", 1, packs_on_disk(build(kPages, f.file()), f.sites / "0")),
                                f.sites / "1");
    const std::string before = read_whole_file(f.file()).value();
    const test::SearchBuild again = build(edited, f.file(), "k", 1, packs);
    CHECK(again.from_cache == 2);
    CHECK(again.files == build(edited).files);
    // Appended: b's new record and a directory after the previous cache, not the whole cache again.
    const std::string after = read_whole_file(f.file()).value();
    CHECK(after.size() > before.size());
    CHECK(after.size() < before.size() + first);
    CHECK(after.starts_with(before));
    // and the cache read back as a whole: every page of the edited site from it.
    packs = packs_on_disk(again, f.sites / "2");
    CHECK(build(edited, f.file(), "k", 1, packs).from_cache == 3);
    // Many builds later the old records and directories outweigh the live
    // ones: the cache is written anew, about its first size.
    bool rewritten = false;
    for (int i = 0; i < 8; ++i) {
        std::vector<Page> round = edited;
        round[i % 3] = search_page(round[i % 3].path, "第" + std::to_string(i) + "次", "<p>改动" + std::to_string(i) + "。</p>");
        const std::uintmax_t was = size();
        packs = packs_on_disk(build(round, f.file(), "k", 1, packs), f.sites / ("r" + std::to_string(i)));
        rewritten = rewritten || size() < was;
        CHECK(size() < 3 * first);
    }
    CHECK(rewritten);
}

TEST_CASE("an index that fails before it is finished leaves the cache it was appending to as it was",
          "[index][search][cache]") {
    Folder f;
    const Packs packs = packs_on_disk(build(kPages, f.file()), f.sites / "1");
    const std::string cache = read_whole_file(f.file()).value();
    {
        SearchIndexer indexer(test::indexer_options({.cache = f.file(), .previous = packs}));
        MemorySink sink;
        indexer.add_page(kPages[0].path, kPages[0].html, sink);  // from the cache
        indexer.add_page("new/index.html", search_page("new/index.html", "新", "<p>新的页面。</p>").html, sink);
        // no finish(): the build failed
    }
    CHECK(read_whole_file(f.file()).value() == cache);
    CHECK(build(kPages, f.file(), "k", 1, packs).from_cache == 3);
}

TEST_CASE("a kept page is taken from the cache without reading its record, and read from its file if the record is damaged",
          "[index][search][cache][keep]") {
    Folder f;
    const Packs packs = packs_on_disk(build(kPages, f.file()), f.sites / "1");
    const KeptPages previous(f, kPages);
    damage_first_record(f.file());

    SearchIndexer indexer(test::indexer_options({.cache = f.file(), .previous = packs}));
    MemorySink sink;
    for (const Page& p : kPages) indexer.keep_page(p.path, previous.kept(p), sink);
    CHECK(indexer.pages_from_cache() == 3);  // by the cache's directory: no record read
    indexer.finish(sink);  // walks every page (no previous index): the damaged record's page is read from its file
    CHECK(indexer.pages_from_cache() == 2);
    CHECK(sink.files() == build(kPages).files);
}
