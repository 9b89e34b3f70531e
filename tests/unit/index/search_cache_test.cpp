#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "index/search_index.h"
#include "incremental/file_stamp.h"

using namespace gk;
namespace fs = std::filesystem;

namespace {

struct Page {
    std::string path;
    std::string html;
};

Page page(const std::string& path, const std::string& title, const std::string& main) {
    return {path, "<html><head><title>" + title + " - 站点</title></head><body><main>" + main + "</main></body></html>"};
}

const std::vector<Page> kPages = {
    page("a/index.html", "三公经费说明", "<h2>概述</h2><p>本部门“三公”经费为零。Budget 2020.</p>"),
    page("b/index.html", "收入", "<p>三公经费合计0万元，其中公务接待费0万元。中文𠮷字。</p>"),
    page("c/index.html", "支出", "<p>三公，经费另列。一段简单的说明。Budget transparency, budgets.</p>"),
};

struct Built {
    std::map<std::string, std::string> files;
    std::size_t from_cache = 0;
};

using Packs = std::map<Hash128, PreviousOutput>;

// The index of `pages`, reading and writing the cache `cache` (none: "") for
// `key`; `packs`: the previous output's packs (packs_on_disk). Two pages to
// a pack, so that the pages are in more than one.
Built build(const std::vector<Page>& pages, const std::string& cache = "", const std::string& key = "k",
            unsigned threads = 1, const Packs& packs = {}) {
    SearchIndexOptions options;
    options.title_suffix = " - 站点";
    options.cache_file = cache;
    options.cache_key = key;
    options.pack_docs = 2;
    options.previous_packs = packs;
    SearchIndexer indexer(options);
    MemorySink sink;
    std::vector<std::jthread> workers;
    for (unsigned t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
            for (std::size_t i = t; i < pages.size(); i += threads) indexer.add_page(pages[i].path, pages[i].html, sink);
        });
    }
    workers.clear();
    indexer.finish(sink);
    return {sink.files(), indexer.pages_from_cache()};
}

// The packs of a build in `dir`, as the pipeline finds them in the
// previous output for the indexer (ReusableOutputs::files_under).
Packs packs_on_disk(const Built& built, const fs::path& dir) {
    Packs packs;
    for (const auto& [path, bytes] : built.files) {
        if (!path.starts_with(SearchIndexer::kPackFolder)) continue;
        const fs::path file = dir / path;
        fs::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
        struct stat st;
        REQUIRE(::stat(file.c_str(), &st) == 0);
        const Hash128 hash = hash128(bytes);
        packs.try_emplace(hash, PreviousOutput{path, PreviousFile{file.string(), bytes.size(),
                                                                  st.st_mtim.tv_sec * 1'000'000'000LL + st.st_mtim.tv_nsec,
                                                                  st.st_ino, hash}});
    }
    return packs;
}

struct Folder {
    fs::path dir = fs::temp_directory_path() / ("gongkai-search-cache-test-" + std::to_string(::getpid()));
    Folder() { fs::create_directories(dir); }
    fs::path sites = fs::path(dir.string() + "-sites");  // previous outputs' packs
    ~Folder() {
        fs::remove_all(dir);
        fs::remove_all(sites);
    }
    std::string file() const { return (dir / "cache").string(); }
};

}  // namespace

TEST_CASE("pages taken from the cache give the index of pages read anew", "[index][search][cache]") {
    Folder f;
    const Built first = build(kPages, f.file());
    CHECK(first.from_cache == 0);
    CHECK(first.files == build(kPages).files);  // writing the cache changes nothing
    REQUIRE(fs::exists(f.file()));

    std::vector<Page> edited = kPages;
    edited[1] = page("b/index.html", "收入", "<p>三公经费合计1万元。新增一段说明。</p>");
    edited.push_back(page("d/index.html", "其他", "<p>新页面。</p>"));
    const Built again = build(edited, f.file(), "k", 2, packs_on_disk(first, f.sites / "1"));
    CHECK(again.from_cache == 2);  // a and c; b changed, d is new
    CHECK(again.files == build(edited).files);

    // The cache now describes the edited pages.
    const Packs packs = packs_on_disk(again, f.sites / "2");
    CHECK(build(edited, f.file(), "k", 1, packs).from_cache == 4);
    CHECK(build(kPages, f.file(), "k", 1, packs).from_cache == 2);
}

