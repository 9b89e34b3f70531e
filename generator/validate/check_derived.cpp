// Warnings that compare a file with derived figures: a [previous] figure
// against last year's file, and every [printed] figure against the one
// computed from the document's own figures (spec §6 "Printed figures").
#include "validate/validate.h"

namespace gk {

namespace {

std::string name_of(Fig fig) { return std::string(figure_info(fig).name); }

// [previous] basis that means "the same kind of file as last year's".
bool comparable_basis(const BudgetFile& file) {
    const PreviousBasis basis = file.previous.basis;
    return file.kind == BudgetKind::budget ? basis == PreviousBasis::budget : basis == PreviousBasis::final_accounts;
}

void check_previous(const DepartmentYear& dy, Diagnostics& diagnostics) {
    const BudgetFile& file = *dy.file;
    if (!file.previous.present || !dy.previous || !file.previous.note.empty() || !comparable_basis(file)) return;
    const std::string last_file = std::to_string(dy.previous->year) +
                                  (dy.kind == BudgetKind::final_accounts ? "-final.toml" : ".toml");
    for (const FigureInfo& info : all_figures()) {
        const Located<Amount>& stated = file.previous.values[index(info.fig)];
        const std::optional<Amount>& last = dy.previous->values[index(info.fig)];
        if (!stated.has() || !last || *stated == *last) continue;
        diagnostics.warning(stated.loc, "[previous] '" + name_of(info.fig) + "' is " + show(*stated, file.unit) +
                                            " but " + last_file + " gives " + show(*last, file.unit) +
                                            "; add a 'note' to [previous] if the base was adjusted");
    }
}

// Compares a printed percentage with part/whole at the printed precision.
void compare_percent(const PrintedNumber& printed, std::optional<Amount> part, std::optional<Amount> whole,
                     std::string_view what, Diagnostics& diagnostics) {
    const int scale = printed.value.scale;
    if (!part || !whole) {
        diagnostics.warning(printed.loc, "the document printed " + std::string(what) + " of '" + name_of(printed.fig) +
                                             "' but its figures do not give one");
        return;
    }
    const std::string printed_text = format_scaled(printed.value.negative ? -printed.value.mantissa : printed.value.mantissa, scale);
    if (whole->is_zero()) {
        diagnostics.warning(printed.loc, "the document printed " + printed_text + "% for '" + name_of(printed.fig) +
                                             "' but the base is 0, so there is no percentage");
        return;
    }
    const std::optional<i128> computed = percent_scaled(*part, *whole, std::max(scale, 2));
    if (!computed) {
        // Too many digits to hold: far larger than any number a document can
        // print with that many decimals, so it differs; say it at 2 decimals.
        diagnostics.warning(printed.loc, "the document printed " + printed_text + "% but its figures give " +
                                             format_scaled(*percent_scaled(*part, *whole, 2), 2) + "%");
        return;
    }
    // Round the computed figure to the printed decimals; compare magnitudes,
    // since the prose carries the direction (增长 / 下降).
    const i128 at_printed = scale >= 2 ? *computed : div_round_half_away(*computed, pow10_i128(2 - scale));
    const i128 magnitude = at_printed < 0 ? -at_printed : at_printed;
    if (magnitude == printed.value.mantissa) return;
    diagnostics.warning(printed.loc, "the document printed " + printed_text + "% but its figures give " +
                                         format_scaled(*computed, std::max(scale, 2)) + "%");
}

void check_printed_changes(const DepartmentYear& dy, Diagnostics& diagnostics) {
    const BudgetFile& file = *dy.file;
    for (const PrintedNumber& printed : file.printed.change_amounts) {
        const std::optional<Change>& change = dy.changes[index(printed.fig)];
        if (!change) {
            diagnostics.warning(printed.loc, "the document printed a change of '" + name_of(printed.fig) +
                                                 "' but there is no previous figure to compare with");
            continue;
        }
        const int scale = printed.value.scale;
        const Amount magnitude = change->amount.abs();
        if (scale < max_decimals(file.unit)) {
            if (rounded_scaled(magnitude, file.unit, scale) == printed.value.mantissa) continue;
        } else {
            // Printed to the 分 or finer: nothing to round, compare exactly
            // (scaling the computed figure up could overflow 128 bits).
            DecimalLiteral unsigned_value = printed.value;
            unsigned_value.negative = false;
            if (amount_from_literal(unsigned_value, file.unit) == magnitude) continue;
        }
        diagnostics.warning(printed.loc, "the document printed a change of " +
                                             format_scaled(printed.value.mantissa, scale) + " but its figures give " +
                                             show(magnitude, file.unit));
    }
    for (const PrintedNumber& printed : file.printed.change_percents) {
        const std::optional<Change>& change = dy.changes[index(printed.fig)];
        compare_percent(printed, change ? std::optional(change->amount) : std::nullopt,
                        change ? std::optional(change->previous) : std::nullopt, "a change", diagnostics);
    }
}

void check_printed_shares(const DepartmentYear& dy, Diagnostics& diagnostics) {
    for (const PrintedNumber& printed : dy.file->printed.shares) {
        for (const TotalRule& group : share_groups()) {
            for (Fig part : group.parts) {
                if (part != printed.fig) continue;
                compare_percent(printed, dy.values[index(part)], dy.values[index(group.total)], "a share", diagnostics);
            }
        }
        // A figure without a share was reported by check_printed (validate).
    }
}

void check_printed_execution(const DepartmentYear& dy, Diagnostics& diagnostics) {
    // In a budget file, [printed.execution] was reported by check_printed.
    if (dy.kind != BudgetKind::final_accounts) return;
    for (const PrintedNumber& printed : dy.file->printed.execution) {
        const std::optional<Amount> budget = dy.budget ? dy.budget->values[index(printed.fig)] : std::nullopt;
        compare_percent(printed, dy.values[index(printed.fig)], budget, "an execution rate", diagnostics);
    }
}

}  // namespace

void check_derived(const Derived& derived, Diagnostics& diagnostics) {
    for (const DepartmentYear& dy : derived.department_years) {
        check_previous(dy, diagnostics);
        check_printed_changes(dy, diagnostics);
        check_printed_shares(dy, diagnostics);
        check_printed_execution(dy, diagnostics);
    }
}

}  // namespace gk
