// The named figures of a department-year (spec §6): every amount a file can
// state or the compute stage derives, with the name used for it in
// `[previous]`, `[printed]`, the JSON and the CSV.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace gk {

enum class Fig : std::uint8_t {
    // 收入 — the income sources, then their total.
    general_public,
    government_fund,
    state_capital,
    special_account,
    business,
    income_business_operation,
    superior_subsidy,
    subsidiary_remit,
    non_fiscal_balance,
    unit_funds,
    income_other,
    carryover,
    income_total,
    // 支出
    personnel,
    public_,
    basic,
    project,
    remit_superior,
    expenditure_business_operation,
    subsidiary_subsidy,
    expenditure_other,
    expenditure_total,
    carry_forward,
    // 财政拨款“三公”经费
    outbound,
    vehicle_purchase,
    vehicle_operation,
    vehicle_total,
    reception,
    three_public_total,
    // single figures
    operating_expenses,
    meeting,
    training,
    procurement_total,
    // derived only
    balance,
    count
};

inline constexpr std::size_t kFigCount = static_cast<std::size_t>(Fig::count);

inline constexpr std::size_t index(Fig f) { return static_cast<std::size_t>(f); }

// Where a figure lives in a `<year>.toml` and in the JSON: section and key.
// `section` is empty for figures that are not in any file (balance).
struct FigureInfo {
    Fig fig;
    std::string_view name;     // unique name: "income_other", "expenditure_total"
    std::string_view section;  // "income", "expenditure", "three_public", ...
    std::string_view key;      // key inside the section: "other", "total"
};

const FigureInfo& figure_info(Fig f);
std::span<const FigureInfo> all_figures();
std::optional<Fig> figure_by_name(std::string_view name);
// The figure a key of a section means, e.g. ("income", "other") -> income_other.
std::optional<Fig> figure_by_section_key(std::string_view section, std::string_view key);

// A total and the parts it is the sum of (spec §4 "Totals and parts").
struct TotalRule {
    Fig total;
    std::span<const Fig> parts;
};

// In dependency order: a total that is a part of another comes first
// (basic before expenditure_total, vehicle_total before three_public_total).
std::span<const TotalRule> total_rules();

// The rule whose total this figure is, if any.
const TotalRule* rule_for_total(Fig f);

// Figures whose shares are computed: each part of income_total,
// expenditure_total and basic, as a percentage of that total.
std::span<const TotalRule> share_groups();

template <class T>
using PerFigure = std::array<T, kFigCount>;

}  // namespace gk
