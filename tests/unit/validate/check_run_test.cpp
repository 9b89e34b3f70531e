// Whole `gongkai check` runs (pipeline's run_check): every problem of every
// file in one run, --strict, and inputs that must never crash or hang.
#include <catch2/catch.hpp>

#include <random>
#include <sstream>

#include "pipeline.h"
#include "unit/support/content_tree.h"

using namespace gk;
using namespace gk::test;
using Lines = std::vector<std::string>;

namespace {

struct RunResult {
    int status = -1;
    std::string err;  // with the temporary root shown as "content"
};

RunResult run_check_on(const ContentTree& tree, bool strict = false) {
    BuildOptions options{.content_dir = tree.root(), .strict = strict};
    std::ostringstream err;
    RunResult result;
    result.status = run_check(options, err);
    result.err = err.str();
    for (std::size_t at = result.err.find(tree.root()); at != std::string::npos; at = result.err.find(tree.root()))
        result.err.replace(at, tree.root().size(), "content");
    return result;
}

// A year file that uses most of the schema, and checks cleanly.
const std::string kFullYear = R"(year = 2020
published = 2020-02-20
source = "https://example.gov.cn/2020.pdf"
[[units]]
name = "桥西区工会"
nature = "群团"
[income]
general_public = 36.27
total = 36.27
[expenditure]
personnel = 31.46
public = 4.81
basic = 36.27
total = 36.27
[operating_expenses]
amount = 4.81
[three_public]
outbound = 0
vehicle_total = 0
reception = 0
total = 0
[three_public.counts]
vehicles_owned = 0
[previous]
expenditure_total = 30.37
[printed.change.expenditure_total]
amount = 5.90
percent = 19.43
[printed.share]
personnel = 86.74
[[by_function]]
code = "2012901"
name = "行政运行"
basic = 36.27
project = 0
[[by_economic]]
code = "30101"
name = "基本工资"
amount = 36.27
[performance]
goal = "紧紧围绕……"
[[performance.indicators]]
level1 = "产出指标"
operator = ">="
value = 60.00
[[procurement]]
item = "计算机"
quantity = 2
unit_price = 0.55
general_public = 1.10
[assets]
as_of = 2019-12-31
total = 0
[[assets.items]]
name = "房屋"
value = 0
[notes]
change = "主要是人员工资福利支出和福利费支出。"
)";

// Runs a check of a tree whose 2020.toml is `text`. One tree serves many
// runs (the file is rewritten each time), which keeps a fuzz loop fast.
class YearFileRunner {
public:
    YearFileRunner() { add_minimal_site(tree_); }
    RunResult operator()(const std::string& text) {
        tree_.file("departments/union/2020.toml", text);
        return run_check_on(tree_);
    }

private:
    ContentTree tree_;
};

RunResult run_with_year_file(const std::string& text) { return YearFileRunner()(text); }

}  // namespace

TEST_CASE("the full sample year file checks cleanly", "[validate][run]") {
    const RunResult r = run_with_year_file(kFullYear);
    CHECK(r.err.empty());
    CHECK(r.status == kExitOk);
}

