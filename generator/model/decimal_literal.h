// A decimal number as written in a source file, parsed from its text and
// never through binary floating point: "36.27" is mantissa 3627, scale 2.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gk {

// 128-bit integers for exact intermediate products (GCC extension).
__extension__ typedef __int128 i128;
__extension__ typedef unsigned __int128 u128;

struct DecimalLiteral {
    bool negative = false;
    i128 mantissa = 0;  // the digits without the point, always >= 0
    int scale = 0;          // digits after the point as written ("5.90" -> 2)
    friend bool operator==(const DecimalLiteral&, const DecimalLiteral&) = default;
};

enum class LiteralError {
    none,
    not_plain_decimal,  // exponent, hex, inf, nan, or not a number at all
    too_long,           // more digits than we can hold exactly
};

struct LiteralParse {
    DecimalLiteral value;
    LiteralError error = LiteralError::none;
};

// Accepts what TOML accepts for plain decimals: an optional sign, digits with
// single underscores between them, an optional fraction. Rejects exponents so
// that every amount reads the way a person wrote it.
LiteralParse parse_decimal_literal(std::string_view text);

// 10^n for n in [0, 36].
i128 pow10_i128(int n);

// Divides and rounds half away from zero, as published documents round.
i128 div_round_half_away(i128 numerator, i128 denominator);

// Writes value / 10^scale with exactly `scale` decimals ("-10.67").
std::string format_scaled(i128 value, int scale);

}  // namespace gk
