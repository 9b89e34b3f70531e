// A procurement row without a total is worth quantity × unit price, when
// that product is a whole number of 分 and fits.
#include <catch2/catch.hpp>

#include "compute/resolve_figures.h"
#include "model/decimal_literal.h"

using namespace gk;

namespace {

ProcurementRow row_of(i128 mantissa, int scale, std::int64_t unit_price_fen) {
    ProcurementRow row;
    row.quantity.value = DecimalLiteral{false, mantissa, scale};
    row.unit_price.value = Amount::from_fen(unit_price_fen);
    return row;
}

}  // namespace

TEST_CASE("quantity times unit price gives a row without a total its amount", "[compute][procurement]") {
    // 2.5 units at 1.20 元 is 3.00 元.
    const auto total = procurement_product(row_of(25, 1, 120));
    REQUIRE(total.has_value());
    CHECK(total->fen() == 300);
}

TEST_CASE("a product finer than the fen gives no amount", "[compute][procurement]") {
    // 0.5 units at 0.01 元 is half a 分.
    CHECK_FALSE(procurement_product(row_of(5, 1, 1)).has_value());
}

TEST_CASE("a product beyond 128 bits gives no amount instead of wrapping around", "[compute][procurement]") {
    // 36 nines times 10^17 分 does not fit in 128 bits.
    i128 nines = 0;
    for (int i = 0; i < 36; ++i) nines = nines * 10 + 9;
    CHECK_FALSE(procurement_product(row_of(nines, 0, 100'000'000'000'000'000)).has_value());
    // 10^20 units at 1 分 fits in 128 bits but not among the amounts gongkai holds.
    i128 big = 1;
    for (int i = 0; i < 20; ++i) big *= 10;
    CHECK_FALSE(procurement_product(row_of(big, 0, 1)).has_value());
}