TEST_CASE("every problem of every file is reported in one run", "[validate][run]") {
    ContentTree tree;
    tree.file("site.toml", "title = \"桥西区\"\nregion = \"桥西区\"\nthem = \"default\"\n");
    tree.file("glossary.toml", "[[term]]\nid = \"a\"\nname = \"甲\"\ndefinition = \"x\"\n"
                               "[[term]]\nid = \"a\"\nname = \"乙\"\ndefinition = \"y\"\n");
    tree.file("departments/union/department.toml", "name = \"区总工会\"\n");
    tree.file("departments/union/2019.toml", "year = 2018\n");
    tree.file("departments/union/2020.toml", "year = 2020\n[income]\ngeneral_public = -1\ntotal = 5\nother = 1.0000001\n");
    tree.file("departments/finance/department.toml", "nam = \"财政局\"\n");
    tree.file("departments/finance/2020.toml", "year = 2020\n[expenditure]\npersonnel = 1\nbasic = 2\n");
    tree.file("departments/finance/draft.txt", "");
    const RunResult r = run_check_on(tree);
    CHECK(r.status == kExitContentErrors);
    CHECK(r.err ==
          "content/departments/finance/2020.toml:4:9: error: 'basic' in [expenditure] is 2.00 but its parts add up to "
          "1.00\n"
          " 4 | basic = 2\n"
          "   |         ^\n"
          "content/departments/finance/department.toml:1:1: error: missing required key 'name' in department.toml\n"
          " 1 | nam = \"财政局\"\n"
          "   | ^\n"
          "content/departments/finance/department.toml:1:1: error: unknown key 'nam' in department.toml; did you mean "
          "'name'?\n"
          " 1 | nam = \"财政局\"\n"
          "   | ^\n"
          "content/departments/finance/draft.txt: error: unexpected file in a department folder: only "
          "department.toml, <year>.toml, <year>.md, <year>-final.toml and <year>-final.md belong here\n"
          "content/departments/union/2019.toml:1:8: error: 'year' is 2018 but the file name says 2019\n"
          " 1 | year = 2018\n"
          "   |        ^\n"
          "content/departments/union/2020.toml:3:18: error: 'general_public' in [income] must not be negative, got -1\n"
          " 3 | general_public = -1\n"
          "   |                  ^\n"
          "content/departments/union/2020.toml:5:9: error: 'other' in [income] is more precise than the 分: 1.0000001 "
          "万元 has more than 6 decimals\n"
          " 5 | other = 1.0000001\n"
          "   |         ^\n"
          "content/glossary.toml:6:6: error: duplicate term id 'a'; first at line 2\n"
          " 6 | id = \"a\"\n"
          "   |      ^\n"
          "content/site.toml:3:1: error: unknown key 'them' in site.toml; did you mean 'theme'?\n"
          " 3 | them = \"default\"\n"
          "   | ^\n"
          "9 errors in 7 files\n");
}

TEST_CASE("warnings alone exit 0 and --strict turns them into errors", "[validate][run]") {
    ContentTree tree;
    add_minimal_site(tree);
    tree.file("departments/union/2020.toml",
              "year = 2020\n[expenditure]\npersonnel = 31.46\npublic = 4.81\n[operating_expenses]\namount = 0\n");
    const std::string message =
        "operating expenses are 0 while public expenditure is 4.81: check the figure, or say why in [notes] "
        "operating_expenses\n"
        " 6 | amount = 0\n"
        "   |          ^\n";
    const RunResult lenient = run_check_on(tree);
    CHECK(lenient.status == kExitOk);
    CHECK(lenient.err == "content/departments/union/2020.toml:6:10: warning: " + message + "1 warning in 1 file\n");
    const RunResult strict = run_check_on(tree, true);
    CHECK(strict.status == kExitContentErrors);
    CHECK(strict.err == "content/departments/union/2020.toml:6:10: error: " + message + "1 error in 1 file\n");
}

TEST_CASE("the strict option also promotes the warnings that need derived figures", "[validate][run]") {
    ContentTree tree;
    add_minimal_site(tree);
    tree.file("departments/union/2020.toml",
              "year = 2020\n[expenditure]\npersonnel = 31.46\npublic = 4.81\n[printed.share]\npersonnel = 86.75\n");
    const RunResult strict = run_check_on(tree, true);
    CHECK(strict.status == kExitContentErrors);
    CHECK(strict.err ==
          "content/departments/union/2020.toml:6:13: error: the document printed 86.75% but its figures give 86.74%\n"
          " 6 | personnel = 86.75\n"
          "   |             ^\n"
          "1 error in 1 file\n");
}

TEST_CASE("amounts that add up beyond 64 bits end the check with an error, not a crash", "[validate][run]") {
    std::string text = "year = 2020\n";
    for (int i = 0; i < 100; ++i) text += "[[procurement]]\nitem = \"x\"\ntotal = 100000000000\n";
    const RunResult r = run_with_year_file(text);
    CHECK(r.status == kExitContentErrors);
    CHECK(r.err == "gongkai: error: the amounts add up to more than gongkai can hold exactly\n");
}

TEST_CASE("every truncation of a valid year file ends in a report, never a crash", "[validate][run][fuzz]") {
    // Cut at every line end and at a spread of bytes within lines (some of
    // them inside a multi-byte character).
    std::vector<std::size_t> cuts;
    for (std::size_t i = 0; i < kFullYear.size(); ++i) {
        if (kFullYear[i] == '\n' || i % 7 == 0) cuts.push_back(i);
    }
    YearFileRunner run;
    for (std::size_t cut : cuts) {
        INFO("cut at byte " << cut);
        RunResult r;
        REQUIRE_NOTHROW(r = run(kFullYear.substr(0, cut)));
        REQUIRE((r.status == kExitOk || r.status == kExitContentErrors));
        // An error always comes with its report.
        if (r.status == kExitContentErrors) CHECK(r.err.find(" error: ") != std::string::npos);
    }
}

