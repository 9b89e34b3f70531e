#include "model/amount.h"

namespace gk {

std::int64_t fen_per_unit(Unit unit) {
    switch (unit) {
        case Unit::yuan: return 100;
        case Unit::wan_yuan: return 1'000'000;
        case Unit::yi_yuan: return 10'000'000'000;
    }
    return 100;
}

int max_decimals(Unit unit) {
    switch (unit) {
        case Unit::yuan: return 2;
        case Unit::wan_yuan: return 6;
        case Unit::yi_yuan: return 10;
    }
    return 2;
}

std::string_view unit_name(Unit unit) {
    switch (unit) {
        case Unit::yuan: return "元";
        case Unit::wan_yuan: return "万元";
        case Unit::yi_yuan: return "亿元";
    }
    return "元";
}

std::optional<Unit> parse_unit(std::string_view name) {
    if (name == "元") return Unit::yuan;
    if (name == "万元") return Unit::wan_yuan;
    if (name == "亿元") return Unit::yi_yuan;
    return std::nullopt;
}

Amount Amount::operator+(Amount other) const {
    std::int64_t r;
    if (__builtin_add_overflow(fen_, other.fen_, &r)) throw AmountOverflow();
    return Amount(r);
}

Amount Amount::operator-(Amount other) const {
    std::int64_t r;
    if (__builtin_sub_overflow(fen_, other.fen_, &r)) throw AmountOverflow();
    return Amount(r);
}

Amount Amount::operator-() const { return Amount(0) - *this; }

namespace {

// The count of 分 a literal means in `unit`: mantissa × 10^(decimals − scale).
// Trailing zeros beyond the unit's decimals change nothing ("1.2300000" 万元),
// so they go first; then the mantissa is bounded before it is multiplied.
// Multiplying first overflowed 128 bits for a long literal (36 digits × 10^10
// for 亿元) and reported a 34-digit amount as "more precise than the 分".
AmountError literal_to_fen(const DecimalLiteral& literal, Unit unit, i128& fen) {
    i128 mantissa = literal.mantissa;
    int scale = literal.scale;
    const int full = max_decimals(unit);
    while (scale > full && mantissa % 10 == 0) {
        mantissa /= 10;
        --scale;
    }
    if (scale > full) return AmountError::too_precise;
    if (mantissa > kMaxInputFen) return AmountError::too_large;  // the 分 are at least the mantissa
    fen = mantissa * pow10_i128(full - scale);                   // at most 10^17 × 10^10
    if (fen > kMaxInputFen) return AmountError::too_large;
    return AmountError::none;
}

}  // namespace

std::optional<Amount> amount_from_literal(const DecimalLiteral& literal, Unit unit) {
    i128 fen = 0;
    if (literal_to_fen(literal, unit, fen) != AmountError::none) return std::nullopt;
    return Amount::from_fen(static_cast<std::int64_t>(literal.negative ? -fen : fen));
}

AmountParse parse_amount(std::string_view literal, Unit unit) {
    AmountParse result;
    const LiteralParse parsed = parse_decimal_literal(literal);
    if (parsed.error == LiteralError::not_plain_decimal) {
        result.error = AmountError::not_a_number;
        return result;
    }
    if (parsed.error == LiteralError::too_long) {
        result.error = AmountError::too_large;
        return result;
    }
    const DecimalLiteral& lit = parsed.value;
    if (lit.negative && lit.mantissa != 0) {
        result.error = AmountError::negative;
        return result;
    }
    i128 fen = 0;
    result.error = literal_to_fen(lit, unit, fen);
    if (result.error == AmountError::none) result.value = Amount::from_fen(static_cast<std::int64_t>(fen));
    return result;
}

std::string format_exact(Amount amount, Unit unit, int min_decimals) {
    const int full = max_decimals(unit);
    // One 分 is 10^-full of the unit (fen_per_unit is 10^full): the count of
    // 分 is the value scaled to `full` decimals.
    i128 scaled = amount.fen();
    int decimals = full;
    while (decimals > min_decimals && scaled % 10 == 0) {
        scaled /= 10;
        --decimals;
    }
    if (decimals < min_decimals) {
        scaled *= pow10_i128(min_decimals - decimals);
        decimals = min_decimals;
    }
    return format_scaled(scaled, decimals);
}

i128 rounded_scaled(Amount amount, Unit unit, int decimals) {
    const int full = max_decimals(unit);
    const i128 scaled = amount.fen();  // the value at `full` decimals
    if (decimals >= full) return scaled * pow10_i128(decimals - full);
    return div_round_half_away(scaled, pow10_i128(full - decimals));
}

std::string format_rounded(Amount amount, Unit unit, int decimals) {
    return format_scaled(rounded_scaled(amount, unit, decimals), decimals);
}

}  // namespace gk