TEST_CASE("a cached page's text is copied from the previous output's pack, or read anew when the pack is gone or changed",
          "[index][search][cache]") {
    Folder f;
    const Packs packs = packs_on_disk(build(kPages, f.file()), f.sites / "1");
    REQUIRE(packs.size() == 2);  // a and b; c
    SECTION("same ids: the same packs") {
        const Built again = build(kPages, f.file(), "k", 1, packs);
        CHECK(again.from_cache == 3);
        CHECK(again.files == build(kPages).files);
    }
    SECTION("a page added first moves every id, and texts to other packs") {
        std::vector<Page> more = kPages;
        more.insert(more.begin(), page("0/index.html", "首页", "<p>新的第一页。</p>"));
        const Built again = build(more, f.file(), "k", 1, packs);
        CHECK(again.from_cache == 3);
        CHECK(again.files == build(more).files);
    }
    const auto pack = [&](const std::string& path) {
        for (const auto& [hash, previous] : packs)
            if (previous.path == path) return previous.file.file;
        FAIL("no pack " << path);
        return std::string();
    };
    SECTION("a pack gone: its pages are read anew") {
        fs::remove(pack("search/pages/0.bin"));
        const Built again = build(kPages, f.file(), "k", 1, packs);
        CHECK(again.from_cache == 1);
        CHECK(again.files == build(kPages).files);
    }
    SECTION("a pack changed: its pages are read anew") {
        std::ofstream(pack("search/pages/1.bin"), std::ios::app) << "x";
        const Built again = build(kPages, f.file(), "k", 1, packs);
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
        const Built other = build(kPages, f.file(), key);
        CHECK(other.from_cache == 0);
        CHECK(other.files == expected);
    }
    SECTION("cut short") {
        fs::resize_file(f.file(), fs::file_size(f.file()) - 3);
        const Built cut = build(kPages, f.file());
        CHECK(cut.from_cache == 0);
        CHECK(cut.files == expected);
    }
    SECTION("a record's bytes damaged") {
        std::string bytes = read_whole_file(f.file()).value();
        for (std::size_t i = 0; i < 40; ++i) bytes[i] = static_cast<char>(0xFF);  // inside the first record
        std::ofstream(f.file(), std::ios::binary | std::ios::trunc) << bytes;
        const Built damaged = build(kPages, f.file(), "k", 1, packs);
        CHECK(damaged.from_cache == 2);  // the others are whole
        CHECK(damaged.files == expected);
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
    const fs::path site = f.dir / "site";
    fs::create_directories(site);
    for (const Page& p : kPages) std::ofstream(site / p.path.substr(0, 1)) << p.html;
    fs::remove(site / "a");
    const auto kept = [&](const Page& p) {
        return PreviousFile{(site / p.path.substr(0, 1)).string(), p.html.size(), 0, 0, hash128(p.html)};
    };
    std::vector<Page> edited = kPages;
    edited[2] = page("c/index.html", "支出", "<p>三公，经费另列。改过的说明。</p>");

    SearchIndexOptions options;
    options.title_suffix = " - 站点";
    options.cache_file = f.file();
    options.cache_key = "k";
    options.pack_docs = 2;
    options.previous_packs = packs;
    SearchIndexer indexer(options);
    MemorySink sink;
    indexer.keep_page(kPages[0].path, kept(kPages[0]), sink);  // in the cache; its file is gone
    // In the cache under other bytes: read from its file (which holds the edit).
    std::ofstream(site / "c", std::ios::trunc) << edited[2].html;
    indexer.keep_page(edited[2].path, kept(edited[2]), sink);
    indexer.add_page(kPages[1].path, kPages[1].html, sink);
    indexer.finish(sink);
    CHECK(indexer.pages_from_cache() == 2);  // a, and b (added as made, with the same bytes)
    CHECK(sink.files() == build(edited).files);

    SearchIndexer without(SearchIndexOptions{.title_suffix = " - 站点"});
    CHECK_THROWS_AS(without.keep_page(kPages[0].path, kept(kPages[0]), sink), std::runtime_error);
}
