#include "compute/resolve_figures.h"

namespace gk {

namespace {

bool section_present(const BudgetFile& b, Section s) {
    return b.section_present[static_cast<std::size_t>(s)];
}

// procurement_total is a total like the others, whose parts are the rows.
void resolve_procurement(const BudgetFile& budget, Amount tolerance, ResolvedFigures& out) {
    std::optional<Amount> sum;
    for (const ProcurementRow& row : budget.procurement) {
        if (const auto total = procurement_row_total(row)) sum = sum.value_or(Amount{}) + *total;
    }
    const Located<Amount>& stated = budget.stated[index(Fig::procurement_total)];
    std::optional<Amount>& value = out.values[index(Fig::procurement_total)];
    if (!sum) {
        value = stated.value;
        return;
    }
    value = *sum;
    if (stated.has() && *stated != *sum) {
        out.mismatches.push_back({Fig::procurement_total, *stated, *sum});
        if ((*stated - *sum).abs() <= tolerance) value = *stated;
    }
}

}  // namespace

std::optional<Amount> procurement_funding_sum(const ProcurementRow& row) {
    std::optional<Amount> sum;
    for (const Located<Amount>* column : {&row.general_public, &row.government_fund, &row.state_capital,
                                          &row.special_account, &row.other}) {
        if (column->has()) sum = sum.value_or(Amount{}) + **column;
    }
    return sum;
}

std::optional<Amount> procurement_product(const ProcurementRow& row) {
    if (!row.quantity.has() || !row.unit_price.has()) return std::nullopt;
    // A quantity may have up to 36 digits: the product is checked, and a
    // row whose product does not fit has no computed total (validate has
    // already reported it as too large to check).
    i128 numerator = 0;
    if (__builtin_mul_overflow(row.quantity->mantissa, static_cast<i128>(row.unit_price->fen()), &numerator)) {
        return std::nullopt;
    }
    const i128 denominator = pow10_i128(row.quantity->scale);
    if (numerator % denominator != 0) return std::nullopt;
    const i128 fen = numerator / denominator;
    if (fen > kMaxInputFen) return std::nullopt;
    return Amount::from_fen(static_cast<std::int64_t>(fen));
}

std::optional<Amount> procurement_row_total(const ProcurementRow& row) {
    if (row.total.has()) return *row.total;
    if (auto sum = procurement_funding_sum(row)) return sum;
    return procurement_product(row);
}

ResolvedFigures resolve_figures(const BudgetFile& budget, Amount tolerance) {
    ResolvedFigures out;
    for (std::size_t i = 0; i < kFigCount; ++i) out.values[i] = budget.stated[i].value;

    for (const TotalRule& rule : total_rules()) {
        bool any_part = false;
        for (Fig part : rule.parts) any_part = any_part || out.values[index(part)].has_value();
        const Located<Amount>& stated = budget.stated[index(rule.total)];
        std::optional<Amount>& total = out.values[index(rule.total)];
        if (!any_part) {
            total = stated.value;  // the total alone, or nothing
            continue;
        }
        Amount sum;
        for (Fig part : rule.parts) {
            std::optional<Amount>& value = out.values[index(part)];
            if (!value) value = Amount{};  // a missing part of a published total is 0
            sum += *value;
        }
        total = sum;
        if (stated.has() && *stated != sum) {
            out.mismatches.push_back({rule.total, *stated, sum});
            // Keep what the document states: within the tolerance it is the
            // document's own rounding (尾差); beyond it validation fails
            // anyway, and the totals above are then checked against this
            // line as printed, so one wrong figure is one error, not a
            // cascade up to the grand total.
            total = *stated;
        }
    }

    // 结转下年 is not part of the total but completes the expenditure side.
    std::optional<Amount>& carry_forward = out.values[index(Fig::carry_forward)];
    if (!carry_forward && out.values[index(Fig::expenditure_total)] && section_present(budget, Section::expenditure))
        carry_forward = Amount{};

    resolve_procurement(budget, tolerance, out);

    const auto& income = out.values[index(Fig::income_total)];
    const auto& expenditure = out.values[index(Fig::expenditure_total)];
    if (income && expenditure) out.values[index(Fig::balance)] = *income - *expenditure - carry_forward.value_or(Amount{});
    return out;
}

}  // namespace gk
