// [printed] entries that can never be checked, whatever the figures: an
// execution rate in a budget file, a share of a figure that has none. They
// are errors of the file itself, so they are found here with every other
// error, not only once the content is clean enough to compute (the values
// themselves are compared after compute, in check_derived.cpp).
#include "validate/validate.h"

namespace gk {

namespace {

bool has_share(Fig fig) {
    for (const TotalRule& group : share_groups()) {
        for (Fig part : group.parts) {
            if (part == fig) return true;
        }
    }
    return false;
}

}  // namespace

void check_printed(const BudgetFile& budget, Diagnostics& diagnostics) {
    for (const PrintedNumber& printed : budget.printed.shares) {
        if (has_share(printed.fig)) continue;
        diagnostics.error(printed.loc, "'" + std::string(figure_info(printed.fig).name) +
                                           "' has no share: shares are of the income parts, the expenditure parts, "
                                           "and personnel and public within basic");
    }
    if (budget.kind == BudgetKind::final_accounts) return;
    for (const PrintedNumber& printed : budget.printed.execution) {
        diagnostics.error(printed.loc, "[printed.execution] belongs in a <year>-final.toml file");
    }
}

}  // namespace gk
