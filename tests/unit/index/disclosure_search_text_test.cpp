// What the default theme's disclosure page gives search
// (docs/search-format.md, "What a disclosure page gives search"): each
// figure where a sentence states it, not again in the tables that restate
// it; of the standard tables, the captions and the classification rows of
// tables 3 and 6.
#include <catch2/catch.hpp>

#include <filesystem>
#include <optional>
#include <sstream>
#include <string>

#include "incremental/file_stamp.h"
#include "index/html_text.h"
#include "pipeline.h"
#include "unit/support/content_tree.h"

using namespace gk;

namespace {

// The page's search text, and whether the page itself shows `s`.
struct Disclosure {
    std::string html;
    std::string text;
    bool searched(const char* s) const { return text.find(s) != std::string::npos; }
    bool shown(const char* s) const { return html.find(s) != std::string::npos; }
};

Disclosure disclosure(const std::filesystem::path& file) {
    const std::optional<std::string> html = read_whole_file(file.string());
    REQUIRE(html);
    Disclosure d;
    d.html = *html;
    d.text = extract_page_text(d.html, "").text;
    return d;
}

}  // namespace

// The golden copy of the demo's sample department: no classification rows.
TEST_CASE("the default theme's disclosure gives search its sentences and not the tables that restate them",
          "[index][html]") {
    const Disclosure page = disclosure(std::string(GONGKAI_SOURCE_DIR) +
                                       "/tests/golden/expected/departments/qiaoxi-federation-of-trade-unions/2020/"
                                       "index.html");
    REQUIRE(page.shown("<td class=\"num\">36.27</td>"));  // the page shows the tables
    CHECK(page.searched("预算收入36.27万元"));  // the income sentence
    CHECK(page.searched("表1 部门收支总表"));    // a standard table's caption
    CHECK(page.searched("表3 部门支出总表"));
    for (const char* s : {"收入总计", "收入构成", "增减幅度"}) {  // table 1's row, the overview's table, the change table
        REQUIRE(page.shown(s));
        CHECK_FALSE(page.searched(s));
    }
    CHECK_FALSE(page.searched("36.27 36.27"));  // figures side by side: a table row
}

// The demo's civil affairs bureau, 2021: tables 3, 5, 6 and 8 have rows.
TEST_CASE("a disclosure's classification rows are searched by name and code in tables 3 and 6 alone",
          "[index][html]") {
    test::ContentTree out;  // only for its temporary folder
    BuildOptions options;
    options.content_dir = GONGKAI_SOURCE_DIR "/content";
    options.out_dir = out.root() + "/../site";
    options.theme_dir = GONGKAI_SOURCE_DIR "/themes/default";
    options.quiet = true;
    std::ostringstream log, err;
    REQUIRE(run_build(options, log, err) == kExitOk);
    const std::filesystem::path site = options.out_dir;
    const Disclosure page = disclosure(site / "departments/civil-affairs-bureau/2021/index.html");
    // Table 3 lists every 功能分类 row, table 6 every 经济分类 row.
    CHECK(page.searched("2080201 行政运行"));
    CHECK(page.searched("2210201 住房公积金"));
    CHECK(page.searched("2296002 用于社会福利的彩票公益金支出"));  // government fund: table 8 too
    CHECK(page.searched("30101 基本工资"));
    // Once each: tables 5 and 8 restate table 3's rows.
    const auto count = [&](const std::string& s) {
        std::size_t n = 0;
        for (std::size_t at = page.text.find(s); at != std::string::npos; at = page.text.find(s, at + 1)) ++n;
        return n;
    };
    CHECK(count("2296002") == 1);
    CHECK(count("2080201") == 1);
    CHECK(page.searched("表8 政府性基金预算支出表"));
    // A standard table's figure: 行政运行's basic expenditure, shown in tables 3 and 5.
    REQUIRE(page.shown(">96.22<"));
    CHECK_FALSE(page.searched("96.22"));
}
