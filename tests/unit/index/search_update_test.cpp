// The search index updated in place (index/search_update.cpp): after an
// edit that keeps the site's pages, the previous index with the changed
// pages taken out and put in must be byte for byte the index built anew.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "incremental/file_stamp.h"
#include "index/search_index.h"
#include "unit/support/search_site.h"

using namespace gk;
using test::build_search;
using test::index_on_disk;
using test::search_page;
using test::SearchBuild;
using test::SearchPage;
namespace fs = std::filesystem;

namespace {

// Enough pages for shards of a few hundred bytes to be many, with tokens
// that some pages share and others do not.
std::vector<SearchPage> site() {
    std::vector<SearchPage> pages;
    const char* topics[] = {"三公经费", "人员经费", "公务接待", "政府采购", "绩效目标", "国有资产"};
    for (int i = 0; i < 12; ++i) {
        const std::string n = std::to_string(i);
        pages.push_back(search_page("dept-" + n + "/index.html", std::string(topics[i % 6]) + "说明" + n,
                                    "<h2>" + std::string(topics[(i + 1) % 6]) + "</h2><p>本部门" + topics[i % 6] +
                                        "合计" + n + "万元，比上年减少。Budget report " + n +
                                        ".</p><p>一段简单的说明，" + topics[(i + 2) % 6] + "另列。</p>"));
    }
    return pages;
}

struct Previous {
    test::SearchFolder folder;
    std::vector<SearchPage> pages = site();
    std::map<std::string, PreviousOutput> index;
    explicit Previous(std::size_t shard_bytes = 300) {
        const SearchBuild built = build_search(pages, {.cache = folder.cache(), .shard_bytes = shard_bytes});
        index = index_on_disk(built, folder.sites / "1");
    }
    // A build of `now` after this one.
    SearchBuild next(const std::vector<SearchPage>& now, unsigned threads = 1, std::size_t shard_bytes = 300) {
        return build_search(now, {.cache = folder.cache(), .threads = threads, .previous = index, .shard_bytes = shard_bytes});
    }
};

std::map<std::string, std::string> clean(const std::vector<SearchPage>& pages, std::size_t shard_bytes = 300) {
    return build_search(pages, {.shard_bytes = shard_bytes}).files;
}

}  // namespace

TEST_CASE("an edited page's entries are taken out of the previous index and put in, as a clean build writes them",
          "[index][search][update]") {
    Previous previous;
    std::vector<SearchPage> edited = previous.pages;
    SECTION("text added: tokens no page had, and more of some") {
        edited[3] = search_page("dept-3/index.html", "政府采购说明3",
                                "<p>本部门政府采购合计3万元。Zebra 新增鲸鱼段落，鲸鱼。</p>");
    }
    SECTION("text removed: tokens that only this page had go from the index") {
        edited[0] = search_page("dept-0/index.html", "三公经费说明0", "<p>空。</p>");
    }
    SECTION("a title edited: weights change") {
        edited[5].html = search_page("dept-5/index.html", "国有资产情况", "<p>资产。</p>").html;
    }
    SECTION("pages in different packs edited, indexed from two threads") {
        edited[1] = search_page("dept-1/index.html", "人员经费说明1", "<p>人员经费𠮷字，budgets.</p>");
        edited[10] = search_page("dept-10/index.html", "公务接待说明10", "<h3>接待</h3><p>公务接待零。</p>");
        const SearchBuild again = previous.next(edited, 2);
        CHECK(again.in_place);
        CHECK(again.from_cache == 10);
        CHECK(again.files == clean(edited));
        return;
    }
    const SearchBuild again = previous.next(edited);
    CHECK(again.in_place);
    CHECK(again.files == clean(edited));
    // and the cache it leaves describes the edited index: the next edit is
    // in place too.
    const auto index = index_on_disk(again, previous.folder.sites / "2");
    std::vector<SearchPage> undone = previous.pages;
    const SearchBuild back = build_search(undone, {.cache = previous.folder.cache(), .previous = index, .shard_bytes = 300});
    CHECK(back.in_place);
    CHECK(back.files == clean(undone));
}

TEST_CASE("nothing changed: the index is written again as it was", "[index][search][update]") {
    Previous previous;
    const SearchBuild again = previous.next(previous.pages);
    CHECK(again.in_place);
    CHECK(again.from_cache == previous.pages.size());
    CHECK(again.files == clean(previous.pages));
}

