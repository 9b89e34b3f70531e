// Money, exact to the 分 (0.01 元) whatever unit a file is written in.
//
// An Amount is a count of 分 in a signed 64-bit integer. Inputs are never
// negative (validation rejects them) but derived figures are: a change from
// last year, a balance. Sums that would leave the 64-bit range throw
// AmountOverflow instead of wrapping, so a hostile file cannot produce a
// wrong total silently.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "model/decimal_literal.h"

namespace gk {

enum class Unit : std::uint8_t { yuan, wan_yuan, yi_yuan };

// 分 in one of the unit: 100 for 元, 10^6 for 万元, 10^10 for 亿元.
std::int64_t fen_per_unit(Unit unit);
// Decimals a literal may have and still be exact to the 分: 2, 6, 10.
int max_decimals(Unit unit);
// "元", "万元", "亿元" — the names the contract uses in TOML.
std::string_view unit_name(Unit unit);
std::optional<Unit> parse_unit(std::string_view name);

class AmountOverflow : public std::overflow_error {
public:
    AmountOverflow() : std::overflow_error("amount out of range") {}
};

class Amount {
public:
    constexpr Amount() = default;
    static constexpr Amount from_fen(std::int64_t fen) { return Amount(fen); }

    constexpr std::int64_t fen() const { return fen_; }
    constexpr bool is_zero() const { return fen_ == 0; }
    constexpr bool is_negative() const { return fen_ < 0; }

    Amount operator+(Amount other) const;
    Amount operator-(Amount other) const;
    Amount operator-() const;
    Amount& operator+=(Amount other) { return *this = *this + other; }
    Amount& operator-=(Amount other) { return *this = *this - other; }
    Amount abs() const { return fen_ < 0 ? -*this : *this; }

    constexpr auto operator<=>(const Amount&) const = default;

private:
    constexpr explicit Amount(std::int64_t fen) : fen_(fen) {}
    std::int64_t fen_ = 0;
};

// Largest amount a file may state: 10^15 元, far beyond any budget, and small
// enough that thousands of them still add up inside 64 bits.
inline constexpr std::int64_t kMaxInputFen = 100'000'000'000'000'000;

enum class AmountError { none, not_a_number, negative, too_precise, too_large };

struct AmountParse {
    Amount value;
    AmountError error = AmountError::none;
};

// Parses the literal text of a TOML value written in `unit`.
AmountParse parse_amount(std::string_view literal, Unit unit);

// The exact value in `unit`, with at least `min_decimals` decimals and more
// only when needed to stay exact: (0.27 万元, 2) -> "0.27"; 1 元 in 万元 -> "0.0001".
std::string format_exact(Amount amount, Unit unit, int min_decimals);

// The value in `unit` rounded half away from zero to `decimals` decimals.
std::string format_rounded(Amount amount, Unit unit, int decimals);

// The value in `unit` rounded half away from zero to `decimals` decimals, as a
// scaled integer (e.g. 5.90 万元 at 1 decimal -> 59), for comparisons with
// figures a document printed. `decimals` beyond the unit's own (2, 6, 10)
// scale the 分 up: keep them within 19 more, or the result overflows.
i128 rounded_scaled(Amount amount, Unit unit, int decimals);

// Converts a literal already parsed (such as a printed figure) into 分 when it
// is exact; nullopt when it is finer than the 分 or out of range.
std::optional<Amount> amount_from_literal(const DecimalLiteral& literal, Unit unit);

}  // namespace gk
