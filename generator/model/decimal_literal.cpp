#include "model/decimal_literal.h"

namespace gk {

namespace {

constexpr int kMaxDigits = 36;  // 10^36 < 2^127: no overflow while accumulating

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

i128 pow10_i128(int n) {
    i128 r = 1;
    for (int i = 0; i < n; ++i) r *= 10;
    return r;
}

i128 div_round_half_away(i128 numerator, i128 denominator) {
    const bool negative = (numerator < 0) != (denominator < 0);
    i128 n = numerator < 0 ? -numerator : numerator;
    i128 d = denominator < 0 ? -denominator : denominator;
    i128 q = n / d;
    i128 rem = n % d;
    if (rem * 2 >= d) ++q;
    return negative ? -q : q;
}

std::string format_scaled(i128 value, int scale) {
    const bool negative = value < 0;
    u128 v = negative ? static_cast<u128>(-value)
                                   : static_cast<u128>(value);
    std::string digits;
    do {
        digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
        v /= 10;
    } while (v != 0);
    while (static_cast<int>(digits.size()) <= scale) digits.insert(digits.begin(), '0');
    std::string out = negative ? "-" : "";
    out += digits.substr(0, digits.size() - static_cast<size_t>(scale));
    if (scale > 0) {
        out += '.';
        out += digits.substr(digits.size() - static_cast<size_t>(scale));
    }
    return out;
}

LiteralParse parse_decimal_literal(std::string_view text) {
    LiteralParse result;
    DecimalLiteral& lit = result.value;
    size_t i = 0;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
        lit.negative = text[i] == '-';
        ++i;
    }
    int digits = 0;
    bool seen_point = false;
    bool previous_was_digit = false;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (is_digit(c)) {
            if (++digits > kMaxDigits) {
                result.error = LiteralError::too_long;
                return result;
            }
            lit.mantissa = lit.mantissa * 10 + (c - '0');
            if (seen_point) ++lit.scale;
            previous_was_digit = true;
        } else if (c == '_') {
            // TOML allows an underscore only between two digits.
            if (!previous_was_digit || i + 1 >= text.size() || !is_digit(text[i + 1])) {
                result.error = LiteralError::not_plain_decimal;
                return result;
            }
            previous_was_digit = false;
        } else if (c == '.' && !seen_point && previous_was_digit && i + 1 < text.size() &&
                   is_digit(text[i + 1])) {
            seen_point = true;
            previous_was_digit = false;
        } else {
            result.error = LiteralError::not_plain_decimal;
            return result;
        }
    }
    if (digits == 0) result.error = LiteralError::not_plain_decimal;
    return result;
}

}  // namespace gk
