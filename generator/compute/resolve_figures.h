// Turns the amounts a file states into the figures of spec §6: missing parts
// of a published total are 0, totals are summed from their parts, a total
// given alone stands for parts that are not published.
//
// Both validate/ (which reports stated totals that do not add up) and
// compute/ use this, so the rule lives in one place.
#pragma once

#include <optional>
#include <vector>

#include "model/amount.h"
#include "model/budget.h"
#include "model/figures.h"

namespace gk {

// A stated total that differs from the sum of its parts.
struct TotalMismatch {
    Fig total;
    Amount stated;
    Amount computed;
};

struct ResolvedFigures {
    PerFigure<std::optional<Amount>> values;
    std::vector<TotalMismatch> mismatches;
};

// A stated total is kept even when its parts add up to something else:
// within `tolerance` that is the document's own rounding (尾差); beyond it
// validation reports the mismatch, and the totals above compare with the
// total as stated, so a single wrong figure gives a single error.
ResolvedFigures resolve_figures(const BudgetFile& budget, Amount tolerance);

// The amount of one procurement row: its stated total, else the sum of its
// funding columns, else quantity × unit price when that is exact.
std::optional<Amount> procurement_row_total(const ProcurementRow& row);

// The sum of the funding columns of a row, when any is given.
std::optional<Amount> procurement_funding_sum(const ProcurementRow& row);

// quantity × unit price in 分, when both are given and the product is exact.
std::optional<Amount> procurement_product(const ProcurementRow& row);

}  // namespace gk
