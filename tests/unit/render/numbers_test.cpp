// How figures are written on pages: thousands grouped by commas before the
// point, the sign kept, the decimals as they were.
#include <catch2/catch.hpp>

#include "render/numbers.h"

using gk::group_thousands;

TEST_CASE("thousands are grouped before the point, never after it", "[render][numbers]") {
    CHECK(group_thousands("1234567.89") == "1,234,567.89");
    CHECK(group_thousands("1000") == "1,000");
    CHECK(group_thousands("100000") == "100,000");
    CHECK(group_thousands("999") == "999");
    CHECK(group_thousands("123.4567") == "123.4567");
    CHECK(group_thousands("0.00") == "0.00");
    CHECK(group_thousands("-1234.5") == "-1,234.5");
    CHECK(group_thousands("+1234") == "+1,234");
    CHECK(group_thousands("-123") == "-123");
    CHECK(group_thousands("") == "");
}