TEST_CASE("random byte damage to a valid year file ends in a report, never a crash", "[validate][run][fuzz]") {
    std::mt19937 random(20200220);  // fixed seed: the same cases every run
    const std::string garbage = std::string("\0\x01\x7f\xff\xfe\xc3\xe4\"'[]{}=.,#\\\n-_e9", 22);
    YearFileRunner run;
    for (int round = 0; round < 300; ++round) {
        std::string text = kFullYear;
        const int edits = 1 + static_cast<int>(random() % 4);
        for (int e = 0; e < edits; ++e) {
            const std::size_t at = random() % text.size();
            const char c = garbage[random() % garbage.size()];
            switch (random() % 3) {
                case 0: text[at] = c; break;
                case 1: text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), c); break;
                default: text.erase(at, 1 + random() % 5); break;
            }
        }
        INFO("round " << round);
        RunResult r;
        REQUIRE_NOTHROW(r = run(text));
        REQUIRE((r.status == kExitOk || r.status == kExitContentErrors));
        if (r.status == kExitContentErrors) CHECK(r.err.find(" error: ") != std::string::npos);
    }
}

TEST_CASE("hostile year files are reported as errors, never crash or hang", "[validate][run][fuzz]") {
    std::string binary;
    for (int i = 0; i < 1024; ++i) binary += static_cast<char>(i % 256);
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"empty file", ""},
        {"binary file", binary},
        {"non-UTF-8 text", "year = 2020\nsource = \"\xff\xfe\xb0\xec\"\n"},
        {"GBK-encoded Chinese", "year = 2020\n[notes]\nother = \"\xce\xd2\xb2\xbf\xc3\xc5\"\n"},
        {"deeply nested arrays", "year = 2020\nx = " + std::string(100000, '[') + std::string(100000, ']') + "\n"},
        {"deeply nested inline tables", "year = 2020\nx = " + [] {
             std::string s;
             for (int i = 0; i < 5000; ++i) s += "{a = ";
             s += "1";
             for (int i = 0; i < 5000; ++i) s += "}";
             return s;
         }() + "\n"},
        {"deeply nested tables", "year = 2020\n[" + [] {
             std::string s = "a";
             for (int i = 0; i < 5000; ++i) s += ".a";
             return s;
         }() + "]\n"},
        {"huge integer", "year = 2020\n[income]\ngeneral_public = 1" + std::string(10000, '0') + "\n"},
        {"huge decimal", "year = 2020\n[income]\ngeneral_public = 1." + std::string(100000, '5') + "\n"},
        {"huge year", "year = 99999999999999999999\n"},
        {"negative year", "year = -2020\n"},
        {"a key a megabyte long", "year = 2020\n" + std::string(1 << 20, 'k') + " = 1\n"},
        {"an unterminated string", "year = 2020\n[notes]\nother = \"" + std::string(100000, 'x')},
        {"an unterminated multi-line string", "year = 2020\n[notes]\nother = \"\"\"\n" + std::string(10000, '\n')},
        {"a NUL in a string", std::string("year = 2020\nsource = \"a\0b\"\n", 30)},
        {"a lone carriage return", "year = 2020\r[income]\rgeneral_public = 1\r"},
        {"a byte-order mark and CRLF", "\xef\xbb\xbfyear = 2020\r\n[income]\r\ngeneral_public = -1\r\n"},
    };
    YearFileRunner run;
    for (const auto& [name, text] : cases) {
        INFO(name);
        RunResult r;
        REQUIRE_NOTHROW(r = run(text));
        CHECK(r.status == kExitContentErrors);
        CHECK(r.err.find("content/departments/union/2020.toml") != std::string::npos);
    }
}

TEST_CASE("thousands of classification rows are checked quickly", "[validate][run][fuzz]") {
    std::string text = "year = 2020\n";
    for (int i = 0; i < 5000; ++i) {
        const std::string code = std::to_string(2010000 + i);  // 7 digits: 201 00 00 … 201 49 99
        text += "[[by_function]]\ncode = \"" + code + "\"\nname = \"项\"\nbasic = 1\nproject = 0\n";
    }
    text += "[[by_function]]\ncode = \"201\"\nname = \"类\"\nbasic = 4999\nproject = 0\n";
    const RunResult r = run_with_year_file(text);
    CHECK(r.status == kExitContentErrors);
    CHECK(r.err.find("[[by_function]] row 201 has basic 4999.00 but the rows under it add up to 5000.00") !=
          std::string::npos);
}
