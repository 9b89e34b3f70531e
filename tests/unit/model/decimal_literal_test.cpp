#include <catch2/catch.hpp>

#include <string>

#include "model/decimal_literal.h"

using namespace gk;

namespace {

LiteralError error_of(const std::string& text) { return parse_decimal_literal(text).error; }

// "mantissa/scale" with a sign, e.g. "-3627/2", so a failed CHECK shows all three.
std::string parts_of(const std::string& text) {
    const LiteralParse p = parse_decimal_literal(text);
    REQUIRE(p.error == LiteralError::none);
    return std::string(p.value.negative ? "-" : "") + format_scaled(p.value.mantissa, 0) + "/" +
           std::to_string(p.value.scale);
}

}  // namespace

TEST_CASE("a decimal literal keeps its digits and the decimals as written", "[model][decimal]") {
    CHECK(parts_of("36.27") == "3627/2");
    CHECK(parts_of("5.90") == "590/2");
    CHECK(parts_of("0") == "0/0");
    CHECK(parts_of("12") == "12/0");
    CHECK(parts_of("0.000001") == "1/6");
    CHECK(parts_of("60.00") == "6000/2");
}

TEST_CASE("a decimal literal takes an optional sign", "[model][decimal]") {
    CHECK(parts_of("+5") == "5/0");
    CHECK(parts_of("-4.80") == "-480/2");
    CHECK(parts_of("-0") == "-0/0");
    CHECK(error_of("-") == LiteralError::not_plain_decimal);
    CHECK(error_of("+") == LiteralError::not_plain_decimal);
    CHECK(error_of("--5") == LiteralError::not_plain_decimal);
    CHECK(error_of("+-5") == LiteralError::not_plain_decimal);
    CHECK(error_of("5-") == LiteralError::not_plain_decimal);
}

TEST_CASE("underscores are accepted only between two digits, as TOML allows", "[model][decimal]") {
    CHECK(parts_of("1_000") == "1000/0");
    CHECK(parts_of("1_250_000.5") == "12500005/1");
    CHECK(parts_of("0.000_001") == "1/6");
    CHECK(error_of("_1") == LiteralError::not_plain_decimal);
    CHECK(error_of("1_") == LiteralError::not_plain_decimal);
    CHECK(error_of("1__0") == LiteralError::not_plain_decimal);
    CHECK(error_of("1_.5") == LiteralError::not_plain_decimal);
    CHECK(error_of("1._5") == LiteralError::not_plain_decimal);
    CHECK(error_of("-_1") == LiteralError::not_plain_decimal);
}

TEST_CASE("a point needs a digit on both sides", "[model][decimal]") {
    CHECK(error_of(".5") == LiteralError::not_plain_decimal);
    CHECK(error_of("5.") == LiteralError::not_plain_decimal);
    CHECK(error_of(".") == LiteralError::not_plain_decimal);
    CHECK(error_of("-.5") == LiteralError::not_plain_decimal);
    CHECK(error_of("1.2.3") == LiteralError::not_plain_decimal);
}

TEST_CASE("exponents, inf, nan, hex, octal and binary are not plain decimals", "[model][decimal]") {
    for (const char* text : {"1e3", "1E3", "1.5e-3", "3.5e6", "inf", "+inf", "-inf", "nan", "+nan", "-nan",
                             "0x10", "0o17", "0b101", "0xDEAD_BEEF"}) {
        INFO(text);
        CHECK(error_of(text) == LiteralError::not_plain_decimal);
    }
}

TEST_CASE("anything that is not a number at all is rejected", "[model][decimal]") {
    for (const char* text : {"", " 1", "1 ", "36,27", "三十", "1/2", "true", "\"36.27\"", "1\n"}) {
        INFO(text);
        CHECK(error_of(text) == LiteralError::not_plain_decimal);
    }
}

TEST_CASE("a literal holds up to 36 digits, counted on both sides of the point", "[model][decimal]") {
    const std::string digits36(36, '9');
    const LiteralParse max = parse_decimal_literal(digits36);
    REQUIRE(max.error == LiteralError::none);
    CHECK(format_scaled(max.value.mantissa, 0) == digits36);
    CHECK(parse_decimal_literal("0." + std::string(35, '0')).error == LiteralError::none);
    CHECK(error_of(digits36 + "9") == LiteralError::too_long);
    CHECK(error_of(std::string(20, '1') + "." + std::string(17, '1')) == LiteralError::too_long);
    // Underscores are not digits.
    CHECK(parse_decimal_literal(std::string(18, '1') + "_" + std::string(18, '1')).error == LiteralError::none);
}

TEST_CASE("division rounds half away from zero whatever the signs", "[model][decimal]") {
    CHECK(div_round_half_away(5, 2) == 3);    // 2.5
    CHECK(div_round_half_away(-5, 2) == -3);  // -2.5
    CHECK(div_round_half_away(5, -2) == -3);
    CHECK(div_round_half_away(-5, -2) == 3);
    CHECK(div_round_half_away(3, 2) == 2);    // 1.5
    CHECK(div_round_half_away(1, 2) == 1);    // 0.5
    CHECK(div_round_half_away(-1, 2) == -1);
    CHECK(div_round_half_away(4, 3) == 1);    // 1.33
    CHECK(div_round_half_away(-4, 3) == -1);
    CHECK(div_round_half_away(2, 3) == 1);    // 0.67
    CHECK(div_round_half_away(-2, 3) == -1);
    CHECK(div_round_half_away(1, 3) == 0);
    CHECK(div_round_half_away(-1, 3) == 0);
    CHECK(div_round_half_away(0, 7) == 0);
    CHECK(div_round_half_away(14, 7) == 2);
}

TEST_CASE("powers of ten are exact up to 10^36", "[model][decimal]") {
    CHECK(pow10_i128(0) == 1);
    CHECK(pow10_i128(2) == 100);
    CHECK(format_scaled(pow10_i128(36), 0) == "1" + std::string(36, '0'));
}

TEST_CASE("a scaled integer is written with exactly its decimals", "[model][decimal]") {
    CHECK(format_scaled(3627, 2) == "36.27");
    CHECK(format_scaled(-1067, 2) == "-10.67");
    CHECK(format_scaled(5, 2) == "0.05");
    CHECK(format_scaled(-5, 2) == "-0.05");
    CHECK(format_scaled(0, 2) == "0.00");
    CHECK(format_scaled(7, 3) == "0.007");
    CHECK(format_scaled(123, 0) == "123");
    CHECK(format_scaled(0, 0) == "0");
    CHECK(format_scaled(-100, 2) == "-1.00");
    // Past 64 bits, and more decimals than digits.
    CHECK(format_scaled(pow10_i128(30) + 7, 5) == "1" + std::string(25, '0') + ".00007");
    CHECK(format_scaled(-(pow10_i128(25) * 3 + 12), 2) == "-3" + std::string(23, '0') + ".12");
    CHECK(format_scaled(1, 40) == "0." + std::string(39, '0') + "1");
    CHECK(format_scaled(-5, 100) == "-0." + std::string(99, '0') + "5");
    CHECK(format_scaled(static_cast<i128>(UINT64_MAX) + 1, 0) == "18446744073709551616");
}
