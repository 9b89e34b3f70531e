#include "model/percent.h"

#include <cstdint>

#include "model/decimal_literal.h"

namespace gk {

std::optional<i128> percent_scaled(Amount part, Amount whole, int decimals) {
    if (whole.is_zero()) return std::nullopt;
    // Long division, one decimal at a time: part × 100 × 10^decimals overflowed
    // 128 bits for a figure printed with many decimals (a hostile or mistyped
    // [printed] value) and gave a wrong percentage instead of none.
    const bool negative = part.is_negative() != whole.is_negative();
    const i128 divisor = whole.fen() < 0 ? -static_cast<i128>(whole.fen()) : static_cast<i128>(whole.fen());
    const i128 numerator = (part.fen() < 0 ? -static_cast<i128>(part.fen()) : static_cast<i128>(part.fen())) * 100;
    i128 quotient = numerator / divisor;
    i128 remainder = numerator % divisor;
    for (int i = 0; i < decimals; ++i) {
        remainder *= 10;  // remainder < divisor < 2^64: no overflow
        if (__builtin_mul_overflow(quotient, 10, &quotient) ||
            __builtin_add_overflow(quotient, remainder / divisor, &quotient))
            return std::nullopt;
        remainder %= divisor;
    }
    if (remainder * 2 >= divisor && __builtin_add_overflow(quotient, 1, &quotient)) return std::nullopt;
    return negative ? -quotient : quotient;
}

std::optional<Percent> percent_of(Amount part, Amount whole) {
    const auto scaled = percent_scaled(part, whole, Percent::kDecimals);
    if (!scaled) return std::nullopt;
    // Only absurd ratios (a huge change from 1 分) leave 64 bits: no figure then.
    constexpr i128 limit = INT64_MAX;
    if (*scaled > limit || *scaled < -limit) return std::nullopt;
    return Percent::from_hundredths(static_cast<std::int64_t>(*scaled));
}

std::string format_percent(Percent p) { return format_scaled(p.hundredths(), Percent::kDecimals); }

}  // namespace gk
