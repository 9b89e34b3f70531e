// Amounts as the loader reads them (spec §4 "Amounts"): plain decimals,
// never negative, exact to the 分 in the file's unit.
#include <catch2/catch.hpp>

#include "load/load_content.h"
#include "unit/support/content_tree.h"

using namespace gk;
using namespace gk::test;
using Lines = std::vector<std::string>;

TEST_CASE("a negative amount is an error that quotes it", "[load][amount]") {
    CHECK(check_year_file("year = 2020\n[expenditure]\npersonnel = -31.46\npublic = -0\n") ==
          Lines{"departments/union/2020.toml:3:13: error: 'personnel' in [expenditure] must not be negative, got "
                "-31.46"});
}

TEST_CASE("an amount more precise than the 分 is an error that names the unit and its decimals", "[load][amount]") {
    CHECK(check_year_file("year = 2020\n[income]\ngeneral_public = 1.2345678\nother = 1.2300000\n") ==
          Lines{"departments/union/2020.toml:3:18: error: 'general_public' in [income] is more precise than the 分: "
                "1.2345678 万元 has more than 6 decimals"});
    CHECK(check_year_file("year = 2020\nunit = \"元\"\n[income]\ngeneral_public = 362700.001\n") ==
          Lines{"departments/union/2020.toml:4:18: error: 'general_public' in [income] is more precise than the 分: "
                "362700.001 元 has more than 2 decimals"});
    CHECK(check_year_file("year = 2020\nunit = \"亿元\"\n[income]\ngeneral_public = 0.00000000001\n") ==
          Lines{"departments/union/2020.toml:4:18: error: 'general_public' in [income] is more precise than the 分: "
                "0.00000000001 亿元 has more than 10 decimals"});
}

TEST_CASE("an amount in exponent, hex or inf form must be rewritten as a plain decimal", "[load][amount]") {
    CHECK(check_year_file("year = 2020\n[income]\ngeneral_public = 3.5e6\nother = inf\ncarryover = 0x10\n") ==
          Lines{"departments/union/2020.toml:3:18: error: 'general_public' in [income] must be written as a plain "
                "decimal (like 36.27), not '3.5e6'",
                "departments/union/2020.toml:4:9: error: 'other' in [income] must be written as a plain decimal "
                "(like 36.27), not 'inf'",
                "departments/union/2020.toml:5:13: error: 'carryover' in [income] must be written as a plain "
                "decimal (like 36.27), not '0x10'"});
}

TEST_CASE("an amount beyond 10^15 元 is too large, however many digits it has", "[load][amount]") {
    CHECK(check_year_file("year = 2020\n[income]\ngeneral_public = 100000000000.000001\n"
                          "other = 999999999999999999999999999999999.5\n") ==
          Lines{"departments/union/2020.toml:3:18: error: 'general_public' in [income] is too large: "
                "100000000000.000001 万元 (amounts up to 10^15 元 are supported)",
                "departments/union/2020.toml:4:9: error: 'other' in [income] is too large: "
                "999999999999999999999999999999999.5 万元 (amounts up to 10^15 元 are supported)"});
    // An integer beyond 64 bits never reaches gongkai: TOML itself refuses it.
    CHECK(check_year_file("year = 2020\n[income]\nother = 99999999999999999999\n") ==
          Lines{"departments/union/2020.toml:3:29: error: malformed TOML: Error while parsing decimal integer: "
                "'99999999999999999999' is not representable in 64 bits"});
}

TEST_CASE("amounts with underscores or trailing zeros are read exactly as written", "[load][amount]") {
    // 1_000.5 + 0.50000000 = 1001 on both sides: no error means both were read exactly.
    CHECK(check_year_file("year = 2020\n[income]\ngeneral_public = 1_000.5\nother = 0.50000000\ntotal = 1001\n"
                          "[expenditure]\npersonnel = 1001.000000\n")
              .empty());
}

TEST_CASE("a file in 元 is converted exactly to the site unit", "[load][amount]") {
    ContentTree tree;
    add_minimal_site(tree);
    tree.file("departments/union/2020.toml", "year = 2020\nunit = \"元\"\n[expenditure]\npersonnel = 314600\n"
                                             "public = 48100.01\n");
    Diagnostics diagnostics;
    const Content content = load_content(tree.root(), diagnostics);
    CHECK(lines_of(diagnostics, tree.root()).empty());
    REQUIRE(content.departments.size() == 1);
    REQUIRE(content.departments[0].files.size() == 1);
    const BudgetFile& file = content.departments[0].files[0];
    CHECK(file.unit == Unit::yuan);
    CHECK(*file.stated[index(Fig::personnel)] == parse_amount("31.46", Unit::wan_yuan).value);
    CHECK(*file.stated[index(Fig::public_)] == parse_amount("4.810001", Unit::wan_yuan).value);
}

TEST_CASE("a mismatch in a file written in 元 is shown in 元", "[load][amount]") {
    CHECK(check_year_file("year = 2020\nunit = \"元\"\n[expenditure]\npersonnel = 314600\npublic = 48100\n"
                          "basic = 362700.5\n") ==
          Lines{"departments/union/2020.toml:6:9: error: 'basic' in [expenditure] is 362700.50 but its parts add "
                "up to 362700.00"});
}

TEST_CASE("the site unit applies to files that do not name their own", "[load][amount]") {
    ContentTree tree;
    tree.file("site.toml", "title = \"桥西区\"\nregion = \"桥西区\"\nunit = \"元\"\n");
    tree.file("departments/union/department.toml", "name = \"区总工会\"\n");
    tree.file("departments/union/2020.toml", "year = 2020\n[income]\ngeneral_public = 0.001\n");
    CHECK(check_content(tree) ==
          Lines{"departments/union/2020.toml:3:18: error: 'general_public' in [income] is more precise than the 分: "
                "0.001 元 has more than 2 decimals"});
}

TEST_CASE("a count or a quantity must not be negative", "[load][amount]") {
    CHECK(check_year_file(R"(year = 2020
[three_public.counts]
vehicles_owned = -1
[[procurement]]
item = "计算机"
quantity = -2
[assets]
[[assets.items]]
name = "房屋"
quantity = -0.5
)") == Lines{"departments/union/2020.toml:3:18: error: a count in [three_public.counts] must not be negative",
             "departments/union/2020.toml:6:12: error: 'quantity' in [[procurement]] must not be negative",
             "departments/union/2020.toml:10:12: error: 'quantity' in [[assets.items]] must not be negative"});
}

TEST_CASE("a number longer than gongkai holds says so, not that it is not plain", "[load][amount]") {
    CHECK(check_year_file("year = 2020\n[[procurement]]\nitem = \"计算机\"\nquantity = 1." + std::string(36, '0') +
                          "\n") ==
          Lines{"departments/union/2020.toml:4:12: error: 'quantity' in [[procurement]] has too many digits: '1." +
                std::string(36, '0') + "' (at most 36 are supported)"});
}

TEST_CASE("an amount after Chinese text on its line is read from its own characters", "[load][amount]") {
    // toml++ counts columns in characters; the literal is sliced in bytes.
    CHECK(check_year_file("year = 2020\nprocurement = [{item = \"计算机（台式）\", total = 1.2345678, "
                          "unit_price = 3.5e2}]\n") ==
          Lines{"departments/union/2020.toml:2:43: error: 'total' in [[procurement]] is more precise than the 分: "
                "1.2345678 万元 has more than 6 decimals",
                "departments/union/2020.toml:2:67: error: 'unit_price' in [[procurement]] must be written as a plain "
                "decimal (like 36.27), not '3.5e2'"});
}
