#include <catch2/catch.hpp>

#include <string>

#include "model/percent.h"

using namespace gk;

namespace {

Amount wan(const std::string& literal) {
    const AmountParse p = parse_amount(literal, Unit::wan_yuan);
    REQUIRE(p.error == AmountError::none);
    return p.value;
}

// percent_of as text, or "null" when there is none.
std::string pct(Amount part, Amount whole) {
    const std::optional<Percent> p = percent_of(part, whole);
    return p ? format_percent(*p) : "null";
}

}  // namespace

TEST_CASE("the percentages of the sample disclosure come out as it printed them", "[model][percent]") {
    // 45.00 → 40.20 is −4.80, −10.67% (spec §6).
    CHECK(pct(wan("40.20") - wan("45.00"), wan("45.00")) == "-10.67");
    // 30.37 → 36.27: +5.90, 19.43%.
    CHECK(pct(wan("5.90"), wan("30.37")) == "19.43");
    // 人员经费 31.46 of 基本支出 36.27: 86.74%; 公用经费 4.81: 13.26%.
    CHECK(pct(wan("31.46"), wan("36.27")) == "86.74");
    CHECK(pct(wan("4.81"), wan("36.27")) == "13.26");
}

TEST_CASE("a change from 0 has no percentage", "[model][percent]") {
    CHECK(pct(wan("5"), wan("0")) == "null");
    CHECK(pct(wan("0"), wan("0")) == "null");
    CHECK_FALSE(percent_scaled(wan("5"), wan("0"), 2).has_value());
}

TEST_CASE("an exact half is rounded away from zero for both signs", "[model][percent]") {
    const Amount one = Amount::from_fen(1), thirty_two = Amount::from_fen(32);
    CHECK(pct(one, thirty_two) == "3.13");   // 3.125
    CHECK(pct(-one, thirty_two) == "-3.13");
    CHECK(pct(one, -thirty_two) == "-3.13");
    CHECK(pct(-one, -thirty_two) == "3.13");
    CHECK(pct(Amount::from_fen(3), thirty_two) == "9.38");  // 9.375
    CHECK(pct(Amount::from_fen(1), Amount::from_fen(160)) == "0.63");  // 0.625
    CHECK(pct(Amount::from_fen(-1), Amount::from_fen(160)) == "-0.63");
    // Just below a half rounds towards zero.
    CHECK(pct(Amount::from_fen(1), Amount::from_fen(64)) == "1.56");  // 1.5625
    CHECK(pct(Amount::from_fen(-1), Amount::from_fen(64)) == "-1.56");
}

TEST_CASE("whole, zero and larger-than-whole parts give plain percentages", "[model][percent]") {
    CHECK(pct(wan("36.27"), wan("36.27")) == "100.00");
    CHECK(pct(wan("0"), wan("36.27")) == "0.00");
    CHECK(pct(wan("72.54"), wan("36.27")) == "200.00");
    CHECK(pct(Amount::from_fen(1), Amount::from_fen(3)) == "33.33");
    CHECK(pct(Amount::from_fen(2), Amount::from_fen(3)) == "66.67");
}

TEST_CASE("a percentage is checked to the decimals a document printed", "[model][percent]") {
    // 5.90 / 30.37 = 19.42706…%
    CHECK(percent_scaled(wan("5.90"), wan("30.37"), 0) == i128{19});
    CHECK(percent_scaled(wan("5.90"), wan("30.37"), 1) == i128{194});
    CHECK(percent_scaled(wan("5.90"), wan("30.37"), 2) == i128{1943});
    CHECK(percent_scaled(wan("5.90"), wan("30.37"), 4) == i128{194271});
    CHECK(percent_scaled(-wan("4.80"), wan("45.00"), 1) == i128{-107});
}

TEST_CASE("a percentage with very many decimals is exact or absent, never wrapped", "[model][percent]") {
    // 1/3 at 30 decimals: 33.333…3 with 30 threes after the point.
    const std::optional<i128> third = percent_scaled(Amount::from_fen(1), Amount::from_fen(3), 30);
    REQUIRE(third.has_value());
    CHECK(format_scaled(*third, 30) == "33." + std::string(30, '3'));
    // 90% of a large figure at 33 decimals still fits in 128 bits.
    const std::optional<i128> share = percent_scaled(wan("900000000"), wan("1000000000"), 33);
    REQUIRE(share.has_value());
    CHECK(format_scaled(*share, 33) == "90." + std::string(33, '0'));
    // 10^17 分 against 1 分 is 10^19 %: with 30 decimals it cannot be held.
    CHECK_FALSE(percent_scaled(Amount::from_fen(kMaxInputFen), Amount::from_fen(1), 30).has_value());
}

TEST_CASE("a ratio too large for a Percent gives none", "[model][percent]") {
    CHECK_FALSE(percent_of(Amount::from_fen(INT64_MAX), Amount::from_fen(1)).has_value());
    // 10^14 分 against 1 分 is 10^18 hundredths of a percent: still a Percent.
    CHECK(percent_of(Amount::from_fen(100'000'000'000'000), Amount::from_fen(1)) ==
          Percent::from_hundredths(1'000'000'000'000'000'000));
}

TEST_CASE("a percent is written with two decimals and its sign", "[model][percent]") {
    CHECK(format_percent(Percent::from_hundredths(1943)) == "19.43");
    CHECK(format_percent(Percent::from_hundredths(-1067)) == "-10.67");
    CHECK(format_percent(Percent::from_hundredths(0)) == "0.00");
    CHECK(format_percent(Percent::from_hundredths(5)) == "0.05");
    CHECK(format_percent(Percent::from_hundredths(-5)) == "-0.05");
    CHECK(Percent::from_hundredths(1) > Percent::from_hundredths(-1));
}
