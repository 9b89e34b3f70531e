// Percentages with two decimals, rounded half away from zero the way
// published disclosures round them (−4.80 / 45.00 → −10.67%).
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>

#include "model/amount.h"

namespace gk {

class Percent {
public:
    static constexpr int kDecimals = 2;

    constexpr Percent() = default;
    static constexpr Percent from_hundredths(std::int64_t h) { return Percent(h); }

    constexpr std::int64_t hundredths() const { return hundredths_; }
    constexpr auto operator<=>(const Percent&) const = default;

private:
    constexpr explicit Percent(std::int64_t h) : hundredths_(h) {}
    std::int64_t hundredths_ = 0;  // 19.43% is 1943
};

// part / whole × 100, rounded to 2 decimals; nullopt when whole is 0 (a change
// from nothing has no percentage: never inf, never NaN).
std::optional<Percent> percent_of(Amount part, Amount whole);

// part / whole × 100 rounded to `decimals` decimals, as a scaled integer, for
// checking a figure a document printed with its own precision. nullopt when
// whole is 0, or when the result does not fit in 128 bits (a large ratio
// asked for with very many decimals).
std::optional<i128> percent_scaled(Amount part, Amount whole, int decimals);

// "19.43", "-10.67", "0.00".
std::string format_percent(Percent p);

}  // namespace gk
