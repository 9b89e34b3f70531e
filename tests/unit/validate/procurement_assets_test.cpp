// Our extensions (docs/content-extensions.md): procurement_total and the
// procurement rows; asset items and part_of.
#include <catch2/catch.hpp>

#include "unit/support/content_tree.h"

using namespace gk::test;
using Lines = std::vector<std::string>;

TEST_CASE("a procurement_total that differs from the rows is reported with both numbers", "[validate][procurement]") {
    CHECK(check_year_file(R"(year = 2020
procurement_total = 2
[[procurement]]
item = "计算机"
general_public = 1.10
[[procurement]]
item = "打印机"
total = 0.5
)") == Lines{"departments/union/2020.toml:2:21: error: 'procurement_total' is 2.00 but the [[procurement]] rows add up "
             "to 1.60"});
}

TEST_CASE("a procurement_total stands alone when the rows give no amounts", "[validate][procurement]") {
    CHECK(check_year_file("year = 2020\nprocurement_total = 0\n[[procurement]]\nproject = \"日常公用经费\"\n"
                          "[[procurement]]\nproject = \"工会经费\"\n")
              .empty());
}

TEST_CASE("a procurement row total must equal its funding columns", "[validate][procurement]") {
    CHECK(check_year_file(R"(year = 2020
[[procurement]]
item = "计算机"
general_public = 1.00
other = 0.10
total = 1.2
)") == Lines{"departments/union/2020.toml:6:9: error: 'total' in [[procurement]] is 1.20 but the funding columns add "
             "up to 1.10"});
}

TEST_CASE("a procurement row must equal quantity times unit price", "[validate][procurement]") {
    CHECK(check_year_file(R"(year = 2020
[[procurement]]
item = "计算机"
quantity = 2
unit_price = 0.55
total = 1.2
[[procurement]]
item = "打印机"
quantity = 3
unit_price = 0.5
general_public = 1.4
[[procurement]]
item = "纸"
quantity = 2.5
unit_price = 0.000004
general_public = 0.00001
[[procurement]]
item = "桌子"
quantity = 3.000
unit_price = 0.2
total = 0.6
)") == Lines{"departments/union/2020.toml:6:9: error: 'total' in [[procurement]] is 1.20 but quantity × unit_price is "
             "2 × 0.55 = 1.10",
             "departments/union/2020.toml:10:14: error: the funding columns' sum in [[procurement]] is 1.40 but "
             "quantity × unit_price is 3 × 0.50 = 1.50"});
}

TEST_CASE("a quantity too large to multiply exactly is an error, not a wrapped number", "[validate][procurement]") {
    CHECK(check_year_file("year = 2020\n[[procurement]]\nitem = \"x\"\nquantity = " + std::string(30, '9') +
                          ".0\nunit_price = 100000000\ntotal = 1\n") ==
          Lines{"departments/union/2020.toml:4:12: error: 'quantity' in [[procurement]] is too large or too precise "
                "for quantity × unit_price to be checked exactly"});
}

TEST_CASE("an asset item that is part of an item not listed before it is an error", "[validate][assets]") {
    CHECK(check_year_file(R"(year = 2020
[assets]
total = 0
[[assets.items]]
name = "办公用房"
part_of = "房屋"
[[assets.items]]
name = "房屋"
[[assets.items]]
name = "业务用房"
part_of = "房屋"
[[assets.items]]
name = "车辆"
part_of = "车"
)") == Lines{"departments/union/2020.toml:4:1: error: 'part_of' in [[assets.items]] names '房屋' but no earlier item is "
             "called that",
             "departments/union/2020.toml:12:1: error: 'part_of' in [[assets.items]] names '车' but no earlier item is "
             "called that"});
}
