#include <catch2/catch.hpp>

#include <climits>
#include <string>

#include "model/amount.h"

using namespace gk;

namespace {

// The 分 of a literal that must parse.
std::int64_t fen(const std::string& literal, Unit unit) {
    const AmountParse p = parse_amount(literal, unit);
    INFO(literal);
    REQUIRE(p.error == AmountError::none);
    return p.value.fen();
}

AmountError error_of(const std::string& literal, Unit unit) { return parse_amount(literal, unit).error; }

Amount wan(const std::string& literal) { return Amount::from_fen(fen(literal, Unit::wan_yuan)); }

}  // namespace

TEST_CASE("units convert to 分 exactly: 100 per 元, 10^6 per 万元, 10^10 per 亿元", "[model][amount]") {
    CHECK(fen_per_unit(Unit::yuan) == 100);
    CHECK(fen_per_unit(Unit::wan_yuan) == 1'000'000);
    CHECK(fen_per_unit(Unit::yi_yuan) == 10'000'000'000);
    CHECK(max_decimals(Unit::yuan) == 2);
    CHECK(max_decimals(Unit::wan_yuan) == 6);
    CHECK(max_decimals(Unit::yi_yuan) == 10);
}

TEST_CASE("unit names are the ones the contract writes in TOML", "[model][amount]") {
    CHECK(parse_unit("元") == Unit::yuan);
    CHECK(parse_unit("万元") == Unit::wan_yuan);
    CHECK(parse_unit("亿元") == Unit::yi_yuan);
    CHECK_FALSE(parse_unit("万").has_value());
    CHECK_FALSE(parse_unit("yuan").has_value());
    CHECK_FALSE(parse_unit("").has_value());
    for (Unit u : {Unit::yuan, Unit::wan_yuan, Unit::yi_yuan}) CHECK(parse_unit(unit_name(u)) == u);
}

TEST_CASE("36.27 is exactly 36.27 in every unit, never a binary fraction", "[model][amount]") {
    CHECK(fen("36.27", Unit::yuan) == 3'627);
    CHECK(fen("36.27", Unit::wan_yuan) == 36'270'000);
    CHECK(fen("36.27", Unit::yi_yuan) == 362'700'000'000);
    // 0.1 + 0.2 is 0.3 here.
    CHECK(wan("0.1") + wan("0.2") == wan("0.3"));
    CHECK(fen("0", Unit::wan_yuan) == 0);
    CHECK(fen("12", Unit::wan_yuan) == 12'000'000);
    CHECK(fen("1_250_000", Unit::yuan) == 125'000'000);
    CHECK(fen("+5", Unit::yuan) == 500);
}

TEST_CASE("an amount may have 2 decimals in 元, 6 in 万元 and 10 in 亿元", "[model][amount]") {
    CHECK(fen("0.01", Unit::yuan) == 1);
    CHECK(error_of("0.001", Unit::yuan) == AmountError::too_precise);
    CHECK(fen("0.000001", Unit::wan_yuan) == 1);
    CHECK(error_of("0.0000001", Unit::wan_yuan) == AmountError::too_precise);
    CHECK(error_of("1.2345678", Unit::wan_yuan) == AmountError::too_precise);
    CHECK(fen("1.234567", Unit::wan_yuan) == 1'234'567);
    CHECK(fen("0.0000000001", Unit::yi_yuan) == 1);
    CHECK(error_of("0.00000000001", Unit::yi_yuan) == AmountError::too_precise);
}

TEST_CASE("trailing zeros beyond the unit's decimals are still exact", "[model][amount]") {
    CHECK(fen("1.2300000", Unit::wan_yuan) == 1'230'000);
    CHECK(fen("0.0100000000", Unit::yuan) == 1);
    CHECK(fen("5." + std::string(30, '0'), Unit::yi_yuan) == 50'000'000'000);
    CHECK(error_of("1.2300001", Unit::wan_yuan) == AmountError::too_precise);
}

TEST_CASE("a negative amount is rejected but minus zero is zero", "[model][amount]") {
    CHECK(error_of("-1", Unit::wan_yuan) == AmountError::negative);
    CHECK(error_of("-0.000001", Unit::wan_yuan) == AmountError::negative);
    CHECK(error_of("-36.27", Unit::yuan) == AmountError::negative);
    // Nothing negative is stated by "-0": it is 0, as TOML says.
    CHECK(fen("-0", Unit::wan_yuan) == 0);
    CHECK(fen("-0.00", Unit::yuan) == 0);
}

TEST_CASE("an amount that is not a plain decimal is not a number to gongkai", "[model][amount]") {
    for (const char* text : {"1e3", "3.5e6", "inf", "nan", "-inf", "0x10", "", "abc", ".5", "5."}) {
        INFO(text);
        CHECK(error_of(text, Unit::wan_yuan) == AmountError::not_a_number);
    }
}

TEST_CASE("amounts up to 10^15 元 are accepted and larger ones rejected in every unit", "[model][amount]") {
    CHECK(fen("1000000000000000", Unit::yuan) == kMaxInputFen);
    CHECK(error_of("1000000000000000.01", Unit::yuan) == AmountError::too_large);
    CHECK(fen("100000000000", Unit::wan_yuan) == kMaxInputFen);
    CHECK(error_of("100000000000.000001", Unit::wan_yuan) == AmountError::too_large);
    CHECK(fen("10000000", Unit::yi_yuan) == kMaxInputFen);
    CHECK(error_of("10000000.0000000001", Unit::yi_yuan) == AmountError::too_large);
    CHECK(error_of(std::string(37, '9'), Unit::yuan) == AmountError::too_large);
}

TEST_CASE("a very long amount is too large, not too precise", "[model][amount]") {
    // 36 digits: multiplying by 10^6 or 10^10 before any bound check once
    // overflowed 128 bits and gave a wrong answer.
    CHECK(error_of("999999999999999999999999999999999.5", Unit::wan_yuan) == AmountError::too_large);
    CHECK(error_of("12345678901234567890123456789012345.6", Unit::yi_yuan) == AmountError::too_large);
    CHECK(error_of(std::string(36, '9'), Unit::yi_yuan) == AmountError::too_large);
    // Too precise wins when the digits are both many and too fine.
    CHECK(error_of("0." + std::string(34, '0') + "1", Unit::yi_yuan) == AmountError::too_precise);
}

TEST_CASE("a printed literal converts to 分 when exact, and keeps its sign", "[model][amount]") {
    const auto convert = [](const std::string& text, Unit unit) {
        const LiteralParse p = parse_decimal_literal(text);
        REQUIRE(p.error == LiteralError::none);
        return amount_from_literal(p.value, unit);
    };
    CHECK(convert("5.9", Unit::wan_yuan) == Amount::from_fen(5'900'000));
    CHECK(convert("-4.80", Unit::wan_yuan) == Amount::from_fen(-4'800'000));
    CHECK(convert("1.2300000", Unit::wan_yuan) == Amount::from_fen(1'230'000));
    CHECK_FALSE(convert("0.0000001", Unit::wan_yuan).has_value());
    CHECK_FALSE(convert("100000000000.000001", Unit::wan_yuan).has_value());
    CHECK_FALSE(convert(std::string(36, '9'), Unit::yi_yuan).has_value());
}

TEST_CASE("an exact amount is shown with at least the decimals asked for and more only when needed",
          "[model][amount]") {
    CHECK(format_exact(wan("36.27"), Unit::wan_yuan, 2) == "36.27");
    CHECK(format_exact(wan("5.9"), Unit::wan_yuan, 2) == "5.90");
    CHECK(format_exact(wan("0"), Unit::wan_yuan, 2) == "0.00");
    CHECK(format_exact(wan("12"), Unit::wan_yuan, 0) == "12");
    CHECK(format_exact(Amount::from_fen(100), Unit::wan_yuan, 2) == "0.0001");  // 1 元
    CHECK(format_exact(Amount::from_fen(1), Unit::wan_yuan, 2) == "0.000001");
    CHECK(format_exact(Amount::from_fen(1), Unit::yi_yuan, 2) == "0.0000000001");
    CHECK(format_exact(Amount::from_fen(1), Unit::yuan, 2) == "0.01");
    CHECK(format_exact(Amount::from_fen(-4'800'000), Unit::wan_yuan, 2) == "-4.80");
    CHECK(format_exact(Amount::from_fen(3'627), Unit::yuan, 4) == "36.2700");
}

TEST_CASE("a rounded amount rounds half away from zero, negatives too", "[model][amount]") {
    CHECK(format_rounded(wan("36.275"), Unit::wan_yuan, 2) == "36.28");
    CHECK(format_rounded(-wan("36.275"), Unit::wan_yuan, 2) == "-36.28");
    CHECK(format_rounded(wan("36.274999"), Unit::wan_yuan, 2) == "36.27");
    CHECK(format_rounded(-wan("36.274999"), Unit::wan_yuan, 2) == "-36.27");
    CHECK(format_rounded(wan("0.005"), Unit::wan_yuan, 2) == "0.01");
    CHECK(format_rounded(-wan("0.005"), Unit::wan_yuan, 2) == "-0.01");
    CHECK(format_rounded(wan("0.004999"), Unit::wan_yuan, 2) == "0.00");
    CHECK(format_rounded(wan("2.5"), Unit::wan_yuan, 0) == "3");
    CHECK(format_rounded(-wan("2.5"), Unit::wan_yuan, 0) == "-3");
    CHECK(format_rounded(wan("36.27"), Unit::wan_yuan, 6) == "36.270000");
    CHECK(format_rounded(Amount::from_fen(3'627), Unit::yuan, 4) == "36.2700");
    // 1 元 in 亿元 at 2 decimals
    CHECK(format_rounded(Amount::from_fen(100), Unit::yi_yuan, 2) == "0.00");
}

TEST_CASE("rounded_scaled gives the rounded figure as an integer at the decimals asked", "[model][amount]") {
    CHECK(rounded_scaled(wan("5.90"), Unit::wan_yuan, 1) == 59);
    CHECK(rounded_scaled(wan("5.85"), Unit::wan_yuan, 1) == 59);
    CHECK(rounded_scaled(-wan("5.85"), Unit::wan_yuan, 1) == -59);
    CHECK(rounded_scaled(wan("5.849999"), Unit::wan_yuan, 1) == 58);
    CHECK(rounded_scaled(wan("5.90"), Unit::wan_yuan, 0) == 6);
    CHECK(rounded_scaled(wan("5.90"), Unit::wan_yuan, 8) == 590'000'000);
}

TEST_CASE("amounts add, subtract, negate and compare exactly", "[model][amount]") {
    const Amount a = wan("45.00"), b = wan("40.20");
    CHECK(b - a == -wan("4.80"));
    CHECK((b - a).is_negative());
    CHECK((b - a).abs() == wan("4.80"));
    CHECK((a - a).is_zero());
    CHECK(a > b);
    CHECK(-a < b);
    Amount sum;
    for (int i = 0; i < 3; ++i) sum += wan("0.1");
    CHECK(sum == wan("0.3"));
    sum -= wan("0.3");
    CHECK(sum.is_zero());
}

TEST_CASE("a sum that leaves 64 bits throws AmountOverflow instead of wrapping", "[model][amount]") {
    const Amount max = Amount::from_fen(INT64_MAX);
    const Amount min = Amount::from_fen(INT64_MIN);
    CHECK_THROWS_AS(max + Amount::from_fen(1), AmountOverflow);
    CHECK_THROWS_AS(min - Amount::from_fen(1), AmountOverflow);
    CHECK_THROWS_AS(-min, AmountOverflow);
    CHECK_THROWS_AS(min.abs(), AmountOverflow);
    CHECK_THROWS_WITH(max + max, "amount out of range");
    Amount total = max;
    CHECK_THROWS_AS(total += Amount::from_fen(1), AmountOverflow);
    CHECK(total == max);  // unchanged by the failed addition
    CHECK_NOTHROW(max + min);
    // The largest input fits 92 times over; the 93rd overflows.
    Amount many;
    const Amount largest = Amount::from_fen(kMaxInputFen);
    for (int i = 0; i < 92; ++i) many += largest;
    CHECK_THROWS_AS(many += largest, AmountOverflow);
}
