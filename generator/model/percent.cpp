#include "model/percent.h"

#include <cstdint>

#include "model/decimal_literal.h"

namespace gk {

std::optional<i128> percent_scaled(Amount part, Amount whole, int decimals) {
    if (whole.is_zero()) return std::nullopt;
    const i128 numerator = static_cast<i128>(part.fen()) * 100 * pow10_i128(decimals);
    return div_round_half_away(numerator, whole.fen());
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
