#include <catch2/catch.hpp>

#include <algorithm>
#include <bit>
#include <filesystem>
#include <random>
#include <regex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "index/search_index.h"
#include "index/search_internal.h"
#include "index/search_lookup.h"
#include "index/search_shards.h"
#include "index/search_tokenize.h"

using namespace gk;

namespace {

struct Page {
    std::string path;
    std::string title;
    std::string main;
};

std::string html(const Page& p) {
    return "<html><head><title>" + p.title + " - 站点</title></head><body><main>" + p.main + "</main></body></html>";
}

// The index of `pages`, built with `options` (their titles' suffix set).
std::map<std::string, std::string> index_files(const std::vector<Page>& pages, SearchIndexOptions options) {
    options.title_suffix = " - 站点";
    SearchIndexer indexer(options);
    MemorySink sink;
    for (const Page& p : pages) indexer.add_page(p.path, html(p), sink);
    indexer.finish(sink);
    return sink.files();
}

std::map<std::string, std::string> build(const std::vector<Page>& pages, std::size_t shard_bytes = 0,
                                         bool spill = true, const std::string& spill_dir = "",
                                         unsigned finish_threads = 0, std::size_t pack_docs = 4096,
                                         std::size_t slice_postings = 0, std::size_t scattered_tokens = 0,
                                         unsigned memo_bits = 0) {
    SearchIndexOptions options;
    options.intern_memo_bits = memo_bits;
    options.slice_postings = slice_postings;
    options.scattered_tokens = scattered_tokens;
    options.pack_docs = pack_docs;
    options.finish_threads = finish_threads;
    options.spill = spill;
    options.spill_dir = spill_dir;
    options.doc_shard_bytes = shard_bytes;
    options.position_shard_bytes = shard_bytes;
    options.pages["departments/union/2020/index.html"] = {"union", "区总工会", 2020, "2020年部门预算"};
    return index_files(pages, options);
}

// Page paths by document id, from the document blocks (docs/<n>.json: an
// array of [path, title, department, year label]; the test pages' paths need
// no JSON escapes).
std::vector<std::string> document_paths(const std::map<std::string, std::string>& files) {
    std::vector<std::string> out;
    const std::regex row(R"re((?:^\[|\],)\["([^"]*)")re");
    for (std::size_t b = 0; files.count("search/docs/" + std::to_string(b) + ".json"); ++b) {
        const std::string& json = files.at("search/docs/" + std::to_string(b) + ".json");
        for (auto it = std::sregex_iterator(json.begin(), json.end(), row); it != std::sregex_iterator(); ++it)
            out.push_back((*it)[1]);
    }
    return out;
}

// Each document's facts and text, as the client reads them: sizes from
// search/pages.idx, bytes from the packs search/pages/<k>.bin.
struct PackedDocument {
    std::string facts;
    std::string text;  // UTF-16LE
    std::size_t pack = 0;
};

std::vector<PackedDocument> packed_documents(const std::map<std::string, std::string>& files, std::size_t per_pack) {
    const std::string& sizes = files.at("search/pages.idx");
    std::size_t i = 0;
    std::uint64_t n = 0, facts = 0, units = 0;
    REQUIRE(get_varint(sizes, i, n));
    std::vector<PackedDocument> out;
    std::size_t at = 0;
    for (std::size_t d = 0; d < n; ++d) {
        if (d % per_pack == 0) at = 0;
        REQUIRE(get_varint(sizes, i, facts));
        REQUIRE(get_varint(sizes, i, units));
        const std::string& pack = files.at("search/pages/" + std::to_string(d / per_pack) + ".bin");
        REQUIRE(at + facts + 2 * units <= pack.size());
        out.push_back({pack.substr(at, facts), pack.substr(at + facts, 2 * units), d / per_pack});
        at += facts + 2 * units;
    }
    CHECK(i == sizes.size());
    return out;
}

// The paths of the pages a query finds, best first.
std::vector<std::string> find(const std::map<std::string, std::string>& files, const std::string& query) {
    const auto read = [&](const std::string& path) -> std::optional<std::string> {
        const auto it = files.find("search/" + path);
        if (it == files.end()) return std::nullopt;
        return it->second;
    };
    std::vector<std::string> paths;
    const std::vector<std::string> all = document_paths(files);
    for (const SearchHit& h : search_index(read, query)) paths.push_back(all.at(h.doc));
    return paths;
}

const std::vector<Page> kPages = {
    {"a/index.html", "三公经费说明", "<p>本部门“三公”经费为零。</p>"},
    {"b/index.html", "收入", "<p>三公经费合计0万元，其中公务接待费0万元。</p>"},
    {"c/index.html", "支出", "<p>三公，经费另列。一段简单的说明。Budget transparency.</p>"},
    {"d/index.html", "其他", "<h2>三公经费</h2><p>见上表。</p>"},
    {"e/index.html", "通知", "<p>压减“三公”经费支出，会议费「2020」年 ‘零’。</p>"},
};

}  // namespace

TEST_CASE("a run of Chinese characters finds exactly the pages that contain it", "[index][search]") {
    const auto files = build(kPages);
    // Page a has it in its title and as “三公”经费, page e as “三公”经费 only:
    // quotation marks between two characters do not end a run.
    CHECK(find(files, "三公经费") ==
          std::vector<std::string>{"a/index.html", "d/index.html", "b/index.html", "e/index.html"});
    CHECK(find(files, "减三公经费支") == std::vector<std::string>{"e/index.html"});
    // So in the query: “三公”经费 is the run 三公经费; marks at a run's ends
    // are punctuation like any other.
    CHECK(find(files, "“三公”经费") == find(files, "三公经费"));
    CHECK(find(files, "‘三公’") == find(files, "三公"));
    CHECK(find(files, "压减\"三公\"经费") == std::vector<std::string>{"e/index.html"});
    // Not between two characters: after a word, before a word or a space.
    CHECK(find(files, "费年").empty());
    CHECK(find(files, "费2020年") == std::vector<std::string>{"e/index.html"});
    CHECK(find(files, "年零").empty());
    // The bigrams 三公 and 经费 are both on page c, but not adjacent.
    CHECK(find(files, "段简") == std::vector<std::string>{"c/index.html"});
    CHECK(find(files, "一段简单的") == std::vector<std::string>{"c/index.html"});
    // Other punctuation separates: the runs 三公 and 经费, which every page has.
    CHECK(find(files, "三公，经费").size() == 5);
    CHECK(find(files, "三公，经费") == find(files, "三公 经费"));
    CHECK(find(files, "（三公）") == find(files, "三公"));
    CHECK(find(files, "公经费合").size() == 1);
    CHECK(find(files, "经费三公").empty());
    CHECK(find(files, "段简单单").empty());
}

TEST_CASE("a title hit ranks above a heading hit, and a heading hit above a body hit", "[index][search]") {
    const auto files = build(kPages);
    const auto found = find(files, "三公经费");
    REQUIRE(found.size() == 4);
    CHECK(found[0] == "a/index.html");
    CHECK(found[1] == "d/index.html");
    CHECK(found[2] == "b/index.html");  // a body hit each: page order
    CHECK(found[3] == "e/index.html");
}

TEST_CASE("words are found by their beginning, in any case", "[index][search]") {
    const auto files = build(kPages);
    CHECK(find(files, "budget") == std::vector<std::string>{"c/index.html"});
    CHECK(find(files, "TRANS") == std::vector<std::string>{"c/index.html"});
    CHECK(find(files, "udget").empty());
}

TEST_CASE("words that begin with the same eight letters are each found", "[index][search]") {
    // A page's words are sorted by their first eight bytes, then by their
    // text: out of key order, finish() would refuse the page's entries.
    const std::vector<Page> pages = {
        {"a/index.html", "一", "<p>abcdefghij abcdefgh abcdefghi abcdefgha abcdefgh0 abcdefghia b a</p>"},
        {"b/index.html", "二", "<p>12345678 123456789 1234567 1234567890 123456780 abcdefghib</p>"},
    };
    const auto files = build(pages);
    CHECK(find(files, "abcdefgh") == std::vector<std::string>{"a/index.html", "b/index.html"});
    CHECK(find(files, "abcdefghi") == std::vector<std::string>{"a/index.html", "b/index.html"});
    CHECK(find(files, "abcdefghia") == std::vector<std::string>{"a/index.html"});
    CHECK(find(files, "abcdefghib") == std::vector<std::string>{"b/index.html"});
    CHECK(find(files, "abcdefgh0") == std::vector<std::string>{"a/index.html"});
    CHECK(find(files, "123456789") == std::vector<std::string>{"b/index.html"});
    CHECK(find(files, "1234567890") == std::vector<std::string>{"b/index.html"});
    CHECK(find(files, "abcdefghb").empty());
}

TEST_CASE("a token table grown many times over still finds every word and run of characters", "[index][search]") {
    // The table starts at 4,096 slots of an id and 32 bits of hash each:
    // 40 pages of 200 distinct short words, a long word and 300 distinct
    // characters each (about 30,000 tokens) make it double several times,
    // and words and characters on every page are looked up again after
    // each growth.
    std::vector<Page> pages;
    const auto ideograph = [](std::size_t n) {
        std::string s;
        append_utf8(s, static_cast<char32_t>(0x4E00 + n));
        return s;
    };
    for (std::size_t k = 0; k < 40; ++k) {
        std::string main = "<p>";
        for (std::size_t j = 0; j < 200; ++j) main += "n" + std::to_string(k) + "x" + std::to_string(j) + " ";
        main += "longword" + std::to_string(k) + "tail 预算公开 ";
        for (std::size_t j = 0; j < 20; ++j) main += "all" + std::to_string(j) + " ";
        for (std::size_t j = 0; j < 300; ++j) main += ideograph(k * 300 + j);
        main += "</p>";
        pages.push_back({"p" + std::to_string(100 + k) + "/index.html", "页" + std::to_string(k), main});
    }
    const auto files = build(pages);
    for (std::size_t k : {0u, 7u, 39u}) {
        const std::vector<std::string> only{"p" + std::to_string(100 + k) + "/index.html"};
        CHECK(find(files, "n" + std::to_string(k) + "x199") == only);
        CHECK(find(files, "longword" + std::to_string(k) + "tail") == only);
        CHECK(find(files, ideograph(k * 300 + 10) + ideograph(k * 300 + 11) + ideograph(k * 300 + 12)) == only);
    }
    for (const std::string query : {"all0", "all19", "预算公开"}) CHECK(find(files, query).size() == 40);
    CHECK(find(files, "n7x2000").empty());
    CHECK(find(files, ideograph(10) + ideograph(12)).empty());
}

TEST_CASE("several terms are all required", "[index][search]") {
    const auto files = build(kPages);
    CHECK(find(files, "经费 接待") == std::vector<std::string>{"b/index.html"});
    CHECK(find(files, "budget 三公") == std::vector<std::string>{"c/index.html"});
    CHECK(find(files, "budget 接待").empty());
    CHECK(find(files, "   ").empty());
}

TEST_CASE("the index is the same bytes whatever the order pages arrive in", "[index][search]") {
    std::vector<Page> reversed(kPages.rbegin(), kPages.rend());
    CHECK(build(kPages) == build(reversed));
}

// Pages that mix words and characters: punctuation (no token of its own)
// around digits and letters, full-width forms, characters outside the BMP,
// U+FFFD.
const std::vector<Page> kMixed = {
    {"m/1.html", "混合", "<p>a-1:b 2020年 Ａ１～！ 中𠮷文 -- :: 𠮷𠮷𠮷 \xEF\xBF\xBD\xEF\xBF\xBD</p>"},
    {"m/2.html", "Mixed", "<p>-a :2 ~z 中文𠮷 zz9 ９９ !! 。。。</p>"},
    {"m/3.html", "三", "<h2>2020-2021</h2><p>中文，中文。𠮷中</p>"},
};

TEST_CASE("entries waiting in a temporary file give the same index as entries in memory", "[index][search]") {
    std::vector<Page> pages = kPages;
    pages.insert(pages.end(), kMixed.begin(), kMixed.end());
    const auto spilled = build(pages, 0, true);
    const auto kept = build(pages, 0, false);
    CHECK(spilled == kept);
    CHECK(build(pages, 16, true) == build(pages, 16, false));
    for (const char* q : {"中文", "𠮷中", "2020", "a", "zz", "９", "𠮷𠮷𠮷", "文，中", "\xEF\xBF\xBD"}) {
        INFO(q);
        CHECK_FALSE(find(spilled, q).empty());
    }
    CHECK(find(spilled, "中文𠮷") == std::vector<std::string>{"m/2.html"});
    // Marks alone are no query: every page has them, none is found.
    for (const char* q : {"--", "::", "。。", "！", "～"}) {
        INFO(q);
        CHECK(find(spilled, q).empty());
    }
}

// Pages with thousands of tokens each, so that finish() reads each page's
// entries in many chunks and over many slices.
std::vector<Page> long_pages() {
    std::mt19937 random(11);
    static const char* const kCharacters[] = {"预", "算", "年", "支", "出", "收", "入", "经", "费", "公", "务",
                                              "接", "待", "一", "般", "𠮷", "，", "。", "“", "”"};
    std::vector<Page> pages;
    for (int p = 0; p < 12; ++p) {
        std::string text;
        for (int i = 0; i < 1500 + 400 * p; ++i) {
            if (random() % 9 == 0) text += " w" + std::to_string(random() % 300) + " ";
            text += kCharacters[random() % std::size(kCharacters)];
        }
        pages.push_back({"long/" + std::to_string(p) + ".html", "长" + std::to_string(p), "<p>" + text + "</p>"});
    }
    // A trigram with hundreds of positions: its list takes more than 127
    // bytes, so its length takes two.
    std::string repeated;
    for (int i = 0; i < 300; ++i) repeated += "甲乙丙";
    pages.push_back({"long/repeated.html", "重复", "<p>" + repeated + "丁</p>"});
    return pages;
}

TEST_CASE("finish gathering postings a slice at a time gives the same bytes whatever the slice", "[index][search]") {
    std::vector<Page> pages = long_pages();
    pages.insert(pages.end(), kMixed.begin(), kMixed.end());
    for (const bool spill : {true, false}) {
        const auto whole = build(pages, 0, spill, "", 1);
        for (const std::size_t slice : {std::size_t{1}, std::size_t{7}, std::size_t{100}, std::size_t{5000}}) {
            INFO("spill " << spill << ", slice " << slice);
            CHECK(build(pages, 0, spill, "", 1, 4096, slice) == whole);
            CHECK(build(pages, 0, spill, "", 2, 4096, slice) == whole);
        }
    }
    CHECK(find(build(pages, 0, true, "", 1, 4096, 7), "“预算") == find(build(pages, 0, true), "“预算"));
    CHECK(find(build(pages, 0, true, "", 1, 4096, 7), "乙丙甲乙丙丁") == std::vector<std::string>{"long/repeated.html"});
}

TEST_CASE("postings gathered page by page and sorted give the bytes of postings put in place", "[index][search]") {
    // A slice of more tokens than scattered_tokens is gathered and sorted
    // by token (one digit, or several for more than 2,048 tokens).
    std::vector<Page> pages = long_pages();
    pages.insert(pages.end(), kMixed.begin(), kMixed.end());
    for (std::size_t k = 0; k < 12; ++k) {
        std::string main = "<p>";
        for (std::size_t j = 0; j < 400; ++j) append_utf8(main, static_cast<char32_t>(0x4E00 + (k * 397 + j * 7) % 5000));
        main += " w" + std::to_string(k) + " 预算公开</p>";
        pages.push_back({"many/" + std::to_string(k) + ".html", "页", main});
    }
    const auto in_place = build(pages, 0, true, "", 1, 4096, 0, std::size_t{1} << 30);
    for (const std::size_t scattered : {std::size_t{1}, std::size_t{3}, std::size_t{0}}) {
        for (const std::size_t slice : {std::size_t{0}, std::size_t{7}, std::size_t{5000}}) {
            INFO("scattered_tokens " << scattered << ", slice " << slice);
            CHECK(build(pages, 0, true, "", 1, 4096, slice, scattered) == in_place);
            CHECK(build(pages, 0, true, "", 2, 4096, slice, scattered) == in_place);
        }
    }
    CHECK(find(in_place, "预算公开").size() == 12);
}

TEST_CASE("the document tokens walked in two parts give the bytes of one walk", "[index][search]") {
    // Characters on both sides of several of kDocSplits, words, punctuation.
    std::vector<Page> pages = long_pages();
    pages.insert(pages.end(), kMixed.begin(), kMixed.end());
    pages.insert(pages.end(), kPages.begin(), kPages.end());
    const auto with = [&](bool split, unsigned threads, std::size_t shard_bytes, std::size_t slice) {
        SearchIndexOptions options;
        options.split_document_walk = split;
        options.finish_threads = threads;
        options.doc_shard_bytes = options.position_shard_bytes = shard_bytes;
        options.slice_postings = slice;
        options.title_suffix = " - 站点";
        SearchIndexer indexer(options);
        MemorySink sink;
        for (const Page& p : pages) indexer.add_page(p.path, html(p), sink);
        indexer.finish(sink);
        CHECK((indexer.document_split() != 0) == split);
        return sink.files();
    };
    for (const std::size_t shard_bytes : {std::size_t{0}, std::size_t{16}, std::size_t{300}}) {
        for (const std::size_t slice : {std::size_t{0}, std::size_t{5}}) {
            INFO("shard bytes " << shard_bytes << ", slice " << slice);
            const auto one = with(false, 1, shard_bytes, slice);
            CHECK(with(true, 1, shard_bytes, slice) == one);
            CHECK(with(true, 2, shard_bytes, slice) == one);
        }
    }
}

TEST_CASE("tokens ranked on several threads give the bytes of one thread's ranking", "[index][search]") {
    // Thousands of tokens, hundreds of them words of one first letter (w0
    // … w299), which only their text orders.
    std::vector<Page> pages = long_pages();
    pages.insert(pages.end(), kMixed.begin(), kMixed.end());
    const auto with = [&](unsigned threads, std::size_t share) {
        SearchIndexOptions options;
        options.finish_threads = threads;
        options.rank_share_tokens = share;
        return index_files(pages, options);
    };
    const auto one = with(1, 0);
    CHECK(with(2, 0) == one);  // too few tokens to share: one thread ranks them
    CHECK(with(2, 1) == one);
    CHECK(with(3, 1) == one);
    CHECK(with(2, 700) == one);
    CHECK(find(one, "w29").size() >= 1);
}

TEST_CASE("a token's key comes back from its sort key", "[index][search]") {
    const std::vector<std::string> words = {"budget", "2020"};
    const std::uint64_t keys[] = {
        'a', 0x4E2D, 0x20BB7, 0x10FFFF,                                   // characters
        (0x4E2Dull << 21) | 0x6587, (0x20BB7ull << 21) | 'z', (0x10FFFFull << 21) | 0x10FFFF,  // bigrams
        (0x4E2Dull << 42) | (0x6587ull << 21) | 0x20BB7, (0x10FFFFull << 42) | (0x10FFFFull << 21) | 0x10FFFF,
        kWordBit | 0, kWordBit | 1,                                        // words
    };
    for (const std::uint64_t key : keys) {
        INFO(key);
        CHECK(key_from_sort_key(sort_key(key, words), [&] { return key; }) == key);
    }
    // A word's sort key says its first letter only: its key comes from elsewhere.
    CHECK(key_from_sort_key(sort_key(kWordBit | 0, words), [] { return kWordBit | 7; }) == (kWordBit | 7));
}

TEST_CASE("shards and packs written on two threads are the same bytes as on one", "[index][search]") {
    std::vector<Page> pages = kPages;
    pages.insert(pages.end(), kMixed.begin(), kMixed.end());
    for (const std::size_t shard_bytes : {std::size_t{0}, std::size_t{16}}) {
        for (const bool spill : {true, false}) {
            // One pack, or a pack of two pages each (the packs are parts of their own).
            for (const std::size_t pack_docs : {std::size_t{4096}, std::size_t{2}}) {
                INFO("shard bytes " << shard_bytes << ", spill " << spill << ", pack_docs " << pack_docs);
                const auto one = build(pages, shard_bytes, spill, "", 1, pack_docs);
                if (pack_docs == 2) CHECK(one.count("search/pages/2.bin") == 1);
                CHECK(build(pages, shard_bytes, spill, "", 2, pack_docs) == one);
                CHECK(build(pages, shard_bytes, spill, "", 0, pack_docs) == one);
            }
        }
    }
}

namespace {

// The index of `pages` added from three threads (page i from thread i % 3),
// shards of 64 bytes, each thread's memo of tokens 2^memo_bits slots (0:
// the default).
std::map<std::string, std::string> build_on_three_threads(const std::vector<Page>& pages, unsigned memo_bits = 0) {
    SearchIndexOptions options;
    options.title_suffix = " - 站点";
    options.doc_shard_bytes = options.position_shard_bytes = 64;
    options.intern_memo_bits = memo_bits;
    options.pages["departments/union/2020/index.html"] = {"union", "区总工会", 2020, "2020年部门预算"};
    SearchIndexer indexer(options);
    MemorySink sink;
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < 3; ++t) {
        threads.emplace_back([&, t] {
            for (std::size_t i = t; i < pages.size(); i += 3) indexer.add_page(pages[i].path, html(pages[i]), sink);
        });
    }
    for (std::thread& t : threads) t.join();
    indexer.finish(sink);
    return sink.files();
}

}  // namespace

TEST_CASE("pages added from several threads give the index of one thread", "[index][search]") {
    std::vector<Page> pages;
    for (int i = 0; i < 40; ++i) {
        const Page& p = (i % 2 ? kMixed : kPages)[static_cast<std::size_t>(i) % (i % 2 ? kMixed.size() : kPages.size())];
        pages.push_back({"p/" + std::to_string(i) + ".html", p.title + std::to_string(i % 7), p.main});
    }
    const auto one = build(pages, 64, true, "", 1);
    CHECK(build_on_three_threads(pages) == one);  // finished on two threads: pages came from three
}

TEST_CASE("a memo of tokens per thread, however small, gives the same index", "[index][search]") {
    // With two slots, or sixteen, a memo's slot is taken by another token
    // all the time: the pages it counted must reach the token then, or at
    // finish(). Each token's count of pages is in the shards' records.
    std::vector<Page> pages = long_pages();
    pages.insert(pages.end(), kPages.begin(), kPages.end());
    pages.insert(pages.end(), kMixed.begin(), kMixed.end());
    const auto usual = build(pages);
    CHECK(build(pages, 0, true, "", 0, 4096, 0, 0, 1) == usual);
    CHECK(build(pages, 0, true, "", 0, 4096, 0, 0, 4) == usual);
    const auto tiny = build(pages, 64, true, "", 1, 4096, 0, 0, 1);
    CHECK(tiny == build(pages, 64, true, "", 1));
    CHECK(find(tiny, "三公经费") == find(usual, "三公经费"));
    // From three threads, each with its own memo of two slots.
    CHECK(build_on_three_threads(pages, 1) == tiny);
}

TEST_CASE("the temporary file of page entries leaves nothing behind", "[index][search]") {
    const auto dir = std::filesystem::temp_directory_path() / "gongkai-spill-test";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    {
        SearchIndexOptions options;
        options.spill_dir = dir.string();
        SearchIndexer indexer(options);
        CHECK(indexer.spilling());
        MemorySink sink;
        for (const Page& p : kPages) indexer.add_page(p.path, html(p), sink);
        CHECK(std::filesystem::is_empty(dir));  // anonymous while in use
        indexer.finish(sink);
        CHECK(sink.files().count("search/manifest.json") == 1);
    }
    {
        // An indexer that fails before finish (here: never finished) leaves nothing either.
        SearchIndexOptions options;
        options.spill_dir = dir.string();
        SearchIndexer indexer(options);
        MemorySink sink;
        indexer.add_page(kPages[0].path, html(kPages[0]), sink);
    }
    CHECK(std::filesystem::is_empty(dir));
    std::filesystem::remove_all(dir);
    // A folder where no file can be made: the entries stay in memory, same index.
    SearchIndexOptions options;
    options.spill_dir = "/nonexistent/gongkai";
    CHECK_FALSE(SearchIndexer(options).spilling());
    CHECK(build(kPages, 0, true, "/nonexistent/gongkai") == build(kPages, 0, false));
}

TEST_CASE("tiny shards give the same results as one shard", "[index][search]") {
    const auto small = build(kPages, 16);
    const auto large = build(kPages, 1 << 20);
    CHECK(small.count("search/d/5.bin") == 1);
    CHECK(large.count("search/d/1.bin") == 0);
    for (const char* q : {"三公经费", "段简", "budget", "经费 接待", "。", "“三"}) {
        INFO(q);
        CHECK(find(small, q) == find(large, q));
    }
}

TEST_CASE("each page's text is packed as UTF-16 with its title first, after its facts", "[index][search]") {
    const auto files = build({{"x/index.html", "题", "<p>a𠮷</p>"}});
    const std::vector<PackedDocument> docs = packed_documents(files, 4096);
    REQUIRE(docs.size() == 1);
    CHECK(docs[0].facts == "[\"x/index.html\",\"题\",\"\",\"\"]");
    const std::string expected("\x98\x98\x20\x00\x61\x00\x42\xD8\xB7\xDF", 10);  // 题 ␠ a 𠮷
    CHECK(docs[0].text == expected);
    CHECK(files.at("search/pages/0.bin") == docs[0].facts + expected);
    CHECK(files.at("search/pages.idx") == std::string("\x01\x1C\x05", 3));  // 1 document: 28 bytes of facts, 5 units
}

TEST_CASE("packs hold documents by id, in path order whatever order pages came in, pack_docs to a pack",
          "[index][search]") {
    // The client finds a document's facts and text knowing only the id a
    // shard gave it (and the sizes in pages.idx).
    const std::vector<Page> pages = {{"b/index.html", "乙", ""}, {"c/index.html", "丙", ""}, {"a/index.html", "甲", ""}};
    const auto files = build(pages, 0, true, "", 0, 2);
    CHECK(document_paths(files) == std::vector<std::string>{"a/index.html", "b/index.html", "c/index.html"});
    const std::vector<PackedDocument> docs = packed_documents(files, 2);
    REQUIRE(docs.size() == 3);
    CHECK(docs[0].text == std::string("\x32\x75", 2));  // 甲 U+7532: the title, nothing else
    CHECK(docs[1].text == std::string("\x59\x4E", 2));  // 乙 U+4E59
    CHECK(docs[2].text == std::string("\x19\x4E", 2));  // 丙 U+4E19
    CHECK(docs[2].facts == "[\"c/index.html\",\"丙\",\"\",\"\"]");
    CHECK(docs[1].pack == 0);
    CHECK(docs[2].pack == 1);
    CHECK(files.count("search/pages/2.bin") == 0);
    CHECK(files.at("search/manifest.json").find("\"pack_docs\":2,") != std::string::npos);
    // Whatever the pack size, the same documents.
    const std::vector<PackedDocument> one = packed_documents(build(pages), 4096);
    for (std::size_t d = 0; d < 3; ++d) {
        CHECK(one[d].facts == docs[d].facts);
        CHECK(one[d].text == docs[d].text);
    }
}

TEST_CASE("documents, facets and the manifest describe the pages", "[index][search]") {
    const auto files = build({{"departments/union/2020/index.html", "区总工会2020年部门预算", "<p>正文</p>"},
                              {"index.html", "首页", "<p>正文</p>"}});
    CHECK(files.at("search/docs/0.json") ==
          "[[\"departments/union/2020/index.html\",\"区总工会2020年部门预算\",\"区总工会\",\"2020年部门预算\"],"
          "[\"index.html\",\"首页\",\"\",\"\"]]\n");
    CHECK(files.at("search/facets.json") ==
          "{\"years\":[\"2020\"],\"departments\":[\"union\"],\"doc_year\":[0,-1],\"doc_department\":[0,-1]}\n");
    const std::string& manifest = files.at("search/manifest.json");
    CHECK(manifest.starts_with("{\"format\":\"gongkai-search\",\"version\":3,\"v\":\""));
    CHECK(manifest.find("\"docs\":2,") != std::string::npos);
}

TEST_CASE("only the portal's pages are indexed", "[index][search]") {
    CHECK(SearchIndexer::wants("departments/x/2020/index.html"));
    CHECK_FALSE(SearchIndexer::wants("404.html"));
    CHECK_FALSE(SearchIndexer::wants("search/index.html"));
    CHECK_FALSE(SearchIndexer::wants("data/2020.csv"));
    CHECK(SearchIndexer::pack_path(12) == "search/pages/12.bin");
}

TEST_CASE("varints and separators", "[index][search]") {
    std::string s;
    for (std::uint64_t v : {0ull, 127ull, 128ull, 300ull, 0xFFFFFFFFull}) put_varint(s, v);
    std::size_t i = 0;
    std::uint64_t v = 0;
    for (std::uint64_t want : {0ull, 127ull, 128ull, 300ull, 0xFFFFFFFFull}) {
        REQUIRE(get_varint(s, i, v));
        CHECK(v == want);
    }
    CHECK_FALSE(get_varint(std::string("\x80"), i = 0, v));
    CHECK(shortest_separator("三公", "三十") == "三十");
    CHECK(shortest_separator("abc", "abd") == "abd");
    CHECK(shortest_separator("ab", "abzz") == "abz");
    CHECK(shortest_separator("经", "预算") == "预");
}
