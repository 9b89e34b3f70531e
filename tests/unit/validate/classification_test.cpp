// 功能分类 / 经济分类 rules of spec §7: codes, parent rows against their
// children, and the basic column of the two tables against each other.
#include <catch2/catch.hpp>

#include "unit/support/content_tree.h"

using namespace gk::test;
using Lines = std::vector<std::string>;

TEST_CASE("a by_function code that is not 3, 5 or 7 digits is an error", "[validate][classification]") {
    CHECK(check_year_file(R"(year = 2020
[[by_function]]
code = "2012"
name = "四位"
total = 1
[[by_function]]
code = 20129011
name = "八位"
total = 1
[[by_function]]
code = "201a9"
name = "字母"
total = 1
[[by_function]]
name = "只有名称"
total = 1
)") == Lines{"departments/union/2020.toml:3:8: error: 'code' in [[by_function]] must be 3 (类), 5 (款) or 7 (项) digits, "
             "got '2012'",
             "departments/union/2020.toml:7:8: error: 'code' in [[by_function]] must be 3 (类), 5 (款) or 7 (项) digits, "
             "got '20129011'",
             "departments/union/2020.toml:11:8: error: 'code' in [[by_function]] must be 3 (类), 5 (款) or 7 (项) "
             "digits, got '201a9'"});
}

TEST_CASE("a by_economic code that is not 3 or 5 digits is an error", "[validate][classification]") {
    CHECK(check_year_file("year = 2020\n[[by_economic]]\ncode = \"3010\"\nname = \"x\"\namount = 1\n") ==
          Lines{"departments/union/2020.toml:3:8: error: 'code' in [[by_economic]] must be 3 (类) or 5 (款) digits, got "
                "'3010'"});
}

TEST_CASE("a parent row that differs from the sum of its given children is reported once with both numbers",
          "[validate][classification]") {
    CHECK(check_year_file(R"(year = 2020
[[by_function]]
code = "201"
name = "一般公共服务支出"
basic = 40
project = 0
[[by_function]]
code = "20129"
name = "群众团体事务"
basic = 36.27
project = 0
[[by_function]]
code = "2012901"
name = "行政运行"
basic = 36.27
project = 0
)") == Lines{"departments/union/2020.toml:3:8: error: [[by_function]] row 201 has basic 40.00 but the rows under it "
             "add up to 36.27"});
}

TEST_CASE("a parent row is compared with the 款 its 项 rows imply", "[validate][classification]") {
    CHECK(check_year_file(R"(year = 2020
[[by_function]]
code = "201"
name = "一般公共服务支出"
total = 10
[[by_function]]
code = "2012901"
name = "行政运行"
total = 6
[[by_function]]
code = "2012902"
name = "一般行政管理事务"
total = 3
)") == Lines{"departments/union/2020.toml:3:8: error: [[by_function]] row 201 has total 10.00 but the rows under it "
             "add up to 9.00"});
}

TEST_CASE("each column of a parent row is checked: a project difference is named", "[validate][classification]") {
    CHECK(check_year_file(R"(year = 2020
[[by_function]]
code = "20129"
name = "群众团体事务"
basic = 8
project = 0
[[by_function]]
code = "2012901"
name = "行政运行"
basic = 8
project = 1
)") == Lines{"departments/union/2020.toml:3:8: error: [[by_function]] row 20129 has project 0.00 but the rows under it "
             "add up to 1.00"});
}

TEST_CASE("a by_economic parent row is checked against its 款 rows", "[validate][classification]") {
    CHECK(check_year_file(R"(year = 2020
[[by_economic]]
code = "301"
name = "工资福利支出"
amount = 12
[[by_economic]]
code = "30101"
name = "基本工资"
amount = 12.30
)") == Lines{"departments/union/2020.toml:3:8: error: [[by_economic]] row 301 has amount 12.00 but the rows under it add "
             "up to 12.30"});
}

