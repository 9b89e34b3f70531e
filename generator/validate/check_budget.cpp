// Per-file rules: the year, totals against their parts, the balance, the
// operating-expenses warning, procurement rows and asset items.
#include "compute/resolve_figures.h"
#include "validate/validate.h"

namespace gk {

namespace {

// value / 10^scale without trailing zeros beyond 2 decimals.
std::string show_scaled(i128 value, int scale) {
    while (scale > 2 && value % 10 == 0) {
        value /= 10;
        --scale;
    }
    return format_scaled(value, scale);
}

std::string figure_label(Fig fig) {
    const FigureInfo& info = figure_info(fig);
    if (info.section.empty()) return "'" + std::string(info.key) + "'";
    return "'" + std::string(info.key) + "' in [" + std::string(info.section) + "]";
}

void check_year(const BudgetFile& budget, Diagnostics& diagnostics) {
    if (budget.stated_year.has() && *budget.stated_year != budget.year) {
        diagnostics.error(budget.stated_year.loc, "'year' is " + std::to_string(*budget.stated_year) +
                                                      " but the file name says " + std::to_string(budget.year));
    }
}

void check_totals(const BudgetFile& budget, const ResolvedFigures& resolved, Amount tolerance,
                  Diagnostics& diagnostics) {
    for (const TotalMismatch& m : resolved.mismatches) {
        const SourceLoc loc = budget.stated[index(m.total)].loc;
        const std::string parts = m.total == Fig::procurement_total ? "the [[procurement]] rows add up to "
                                                                    : "its parts add up to ";
        std::string message = figure_label(m.total) + " is " + show(m.stated, budget.unit) + " but " + parts +
                              show(m.computed, budget.unit);
        const Amount difference = (m.stated - m.computed).abs();
        if (difference <= tolerance) {
            diagnostics.warning(loc, message + "; the difference of " + show(difference, budget.unit) +
                                         " is within the tolerance (尾差)");
        } else {
            diagnostics.error(loc, message);
        }
    }
}

void check_balance(const BudgetFile& budget, const ResolvedFigures& resolved, Amount tolerance,
                   Diagnostics& diagnostics) {
    const std::optional<Amount>& balance = resolved.values[index(Fig::balance)];
    if (!balance || balance->is_zero()) return;
    // An income or expenditure total that does not add up has been reported;
    // a balance against it would only repeat it. A wrong total elsewhere (the
    // three-public expenses, procurement) has nothing to do with the balance.
    for (const TotalMismatch& m : resolved.mismatches) {
        const bool in_balance = m.total == Fig::income_total || m.total == Fig::expenditure_total;
        if (in_balance && (m.stated - m.computed).abs() > tolerance) return;
    }
    const Located<Amount>& stated_income = budget.stated[index(Fig::income_total)];
    const SourceLoc loc = stated_income.has() ? stated_income.loc
                                              : budget.section_loc[static_cast<std::size_t>(Section::income)];
    const auto value = [&](Fig f) { return show(resolved.values[index(f)].value_or(Amount{}), budget.unit); };
    std::string message = "income (" + value(Fig::income_total) + ") does not equal expenditure (" +
                          value(Fig::expenditure_total) + ") plus carry_forward (" + value(Fig::carry_forward) +
                          "): the difference is " + show(*balance, budget.unit);
    if (balance->abs() <= tolerance) {
        diagnostics.warning(loc, message + ", within the tolerance (尾差)");
    } else {
        diagnostics.error(loc, message);
    }
}

void check_operating_expenses(const BudgetFile& budget, const ResolvedFigures& resolved,
                              Diagnostics& diagnostics) {
    const std::optional<Amount>& operating = resolved.values[index(Fig::operating_expenses)];
    const std::optional<Amount>& pub = resolved.values[index(Fig::public_)];
    if (!operating || !operating->is_zero() || !pub || pub->is_zero()) return;
    if (budget.notes[static_cast<std::size_t>(NoteKey::operating_expenses)].has()) return;  // the document says why
    diagnostics.warning(budget.stated[index(Fig::operating_expenses)].loc,
                        "operating expenses are 0 while public expenditure is " + show(*pub, budget.unit) +
                            ": check the figure, or say why in [notes] operating_expenses");
}

void check_procurement_row(const ProcurementRow& row, Unit unit, Amount tolerance, Diagnostics& diagnostics) {
    const std::optional<Amount> funding = procurement_funding_sum(row);
    if (row.total.has() && funding && (*row.total - *funding).abs() > tolerance) {
        diagnostics.error(row.total.loc, "'total' in [[procurement]] is " + show(*row.total, unit) +
                                             " but the funding columns add up to " + show(*funding, unit));
    }
    if (!row.quantity.has() || !row.unit_price.has()) return;
    const std::optional<Amount> amount = row.total.has() ? row.total.value : funding;
    if (!amount) return;
    // Exact: total × 10^scale against quantity mantissa × unit price. Trailing
    // zeros of the quantity go first ("2.000" is 2), and every product is
    // checked: a quantity of 30 digits once wrapped around 128 bits silently.
    i128 mantissa = row.quantity->mantissa;
    int quantity_scale = row.quantity->scale;
    while (quantity_scale > 0 && mantissa % 10 == 0) {
        mantissa /= 10;
        --quantity_scale;
    }
    const i128 scale = pow10_i128(quantity_scale);
    i128 product = 0, stated = 0, allowed = 0;
    if (__builtin_mul_overflow(mantissa, static_cast<i128>(row.unit_price->fen()), &product) ||
        __builtin_mul_overflow(static_cast<i128>(amount->fen()), scale, &stated) ||
        __builtin_mul_overflow(static_cast<i128>(tolerance.fen()), scale, &allowed)) {
        diagnostics.error(row.quantity.loc, "'quantity' in [[procurement]] is too large or too precise for "
                                            "quantity × unit_price to be checked exactly");
        return;
    }
    const i128 difference = stated - product;
    if ((difference < 0 ? -difference : difference) <= allowed) return;
    const std::string quantity = format_scaled(row.quantity->mantissa, row.quantity->scale);
    const std::string what = row.total.has() ? "'total'" : "the funding columns' sum";
    diagnostics.error(row.total.has() ? row.total.loc : row.unit_price.loc,
                      what + " in [[procurement]] is " + show(*amount, unit) + " but quantity × unit_price is " +
                          quantity + " × " + show(*row.unit_price, unit) + " = " +
                          show_scaled(product, quantity_scale + max_decimals(unit)));
}

void check_assets(const Assets& assets, Diagnostics& diagnostics) {
    for (std::size_t i = 0; i < assets.items.size(); ++i) {
        const AssetItem& item = assets.items[i];
        if (item.part_of.empty()) continue;
        bool found = false;
        for (std::size_t j = 0; j < i && !found; ++j) found = assets.items[j].name == item.part_of;
        if (!found) {
            diagnostics.error(item.loc, "'part_of' in [[assets.items]] names '" + item.part_of +
                                            "' but no earlier item is called that");
        }
    }
}

}  // namespace

void check_budget(const BudgetFile& budget, Amount tolerance, Diagnostics& diagnostics) {
    check_year(budget, diagnostics);
    const ResolvedFigures resolved = resolve_figures(budget, tolerance);
    check_totals(budget, resolved, tolerance, diagnostics);
    check_balance(budget, resolved, tolerance, diagnostics);
    check_operating_expenses(budget, resolved, diagnostics);
    for (const ProcurementRow& row : budget.procurement) check_procurement_row(row, budget.unit, tolerance, diagnostics);
    check_assets(budget.assets, diagnostics);
}

}  // namespace gk