TEST_CASE("shard sizes chosen from the totals: the update cuts shards as a clean build does",
          "[index][search][update]") {
    // Shard size 0: chosen from the index's totals, which the edit changes.
    Previous previous(0);
    std::vector<SearchPage> edited = previous.pages;
    edited[7] = search_page("dept-7/index.html", "人员经费说明7", std::string("<p>") + "很长的新段落，" + "重复" + "</p>");
    const SearchBuild again = previous.next(edited, 1, 0);
    CHECK(again.in_place);
    CHECK(again.files == clean(edited, 0));
}

TEST_CASE("the index is walked page by page when it cannot be updated in place", "[index][search][update]") {
    Previous previous;
    std::vector<SearchPage> edited = previous.pages;
    edited[2] = search_page("dept-2/index.html", "公务接待说明2", "<p>改过。</p>");
    SECTION("a page added: ids move") {
        edited.push_back(search_page("dept-99/index.html", "新部门", "<p>新的。</p>"));
    }
    SECTION("a page removed") {
        edited.erase(edited.begin() + 4);
    }
    SECTION("a shard of the previous index changed since it was written") {
        const PreviousOutput& shard = previous.index.at("search/d/0.bin");
        std::ofstream(shard.file.file, std::ios::app) << "x";
    }
    SECTION("a shard of the previous index gone") {
        REQUIRE(previous.index.erase("search/p/1.bin") == 1);
    }
    SECTION("the previous index is not the one the cache was written with") {
        std::vector<SearchPage> other = previous.pages;
        other[0] = search_page("dept-0/index.html", "别的", "<p>别的构建。</p>");
        previous.index = index_on_disk(build_search(other, {.shard_bytes = 300}), previous.folder.sites / "other");
    }
    SECTION("the cache gone") {
        fs::remove(previous.folder.cache());
    }
    const SearchBuild again = previous.next(edited);
    CHECK_FALSE(again.in_place);
    CHECK(again.files == clean(edited));
}

TEST_CASE("past a share of changed pages, walking every page is cheaper: no update in place", "[index][search][update]") {
    // Sixty-four pages may change however small the site (a narrative edit
    // changes a few); past that, one in sixteen.
    std::vector<SearchPage> pages;
    for (int i = 0; i < 80; ++i)
        pages.push_back(search_page("p" + std::to_string(100 + i) + "/index.html", "页" + std::to_string(i), "<p>内容。</p>"));
    test::SearchFolder folder;
    const auto index = index_on_disk(build_search(pages, {.cache = folder.cache()}), folder.sites / "1");
    for (int i = 0; i < 65; ++i) pages[i].html = search_page(pages[i].path, "改" + std::to_string(i), "<p>新内容。</p>").html;
    const SearchBuild again = build_search(pages, {.cache = folder.cache(), .previous = index});
    CHECK_FALSE(again.in_place);
    CHECK(again.files == build_search(pages).files);
}

TEST_CASE("random edits of random pages, one after another: each update equals a clean build",
          "[index][search][update]") {
    // Pages from a small vocabulary, so that most keys are on many pages and
    // an edit falls at the start, the middle and the end of their records.
    const std::vector<std::string> words = {"三公", "经费", "预算", "绩效", "公务", "接待", "采购", "资产",
                                            "说明", "合计", "budget", "report", "2020", "一段", "简单"};
    std::uint32_t seed = 12345;
    const auto next = [&](std::uint32_t n) {
        seed = seed * 1103515245u + 12345u;
        return (seed >> 8) % n;
    };
    const auto text = [&] {
        std::string t;
        for (std::uint32_t n = 3 + next(12); n > 0; --n) t += words[next(static_cast<std::uint32_t>(words.size()))] + (next(4) ? "" : "，");
        return t;
    };
    std::vector<SearchPage> pages;
    for (int i = 0; i < 60; ++i) {
        char id[8];
        std::snprintf(id, sizeof id, "%03d", i);
        pages.push_back(search_page(std::string("p") + id + "/index.html", text(), "<p>" + text() + "</p><p>" + text() + "</p>"));
    }
    test::SearchFolder folder;
    SearchBuild previous = build_search(pages, {.cache = folder.cache(), .pack_docs = 16, .shard_bytes = 200});
    for (int round = 0; round < 6; ++round) {
        const auto index = index_on_disk(previous, folder.sites / std::to_string(round));
        for (std::uint32_t n = 1 + next(4); n > 0; --n) {
            const std::uint32_t p = round == 0 ? 0 : round == 1 ? 59 : next(60);  // the first and last ids too
            pages[p].html = search_page(pages[p].path, text(), "<h2>" + text() + "</h2><p>" + text() + "</p>").html;
        }
        previous = build_search(pages, {.cache = folder.cache(), .previous = index, .pack_docs = 16, .shard_bytes = 200});
        INFO("round " << round);
        CHECK(previous.in_place);
        CHECK(previous.files == build_search(pages, {.pack_docs = 16, .shard_bytes = 200}).files);
    }
}