TEST_CASE("funds and scopes are separate tables: rows of another fund are not children", "[validate][classification]") {
    CHECK(check_year_file(R"(year = 2020
[[by_function]]
code = "201"
name = "一般公共服务支出"
total = 1
[[by_function]]
code = "20129"
name = "群众团体事务"
total = 1
[[by_function]]
code = "20129"
name = "群众团体事务"
total = 5
fund = "government_fund"
)").empty());
}

TEST_CASE("the basic column of by_function must equal the basic rows of by_economic", "[validate][classification]") {
    CHECK(check_year_file(R"(year = 2020
[[by_function]]
code = "2012901"
name = "行政运行"
basic = 36.27
project = 0
[[by_function]]
code = "2130101"
name = "行政运行"
basic = 5
project = 0
fund = "government_fund"
[[by_economic]]
code = "30201"
name = "办公费"
amount = 7
scope = "project"
[[by_economic]]
code = "30101"
name = "基本工资"
amount = 12.30
[[by_economic]]
code = "30201"
name = "办公费"
amount = 4.81
)") == Lines{"departments/union/2020.toml:18:1: error: the basic rows of [[by_economic]] add up to 17.11 but the basic "
             "column of the general_public [[by_function]] rows adds up to 36.27"});
}

TEST_CASE("by_function and by_economic that agree pass", "[validate][classification]") {
    CHECK(check_year_file(R"(year = 2020
[[by_function]]
code = "201"
name = "一般公共服务支出"
basic = 36.27
project = 0
[[by_function]]
code = "2012901"
name = "行政运行"
basic = 36.27
project = 0
[[by_economic]]
code = "301"
name = "工资福利支出"
amount = 31.46
[[by_economic]]
code = "30101"
name = "基本工资"
amount = 31.46
[[by_economic]]
code = "302"
name = "商品和服务支出"
amount = 4.81
)").empty());
}

TEST_CASE("a code given twice in one table is an error that points at the first", "[validate][classification]") {
    CHECK(check_year_file(R"(year = 2020
[[by_function]]
code = "2012901"
name = "行政运行"
total = 1
[[by_function]]
code = 2012901
name = "行政运行"
total = 1
[[by_economic]]
code = "30101"
name = "基本工资"
amount = 1
[[by_economic]]
code = "30101"
name = "基本工资"
amount = 1
)") == Lines{"departments/union/2020.toml:7:8: error: code 2012901 appears twice in [[by_function]] (fund "
             "general_public)"
             "; first at line 3",
             "departments/union/2020.toml:15:8: error: code 30101 appears twice in [[by_economic]]; first at line 11"});
}

TEST_CASE("a by_function row needs its figures and a stated row total must add up", "[validate][classification]") {
    CHECK(check_year_file(R"(year = 2020
[[by_function]]
code = "2012901"
name = "行政运行"
[[by_function]]
code = "2012902"
name = "一般行政管理事务"
basic = 8
project = 1
total = 8
[[by_economic]]
code = "30101"
name = "基本工资"
)") == Lines{"departments/union/2020.toml:2:1: error: a [[by_function]] row needs 'basic' and 'project', or 'total'",
             "departments/union/2020.toml:10:9: error: 'total' in [[by_function]] is 8.00 but basic + project is 9.00",
             "departments/union/2020.toml:11:1: error: a [[by_economic]] row needs 'amount'"});
}

TEST_CASE("by_function and by_economic are compared only when every general public row gives its basic", "[validate][classification]") {
    // The second row gives only its total: the basic column of by_function is
    // not known, so there is nothing to compare with by_economic's 3.
    CHECK(check_year_file(R"(year = 2020
[[by_function]]
code = "2012901"
name = "行政运行"
basic = 10
project = 0
[[by_function]]
code = "2012902"
name = "一般行政管理事务"
total = 4
[[by_economic]]
code = "30101"
name = "基本工资"
amount = 3
)")
              .empty());
}
