// The load stage's own rules (spec §7): malformed TOML, missing required
// keys, unknown keys with "did you mean", wrong types.
#include <catch2/catch.hpp>

#include "unit/support/content_tree.h"

using namespace gk::test;
using Lines = std::vector<std::string>;

TEST_CASE("malformed TOML is reported at the parser's position with its explanation", "[load]") {
    CHECK(check_year_file("year = 2020\n[income\ngeneral_public = 36.27\n") ==
          Lines{"departments/union/2020.toml:2:8: error: malformed TOML: Error while parsing table header: "
                "expected ']', saw '\\n'"});
    CHECK(check_year_file("year = 2020\n[income]\ngeneral_public = 36.27\ngeneral_public = 1\n") ==
          Lines{"departments/union/2020.toml:4:18: error: malformed TOML: Error while parsing key-value pair: "
                "cannot redefine existing floating-point 'general_public'"});
}

TEST_CASE("malformed TOML in one file does not hide the problems of the others", "[load]") {
    ContentTree tree;
    tree.file("site.toml", "title = \"桥西区\"\nregion = \"桥西区\n");
    tree.file("glossary.toml", "[[term]]\nid = \"a\"\nname = \"甲\"\ndefinition = \"x\"\ncolour = 1\n");
    tree.file("departments/union/department.toml", "name = \"区总工会\"\n");
    tree.file("departments/union/2020.toml", "year = 2020\nincome = {\n");
    tree.file("departments/union/2021.toml", "year = 2021\n[income]\ngeneral_public = -1\n");
    CHECK(check_content(tree) ==
          Lines{"departments/union/2020.toml:2:11: error: malformed TOML: Error while parsing inline table: "
                "expected key or closing '}', saw '\\n'",
                "departments/union/2021.toml:3:18: error: 'general_public' in [income] must not be negative, got -1",
                "glossary.toml:5:1: error: unknown key 'colour' in [[term]]",
                "site.toml:2:14: error: malformed TOML: Error while parsing string: unescaped control characters "
                "other than TAB (U+0009) are explicitly prohibited"});
}

TEST_CASE("a missing required key is reported at the table that lacks it", "[load]") {
    ContentTree tree;
    tree.file("site.toml", "title = \"桥西区部门预决算公开\"\n");
    tree.file("departments/union/department.toml", "short = \"区总工会\"\n");
    tree.file("departments/union/2020.toml", "published = 2020-02-20\n\n[[by_function]]\ncode = \"2012901\"\ntotal = 1\n");
    tree.file("glossary.toml", "[[term]]\nname = \"三公\"\n");
    CHECK(check_content(tree) ==
          Lines{"departments/union/2020.toml:1:1: error: missing required key 'year' in the top level",
                "departments/union/2020.toml:3:1: error: missing required key 'name' in [[by_function]]",
                "departments/union/department.toml:1:1: error: missing required key 'name' in department.toml",
                "glossary.toml:1:1: error: missing required key 'definition' in [[term]]",
                "glossary.toml:1:1: error: missing required key 'id' in [[term]]",
                "site.toml:1:1: error: missing required key 'region' in site.toml"});
}

TEST_CASE("an unknown key is an error with the key it was probably meant to be", "[load]") {
    CHECK(check_year_file("year = 2020\n[expenditure]\npersonel = 31.46\npublic = 4.81\n") ==
          Lines{"departments/union/2020.toml:3:1: error: unknown key 'personel' in [expenditure]; did you mean "
                "'personnel'?"});
    CHECK(check_year_file("year = 2020\n[incom]\ngeneral_public = 36.27\n") ==
          Lines{"departments/union/2020.toml:2:2: error: unknown key 'incom' in the top level; did you mean 'income'?"});
    CHECK(check_year_file("yaer = 2020\n") ==
          Lines{"departments/union/2020.toml:1:1: error: missing required key 'year' in the top level",
                "departments/union/2020.toml:1:1: error: unknown key 'yaer' in the top level; did you mean 'year'?"});
}

TEST_CASE("an unknown key with nothing close to it is an error without a suggestion", "[load]") {
    CHECK(check_year_file("year = 2020\ncolour = \"red\"\n[three_public.counts]\nvehicles = 2\n") ==
          Lines{"departments/union/2020.toml:2:1: error: unknown key 'colour' in the top level",
                "departments/union/2020.toml:4:1: error: unknown key 'vehicles' in [three_public.counts]"});
}

TEST_CASE("unknown keys are found in every table, nested ones and rows included", "[load]") {
    CHECK(check_year_file(R"(year = 2020
[previous]
expenditure_totl = 30.37
[printed.share]
personel = 86.74
[printed.change.expenditure_total]
percnt = 19.43
[[by_function]]
code = "2012901"
name = "行政运行"
total = 1
fnd = "general_public"
[notes]
opreating_expenses = "由工会经费支出"
)") == Lines{"departments/union/2020.toml:3:1: error: unknown key 'expenditure_totl' in [previous]; did you mean "
             "'expenditure_total'?",
             "departments/union/2020.toml:5:1: error: unknown key 'personel' in [printed.share]; did you mean "
             "'personnel'?",
             "departments/union/2020.toml:7:1: error: unknown key 'percnt' in [printed.change.expenditure_total]; "
             "did you mean 'percent'?",
             "departments/union/2020.toml:12:1: error: unknown key 'fnd' in [[by_function]]; did you mean 'fund'?",
             "departments/union/2020.toml:14:1: error: unknown key 'opreating_expenses' in [notes]; did you mean "
             "'operating_expenses'?"});
}

