#include "model/decimal_literal.h"

#include <algorithm>
#include <cstdint>

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
    const u128 n = numerator < 0 ? -static_cast<u128>(numerator) : static_cast<u128>(numerator);
    const u128 d = denominator < 0 ? -static_cast<u128>(denominator) : static_cast<u128>(denominator);
    u128 q, rem;
    if (n <= UINT64_MAX && d <= UINT64_MAX) {
        // In 64 bits, as nearly every amount and share is: a 128-bit
        // division is a library call, and this runs for every figure.
        q = static_cast<std::uint64_t>(n) / static_cast<std::uint64_t>(d);
        rem = static_cast<std::uint64_t>(n) % static_cast<std::uint64_t>(d);
    } else {
        q = n / d;
        rem = n % d;
    }
    if (rem >= d - rem) ++q;  // rem * 2 >= d, without overflow
    return negative ? -static_cast<i128>(q) : static_cast<i128>(q);
}

std::string format_scaled(i128 value, int scale) {
    // Digits from the last, into a buffer of zeros as long as the most
    // digits a value has (39) or its decimals and the one before the point;
    // on the stack, and in 64 bits once the value fits, as every amount of
    // a disclosure does (a 128-bit division by 10 is a library call, and
    // this runs for every figure of every page).
    const bool negative = value < 0;
    u128 v = negative ? static_cast<u128>(-value) : static_cast<u128>(value);
    const std::size_t decimals = scale > 0 ? static_cast<std::size_t>(scale) : 0;
    char local[96];
    std::string large;  // for a scale past what `local` holds
    const std::size_t size = std::max<std::size_t>(41, decimals + 3);
    char* const begin = size <= sizeof local ? local : (large.resize(size), large.data());
    std::fill(begin, begin + size, '0');
    char* const end = begin + size;
    char* p = end;
    while (v > UINT64_MAX) {
        *--p = static_cast<char>('0' + static_cast<int>(v % 10));
        v /= 10;
    }
    for (auto small = static_cast<std::uint64_t>(v); small != 0; small /= 10) *--p = static_cast<char>('0' + small % 10);
    // At least one digit before the point: the zeros the buffer holds.
    const std::size_t written = static_cast<std::size_t>(end - p);
    const std::size_t digits = std::max(written, decimals + 1);
    const char* first = end - digits;
    std::string out;
    out.reserve(digits + 2);
    if (negative) out += '-';
    out.append(first, digits - decimals);
    if (decimals > 0) {
        out += '.';
        out.append(end - decimals, decimals);
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
