#include "model/decimal_literal.h"

namespace gk {

namespace {

constexpr int kMaxDigits = 36;  // 10^36 < 2^127: no overflow while accumulating

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

__int128 pow10_i128(int n) {
    __int128 r = 1;
    for (int i = 0; i < n; ++i) r *= 10;
    return r;
}

__int128 div_round_half_away(__int128 numerator, __int128 denominator) {
    const bool negative = (numerator < 0) != (denominator < 0);
    __int128 n = numerator < 0 ? -numerator : numerator;
    __int128 d = denominator < 0 ? -denominator : denominator;
    __int128 q = n / d;
    __int128 rem = n % d;
    if (rem * 2 >= d) ++q;
    return negative ? -q : q;
}

std::string format_scaled(__int128 value, int scale) {
    const bool negative = value < 0;
    unsigned __int128 v = negative ? static_cast<unsigned __int128>(-value)
                                   : static_cast<unsigned __int128>(value);
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