TEST_CASE("a key of the wrong type names the type expected and the type found", "[load]") {
    ContentTree tree;
    tree.file("site.toml", "title = \"桥西区\"\nregion = \"桥西区\"\ndecimals = \"2\"\n");
    tree.file("departments/union/department.toml", "name = 3\norder = 1.5\nillustrative = \"no\"\n");
    tree.file("departments/union/2020.toml", R"(year = "2020"
published = "2020-02-20"
income = 36.27
[expenditure]
personnel = "31.46"
[[by_economic]]
code = "30101"
name = "基本工资"
amount = [12.30]
)");
    CHECK(check_content(tree) ==
          Lines{"departments/union/2020.toml:1:8: error: 'year' in the top level must be an integer, got a string",
                "departments/union/2020.toml:2:13: error: 'published' in the top level must be a date (like "
                "2020-02-20), got a string",
                "departments/union/2020.toml:3:10: error: 'income' in the top level must be a table, got a decimal "
                "number",
                "departments/union/2020.toml:5:13: error: 'personnel' in [expenditure] must be an amount (a number "
                "like 36.27), got a string",
                "departments/union/2020.toml:9:10: error: 'amount' in [[by_economic]] must be an amount (a number "
                "like 36.27), got an array",
                "departments/union/department.toml:1:8: error: 'name' in department.toml must be a string, got an "
                "integer",
                "departments/union/department.toml:2:9: error: 'order' in department.toml must be an integer, got a "
                "decimal number",
                "departments/union/department.toml:3:16: error: 'illustrative' in department.toml must be true or "
                "false, got a string",
                "site.toml:3:12: error: 'decimals' in site.toml must be an integer, got a string"});
}

TEST_CASE("rows and lists report each element of the wrong type", "[load]") {
    ContentTree tree;
    add_minimal_site(tree);
    tree.file("glossary.toml", "[[term]]\nid = \"three-public\"\nname = \"三公经费\"\naliases = [\"三公\", 3]\n"
                               "definition = \"x\"\n");
    tree.file("departments/union/2020.toml", "year = 2020\nby_function = [1, \"行政运行\"]\n");
    CHECK(check_content(tree) ==
          Lines{"departments/union/2020.toml:2:16: error: each element of 'by_function' must be a table, got an "
                "integer",
                "departments/union/2020.toml:2:19: error: each element of 'by_function' must be a table, got a string",
                "glossary.toml:4:18: error: each element of 'aliases' in [[term]] must be a string, got an integer"});
}

TEST_CASE("a key that takes one of a few words names them all", "[load]") {
    ContentTree tree;
    tree.file("site.toml", "title = \"桥西区\"\nregion = \"桥西区\"\nunit = \"万\"\nlanguage = \"zh\"\n");
    tree.file("departments/union/department.toml", "name = \"区总工会\"\n");
    tree.file("departments/union/2020.toml", R"(year = 2020
[previous]
basis = "budgte"
[[by_economic]]
code = "30101"
name = "基本工资"
amount = 1
scope = "basics"
)");
    CHECK(check_content(tree) ==
          Lines{"departments/union/2020.toml:3:9: error: 'basis' in [previous] must be 'budget', 'execution', "
                "'final' or 'adjusted', got 'budgte'; did you mean 'budget'?",
                "departments/union/2020.toml:8:9: error: 'scope' in [[by_economic]] must be 'basic' or 'project', got "
                "'basics'; did you mean 'basic'?",
                "site.toml:3:8: error: 'unit' in site.toml must be '元', '万元' or '亿元', got '万'",
                "site.toml:4:12: error: 'language' in site.toml must be 'zh-CN' or 'en', got 'zh'"});
}

TEST_CASE("site settings out of range are reported with what is allowed", "[load]") {
    ContentTree tree;
    tree.file("site.toml", "title = \"桥西区\"\nregion = \"桥西区\"\ndecimals = 7\nbase_url = \"example.gov.cn\"\n"
                           "tolerance = -0.01\nsearch_pack_pages = 0\n");
    tree.file("departments/union/department.toml", "name = \"区总工会\"\n");
    CHECK(check_content(tree) ==
          Lines{"site.toml:3:12: error: 'decimals' in site.toml must be between 0 and 6 for amounts in 万元",
                "site.toml:4:12: error: 'base_url' in site.toml must be empty or an absolute http(s) URL ending in "
                "'/', got 'example.gov.cn'",
                "site.toml:5:13: error: 'tolerance' in site.toml must not be negative, got -0.01",
                "site.toml:6:21: error: 'search_pack_pages' in site.toml must be between 1 and 1000000, got 0"});
}

TEST_CASE("a narrative indicator value must be a number unless the indicator is qualitative", "[load]") {
    CHECK(check_year_file(R"(year = 2020
[[performance.indicators]]
level1 = "产出指标"
operator = ">="
value = "六十"
[[performance.indicators]]
level1 = "效益指标"
operator = "定性"
value = "优良"
[[performance.indicators]]
operator = "≈"
value = 1e2
)") == Lines{"departments/union/2020.toml:5:9: error: 'value' in [[performance.indicators]] must be a number, got a "
             "string",
             "departments/union/2020.toml:11:12: error: 'operator' in [[performance.indicators]] must be '>=', '<=', "
             "'=', '>', '<', '≥', '≤' or '定性', got '≈'; did you mean '≥'?",
             "departments/union/2020.toml:12:9: error: 'value' in [[performance.indicators]] must be written as a "
             "plain decimal (like 60.00), not '1e2'"});
}