TEST_CASE("a pack that would come out as it was is kept as a file, not made again", "[index][search][update][cache]") {
    Previous previous;  // 12 pages, two to a pack
    std::vector<SearchPage> edited = previous.pages;
    edited[5] = search_page("dept-5/index.html", "国有资产说明5", "<p>改过的说明。</p>");
    const SearchBuild again = previous.next(edited);
    CHECK(again.files == clean(edited));
    // By path: dept-0, dept-1, dept-10, dept-11, dept-2, dept-3, dept-4, dept-5 …: dept-5 is id 7, in pack 3.
    std::set<std::string> packs;
    for (const auto& [path, bytes] : again.files)
        if (path.starts_with(SearchIndexer::kPackFolder)) packs.insert(path);
    REQUIRE(packs.size() == 6);
    std::set<std::string> expected = packs;
    expected.erase("search/pages/3.bin");
    CHECK(again.kept == expected);
}

TEST_CASE("a shard that no edit touches is kept as a file, unread, and the others are made again",
          "[index][search][update][cache]") {
    Previous previous;  // shards of 300 bytes: many of each kind
    std::vector<SearchPage> edited = previous.pages;
    // Only what comes after the page's first paragraph changes: its tokens
    // before keep their entries (weight, snippet position, positions), so
    // they are no edit.
    const std::string before = "<h2>政府采购</h2><p>本部门公务接待合计8万元，比上年减少。Budget report 8.</p>"
                               "<p>一段简单的说明，绩效目标另列。</p>";
    SECTION("keys in the middle of the key order") {
        edited[8] = search_page("dept-8/index.html", "公务接待说明8", before + "<p>鲸鱼游。</p>");
    }
    SECTION("keys after every other: the last shards take them, as in a clean build") {
        edited[8] = search_page("dept-8/index.html", "公务接待说明8", before + "<p>\U0010FFFD\U0010FFFD\U0010FFFD</p>");
    }
    const SearchBuild again = previous.next(edited);
    CHECK(again.in_place);
    CHECK(again.files == clean(edited));
    for (const char* folder : {"search/d/", "search/p/"}) {
        INFO(folder);
        std::size_t shards = 0, kept = 0;
        for (const auto& [path, bytes] : again.files) {
            if (!path.starts_with(folder)) continue;
            ++shards;
            if (!again.kept.contains(path)) continue;
            ++kept;
            const auto before = previous.index.find(path);
            REQUIRE(before != previous.index.end());
            CHECK(read_whole_file(before->second.file.file) == bytes);
        }
        CHECK(kept > 0);
        CHECK(kept < shards);  // the shards with the new keys were made again
    }
}

TEST_CASE("a pack whose pages' facts changed is made again, though no page's text did", "[index][search][update][cache]") {
    // The facts (department, year) come from the site, not the page: a
    // theme that does not show the department's name keeps the page's bytes.
    const std::vector<SearchPage> pages = site();
    std::map<std::string, SearchPageInfo> before, after;
    for (const SearchPage& p : pages) before[p.path] = SearchPageInfo{"d", "部门", 2020, "2020年部门预算"};
    after = before;
    // Of the same length, so that every text stays where it was in the pack.
    after["dept-5/index.html"].department = "单位";  // id 7: pack 3
    test::SearchFolder folder;
    const SearchBuild first = build_search(pages, {.cache = folder.cache(), .shard_bytes = 300, .pages = before});
    const auto index = index_on_disk(first, folder.sites / "1");
    const SearchBuild again =
        build_search(pages, {.cache = folder.cache(), .previous = index, .shard_bytes = 300, .pages = after});
    CHECK(again.files == build_search(pages, {.shard_bytes = 300, .pages = after}).files);
    CHECK(again.kept.contains("search/pages/2.bin"));
    CHECK_FALSE(again.kept.contains("search/pages/3.bin"));
}
