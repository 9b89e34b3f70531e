#include <catch2/catch.hpp>

#include "model/amount.h"

using namespace gk;

TEST_CASE("an amount is parsed from its literal text exactly", "[model][amount]") {
    const AmountParse p = parse_amount("36.27", Unit::wan_yuan);
    REQUIRE(p.error == AmountError::none);
    CHECK(p.value.fen() == 36'270'000);
}
